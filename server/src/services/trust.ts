import type { Core } from '@strapi/strapi';

import { resolveDisclaimer } from '../../../shared/disclaimer';
import { toValidationDetails, trustEditSchema } from '../../../shared/schemas';
import type {
  AiInvolvement,
  DisclaimerMode,
  PublicTrust,
  Settings,
  Source,
  TrustState,
  VerificationStatus,
} from '../../../shared/trust';
import { invalid, notFound, validationError } from '../errors';
import { getPluginConfig, getService, hasDraftAndPublish, isLocalized, runTrustedWrite } from '../utils';
import { documentLockKey, withDocumentLock } from './lock';
import { adminDisplayName } from './actors';
import type { PresentationContext } from './settings';

/** The trust component as stored (internal fields included). */
export interface StoredTrust {
  status: VerificationStatus;
  verifiedAt: string | null;
  aiInvolvement: AiInvolvement;
  disclaimerMode: DisclaimerMode;
  disclaimerText: string | null;
  sources: Source[];
  verifiedHash: string | null;
  fieldHashes: Record<string, string> | null;
  changedFields: string[] | null;
  verifiedById: number | null;
  verifiedByName: string | null;
}

export const defaultTrust = (): StoredTrust => ({
  status: 'unverified',
  verifiedAt: null,
  aiInvolvement: 'unknown',
  disclaimerMode: 'default',
  disclaimerText: null,
  sources: [],
  verifiedHash: null,
  fieldHashes: null,
  changedFields: null,
  verifiedById: null,
  verifiedByName: null,
});

const toIsoOrNull = (value: unknown): string | null => {
  if (value === null || value === undefined || value === '') return null;
  const date = new Date(value as string);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
};

const sourceOf = (title: unknown, url: unknown, publisher: unknown, accessedAt: unknown): Source => ({
  title: (title as string) ?? '',
  url: (url as string) ?? '',
  publisher: (publisher as string | null) ?? null,
  accessedAt: accessedAt ? String(accessedAt).slice(0, 10) : null,
});

/** A stored source: a component row, or an item of the trust row's `sourcesJson` copy (see toWritableTrust). */
const toSource = (raw: any): Source =>
  Array.isArray(raw) ? sourceOf(raw[0], raw[1], raw[2], raw[3]) : sourceOf(raw?.title, raw?.url, raw?.publisher, raw?.accessedAt);

const parseJson = <T>(value: unknown): T | null => {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') {
    try {
      return JSON.parse(value) as T;
    } catch {
      return null;
    }
  }
  return value as T;
};

/** Reads a stored trust component (or its absence, for entries created before the plugin) with defaults. */
export const normalizeTrust = (raw: any): StoredTrust => {
  if (!raw || typeof raw !== 'object') return defaultTrust();
  return {
    status: raw.status ?? 'unverified',
    verifiedAt: toIsoOrNull(raw.verifiedAt),
    aiInvolvement: raw.aiInvolvement ?? 'unknown',
    disclaimerMode: raw.disclaimerMode ?? 'default',
    disclaimerText: raw.disclaimerText ?? null,
    sources: Array.isArray(raw.sources) ? raw.sources.map(toSource) : [],
    verifiedHash: raw.verifiedHash ?? null,
    fieldHashes: parseJson<Record<string, string>>(raw.fieldHashes),
    changedFields: parseJson<string[]>(raw.changedFields),
    verifiedById: raw.verifiedById ?? null,
    verifiedByName: raw.verifiedByName ?? null,
  };
};

/**
 * What goes into the database: the stored shape without ids, so Strapi writes fresh component rows, plus
 * `sourcesJson`, the copy of the sources that the content API reads (see the trust component): one
 * [title, url, publisher, accessedAt] per source, which `normalizeTrust` reads back like component rows.
 */
export const toWritableTrust = (trust: StoredTrust) => {
  const sources = trust.sources.map((source) => ({
    title: source.title,
    url: source.url,
    publisher: source.publisher ?? null,
    accessedAt: source.accessedAt ?? null,
  }));
  return { ...trust, sources, sourcesJson: sources.map((source) => [source.title, source.url, source.publisher, source.accessedAt]) };
};

export type { PresentationContext };

/**
 * Resolves disclaimers for many entries under one presentation context: the default text for a locale and
 * `aiInvolvement` is computed once, not once per entry (content API lists resolve up to 100 per request).
 */
export const disclaimerResolver = (context: PresentationContext) => {
  const defaults = new Map<string, string | null>();
  return (trust: Pick<StoredTrust, 'disclaimerMode' | 'disclaimerText' | 'aiInvolvement'>, locale: string | null | undefined) => {
    const input = { mode: trust.disclaimerMode, text: trust.disclaimerText, aiInvolvement: trust.aiInvolvement };
    if (input.mode === 'custom' || input.mode === 'off') return resolveDisclaimer(input, context.settings, locale, context.defaultLocale);
    const key = `${locale ?? ''}\u0000${input.aiInvolvement}`;
    let text = defaults.get(key);
    if (text === undefined) {
      text = resolveDisclaimer(input, context.settings, locale, context.defaultLocale);
      defaults.set(key, text);
    }
    return text;
  };
};

