import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import { PLUGIN_ID } from '../../../shared/constants';
import { settingsSchema, settingsUpdateSchema, toValidationDetails } from '../../../shared/schemas';
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/trust';

const STORE_KEY = 'settings';

/**
 * Settings live in the plugin store (the database), and are read on every use, so that a change made through
 * one Strapi process is seen by every other process on the same database without a restart.
 */
const createSettingsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const store = () => strapi.store({ type: 'plugin', name: PLUGIN_ID, key: STORE_KEY });

  // Parsed settings by stored JSON text: reads stay cheap without caching across processes.
  let lastParsed: { raw: string; settings: Settings } | null = null;

  const withDefaults = (stored: unknown): Settings => {
    const raw = JSON.stringify(stored ?? null);
    if (lastParsed?.raw === raw) return lastParsed.settings;
    const merged = { ...DEFAULT_SETTINGS, ...(stored && typeof stored === 'object' ? stored : {}) };
    const parsed = settingsSchema.safeParse(merged);
    // A stored value that no longer validates (edited by hand in the database) falls back to the defaults.
    const settings = parsed.success ? (parsed.data as Settings) : DEFAULT_SETTINGS;
    lastParsed = { raw, settings };
    return settings;
  };

  return {
    async get(): Promise<Settings> {
      return withDefaults(await store().get({}));
    },

    /** Validates a partial update, merges it over the current settings and saves the result. */
    async update(input: unknown): Promise<Settings> {
      const parsed = settingsUpdateSchema.safeParse(input);
      if (!parsed.success) {
        const details = toValidationDetails(parsed.error.issues);
        throw new errors.ValidationError(
          details.length === 1 ? details[0].message : `${details.length} errors occurred`,
          { errors: details }
        );
      }
      const next = { ...(await this.get()), ...parsed.data } as Settings;
      await store().set({ value: next });
      return next;
    },

    /**
     * Settings and the i18n default locale in a single query on Strapi's core store, for the content API's
     * hot path (one read per request, never cached, so other processes' changes show at once).
     */
    async presentationContext(): Promise<{ settings: Settings; defaultLocale: string }> {
      const keys = [`plugin_${PLUGIN_ID}_${STORE_KEY}`, 'plugin_i18n_default_locale'];
      const rows: Array<{ key: string; value: string | null }> = await strapi.db
        .query('strapi::core-store')
        .findMany({ where: { key: { $in: keys }, environment: null, tag: null }, select: ['key', 'value'] });
      const read = (key: string) => {
        const value = rows.find((row) => row.key === key)?.value;
        if (value === null || value === undefined) return undefined;
        try {
          return JSON.parse(value);
        } catch {
          return undefined;
        }
      };
      const defaultLocale = read(keys[1]);
      return { settings: withDefaults(read(keys[0]) ?? {}), defaultLocale: typeof defaultLocale === 'string' ? defaultLocale : 'en' };
    },

    /** The i18n default locale, or 'en' when i18n is not installed. */
    async defaultLocale(): Promise<string> {
      const i18n = strapi.plugin('i18n');
      if (!i18n) return 'en';
      try {
        return (await i18n.service('locales').getDefaultLocale()) ?? 'en';
      } catch {
        return 'en';
      }
    },
  };
};

export type SettingsService = ReturnType<typeof createSettingsService>;
export default createSettingsService;
