// The words readers see, in the 24 official languages of the EU (SPEC.md "What readers see"): the AI label's layers,
// "Sources", "Human Verified", "Not verified", the disclosure words and the built-in default disclaimers. One table,
// used by the front-end renderer (client/), the SVG badge, the settings' defaults and the Trust panel. Pure: no
// Strapi, no Node APIs (the client module bundles it for browsers and edge runtimes).
//
// The AI acronym of each language is the one the AI Act (Regulation (EU) 2024/1689) uses in that language ("KI",
// "IA", "ИИ", "ΤΝ", …); where the Act writes "AI" (cs, da, nl, pl, sk, sv) or spells the words out (fi), it is "AI".
// The Code of Practice on marking and labelling allows "an icon built on the AI acronym"; `words.ai` overrides it.
//
// Translations were written carefully but publishers should have their language read by a native speaker
// (docs/reader-words.md); every word can be overridden (settings for the badge and disclaimers, options in the
// renderer).

import type { DisclosureValue } from './disclosure-values';

/** The languages with built-in words: the 24 official languages of the European Union. */
export const READER_LANGUAGES = [
  'bg',
  'cs',
  'da',
  'de',
  'el',
  'en',
  'es',
  'et',
  'fi',
  'fr',
  'ga',
  'hr',
  'hu',
  'it',
  'lt',
  'lv',
  'mt',
  'nl',
  'pl',
  'pt',
  'ro',
  'sk',
  'sl',
  'sv',
] as const;
export type ReaderLanguage = (typeof READER_LANGUAGES)[number];

export interface ReaderWords {
  /** The heading of the labels' section (visually hidden by TRUST_LABELS_CSS, read by screen readers). */
  heading: string;
  /** The AI acronym in the mark. */
  ai: string;
  /** The mark's second layer for `aiInvolvement: generated`. */
  aiGenerated: string;
  /** The mark's second layer for `aiInvolvement: assisted`. */
  aiModified: string;
  sources: string;
  humanVerified: string;
  notVerified: string;
  /** After a source: when it was accessed. `{date}` is the formatted date. */
  accessed: string;
  /** After "Human Verified" when the API names the verifier. `{name}` is the name (written to avoid grammatical gender). */
  reviewer: string;
  /** `{siteName}` in the default disclaimers when the site has not set its name. */
  thisSite: string;
  /** The AI disclosure in words (shared/disclosure.ts); `undeclared` is the `null` value. */
  disclosure: Record<DisclosureValue | 'undeclared', string>;
}

/** The built-in disclaimers by AI involvement (`{siteName}` filled at resolution); `none` has none. */
interface DefaultDisclaimers {
  unknown: string;
  none: null;
  assisted: string;
  generated: string;
}

