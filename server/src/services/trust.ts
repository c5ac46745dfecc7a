import type { Core } from '@strapi/strapi';

import type { Diff, DocumentTrust, EditorMeta, GetQueue, GetStatuses, QueueEntry } from '../../../shared/contracts';
import { resolveDisclaimer } from '../../../shared/disclaimer';
import { trustEditSchema, type QueueQuery } from '../../../shared/schemas';
import type { TrustState } from '../../../shared/trust';
import { loadTrustRows } from '../database/trust-rows';
import { contentOfVersion, draftAndPublished, hashOfVersion, hashSetup, loadVersions, type Version } from '../database/versions';
import { SOURCES_FIELD } from '../domain/hash';
import { diffContent, diffValues } from '../domain/diff';
import { AI_INVOLVEMENT_FIELD, needsReview, publicInterestOf, reviewedInvolvement } from '../domain/status';
import { presentTrustState, type PresentationContext } from '../domain/trust';
import { notFound } from '../errors';
import { parseInput } from '../validation/input';
import { documentTarget } from '../validation/targets';
import { getPluginConfig, getService, hasDraftAndPublish, isLocalized } from '../utils';
import type { AdminUser, Target } from './verification';


/**
 * What the admin panel reads: the trust state of a document's draft and published version, the statuses for the
 * list view, and what the Trust panel needs to preview a disclaimer. Also the service app code calls to edit labels
 * (`strapi.plugin('trust-labels').service('trust').editDraft(...)`).
 */
