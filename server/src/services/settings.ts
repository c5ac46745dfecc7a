import type { Core } from '@strapi/strapi';

import { PLUGIN_ID } from '../../../shared/constants';
import { validationError } from '../errors';
import { settingsSchema, settingsUpdateSchema, toValidationDetails } from '../../../shared/schemas';
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/trust';

export interface PresentationContext {
  settings: Settings;
  defaultLocale: string;
}

const STORE_KEY = 'settings';

/**
 * Settings live in the plugin store (the database), and are read on every use, so that a change made through
 * one Strapi process is seen by every other process on the same database without a restart.
 */
const createSettingsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const store = () => strapi.store({ type: 'plugin', name: PLUGIN_ID, key: STORE_KEY });
  const presentationStoreKeys = [`plugin_${PLUGIN_ID}_${STORE_KEY}`, 'plugin_i18n_default_locale'];

  // Parsed settings by stored JSON text: reads stay cheap without caching across processes.
  let lastParsed: { raw: string; settings: Settings } | null = null;

  /** The stored settings (JSON text from the core store) merged over the defaults and validated. */
  const fromStoredText = (raw: string): Settings => {
    if (lastParsed?.raw === raw) return lastParsed.settings;
    let stored: unknown;
    try {
      stored = JSON.parse(raw);
    } catch {
      stored = null;
    }
    const merged = { ...DEFAULT_SETTINGS, ...(stored && typeof stored === 'object' ? stored : {}) };
    const parsed = settingsSchema.safeParse(merged);
    // A stored value that no longer validates (edited by hand in the database) falls back to the defaults.
    const settings = parsed.success ? (parsed.data as Settings) : DEFAULT_SETTINGS;
    lastParsed = { raw, settings };
    return settings;
  };

  /** Settings and default locale from the raw core-store values of `presentationStoreKeys` (JSON text). */
  const presentationFromStore = (values: Map<string, string | null | undefined>): PresentationContext => {
    let defaultLocale: unknown;
    try {
      defaultLocale = JSON.parse(values.get(presentationStoreKeys[1]) ?? 'null');
    } catch {
      defaultLocale = null;
    }
    return {
      settings: fromStoredText(values.get(presentationStoreKeys[0]) ?? 'null'),
      defaultLocale: typeof defaultLocale === 'string' ? defaultLocale : 'en',
    };
  };

  const readPresentationStore = async (): Promise<Map<string, string | null>> => {
    const rows: Array<{ key: string; value: string | null }> = await strapi.db
      .query('strapi::core-store')
      .findMany({ where: { key: { $in: presentationStoreKeys }, environment: null, tag: null }, select: ['key', 'value'] });
    return new Map(rows.map((row) => [row.key, row.value]));
  };

  return {
    async get(): Promise<Settings> {
      return fromStoredText(JSON.stringify((await store().get({})) ?? null));
    },

    /** Validates a partial update, merges it over the current settings and saves the result. */
    async update(input: unknown): Promise<Settings> {
      const parsed = settingsUpdateSchema.safeParse(input);
      if (!parsed.success) {
        throw validationError(toValidationDetails(parsed.error.issues));
      }
      const next = { ...(await this.get()), ...parsed.data } as Settings;
      await store().set({ value: next });
      return next;
    },

    /** The core-store keys that `presentationFromStore` reads. */
    presentationStoreKeys,

    presentationFromStore,

    /**
     * Settings and the i18n default locale in a single query on Strapi's core store, for the content API's
     * hot path (one read per request, never cached, so other processes' changes show at once).
     */
    async presentationContext(): Promise<PresentationContext> {
      return presentationFromStore(await readPresentationStore());
    },

    /** The raw core-store values of `presentationStoreKeys`, in one query. */
    readPresentationStore,

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