export const READER_WORDS: Record<ReaderLanguage, ReaderWords> = {
  bg: {
    heading: 'За това съдържание',
    ai: 'ИИ',
    aiGenerated: 'Генерирано с ИИ',
    aiModified: 'Променено с ИИ',
    sources: 'Източници',
    humanVerified: 'Проверено от човек',
    notVerified: 'Непроверено',
    accessed: 'посетен на {date}',
    reviewer: 'Проверка: {name}',
    thisSite: 'този сайт',
    disclosure: {
      'human-only': 'Написано от хора, без ИИ',
      'ai-assisted': 'С помощта на ИИ, проверено от човек',
      'ai-autonomous': 'ИИ, непроверено от човек',
      undeclared: 'Използването на ИИ не е декларирано',
    },
  },
  cs: {
    heading: 'O tomto obsahu',
    ai: 'AI',
    aiGenerated: 'Vygenerováno pomocí AI',
    aiModified: 'Upraveno pomocí AI',
    sources: 'Zdroje',
    humanVerified: 'Ověřeno člověkem',
    notVerified: 'Neověřeno',
    accessed: 'citováno {date}',
    reviewer: 'Ověření: {name}',
    thisSite: 'tento web',
    disclosure: {
      'human-only': 'Napsáno lidmi, bez AI',
      'ai-assisted': 'S pomocí AI, ověřeno člověkem',
      'ai-autonomous': 'AI, neověřeno člověkem',
      undeclared: 'Použití AI neuvedeno',
    },
  },
  da: {
    heading: 'Om dette indhold',
    ai: 'AI',
    aiGenerated: 'AI-genereret',
    aiModified: 'AI-redigeret',
    sources: 'Kilder',
    humanVerified: 'Kontrolleret af et menneske',
    notVerified: 'Ikke kontrolleret',
    accessed: 'tilgået {date}',
    reviewer: 'Kontrolleret af {name}',
    thisSite: 'dette websted',
    disclosure: {
      'human-only': 'Skrevet af mennesker, uden AI',
      'ai-assisted': 'AI-assisteret, kontrolleret af et menneske',
      'ai-autonomous': 'AI, ikke kontrolleret af et menneske',
      undeclared: 'Brug af AI ikke oplyst',
    },
  },
  de: {
    heading: 'Über diesen Inhalt',
    ai: 'KI',
    aiGenerated: 'KI-generiert',
    aiModified: 'KI-bearbeitet',
    sources: 'Quellen',
    humanVerified: 'Von Menschen geprüft',
    notVerified: 'Nicht geprüft',
    accessed: 'abgerufen am {date}',
    reviewer: 'Geprüft von {name}',
    thisSite: 'diese Website',
    disclosure: {
      'human-only': 'Von Menschen verfasst, ohne KI',
      'ai-assisted': 'KI-gestützt, von einer Person geprüft',
      'ai-autonomous': 'KI, nicht von einer Person geprüft',
      undeclared: 'KI-Nutzung nicht angegeben',
    },
  },
  el: {
    heading: 'Σχετικά με αυτό το περιεχόμενο',
    ai: 'ΤΝ',
    aiGenerated: 'Παραγωγή από ΤΝ',
    aiModified: 'Τροποποίηση με ΤΝ',
    sources: 'Πηγές',
    humanVerified: 'Επαληθευμένο από άνθρωπο',
    notVerified: 'Μη επαληθευμένο',
    accessed: 'ανάκτηση: {date}',
    reviewer: 'Έλεγχος: {name}',
    thisSite: 'αυτός ο ιστότοπος',
    disclosure: {
      'human-only': 'Γραμμένο από ανθρώπους, χωρίς ΤΝ',
      'ai-assisted': 'Με τη βοήθεια ΤΝ, ελεγμένο από άνθρωπο',
      'ai-autonomous': 'ΤΝ, χωρίς έλεγχο από άνθρωπο',
      undeclared: 'Η χρήση ΤΝ δεν έχει δηλωθεί',
    },
  },
  en: {
    heading: 'About this content',
    ai: 'AI',
    aiGenerated: 'AI-generated',
    aiModified: 'AI-modified',
    sources: 'Sources',
    humanVerified: 'Human Verified',
    notVerified: 'Not verified',
    accessed: 'accessed {date}',
    reviewer: 'Reviewer: {name}',
    thisSite: 'this site',
    disclosure: {
      'human-only': 'Written by people, no AI',
      'ai-assisted': 'AI-assisted, reviewed by a person',
      'ai-autonomous': 'AI, not reviewed by a person',
      undeclared: 'AI use not declared',
    },
  },
  es: {
    heading: 'Sobre este contenido',
    ai: 'IA',
    aiGenerated: 'Generado por IA',
    aiModified: 'Modificado con IA',
    sources: 'Fuentes',
    humanVerified: 'Verificado por una persona',
    notVerified: 'No verificado',
    accessed: 'consultado el {date}',
    reviewer: 'Revisión: {name}',
    thisSite: 'este sitio',
    disclosure: {
      'human-only': 'Escrito por personas, sin IA',
      'ai-assisted': 'Asistido por IA, revisado por una persona',
      'ai-autonomous': 'IA, sin revisión humana',
      undeclared: 'Uso de IA no declarado',
    },
  },
  et: {
    heading: 'Teave selle sisu kohta',
    ai: 'TI',
    aiGenerated: 'Tehisintellekti loodud',
    aiModified: 'Tehisintellektiga muudetud',
    sources: 'Allikad',
    humanVerified: 'Inimese kontrollitud',
    notVerified: 'Kontrollimata',
    accessed: 'vaadatud {date}',
    reviewer: 'Kontrollija: {name}',
    thisSite: 'see veebisait',
    disclosure: {
      'human-only': 'Inimeste kirjutatud, tehisintellektita',
      'ai-assisted': 'Tehisintellekti abil, inimese kontrollitud',
      'ai-autonomous': 'Tehisintellekt, inimene pole kontrollinud',
      undeclared: 'Tehisintellekti kasutust pole märgitud',
    },
  },
  fi: {
    heading: 'Tietoa tästä sisällöstä',
    ai: 'AI',
    aiGenerated: 'Tekoälyn tuottama',
    aiModified: 'Tekoälyllä muokattu',
    sources: 'Lähteet',
    humanVerified: 'Ihmisen tarkistama',
    notVerified: 'Ei tarkistettu',
    accessed: 'viitattu {date}',
    reviewer: 'Tarkistaja: {name}',
    thisSite: 'tämä sivusto',
    disclosure: {
      'human-only': 'Ihmisten kirjoittama, ei tekoälyä',
      'ai-assisted': 'Tekoälyavusteinen, ihmisen tarkistama',
      'ai-autonomous': 'Tekoäly, ei ihmisen tarkistama',
      undeclared: 'Tekoälyn käyttöä ei ole ilmoitettu',
    },
  },
  fr: {
    heading: 'À propos de ce contenu',
    ai: 'IA',
    aiGenerated: 'Généré par IA',
    aiModified: 'Modifié par IA',
    sources: 'Sources',
    humanVerified: 'Vérifié par un humain',
    notVerified: 'Non vérifié',
    accessed: 'consulté le {date}',
    reviewer: 'Relecture\u00a0: {name}',
    thisSite: 'ce site',
    disclosure: {
      'human-only': 'Rédigé par des personnes, sans IA',
      'ai-assisted': 'Assisté par IA, relu par une personne',
      'ai-autonomous': 'IA, non relu par une personne',
      undeclared: 'Usage de l’IA non déclaré',
    },
  },
  ga: {
    heading: 'Faoin ábhar seo',
    ai: 'IS',
    aiGenerated: 'Ginte ag IS',
    aiModified: 'Athraithe le IS',
    sources: 'Foinsí',
    humanVerified: 'Fíoraithe ag duine',
    notVerified: 'Gan fíorú',
    accessed: 'rochtain: {date}',
    reviewer: 'Fíorú: {name}',
    thisSite: 'an suíomh seo',
    disclosure: {
      'human-only': 'Scríofa ag daoine, gan IS',
      'ai-assisted': 'Le cabhair ó IS, athbhreithnithe ag duine',
      'ai-autonomous': 'IS, gan athbhreithniú ag duine',
      undeclared: 'Úsáid IS gan dearbhú',
    },
  },
  hr: {
    heading: 'O ovom sadržaju',
    ai: 'UI',
    aiGenerated: 'Generirano pomoću UI-ja',
    aiModified: 'Izmijenjeno pomoću UI-ja',
    sources: 'Izvori',
    humanVerified: 'Provjerio čovjek',
    notVerified: 'Nije provjereno',
    accessed: 'pristupljeno {date}',
    reviewer: 'Provjera: {name}',
    thisSite: 'ova stranica',
    disclosure: {
      'human-only': 'Napisali ljudi, bez UI-ja',
      'ai-assisted': 'Uz pomoć UI-ja, provjerio čovjek',
      'ai-autonomous': 'UI, nije provjerio čovjek',
      undeclared: 'Upotreba UI-ja nije navedena',
    },
  },
  hu: {
    heading: 'A tartalomról',
    ai: 'MI',
    aiGenerated: 'MI által generált',
    aiModified: 'MI által módosított',
    sources: 'Források',
    humanVerified: 'Ember által ellenőrizve',
    notVerified: 'Nem ellenőrzött',
    accessed: 'elérés: {date}',
    reviewer: 'Ellenőrizte: {name}',
    thisSite: 'ez az oldal',
    disclosure: {
      'human-only': 'Emberek írták, MI nélkül',
      'ai-assisted': 'MI-támogatással, ember által ellenőrizve',
      'ai-autonomous': 'MI, ember nem ellenőrizte',
      undeclared: 'Az MI használata nincs feltüntetve',
    },
  },
  it: {
    heading: 'Informazioni su questo contenuto',
    ai: 'IA',
    aiGenerated: 'Generato dall’IA',
    aiModified: 'Modificato con l’IA',
    sources: 'Fonti',
    humanVerified: 'Verificato da una persona',
    notVerified: 'Non verificato',
    accessed: 'consultato il {date}',
    reviewer: 'Revisione: {name}',
    thisSite: 'questo sito',
    disclosure: {
      'human-only': 'Scritto da persone, senza IA',
      'ai-assisted': 'Assistito dall’IA, rivisto da una persona',
      'ai-autonomous': 'IA, non rivisto da una persona',
      undeclared: 'Uso dell’IA non dichiarato',
    },
  },
  lt: {
    heading: 'Apie šį turinį',
    ai: 'DI',
    aiGenerated: 'Sukurta DI',
    aiModified: 'Pakeista naudojant DI',
    sources: 'Šaltiniai',
    humanVerified: 'Patikrinta žmogaus',
    notVerified: 'Nepatikrinta',
    accessed: 'žiūrėta {date}',
    reviewer: 'Patikrino: {name}',
    thisSite: 'ši svetainė',
    disclosure: {
      'human-only': 'Parašė žmonės, be DI',
      'ai-assisted': 'Padedant DI, patikrinta žmogaus',
      'ai-autonomous': 'DI, žmogaus nepatikrinta',
      undeclared: 'DI naudojimas nenurodytas',
    },
  },
  lv: {
    heading: 'Par šo saturu',
    ai: 'MI',
    aiGenerated: 'MI ģenerēts',
    aiModified: 'MI pārveidots',
    sources: 'Avoti',
    humanVerified: 'Cilvēka pārbaudīts',
    notVerified: 'Nav pārbaudīts',
    accessed: 'skatīts {date}',
    reviewer: 'Pārbaudīja: {name}',
    thisSite: 'šī vietne',
    disclosure: {
      'human-only': 'Rakstījuši cilvēki, bez MI',
      'ai-assisted': 'Ar MI palīdzību, cilvēka pārbaudīts',
      'ai-autonomous': 'MI, cilvēks nav pārbaudījis',
      undeclared: 'MI izmantojums nav norādīts',
    },
  },
  mt: {
    heading: 'Dwar dan il-kontenut',
    ai: 'IA',
    aiGenerated: 'Iġġenerat mill-IA',
    aiModified: 'Immodifikat bl-IA',
    sources: 'Sorsi',
    humanVerified: 'Ivverifikat minn persuna',
    notVerified: 'Mhux ivverifikat',
    accessed: 'aċċessat fi {date}',
    reviewer: 'Verifika: {name}',
    thisSite: 'dan is-sit',
    disclosure: {
      'human-only': 'Miktub minn persuni, mingħajr IA',
      'ai-assisted': 'Assistit mill-IA, rivedut minn persuna',
      'ai-autonomous': 'IA, mhux rivedut minn persuna',
      undeclared: 'L-użu tal-IA mhux iddikjarat',
    },
  },
  nl: {
    heading: 'Over deze inhoud',
    ai: 'AI',
    aiGenerated: 'AI-gegenereerd',
    aiModified: 'Door AI bewerkt',
    sources: 'Bronnen',
    humanVerified: 'Door een mens gecontroleerd',
    notVerified: 'Niet gecontroleerd',
    accessed: 'geraadpleegd op {date}',
    reviewer: 'Gecontroleerd door {name}',
    thisSite: 'deze site',
    disclosure: {
      'human-only': 'Geschreven door mensen, zonder AI',
      'ai-assisted': 'Met hulp van AI, door een mens gecontroleerd',
      'ai-autonomous': 'AI, niet door een mens gecontroleerd',
      undeclared: 'AI-gebruik niet vermeld',
    },
  },
  pl: {
    heading: 'Informacje o tej treści',
    ai: 'AI',
    aiGenerated: 'Wygenerowane przez AI',
    aiModified: 'Zmodyfikowane przez AI',
    sources: 'Źródła',
    humanVerified: 'Zweryfikowane przez człowieka',
    notVerified: 'Niezweryfikowane',
    accessed: 'dostęp: {date}',
    reviewer: 'Weryfikacja: {name}',
    thisSite: 'ten serwis',
    disclosure: {
      'human-only': 'Napisane przez ludzi, bez AI',
      'ai-assisted': 'Ze wsparciem AI, sprawdzone przez człowieka',
      'ai-autonomous': 'AI, niesprawdzone przez człowieka',
      undeclared: 'Nie zadeklarowano użycia AI',
    },
  },
  pt: {
    heading: 'Sobre este conteúdo',
    ai: 'IA',
    aiGenerated: 'Gerado por IA',
    aiModified: 'Modificado com IA',
    sources: 'Fontes',
    humanVerified: 'Verificado por uma pessoa',
    notVerified: 'Não verificado',
    accessed: 'consultado em {date}',
    reviewer: 'Revisão: {name}',
    thisSite: 'este site',
    disclosure: {
      'human-only': 'Escrito por pessoas, sem IA',
      'ai-assisted': 'Assistido por IA, revisto por uma pessoa',
      'ai-autonomous': 'IA, não revisto por uma pessoa',
      undeclared: 'Utilização de IA não declarada',
    },
  },
  ro: {
    heading: 'Despre acest conținut',
    ai: 'IA',
    aiGenerated: 'Generat de IA',
    aiModified: 'Modificat cu IA',
    sources: 'Surse',
    humanVerified: 'Verificat de un om',
    notVerified: 'Neverificat',
    accessed: 'accesat la {date}',
    reviewer: 'Verificare: {name}',
    thisSite: 'acest site',
    disclosure: {
      'human-only': 'Scris de oameni, fără IA',
      'ai-assisted': 'Asistat de IA, verificat de un om',
      'ai-autonomous': 'IA, neverificat de un om',
      undeclared: 'Utilizarea IA nu este declarată',
    },
  },
  sk: {
    heading: 'O tomto obsahu',
    ai: 'AI',
    aiGenerated: 'Vygenerované pomocou AI',
    aiModified: 'Upravené pomocou AI',
    sources: 'Zdroje',
    humanVerified: 'Overené človekom',
    notVerified: 'Neoverené',
    accessed: 'citované {date}',
    reviewer: 'Overenie: {name}',
    thisSite: 'táto stránka',
    disclosure: {
      'human-only': 'Napísané ľuďmi, bez AI',
      'ai-assisted': 'S pomocou AI, overené človekom',
      'ai-autonomous': 'AI, neoverené človekom',
      undeclared: 'Použitie AI neuvedené',
    },
  },
  sl: {
    heading: 'O tej vsebini',
    ai: 'UI',
    aiGenerated: 'Ustvarjeno z UI',
    aiModified: 'Spremenjeno z UI',
    sources: 'Viri',
    humanVerified: 'Preveril človek',
    notVerified: 'Ni preverjeno',
    accessed: 'dostopano {date}',
    reviewer: 'Preverjanje: {name}',
    thisSite: 'ta spletna stran',
    disclosure: {
      'human-only': 'Napisali ljudje, brez UI',
      'ai-assisted': 'S pomočjo UI, preveril človek',
      'ai-autonomous': 'UI, človek ni preveril',
      undeclared: 'Uporaba UI ni navedena',
    },
  },
  sv: {
    heading: 'Om det här innehållet',
    ai: 'AI',
    aiGenerated: 'AI-genererat',
    aiModified: 'AI-redigerat',
    sources: 'Källor',
    humanVerified: 'Granskat av en människa',
    notVerified: 'Inte granskat',
    accessed: 'hämtad {date}',
    reviewer: 'Granskat av {name}',
    thisSite: 'den här webbplatsen',
    disclosure: {
      'human-only': 'Skrivet av människor, utan AI',
      'ai-assisted': 'AI-assisterat, granskat av en människa',
      'ai-autonomous': 'AI, inte granskat av en människa',
      undeclared: 'AI-användning inte angiven',
    },
  },
};

