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

  const withDefaults = (stored: unknown): Settings => {
    const merged = { ...DEFAULT_SETTINGS, ...(stored && typeof stored === 'object' ? stored : {}) };
    const parsed = settingsSchema.safeParse(merged);
    // A stored value that no longer validates (edited by hand in the database) falls back to the defaults.
    return parsed.success ? (parsed.data as Settings) : DEFAULT_SETTINGS;
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