/** The public trust object of a normalized stored trust (see `normalizeTrust`); its sources are reused. */
export const presentTrust = (
  trust: StoredTrust,
  locale: string | null | undefined,
  context: PresentationContext,
  resolve: ReturnType<typeof disclaimerResolver> = disclaimerResolver(context)
): PublicTrust => ({
  status: trust.status,
  verifiedAt: trust.status === 'unverified' ? null : trust.verifiedAt,
  verifiedBy: context.settings.showVerifierName && trust.status !== 'unverified' ? trust.verifiedByName : null,
  aiInvolvement: trust.aiInvolvement,
  disclaimer: resolve(trust, locale),
  sources: trust.sources,
});

export const toPublicTrust = (raw: any, locale: string | null | undefined, context: PresentationContext): PublicTrust =>
  presentTrust(normalizeTrust(raw), locale, context);

export const toTrustState = (raw: any, locale: string | null | undefined, context: PresentationContext): TrustState => {
  const trust = normalizeTrust(raw);
  const publicTrust = toPublicTrust(raw, locale, context);
  return {
    ...publicTrust,
    disclaimerMode: trust.disclaimerMode,
    disclaimerText: trust.disclaimerText,
    changedFields: trust.status === 'stale' ? trust.changedFields ?? [] : [],
    verifiedBy:
      trust.status !== 'unverified' && trust.verifiedById !== null
        ? { id: trust.verifiedById, name: trust.verifiedByName ?? '' }
        : null,
  };
};

const DOCUMENT_ID = /^[A-Za-z0-9_-]{1,64}$/;
const LOCALE_CODE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;


