import type { Core } from '@strapi/strapi';

import type { ReportEntry, ReportGroup } from '../../../shared/contracts';
import { AI_INVOLVEMENT, VERIFICATION_STATUSES } from '../../../shared/trust';
import { loadTrustRows } from '../database/trust-rows';
import { needsReview, responsiblePartyOf } from '../domain/status';
import { defaultTrust, disclaimerResolver, presentTrust } from '../domain/trust';
import { getPluginConfig, getService, hasDraftAndPublish } from '../utils';

export type { ReportEntry, ReportGroup };

const zeroes = (keys: readonly string[]) => Object.fromEntries(keys.map((key) => [key, 0]));

/** A CSV cell: quoted, and defused against formula injection in spreadsheets. */
const csvCell = (value: unknown): string => {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
};

const createReportService = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Per content type and locale: counts by status and by AI involvement, and each version's status. */
  async build(readable?: (uid: string) => Promise<ReadonlyMap<string, boolean> | null>): Promise<ReportGroup[]> {
    const { contentTypes } = getPluginConfig(strapi);
    const context = await getService(strapi, 'settings').presentationContext();
    const groups: ReportGroup[] = [];
    for (const uid of contentTypes) {
      // With `readable` (the admin route): only the documents and locales the user may read, none of a type they may not.
      const allowed = readable ? await readable(uid) : undefined;
      if (allowed === null) continue;
      const all: any[] = await strapi.db.query(uid as any).findMany({
        select: ['id', 'documentId', 'locale', 'publishedAt', 'updatedAt'],
        orderBy: [{ documentId: 'asc' }, { id: 'asc' }],
      });
      const rows = allowed ? all.filter((row) => allowed.has(`${row.documentId}\u0000${row.locale ?? ''}`)) : all;
      const stored = await loadTrustRows(strapi, uid, getPluginConfig(strapi).attributeName, rows.map((row) => Number(row.id)));
      const resolve = disclaimerResolver(context);
      const byLocale = new Map<string, ReportGroup>();
      const draftAndPublish = hasDraftAndPublish(strapi, uid);
      for (const row of rows) {
        const key = row.locale ?? '';
        let group = byLocale.get(key);
        if (!group) {
          group = { uid, locale: row.locale ?? null, counts: { status: zeroes(VERIFICATION_STATUSES), aiInvolvement: zeroes(AI_INVOLVEMENT), needsReview: 0, labelRequired: { true: 0, false: 0 } }, entries: [] };
          byLocale.set(key, group);
        }
        const own = stored.get(Number(row.id))?.trust ?? defaultTrust();
        // The public values, presented as every channel presents them (domain/trust.ts), plus the review record.
        const trust = presentTrust(own, { uid, locale: row.locale ?? null }, context, resolve);
        const version = draftAndPublish && row.publishedAt ? 'published' : 'draft';
        group.entries.push({
          documentId: row.documentId,
          version,
          status: trust.status,
          aiInvolvement: trust.aiInvolvement,
          verifiedAt: trust.verifiedAt,
          updatedAt: row.updatedAt ? new Date(row.updatedAt).toISOString() : null,
          checks: trust.status === 'unverified' ? null : own.checks,
          responsibility: responsiblePartyOf(own, context.settings),
          disclosure: trust.disclosure.value,
          labelRequired: trust.disclosure.labelRequired,
        });
        // Counts are per document: the draft, which every document has, is what editors work on.
        if (version === 'draft') {
          group.counts.status[trust.status] = (group.counts.status[trust.status] ?? 0) + 1;
          group.counts.aiInvolvement[trust.aiInvolvement] = (group.counts.aiInvolvement[trust.aiInvolvement] ?? 0) + 1;
          if (needsReview(trust)) group.counts.needsReview += 1;
          group.counts.labelRequired[trust.disclosure.labelRequired ? 'true' : 'false'] += 1;
        }
      }
      groups.push(...[...byLocale.values()].sort((a, b) => String(a.locale).localeCompare(String(b.locale))));
    }
    return groups;
  },

  toCsv(groups: ReportGroup[]): string {
    const header = ['uid', 'locale', 'documentId', 'version', 'status', 'aiInvolvement', 'verifiedAt', 'updatedAt', 'checks', 'responsibility', 'responsibilityUrl', 'disclosure', 'labelRequired'];
    const lines = [header.map(csvCell).join(',')];
    for (const group of groups) {
      for (const entry of group.entries) {
        lines.push(
          [
            group.uid,
            group.locale,
            entry.documentId,
            entry.version,
            entry.status,
            entry.aiInvolvement,
            entry.verifiedAt,
            entry.updatedAt,
            entry.checks?.join(' ') ?? '',
            entry.responsibility?.name ?? '',
            entry.responsibility?.url ?? '',
            entry.disclosure ?? '',
            entry.labelRequired,
          ]
            .map(csvCell)
            .join(',')
        );
      }
    }
    return `${lines.join('\r\n')}\r\n`;
  },
});

export type ReportService = ReturnType<typeof createReportService>;
export default createReportService;
