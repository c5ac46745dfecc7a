import type { Core } from '@strapi/strapi';

import type { Diff, DocumentTrust, EditorMeta, GetQueue, GetStatuses, QueueEntry } from '../../../shared/contracts';
import { resolveDisclaimer } from '../../../shared/disclaimer';
import { trustEditSchema, type QueueQuery } from '../../../shared/schemas';
import type { TrustState } from '../../../shared/trust';
import { loadTrustRows } from '../database/trust-rows';
import {
  attributeColumn,
  isoOf,
  queueCounts,
  queuePage,
  versionTable,
  type VersionTable,
} from '../database/version-queries';
import {
  contentOfVersion,
  draftAndPublished,
  hashOfVersion,
  hashSetup,
  loadVersions,
  type Version,
} from '../database/versions';
import { SOURCES_FIELD } from '../domain/hash';
import { diffContent, diffValues } from '../domain/diff';
import { AI_INVOLVEMENT_FIELD, needsReview, publicInterestOf, reviewedInvolvement } from '../domain/status';
import { normalizeTrust, presentTrustState, type PresentationContext } from '../domain/trust';
import { notFound } from '../errors';
import { parseInput } from '../validation/input';
import { documentTarget } from '../validation/targets';
import { getPluginConfig, hasDraftAndPublish } from '../utils';
import { getService } from './registry';
import type { ReadScope } from '../permissions';
import type { AdminUser, Target } from '../types';

/** What the queue needs of the user's Content Manager permissions (permissions.ts). */
export interface QueueAccess {
  /** The versions of a type the user may read, as a query; null: none. */
  scope(uid: string): Promise<ReadScope | null>;
  /** For versions of these documents: whether the user may read `field` of each (`documentId\0locale` keys). */
  titles(uid: string, field: string, documentIds: string[]): Promise<ReadonlyMap<string, boolean> | null>;
}

/**
 * What the admin panel reads: the trust state of a document's draft and published version, the statuses for the
 * list view, and what the Trust panel needs to preview a disclaimer. Also the service app code calls to edit labels
 * (`strapi.plugin('trust-labels').service('trust').editDraft(...)`).
 */
