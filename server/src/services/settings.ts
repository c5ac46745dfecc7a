import type { Core } from '@strapi/strapi';

import { PLUGIN_ID } from '../../../shared/constants';
import type { SettingsProblem } from '../../../shared/contracts';
import { settingsSchema, type SettingsUpdate } from '../../../shared/schemas';
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/trust';
import type { PresentationContext } from '../domain/trust';
import { defaultLocaleOf } from '../utils';

const STORE_KEY = 'settings';

/** How long the content API's read path may reuse the settings it read (docs/install-and-configure.md#settings). */
const PRESENTATION_CACHE_MS = 1000;

/**
 * Settings are stored in the database (Strapi's core store), so every Strapi process on it shares them. Verification
 * rules and the publish gate read them fresh, inside their transaction. The content API's presentation (disclaimer
 * texts, badge labels, showVerifierName) may reuse them for up to one second, so a change made through another
 * process shows within a second; this process sees its own changes at once.
 *
 * Each stored key is validated on its own: a value that fails (edited by hand in the database, written by an
 * older version) is reported, and only that key reads as its default. Nothing is rewritten until an admin saves.
 */
const createSettingsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const store = () => strapi.store({ type: 'plugin', name: PLUGIN_ID, key: STORE_KEY });
  const shape = settingsSchema.shape;

  let cached: { at: number; context: Promise<PresentationContext> } | null = null;
  const reported = new Set<string>();

  /** The stored object, each key validated on its own; invalid keys read as their default and are listed. */
  const fromStored = (stored: unknown): { settings: Settings; problems: SettingsProblem[] } => {
    const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS };
    const problems: SettingsProblem[] = [];
    if (stored !== null && stored !== undefined && (typeof stored !== 'object' || Array.isArray(stored))) {
      problems.push({ key: '*', message: 'the stored settings are not an object; every key reads as its default' });
    } else if (stored) {
      for (const [key, value] of Object.entries(stored as Record<string, unknown>)) {
        const schema = (shape as Record<string, any>)[key];
        if (!schema) continue; // a key of an older or newer version: ignored, kept in the store
        const parsed = schema.safeParse(value);
        if (parsed.success) settings[key] = parsed.data;
        else problems.push({ key, message: parsed.error.issues[0]?.message ?? 'invalid value' });
      }
    }
    for (const problem of problems) {
      const signature = `${problem.key}\u0000${problem.message}`;
      if (reported.has(signature)) continue;
      reported.add(signature);
      strapi.log.warn(
        `[trust-labels] stored setting ${problem.key} is invalid (${problem.message}); it reads as its default until an admin saves it`
      );
    }
    return { settings: settings as unknown as Settings, problems };
  };

  const readStored = async () => fromStored(await store().get({}));

  /** The i18n default locale, or 'en' when i18n is not installed. */
  const defaultLocale = (): Promise<string> => defaultLocaleOf(strapi);

  const readPresentationContext = async (): Promise<PresentationContext> => {
    // In turn, not with Promise.all: called inside a transaction, both queries would go to its one connection at once.
    const { settings } = await readStored();
    const locale = await defaultLocale();
    return { settings, defaultLocale: locale };
  };

  return {
    /** The settings, read now. */
    async get(): Promise<Settings> {
      return (await readStored()).settings;
    },

    /** The settings with the stored values that failed validation (for the Settings page's warning). */
    async getWithProblems(): Promise<{ settings: Settings; problems: SettingsProblem[] }> {
      return readStored();
    },

    /** Merges a partial update (checked by the controller with `settingsUpdateSchema`) over the stored settings. */
    async update(update: SettingsUpdate): Promise<Settings> {
      const stored = await store().get({});
      // Only the keys given change: a stored value that fails validation stays as it is (and keeps being reported)
      // until an admin saves that key.
      const next = { ...(stored && typeof stored === 'object' && !Array.isArray(stored) ? stored : {}), ...update };
      await store().set({ value: next });
      cached = null;
      return fromStored(next).settings;
    },

    defaultLocale,

    /** Settings and default locale for presenting trust; reused for up to PRESENTATION_CACHE_MS. */
    presentationContext(): Promise<PresentationContext> {
      const now = Date.now();
      if (!cached || now - cached.at > PRESENTATION_CACHE_MS) {
        const context = readPresentationContext();
        cached = { at: now, context };
        // A failed read is not kept.
        context.catch(() => {
          if (cached?.context === context) cached = null;
        });
      }
      return cached.context;
    },
  };
};

export default createSettingsService;
