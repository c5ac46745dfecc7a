import { DEFAULT_DISCLAIMERS, languageOf, READER_WORDS, readerLanguageOf, type ReaderWords } from './reader-words';
import { DEFAULT_SETTINGS, type AiInvolvement, type DisclaimerMode, type Settings } from './trust';

interface DisclaimerInput {
  mode: DisclaimerMode | null | undefined;
  text: string | null | undefined;
  aiInvolvement: AiInvolvement | null | undefined;
}

/**
 * Picks the value for `locale` from a per-locale map: the locale itself, else the default locale, else `en`.
 * Returns undefined when none of them is present.
 */
export const pickLocalized = <T>(
  map: Record<string, T> | null | undefined,
  locale: string | null | undefined,
  defaultLocale: string | null | undefined
): T | undefined => {
  if (!map) return undefined;
  for (const candidate of [locale, defaultLocale, 'en']) {
    if (candidate && Object.prototype.hasOwnProperty.call(map, candidate)) return map[candidate];
  }
  return undefined;
};

/**
 * A per-locale setting with the reader words as built-in default (the badge's labels): the configured value of the
 * locale, else of its language, else the built-in word of its language (one of the 24 official EU languages), else
 * the configured value of the default locale, else of `en`, else the built-in English word.
 */
export const pickLocalizedWord = (
  map: Record<string, string> | null | undefined,
  locale: string | null | undefined,
  defaultLocale: string | null | undefined,
  word: (words: ReaderWords) => string
): string => {
  const own = (key: string | null | undefined) =>
    map && key && Object.prototype.hasOwnProperty.call(map, key) ? map[key] : undefined;
  const configured = own(locale) ?? own(languageOf(locale));
  if (configured !== undefined) return configured;
  const builtIn = readerLanguageOf(locale);
  if (builtIn) return word(READER_WORDS[builtIn]);
  return own(defaultLocale) ?? own('en') ?? word(READER_WORDS.en);
};

export const fillSiteName = (text: string, siteName: string) => text.split('{siteName}').join(siteName);

/**
 * The site's name in a text of `language`: the configured name, or, while the site keeps the default ("this
 * site"), the words for "this site" in that language, so a Polish disclaimer does not say "this site".
 */
const siteNameIn = (siteName: string, language: string | null): string => {
  if (siteName !== DEFAULT_SETTINGS.siteName) return siteName;
  const builtIn = readerLanguageOf(language);
  return builtIn ? READER_WORDS[builtIn].thisSite : siteName;
};

/**
 * The disclaimer texts for a locale, with the locale of the map they came from: the configured texts of the locale,
 * else of its language (`fr` for `fr-CA`), else the built-in texts of its language (one of the 24 official EU
 * languages, shared/reader-words.ts), else the configured texts of the default locale, else of `en`.
 */
export const disclaimerTextsFor = (
  disclaimers: Settings['disclaimers'] | null | undefined,
  locale: string | null | undefined,
  defaultLocale: string | null | undefined
): { texts: Settings['disclaimers'][string]; language: string | null } | undefined => {
  const own = (key: string | null | undefined) =>
    disclaimers && key && Object.prototype.hasOwnProperty.call(disclaimers, key) ? disclaimers[key] : undefined;
  for (const candidate of [locale, languageOf(locale)]) {
    const texts = own(candidate);
    if (texts) return { texts, language: languageOf(candidate) };
  }
  const builtIn = readerLanguageOf(locale);
  if (builtIn) return { texts: DEFAULT_DISCLAIMERS[builtIn], language: builtIn };
  for (const candidate of [defaultLocale, 'en']) {
    const texts = own(candidate);
    if (texts) return { texts, language: languageOf(candidate) };
  }
  return undefined;
};

/**
 * The final disclaimer text for one entry version: the custom text, else the default for its `aiInvolvement` in
 * its locale (disclaimerTextsFor: configured, else the built-in words of its language), with `{siteName}` filled;
 * null when the mode is `off` or no default applies.
 */
export const resolveDisclaimer = (
  input: DisclaimerInput,
  settings: Pick<Settings, 'siteName' | 'disclaimers'>,
  locale: string | null | undefined,
  defaultLocale: string | null | undefined
): string | null => {
  const mode = input.mode ?? 'default';
  if (mode === 'off') return null;
  if (mode === 'custom') {
    const text = input.text?.trim() ? input.text : null;
    return text === null ? null : fillSiteName(text, siteNameIn(settings.siteName, languageOf(locale)));
  }
  const found = disclaimerTextsFor(settings.disclaimers, locale, defaultLocale);
  const text = found?.texts[input.aiInvolvement ?? 'unknown'];
  return text ? fillSiteName(text, siteNameIn(settings.siteName, found?.language ?? null)) : null;
};
