import type { AiInvolvement, DisclaimerMode, Settings } from './trust';

export interface DisclaimerInput {
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

export const fillSiteName = (text: string, siteName: string) => text.split('{siteName}').join(siteName);

/**
 * The final disclaimer text for one entry version: the custom text, else the settings default for its
 * `aiInvolvement` in its locale (with fallback), with `{siteName}` filled; null when the mode is `off` or no
 * default applies.
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
    return text === null ? null : fillSiteName(text, settings.siteName);
  }
  const texts = pickLocalized(settings.disclaimers, locale, defaultLocale);
  const text = texts?.[input.aiInvolvement ?? 'unknown'];
  return text ? fillSiteName(text, settings.siteName) : null;
};