const createTrustService = ({ strapi }: { strapi: Core.Strapi }) => {
  /** The attribute the Content Manager shows as an entry's title (its list view's main field), if it is text. */
  const titleFieldOf = async (uid: string): Promise<string | null> => {
    let mainField: string | undefined;
    try {
      const configuration = await strapi.plugin('content-manager').service('content-types').findConfiguration(strapi.contentType(uid as any));
      mainField = configuration?.settings?.mainField;
    } catch {
      mainField = undefined;
    }
    const attributes: Record<string, any> = (strapi.contentType(uid as any) as any)?.attributes ?? {};
    const candidate = mainField && ['string', 'text', 'uid'].includes(attributes[mainField]?.type) ? mainField : 'title';
    return ['string', 'text', 'uid'].includes(attributes[candidate]?.type) ? candidate : null;
  };

  const stateOf = (uid: string, version: Version, locale: string | null, context: PresentationContext): TrustState =>
    presentTrustState(version.trust, { uid, locale }, context, hashOfVersion(strapi, uid, version).hash);

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
        // A pending suggestion is the draft's (publish copies it along with the trust row).
        published: published ? { ...stateOf(target.uid, published, target.locale, context), suggestion: published === editable ? editable.trust.suggestion : null } : null,
      };
    },

    /**
     * What changed in the draft and the published version since their last verification, against the content as it
     * was hashed then (kept with each verification: the latest per version). Null for a version never verified.
     */
    async getDiff(target: Target): Promise<{ draft: Diff | null; published: Diff | null }> {
      const versions = await loadVersions(strapi, target.uid, target.documentId, { locale: target.locale, withContent: true, withVerifiedContent: true });
      const { draft, published } = draftAndPublished(strapi, target.uid, versions);
      if (!draft && !published) throw notFound('Document not found');
      const fields = [...hashSetup(strapi, target.uid).names, SOURCES_FIELD];
      const diffOf = (version: Version | null): Diff | null => {
        if (!version?.trust.verifiedContent || version.trust.status === 'unverified') return null;
        const changes = diffContent(version.trust.verifiedContent, contentOfVersion(strapi, target.uid, version), fields);
        // The declared AI involvement is part of what was verified (domain/status.ts): its change is shown too.
        const reviewed = reviewedInvolvement(version.trust);
        if (reviewed !== version.trust.aiInvolvement) {
          changes.push({ field: AI_INVOLVEMENT_FIELD, before: reviewed, after: version.trust.aiInvolvement, changes: diffValues(reviewed, version.trust.aiInvolvement) });
        }
        return { verifiedAt: version.trust.verifiedAt, status: version.trust.status, fields: changes };
      };
      return { draft: diffOf(draft ?? published), published: published && published !== draft ? diffOf(published) : null };
    },

    /**
     * The entries that need a person, across enabled types and locales (those `readable` allows): a stale draft, or an
     * AI-assisted or AI-generated draft that is not verified. Published ones first, then the oldest first.
     */
    async reviewQueue(
      { uid, locale, status, page = 1, pageSize = 25 }: Partial<QueueQuery>,
      /** The versions of `uid` the user may read, each with whether they may read `field` of it (the title). */
      readable: (uid: string, field: string | null) => Promise<ReadonlyMap<string, boolean> | null>
    ): Promise<GetQueue.Response> {
      const { contentTypes, attributeName } = getPluginConfig(strapi);
      const all: QueueEntry[] = [];
      const counts = { stale: 0, unverified: 0 };
      for (const typeUid of contentTypes) {
        if (uid && uid !== typeUid) continue;
        const mainField = await titleFieldOf(typeUid);
        const allowed = await readable(typeUid, mainField);
        if (!allowed) continue;
        const rows: any[] = await strapi.db.query(typeUid as any).findMany({
          where: locale ? { locale } : {},
          select: ['id', 'documentId', 'locale', 'publishedAt', 'updatedAt', ...(mainField ? [mainField] : [])],
        });
        const trust = await loadTrustRows(strapi, typeUid, attributeName, rows.map((row) => Number(row.id)));
        const draftAndPublish = hasDraftAndPublish(strapi, typeUid);
        const byVersion = new Map<string, { draft?: any; published?: any }>();
        for (const row of rows) {
          const key = `${row.documentId}\u0000${row.locale ?? ''}`;
          if (!allowed.has(key)) continue;
          const entry = byVersion.get(key) ?? {};
          if (draftAndPublish && row.publishedAt) entry.published = row;
          else entry.draft = row;
          if (!draftAndPublish) entry.published = row;
          byVersion.set(key, entry);
        }
        for (const [key, { draft, published }] of byVersion) {
          if (!draft) continue;
          const stored = trust.get(Number(draft.id))?.trust;
          const draftStatus = stored?.status ?? 'unverified';
          const aiInvolvement = stored?.aiInvolvement ?? 'unknown';
          if (!needsReview({ status: draftStatus, aiInvolvement })) continue;
          counts[draftStatus === 'stale' ? 'stale' : 'unverified'] += 1;
          if (status && status !== draftStatus) continue;
          all.push({
            uid: typeUid,
            documentId: draft.documentId,
            locale: draft.locale ?? null,
            // Only when the Content Manager lets the user read that field of this entry.
            title: mainField && allowed.get(key) && typeof draft[mainField] === 'string' ? draft[mainField] : null,
            status: draftStatus,
            aiInvolvement,
            changedFields: draftStatus === 'stale' ? stored?.changedFields ?? [] : [],
            publishedStatus: published ? trust.get(Number(published.id))?.trust.status ?? 'unverified' : null,
            updatedAt: draft.updatedAt ? new Date(draft.updatedAt).toISOString() : null,
          });
        }
      }
      all.sort((a, b) => Number(b.publishedStatus !== null) - Number(a.publishedStatus !== null) || String(a.updatedAt).localeCompare(String(b.updatedAt)));
      const size = Math.min(Math.max(1, pageSize), 100);
      const pageCount = Math.max(1, Math.ceil(all.length / size));
      const current = Math.min(Math.max(1, page), pageCount);
      return {
        data: all.slice((current - 1) * size, current * size),
        meta: {
          pagination: { page: current, pageSize: size, total: all.length, pageCount },
          counts,
          contentTypes: contentTypes.map((typeUid) => ({ uid: typeUid, displayName: (strapi.contentType(typeUid as any) as any)?.info?.displayName ?? typeUid })),
        },
      };
    },

    /**
     * What the Trust panel needs to preview a disclaimer before saving: the default text per AI involvement for the
     * locale (resolved, `{siteName}` filled), the site name, and the verification rules.
     */
    async editorMeta(locale: string | null, uid?: string): Promise<EditorMeta> {
      const { settings, defaultLocale } = await getService(strapi, 'settings').presentationContext();
      const forLocale = locale ?? defaultLocale;
      const disclaimerDefaults = Object.fromEntries(
        (['unknown', 'none', 'assisted', 'generated'] as const).map((aiInvolvement) => [
          aiInvolvement,
          resolveDisclaimer({ mode: 'default', text: null, aiInvolvement }, settings, forLocale, defaultLocale),
        ])
      );
      return {
        locale: forLocale,
        siteName: settings.siteName,
        disclaimerDefaults,
        requiredSources: settings.requiredSources,
        requiredChecks: settings.requiredChecks,
        editorialResponsibility: settings.editorialResponsibility,
        fourEyes: settings.fourEyes,
        publicInterestOfType: publicInterestOf(null, settings, uid),
      };
    },

    /** Draft and published status of many documents of one type and locale, for the list view column. */
    async statuses(uid: string, locale: string | null, documentIds: string[]): Promise<GetStatuses.Response['data']> {
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
      return result;
    },

    /**
     * Edits the labels of a document's draft from code: `body` is what PUT /trust-labels/documents/… takes, checked
     * the same way. Resolves to the document's state.
     */
    async editDraft(uid: string, documentId: string, locale: string | null | undefined, body: unknown, user?: AdminUser) {
      const target = await documentTarget(strapi, { uid, documentId, locale: locale ?? undefined });
      // An entry point for app code: its input is checked here, as a route's is in its controller.
      await getService(strapi, 'labels').editDraft(target, parseInput(trustEditSchema, body), user);
      return this.getDocumentState(target);
    },
  };
};

export type TrustService = ReturnType<typeof createTrustService>;
export default createTrustService;