const createTrustService = ({ strapi }: { strapi: Core.Strapi }) => {
  const attributeName = () => getPluginConfig(strapi).attributeName;

  const presentationContext = (): Promise<PresentationContext> => getService(strapi, 'settings').presentationContext();

  /**
   * Checks uid, documentId and locale of an admin request and returns the locale to use: the one given,
   * else the default locale for localized types, else null. 404 for a uid that is not enabled.
   */
  const resolveTarget = async (uid: string, documentId: string, locale: unknown) => {
    if (!getPluginConfig(strapi).contentTypes.includes(uid)) {
      throw notFound(`Trust labels are not enabled for "${uid}"`);
    }
    if (typeof documentId !== 'string' || !DOCUMENT_ID.test(documentId)) {
      throw notFound('Document not found');
    }
    if (!isLocalized(strapi, uid)) {
      if (locale !== undefined && locale !== '') throw invalid(['locale'], `"${uid}" is not localized: omit locale`);
      return null;
    }
    if (locale === undefined || locale === '') return getService(strapi, 'settings').defaultLocale();
    if (typeof locale !== 'string' || !LOCALE_CODE.test(locale)) {
      throw invalid(['locale'], 'locale must be a locale code such as en or fr');
    }
    return locale;
  };

  /** Draft and published rows of one document in one locale, with trust populated. */
  const loadVersions = async (uid: string, documentId: string, locale: string | null) => {
    const attr = attributeName();
    const rows: any[] = await strapi.db.query(uid as any).findMany({
      where: { documentId, ...(locale ? { locale } : {}) },
      populate: { [attr]: { populate: { sources: true } } },
    });
    if (rows.length === 0) return null;
    if (!hasDraftAndPublish(strapi, uid)) return { draft: rows[0], published: rows[0] };
    return {
      draft: rows.find((row) => row.publishedAt === null || row.publishedAt === undefined) ?? null,
      published: rows.find((row) => row.publishedAt !== null && row.publishedAt !== undefined) ?? null,
    };
  };

  return {
    presentationContext,
    resolveTarget,
    loadVersions,

    /**
     * What the Trust panel needs to preview a disclaimer before saving: the default text per AI involvement
     * for the locale (resolved, `{siteName}` filled), the site name, and the verification rules.
     */
    async editorMeta(localeInput: unknown) {
      const { settings, defaultLocale } = await presentationContext();
      const locale = typeof localeInput === 'string' && LOCALE_CODE.test(localeInput) ? localeInput : defaultLocale;
      const disclaimerDefaults = Object.fromEntries(
        (['unknown', 'none', 'assisted', 'generated'] as const).map((aiInvolvement) => [
          aiInvolvement,
          resolveDisclaimer({ mode: 'default', text: null, aiInvolvement }, settings, locale, defaultLocale),
        ])
      );
      return {
        locale,
        siteName: settings.siteName,
        disclaimerDefaults,
        requiredSources: settings.requiredSources,
        fourEyes: settings.fourEyes,
      };
    },

    /** Draft and published status of many documents of one type and locale, for the list view column. */
    async statuses(uid: string, localeInput: unknown, documentIdsInput: unknown) {
      if (!getPluginConfig(strapi).contentTypes.includes(uid)) {
        throw notFound(`Trust labels are not enabled for "${uid}"`);
      }
      const raw = typeof documentIdsInput === 'string' ? documentIdsInput.split(',') : Array.isArray(documentIdsInput) ? documentIdsInput : [];
      const documentIds = raw.filter((id): id is string => typeof id === 'string' && DOCUMENT_ID.test(id));
      if (documentIds.length === 0 || documentIds.length > 200 || documentIds.length !== raw.length) {
        throw invalid(['documentIds'], 'documentIds must be a comma-separated list of 1 to 200 document ids');
      }
      let locale: string | null = null;
      if (isLocalized(strapi, uid)) {
        if (localeInput === undefined || localeInput === '') locale = await getService(strapi, 'settings').defaultLocale();
        else if (typeof localeInput === 'string' && LOCALE_CODE.test(localeInput)) locale = localeInput;
        else throw invalid(['locale'], 'locale must be a locale code such as en or fr');
      }
      const attr = attributeName();
      const rows: any[] = await strapi.db.query(uid as any).findMany({
        where: { documentId: { $in: documentIds }, ...(locale ? { locale } : {}) },
        select: ['documentId', 'publishedAt'],
        populate: { [attr]: { select: ['status', 'changedFields'] } },
      });
      const draftAndPublish = hasDraftAndPublish(strapi, uid);
      const result: Record<string, { draft: string | null; published: string | null; changedFields: string[] }> = {};
      for (const row of rows) {
        const entry = (result[row.documentId] ??= { draft: null, published: null, changedFields: [] });
        const trust = normalizeTrust(row[attr]);
        if (!draftAndPublish || !row.publishedAt) {
          entry.draft = trust.status;
          entry.changedFields = trust.status === 'stale' ? trust.changedFields ?? [] : [];
        }
        if (!draftAndPublish || row.publishedAt) entry.published = trust.status;
      }
      return result;
    },

    async getDocumentState(uid: string, documentId: string, localeInput: unknown) {
      const locale = await resolveTarget(uid, documentId, localeInput);
      const versions = await loadVersions(uid, documentId, locale);
      if (!versions) throw notFound('Document not found');
      const attr = attributeName();
      const context = await presentationContext();
      const draftRow = versions.draft ?? versions.published;
      return {
        draft: toTrustState(draftRow[attr], locale, context),
        published: versions.published ? toTrustState(versions.published[attr], locale, context) : null,
      };
    },

    /**
     * Applies an editor's change (aiInvolvement, disclaimer, sources) to the draft of one locale, and logs it.
     * `user` is the admin making the change (recorded as the version's last updater); code may omit it.
     */
    async editDraft(uid: string, documentId: string, localeInput: unknown, body: unknown, user?: { id: number; firstname?: string; lastname?: string; username?: string }) {
      const locale = await resolveTarget(uid, documentId, localeInput);
      const parsed = trustEditSchema.safeParse(body);
      if (!parsed.success) {
        throw validationError(toValidationDetails(parsed.error.issues));
      }
      return withDocumentLock(documentLockKey(uid, documentId), async () => {
        const versions = await loadVersions(uid, documentId, locale);
        if (!versions) throw notFound('Document not found');
        const attr = attributeName();
        const draftRow = versions.draft ?? versions.published;
        const current = normalizeTrust(draftRow[attr]);
        const next: StoredTrust = { ...current, ...parsed.data } as StoredTrust;
        if (next.disclaimerMode === 'custom' && !next.disclaimerText) {
          throw invalid(['disclaimerText'], 'disclaimerText is required when disclaimerMode is custom');
        }
        const changedLabels = (['aiInvolvement', 'disclaimerMode', 'disclaimerText', 'sources'] as const).filter(
          (field) => JSON.stringify(current[field]) !== JSON.stringify(next[field])
        );
        if (changedLabels.length > 0) {
          await runTrustedWrite(() =>
            strapi.documents(uid as any).update({
              documentId,
              ...(locale ? { locale } : {}),
              data: { [attr]: toWritableTrust(next), ...(user ? { updatedBy: user.id } : {}) } as any,
            })
          );
          await getService(strapi, 'audit').append({
            action: 'edit',
            uid,
            documentId,
            locale,
            actor: user ? { id: user.id, name: adminDisplayName(user), type: 'admin' } : null,
            hash: null,
            changedFields: [...changedLabels],
            note: null,
          });
        }
        return this.getDocumentState(uid, documentId, locale ?? undefined);
      });
    },
  };
};

export type TrustService = ReturnType<typeof createTrustService>;
export default createTrustService;
