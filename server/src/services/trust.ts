import type { Core } from '@strapi/strapi';

import type { DocumentTrust, EditorMeta, GetStatuses } from '../../../shared/contracts';
import { resolveDisclaimer } from '../../../shared/disclaimer';
import { DOCUMENT_ID_PATTERN, ERROR_CODES, LOCALE_CODE_PATTERN, toValidationDetails, trustEditSchema } from '../../../shared/schemas';
import type { TrustState } from '../../../shared/trust';
import { loadTrustRows } from '../database/trust-rows';
import { draftAndPublished, hashOfVersion, loadVersions, type Version } from '../database/versions';
import { presentTrustState, type PresentationContext } from '../domain/trust';
import { invalid, notFound, validationError } from '../errors';
import { documentTarget } from '../validation/targets';
import { getPluginConfig, getService, hasDraftAndPublish, isLocalized } from '../utils';
import type { AdminUser, Target } from './verification';


/**
 * What the admin panel reads: the trust state of a document's draft and published version, the statuses for the
 * list view, and what the Trust panel needs to preview a disclaimer. Also the service app code calls to edit labels
 * (`strapi.plugin('trust-labels').service('trust').editDraft(...)`).
 */
const createTrustService = ({ strapi }: { strapi: Core.Strapi }) => {
  const stateOf = (uid: string, version: Version, locale: string | null, context: PresentationContext): TrustState =>
    presentTrustState(version.trust, locale, context, hashOfVersion(strapi, uid, version).hash);

  return {
    /** Trust state of the draft and the published version of one locale. 404 for a document that does not exist. */
    async getDocumentState(target: Target): Promise<DocumentTrust> {
      const versions = await loadVersions(strapi, target.uid, target.documentId, { locale: target.locale, withContent: true });
      const { draft, published } = draftAndPublished(strapi, target.uid, versions);
      const editable = draft ?? published;
      if (!editable) throw notFound('Document not found');
      const context = await getService(strapi, 'settings').presentationContext();
      return {
        draft: stateOf(target.uid, editable, target.locale, context),
        published: published ? stateOf(target.uid, published, target.locale, context) : null,
      };
    },

    /**
     * What the Trust panel needs to preview a disclaimer before saving: the default text per AI involvement for the
     * locale (resolved, `{siteName}` filled), the site name, and the verification rules.
     */
    async editorMeta(locale: string | null): Promise<EditorMeta> {
      const { settings, defaultLocale } = await getService(strapi, 'settings').presentationContext();
      const forLocale = locale ?? defaultLocale;
      const disclaimerDefaults = Object.fromEntries(
        (['unknown', 'none', 'assisted', 'generated'] as const).map((aiInvolvement) => [
          aiInvolvement,
          resolveDisclaimer({ mode: 'default', text: null, aiInvolvement }, settings, forLocale, defaultLocale),
        ])
      );
      return { locale: forLocale, siteName: settings.siteName, disclaimerDefaults, requiredSources: settings.requiredSources, fourEyes: settings.fourEyes };
    },

    /** Draft and published status of many documents of one type and locale, for the list view column. */
    async statuses(uid: string, localeInput: unknown, documentIdsInput: unknown): Promise<{ locale: string | null; documents: GetStatuses.Response['data'] }> {
      const raw = typeof documentIdsInput === 'string' ? documentIdsInput.split(',') : Array.isArray(documentIdsInput) ? documentIdsInput : [];
      const documentIds = raw.filter((id): id is string => typeof id === 'string' && DOCUMENT_ID_PATTERN.test(id));
      if (documentIds.length === 0 || documentIds.length > 200 || documentIds.length !== raw.length) {
        throw invalid(['documentIds'], 'documentIds must be a comma-separated list of 1 to 200 document ids', ERROR_CODES.documentId);
      }
      let locale: string | null = null;
      if (isLocalized(strapi, uid)) {
        if (localeInput === undefined || localeInput === '') locale = await getService(strapi, 'settings').defaultLocale();
        else if (typeof localeInput === 'string' && LOCALE_CODE_PATTERN.test(localeInput)) locale = localeInput;
        else throw invalid(['locale'], 'locale must be a locale code such as en or fr', ERROR_CODES.locale);
      }
      const rows: any[] = await strapi.db.query(uid as any).findMany({
        where: { documentId: { $in: documentIds }, ...(locale ? { locale } : {}) },
        select: ['id', 'documentId', 'publishedAt'],
      });
      const trust = await loadTrustRows(strapi, uid, getPluginConfig(strapi).attributeName, rows.map((row) => Number(row.id)));
      const draftAndPublish = hasDraftAndPublish(strapi, uid);
      const result: GetStatuses.Response['data'] = {};
      for (const row of rows) {
        const entry = (result[row.documentId] ??= { draft: null, published: null, changedFields: [] });
        const stored = trust.get(Number(row.id))?.trust;
        const status = stored?.status ?? 'unverified';
        if (!draftAndPublish || !row.publishedAt) {
          entry.draft = status;
          entry.changedFields = status === 'stale' ? stored?.changedFields ?? [] : [];
        }
        if (!draftAndPublish || row.publishedAt) entry.published = status;
      }
      return { locale, documents: result };
    },

    /**
     * Edits the labels of a document's draft from code: `body` is what PUT /trust-labels/documents/… takes, checked
     * the same way. Resolves to the document's state.
     */
    async editDraft(uid: string, documentId: string, locale: string | null | undefined, body: unknown, user?: AdminUser) {
      const target = await documentTarget(strapi, { uid, documentId, locale: locale ?? undefined });
      const parsed = trustEditSchema.safeParse(body);
      if (!parsed.success) throw validationError(toValidationDetails(parsed.error.issues));
      await getService(strapi, 'labels').editDraft(target, parsed.data, user);
      return this.getDocumentState(target);
    },
  };
};

export type TrustService = ReturnType<typeof createTrustService>;
export default createTrustService;
