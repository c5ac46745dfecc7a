import { DISCLOSURE_WORDS, disclosureWords } from '../../shared/disclosure';
import {
  DEFAULT_DISCLAIMERS,
  READER_LANGUAGES,
  READER_WORDS,
  readerLanguageOf,
  readerWords,
} from '../../shared/reader-words';

/**
 * SPEC.md "What readers see": reader-facing words exist in the 24 official EU languages. No language may fall back to
 * English: every key is present and differs from the English words, except where the same word is correct in that
 * language, listed here one by one.
 */
const SAME_AS_ENGLISH: Record<string, string[]> = {
  // The AI Act writes "AI" in these languages (fi spells the words out and has no acronym of its own).
  cs: ['ai'],
  da: ['ai'],
  fi: ['ai'],
  nl: ['ai'],
  pl: ['ai'],
  sk: ['ai'],
  sv: ['ai'],
  // French "Sources" is the same word.
  fr: ['sources'],
};

const OFFICIAL_EU_LANGUAGES = [
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
];

/** Every leaf of a words object, as [path, value]. */
const leaves = (value: unknown, path: string[] = []): Array<[string, unknown]> =>
  value !== null && typeof value === 'object'
    ? Object.entries(value as Record<string, unknown>).flatMap(([key, child]) => leaves(child, [...path, key]))
    : [[path.join('.'), value]];

describe('reader words', () => {
  it('cover exactly the 24 official EU languages', () => {
    expect([...READER_LANGUAGES].sort()).toEqual(OFFICIAL_EU_LANGUAGES);
    expect(Object.keys(READER_WORDS).sort()).toEqual(OFFICIAL_EU_LANGUAGES);
    expect(Object.keys(DEFAULT_DISCLAIMERS).sort()).toEqual(OFFICIAL_EU_LANGUAGES);
  });

  it.each(OFFICIAL_EU_LANGUAGES.filter((language) => language !== 'en'))(
    '%s has every word, none of them the English one',
    (language) => {
      const english = new Map([
        ...leaves(READER_WORDS.en),
        ...leaves(DEFAULT_DISCLAIMERS.en).map(([k, v]) => [`disclaimer.${k}`, v] as [string, unknown]),
      ]);
      const own = new Map([
        ...leaves(READER_WORDS[language as 'en']),
        ...leaves(DEFAULT_DISCLAIMERS[language as 'en']).map(([k, v]) => [`disclaimer.${k}`, v] as [string, unknown]),
      ]);
      expect([...own.keys()].sort()).toEqual([...english.keys()].sort());
      const same = [...own].filter(([key, value]) => value !== null && value === english.get(key)).map(([key]) => key);
      expect(same.sort()).toEqual((SAME_AS_ENGLISH[language] ?? []).sort());
    }
  );

  it.each(OFFICIAL_EU_LANGUAGES)('%s: texts are clean single lines with their placeholders', (language) => {
    const words = READER_WORDS[language as 'en'];
    for (const [key, value] of leaves(words)) {
      expect(typeof value).toBe('string');
      expect((value as string).trim()).toBe(value);
      expect(value).not.toMatch(/[\n<>]/);
      if (key !== 'accessed' && key !== 'reviewer') expect(value).not.toMatch(/\{/);
    }
    expect(words.accessed).toContain('{date}');
    expect(words.reviewer).toContain('{name}');
    expect(Array.from(words.ai)).toHaveLength(2); // the acronym, two letters, as the Code of Practice's icon
    const disclaimers = DEFAULT_DISCLAIMERS[language as 'en'];
    expect(disclaimers.none).toBeNull();
    expect(disclaimers.unknown).toContain('{siteName}');
    expect(disclaimers.assisted).toBe(disclaimers.unknown);
    expect(disclaimers.generated).not.toContain('{siteName}');
  });

  it('reads the language of a locale, English for the others', () => {
    expect(readerLanguageOf('pt-BR')).toBe('pt');
    expect(readerLanguageOf('EL')).toBe('el');
    expect(readerLanguageOf('ja')).toBeNull();
    expect(readerLanguageOf('constructor')).toBeNull();
    expect(readerWords('ga-IE')).toBe(READER_WORDS.ga);
    expect(readerWords('ja')).toBe(READER_WORDS.en);
    expect(readerWords(undefined)).toBe(READER_WORDS.en);
  });

  it("the disclosure words are the table's, in every language", () => {
    for (const language of OFFICIAL_EU_LANGUAGES) {
      expect(DISCLOSURE_WORDS[language]).toEqual(READER_WORDS[language as 'en'].disclosure);
      expect(disclosureWords('ai-autonomous', `${language}-XX`)).toBe(
        READER_WORDS[language as 'en'].disclosure['ai-autonomous']
      );
    }
  });
});