const createAdminStateService = ({ strapi }: { strapi: Core.Strapi }) => {
  /** The attribute the Content Manager shows as an entry's title (its list view's main field), if it is text. */
  const titleFieldOf = async (uid: string): Promise<string | null> => {
    let mainField: string | undefined;
    try {
      const configuration = await strapi
        .plugin('content-manager')
        .service('content-types')
        .findConfiguration(strapi.contentType(uid as any));
      mainField = configuration?.settings?.mainField;
    } catch {
      mainField = undefined;
    }
    const attributes: Record<string, any> = (strapi.contentType(uid as any) as any)?.attributes ?? {};
    const candidate =
      mainField && ['string', 'text', 'uid'].includes(attributes[mainField]?.type) ? mainField : 'title';
    return ['string', 'text', 'uid'].includes(attributes[candidate]?.type) ? candidate : null;
  };

  const stateOf = (uid: string, version: Version, locale: string | null, context: PresentationContext): TrustState =>
    presentTrustState(version.trust, { uid, locale }, context, hashOfVersion(strapi, uid, version).hash);

  return {
    /** Trust state of the draft and the published version of one locale. 404 for a document that does not exist. */
    async getDocumentState(target: Target): Promise<DocumentTrust> {
      const versions = await loadVersions(strapi, target.uid, target.documentId, {
        locale: target.locale,
        withContent: true,
      });
      const { draft, published } = draftAndPublished(strapi, target.uid, versions);
      const editable = draft ?? published;
      if (!editable) throw notFound('Document not found');
      const context = await getService(strapi, 'settings').presentationContext();
      return {
        draft: stateOf(target.uid, editable, target.locale, context),
        // A pending suggestion is the draft's (publish copies it along with the trust row).
        published: published
          ? {
              ...stateOf(target.uid, published, target.locale, context),
              suggestion: published === editable ? editable.trust.suggestion : null,
            }
          : null,
      };
    },

    /**
     * What changed in the draft and the published version since their last verification, against the content as it
     * was hashed then (kept with each verification: the latest per version). Null for a version never verified.
     */
    async getDiff(target: Target): Promise<{ draft: Diff | null; published: Diff | null }> {
      const versions = await loadVersions(strapi, target.uid, target.documentId, {
        locale: target.locale,
        withContent: true,
        withVerifiedContent: true,
      });
      const { draft, published } = draftAndPublished(strapi, target.uid, versions);
      if (!draft && !published) throw notFound('Document not found');
      const fields = [...hashSetup(strapi, target.uid).names, SOURCES_FIELD];
      const diffOf = (version: Version | null): Diff | null => {
        if (!version?.trust.verifiedContent || version.trust.status === 'unverified') return null;
        const changes = diffContent(
          version.trust.verifiedContent,
          contentOfVersion(strapi, target.uid, version),
          fields
        );
        // The declared AI involvement is part of what was verified (domain/status.ts): its change is shown too.
        const reviewed = reviewedInvolvement(version.trust);
        if (reviewed !== version.trust.aiInvolvement) {
          changes.push({
            field: AI_INVOLVEMENT_FIELD,
            before: reviewed,
            after: version.trust.aiInvolvement,
            changes: diffValues(reviewed, version.trust.aiInvolvement),
          });
        }
        return { verifiedAt: version.trust.verifiedAt, status: version.trust.status, fields: changes };
      };
      return {
        draft: diffOf(draft ?? published),
        published: published && published !== draft ? diffOf(published) : null,
      };
    },

    /**
     * The entries that need a person, across enabled types and locales (those `access` allows): a stale draft, or an
     * AI-assisted or AI-generated draft that is not verified. Published ones first, then the oldest first. Filtered,
     * counted, sorted and paged in SQL (database/version-queries.ts): a request reads one page, whatever the size of
     * the site; only the titles of that page are checked against the Content Manager's field permissions.
     */
    async reviewQueue(
      { uid, locale, status, page = 1, pageSize = 25 }: Partial<QueueQuery>,
      access: QueueAccess
    ): Promise<GetQueue.Response> {
      const { contentTypes, attributeName } = getPluginConfig(strapi);
      const types: Array<{
        vt: VersionTable;
        index: number;
        scope: ReadScope;
        mainField: string | null;
        titleColumn: string | null;
      }> = [];
      for (const [index, typeUid] of contentTypes.entries()) {
        if (uid && uid !== typeUid) continue;
        const scope = await access.scope(typeUid);
        if (!scope) continue;
        const mainField = await titleFieldOf(typeUid);
        types.push({
          vt: versionTable(strapi, typeUid, attributeName),
          index,
          scope,
          mainField,
          titleColumn: attributeColumn(strapi, typeUid, mainField),
        });
      }
      // The counts: one aggregate per type, each group read as normalizeTrust reads a row and judged by needsReview.
      const counts = { stale: 0, unverified: 0 };
      let total = 0;
      for (const type of types) {
        for (const group of await queueCounts(strapi, type.vt, type.scope, locale)) {
          const stored = normalizeTrust({ status: group.status, aiInvolvement: group.aiInvolvement });
          if (!needsReview(stored)) continue;
          counts[stored.status === 'stale' ? 'stale' : 'unverified'] += group.n;
          if (!status || status === stored.status) total += group.n;
        }
      }
      const size = Math.min(Math.max(1, pageSize), 100);
      const pageCount = Math.max(1, Math.ceil(total / size));
      const current = Math.min(Math.max(1, page), pageCount);
      const rows =
        total === 0
          ? []
          : await queuePage(strapi, types, { locale, status }, { limit: size, offset: (current - 1) * size });
      // Titles: only when the Content Manager lets the user read that field of that version (a page of versions).
      const titleAllowed = new Map<number, ReadonlyMap<string, boolean> | null>();
      for (const type of types) {
        const documentIds = [
          ...new Set(rows.filter((row) => Number(row.type_index) === type.index).map((row) => String(row.document_id))),
        ];
        if (type.mainField && documentIds.length > 0)
          titleAllowed.set(type.index, await access.titles(type.vt.uid, type.mainField, documentIds));
      }
      const data: QueueEntry[] = rows.map((row) => {
        const type = types.find((candidate) => candidate.index === Number(row.type_index))!;
        const stored = normalizeTrust({
          status: row.status,
          aiInvolvement: row.ai_involvement,
          changedFields: row.changed_fields,
        });
        const rowLocale = row.locale ?? null;
        const titleReadable = titleAllowed.get(type.index)?.get(`${row.document_id}\u0000${rowLocale ?? ''}`) ?? false;
        return {
          uid: type.vt.uid,
          documentId: row.document_id,
          locale: rowLocale,
          title: titleReadable && typeof row.title === 'string' ? row.title : null,
          status: stored.status,
          aiInvolvement: stored.aiInvolvement,
          changedFields: stored.status === 'stale' ? (stored.changedFields ?? []) : [],
          publishedStatus:
            Number(row.has_published) === 1 ? normalizeTrust({ status: row.published_status }).status : null,
          updatedAt: isoOf(row.updated_at),
        };
      });
      return {
        data,
        meta: {
          pagination: { page: current, pageSize: size, total, pageCount },
          counts,
          contentTypes: contentTypes.map((typeUid) => ({
            uid: typeUid,
            displayName: (strapi.contentType(typeUid as any) as any)?.info?.displayName ?? typeUid,
          })),
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
      const trust = await loadTrustRows(
        strapi,
        uid,
        getPluginConfig(strapi).attributeName,
        rows.map((row) => Number(row.id))
      );
      const draftAndPublish = hasDraftAndPublish(strapi, uid);
      const result: GetStatuses.Response['data'] = {};
      for (const row of rows) {
        const entry = (result[row.documentId] ??= { draft: null, published: null, changedFields: [] });
        const stored = trust.get(Number(row.id))?.trust;
        const status = stored?.status ?? 'unverified';
        if (!draftAndPublish || !row.publishedAt) {
          entry.draft = status;
          entry.changedFields = status === 'stale' ? (stored?.changedFields ?? []) : [];
        }
        if (!draftAndPublish || row.publishedAt) entry.published = status;
      }
      return result;
    },

    /**
     * Edits the labels of a document's draft from code: `body` is what PUT /trust-labels/documents/… takes, checked
     * the same way. Resolves to the document's state.
     */
    async editDraft(
      uid: string,
      documentId: string,
      locale: string | null | undefined,
      body: unknown,
      user?: AdminUser
    ) {
      const target = await documentTarget(strapi, { uid, documentId, locale: locale ?? undefined });
      // An entry point for app code: its input is checked here, as a route's is in its controller.
      await getService(strapi, 'labels').editDraft(target, parseInput(trustEditSchema, body), user);
      return this.getDocumentState(target);
    },
  };
};

export default createAdminStateService;