/**
 * The built-in disclaimers per language. Kept apart from READER_WORDS: the content API sends the resolved
 * disclaimer, so the front-end renderer never needs them (and its bundle stays small).
 */
export const DEFAULT_DISCLAIMERS: Record<ReaderLanguage, DefaultDisclaimers> = {
  bg: {
    unknown:
      'Въпреки че се стремим към точност, {siteName} може да допуска грешки. Моля, проверявайте важната информация независимо.',
    none: null,
    assisted:
      'Въпреки че се стремим към точност, {siteName} може да допуска грешки. Моля, проверявайте важната информация независимо.',
    generated:
      'Тази статия е създадена с помощта на ИИ и може да съдържа грешки. Моля, проверявайте важната информация независимо.',
  },
  cs: {
    unknown:
      'Přestože usilujeme o přesnost, {siteName} se může mýlit. Důležité informace si prosím ověřte z nezávislých zdrojů.',
    none: null,
    assisted:
      'Přestože usilujeme o přesnost, {siteName} se může mýlit. Důležité informace si prosím ověřte z nezávislých zdrojů.',
    generated:
      'Tento článek byl vytvořen s pomocí AI a může obsahovat chyby. Důležité informace si prosím ověřte z nezávislých zdrojů.',
  },
  da: {
    unknown:
      'Selvom vi stræber efter nøjagtighed, kan {siteName} begå fejl. Kontrollér venligst vigtige oplysninger selv.',
    none: null,
    assisted:
      'Selvom vi stræber efter nøjagtighed, kan {siteName} begå fejl. Kontrollér venligst vigtige oplysninger selv.',
    generated:
      'Denne artikel er genereret med hjælp fra AI og kan indeholde fejl. Kontrollér venligst vigtige oplysninger selv.',
  },
  de: {
    unknown:
      'Obwohl wir uns um Genauigkeit bemühen, kann {siteName} Fehler machen. Bitte überprüfen Sie wichtige Informationen unabhängig.',
    none: null,
    assisted:
      'Obwohl wir uns um Genauigkeit bemühen, kann {siteName} Fehler machen. Bitte überprüfen Sie wichtige Informationen unabhängig.',
    generated:
      'Dieser Artikel wurde mithilfe von KI erstellt und kann Fehler enthalten. Bitte überprüfen Sie wichtige Informationen unabhängig.',
  },
  el: {
    unknown:
      'Παρότι επιδιώκουμε την ακρίβεια, {siteName} μπορεί να κάνει λάθη. Παρακαλούμε επαληθεύετε ανεξάρτητα τις σημαντικές πληροφορίες.',
    none: null,
    assisted:
      'Παρότι επιδιώκουμε την ακρίβεια, {siteName} μπορεί να κάνει λάθη. Παρακαλούμε επαληθεύετε ανεξάρτητα τις σημαντικές πληροφορίες.',
    generated:
      'Αυτό το άρθρο δημιουργήθηκε με τη βοήθεια ΤΝ και μπορεί να περιέχει λάθη. Παρακαλούμε επαληθεύετε ανεξάρτητα τις σημαντικές πληροφορίες.',
  },
  en: {
    unknown:
      'While we strive for accuracy, {siteName} can make mistakes. Please verify important information independently.',
    none: null,
    assisted:
      'While we strive for accuracy, {siteName} can make mistakes. Please verify important information independently.',
    generated:
      'This article was generated with the help of AI and may contain mistakes. Please verify important information independently.',
  },
  es: {
    unknown:
      'Aunque nos esforzamos por ser precisos, {siteName} puede cometer errores. Verifique la información importante de forma independiente.',
    none: null,
    assisted:
      'Aunque nos esforzamos por ser precisos, {siteName} puede cometer errores. Verifique la información importante de forma independiente.',
    generated:
      'Este artículo se ha generado con ayuda de IA y puede contener errores. Verifique la información importante de forma independiente.',
  },
  et: {
    unknown: 'Kuigi püüame olla täpsed, võib {siteName} teha vigu. Palun kontrollige olulist teavet iseseisvalt.',
    none: null,
    assisted: 'Kuigi püüame olla täpsed, võib {siteName} teha vigu. Palun kontrollige olulist teavet iseseisvalt.',
    generated:
      'See artikkel on loodud tehisintellekti abil ja võib sisaldada vigu. Palun kontrollige olulist teavet iseseisvalt.',
  },
  fi: {
    unknown: 'Pyrimme tarkkuuteen, mutta {siteName} voi tehdä virheitä. Tarkista tärkeät tiedot itsenäisesti.',
    none: null,
    assisted: 'Pyrimme tarkkuuteen, mutta {siteName} voi tehdä virheitä. Tarkista tärkeät tiedot itsenäisesti.',
    generated:
      'Tämä artikkeli on tuotettu tekoälyn avulla, ja se voi sisältää virheitä. Tarkista tärkeät tiedot itsenäisesti.',
  },
  fr: {
    unknown:
      'Bien que nous nous efforcions d’être exacts, {siteName} peut commettre des erreurs. Vérifiez les informations importantes de manière indépendante.',
    none: null,
    assisted:
      'Bien que nous nous efforcions d’être exacts, {siteName} peut commettre des erreurs. Vérifiez les informations importantes de manière indépendante.',
    generated:
      'Cet article a été généré avec l’aide de l’IA et peut contenir des erreurs. Vérifiez les informations importantes de manière indépendante.',
  },
  ga: {
    unknown:
      'Cé go ndéanaimid ár ndícheall a bheith cruinn, d’fhéadfadh botúin a bheith ag {siteName}. Fíoraigh faisnéis thábhachtach go neamhspleách.',
    none: null,
    assisted:
      'Cé go ndéanaimid ár ndícheall a bheith cruinn, d’fhéadfadh botúin a bheith ag {siteName}. Fíoraigh faisnéis thábhachtach go neamhspleách.',
    generated:
      'Gineadh an t-alt seo le cabhair ó IS agus d’fhéadfadh botúin a bheith ann. Fíoraigh faisnéis thábhachtach go neamhspleách.',
  },
  hr: {
    unknown: 'Iako nastojimo biti točni, {siteName} može pogriješiti. Važne informacije provjerite neovisno.',
    none: null,
    assisted: 'Iako nastojimo biti točni, {siteName} može pogriješiti. Važne informacije provjerite neovisno.',
    generated:
      'Ovaj je članak generiran uz pomoć UI-ja i može sadržavati pogreške. Važne informacije provjerite neovisno.',
  },
  hu: {
    unknown:
      'Bár törekszünk a pontosságra, {siteName} hibázhat. Kérjük, a fontos információkat ellenőrizze más forrásból is.',
    none: null,
    assisted:
      'Bár törekszünk a pontosságra, {siteName} hibázhat. Kérjük, a fontos információkat ellenőrizze más forrásból is.',
    generated:
      'Ez a cikk mesterséges intelligencia segítségével készült, és hibákat tartalmazhat. Kérjük, a fontos információkat ellenőrizze más forrásból is.',
  },
  it: {
    unknown:
      'Pur impegnandoci per garantire l’accuratezza, {siteName} può commettere errori. Verifica in modo indipendente le informazioni importanti.',
    none: null,
    assisted:
      'Pur impegnandoci per garantire l’accuratezza, {siteName} può commettere errori. Verifica in modo indipendente le informazioni importanti.',
    generated:
      'Questo articolo è stato generato con l’aiuto dell’IA e può contenere errori. Verifica in modo indipendente le informazioni importanti.',
  },
  lt: {
    unknown: 'Nors siekiame tikslumo, {siteName} gali klysti. Svarbią informaciją patikrinkite savarankiškai.',
    none: null,
    assisted: 'Nors siekiame tikslumo, {siteName} gali klysti. Svarbią informaciją patikrinkite savarankiškai.',
    generated:
      'Šis straipsnis sukurtas naudojant DI ir gali būti su klaidomis. Svarbią informaciją patikrinkite savarankiškai.',
  },
  lv: {
    unknown:
      'Lai gan cenšamies būt precīzi, {siteName} var kļūdīties. Lūdzu, svarīgu informāciju pārbaudiet patstāvīgi.',
    none: null,
    assisted:
      'Lai gan cenšamies būt precīzi, {siteName} var kļūdīties. Lūdzu, svarīgu informāciju pārbaudiet patstāvīgi.',
    generated:
      'Šis raksts ir izveidots ar MI palīdzību un var saturēt kļūdas. Lūdzu, svarīgu informāciju pārbaudiet patstāvīgi.',
  },
  mt: {
    unknown:
      'Għalkemm nagħmlu ħilitna biex inkunu preċiżi, {siteName} jista’ jagħmel żbalji. Jekk jogħġbok ivverifika b’mod indipendenti l-informazzjoni importanti.',
    none: null,
    assisted:
      'Għalkemm nagħmlu ħilitna biex inkunu preċiżi, {siteName} jista’ jagħmel żbalji. Jekk jogħġbok ivverifika b’mod indipendenti l-informazzjoni importanti.',
    generated:
      'Dan l-artiklu ġie ġġenerat bl-għajnuna tal-IA u jista’ jkun fih żbalji. Jekk jogħġbok ivverifika b’mod indipendenti l-informazzjoni importanti.',
  },
  nl: {
    unknown:
      'Hoewel we naar nauwkeurigheid streven, kan {siteName} fouten maken. Controleer belangrijke informatie zelf.',
    none: null,
    assisted:
      'Hoewel we naar nauwkeurigheid streven, kan {siteName} fouten maken. Controleer belangrijke informatie zelf.',
    generated:
      'Dit artikel is met behulp van AI gegenereerd en kan fouten bevatten. Controleer belangrijke informatie zelf.',
  },
  pl: {
    unknown:
      'Choć dbamy o rzetelność informacji, {siteName} może popełniać błędy. Ważne informacje sprawdzaj samodzielnie.',
    none: null,
    assisted:
      'Choć dbamy o rzetelność informacji, {siteName} może popełniać błędy. Ważne informacje sprawdzaj samodzielnie.',
    generated:
      'Ten artykuł został wygenerowany z pomocą AI i może zawierać błędy. Ważne informacje sprawdzaj samodzielnie.',
  },
  pt: {
    unknown:
      'Embora nos esforcemos por garantir a exatidão, {siteName} pode cometer erros. Verifique as informações importantes de forma independente.',
    none: null,
    assisted:
      'Embora nos esforcemos por garantir a exatidão, {siteName} pode cometer erros. Verifique as informações importantes de forma independente.',
    generated:
      'Este artigo foi gerado com a ajuda de IA e pode conter erros. Verifique as informações importantes de forma independente.',
  },
  ro: {
    unknown:
      'Deși ne străduim să fim exacți, {siteName} poate greși. Vă rugăm să verificați independent informațiile importante.',
    none: null,
    assisted:
      'Deși ne străduim să fim exacți, {siteName} poate greși. Vă rugăm să verificați independent informațiile importante.',
    generated:
      'Acest articol a fost generat cu ajutorul IA și poate conține erori. Vă rugăm să verificați independent informațiile importante.',
  },
  sk: {
    unknown:
      'Hoci sa snažíme o presnosť, {siteName} sa môže mýliť. Dôležité informácie si, prosím, overte z nezávislých zdrojov.',
    none: null,
    assisted:
      'Hoci sa snažíme o presnosť, {siteName} sa môže mýliť. Dôležité informácie si, prosím, overte z nezávislých zdrojov.',
    generated:
      'Tento článok bol vytvorený s pomocou AI a môže obsahovať chyby. Dôležité informácie si, prosím, overte z nezávislých zdrojov.',
  },
  sl: {
    unknown:
      'Čeprav si prizadevamo za točnost, lahko {siteName} naredi napake. Pomembne informacije preverite neodvisno.',
    none: null,
    assisted:
      'Čeprav si prizadevamo za točnost, lahko {siteName} naredi napake. Pomembne informacije preverite neodvisno.',
    generated:
      'Ta članek je bil ustvarjen s pomočjo UI in lahko vsebuje napake. Pomembne informacije preverite neodvisno.',
  },
  sv: {
    unknown:
      'Vi strävar efter att vara korrekta, men {siteName} kan göra misstag. Kontrollera viktig information på egen hand.',
    none: null,
    assisted:
      'Vi strävar efter att vara korrekta, men {siteName} kan göra misstag. Kontrollera viktig information på egen hand.',
    generated:
      'Den här artikeln har genererats med hjälp av AI och kan innehålla fel. Kontrollera viktig information på egen hand.',
  },
};

/** The language of a locale code (`fr-CA` → `fr`, `pt_BR` → `pt`), lower case; null when not a string. */
export const languageOf = (locale: string | null | undefined): string | null =>
  typeof locale === 'string' && locale.length > 0 ? locale.toLowerCase().split(/[-_]/)[0] : null;

/** The built-in language for a locale: its language when one of the 24, else null. */
export const readerLanguageOf = (locale: string | null | undefined): ReaderLanguage | null => {
  const language = languageOf(locale);
  return language !== null && Object.prototype.hasOwnProperty.call(READER_WORDS, language)
    ? (language as ReaderLanguage)
    : null;
};

/** The reader words for a locale: its language's, else English. */
export const readerWords = (locale: string | null | undefined): ReaderWords =>
  READER_WORDS[readerLanguageOf(locale) ?? 'en'];
