import type { Core } from '@strapi/strapi';

import type { ReportEntry, ReportGroup, ReportPagination } from '../../../shared/contracts';
import { AI_INVOLVEMENT, VERIFICATION_STATUSES } from '../../../shared/trust';
import { loadTrustRows } from '../database/trust-rows';
import {
  draftGroups,
  isoOf,
  publishedCounts,
  versionsOfGroup,
  versionTable,
  type VersionRow,
  type VersionTable,
} from '../database/version-queries';
import { needsReview, responsiblePartyOf } from '../domain/status';
import {
  defaultTrust,
  disclaimerResolver,
  normalizeTrust,
  presentTrust,
  type PresentationContext,
} from '../domain/trust';
import type { ReadScope } from '../permissions';
import { getPluginConfig } from '../utils';
import { getService } from './registry';

export type { ReportEntry, ReportGroup };

/** The versions of a type the user may read (permissions.ts readScope); null: none. Without it: every version. */
type ReportScope = (uid: string) => Promise<ReadScope | null>;

const zeroes = (keys: readonly string[]) => Object.fromEntries(keys.map((key) => [key, 0]));

/** A CSV cell: quoted, and defused against formula injection in spreadsheets. */
const csvCell = (value: unknown): string => {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
};

const CSV_HEADER = [
  'uid',
  'locale',
  'documentId',
  'version',
  'status',
  'aiInvolvement',
  'verifiedAt',
  'updatedAt',
  'checks',
  'responsibility',
  'responsibilityUrl',
  'disclosure',
  'labelRequired',
];

const csvLine = (group: Pick<ReportGroup, 'uid' | 'locale'>, entry: ReportEntry): string =>
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
    .join(',');

/**
 * Versions read per query of the CSV export: its memory is bounded by this, not by the site. A page's rows, trust rows
 * and entries are alive across the page's two queries, so V8 promotes them to its old generation, which it collects
 * late: at 200,000 versions, pages of 500 added 80–300 MB of garbage to the process's peak memory, pages of 200 about
 * 25 MB, in the same time (100 were slower: twice the queries).
 */
const EXPORT_BATCH = 200;

/** A group of the report with what paging it needs: its type's tables, the user's scope, how many entries it has. */
interface PlannedGroup {
  group: ReportGroup;
  vt: VersionTable;
  scope: ReadScope;
  size: number;
}

// What a recorded hash looks like to the rules: they ask only whether one is recorded (domain/status.ts shownStatus).
const RECORDED_HASH = 'recorded';

const createReportService = ({ strapi }: { strapi: Core.Strapi }) => {
  /**
   * The groups (content type, locale) of the report, in its order (the configured types, then the locales), with
   * their counts, from aggregate queries: each group of stored values (database/version-queries.ts draftGroups) is
   * read as a trust row is (normalizeTrust) and presented by the same rules as every channel (presentTrust).
   */
  const plan = async (scopeOf: ReportScope | undefined, context: PresentationContext): Promise<PlannedGroup[]> => {
    const { contentTypes, attributeName } = getPluginConfig(strapi);
    const resolve = disclaimerResolver(context);
    const planned: PlannedGroup[] = [];
    for (const uid of contentTypes) {
      // With a scope (the admin route): only the documents and locales the user may read, none of a type they may not.
      const scope = scopeOf ? await scopeOf(uid) : { readable: null };
      if (!scope) continue;
      const vt = versionTable(strapi, uid, attributeName);
      const byLocale = new Map<string, PlannedGroup>();
      const groupOf = (locale: string | null) => {
        let entry = byLocale.get(locale ?? '');
        if (!entry) {
          const group: ReportGroup = {
            uid,
            locale,
            counts: {
              status: zeroes(VERIFICATION_STATUSES),
              aiInvolvement: zeroes(AI_INVOLVEMENT),
              needsReview: 0,
              labelRequired: { true: 0, false: 0 },
            },
            entries: [],
          };
          entry = { group, vt, scope, size: 0 };
          byLocale.set(locale ?? '', entry);
        }
        return entry;
      };
      // Counts are per document: the draft, which every document has, is what editors work on.
      for (const row of await draftGroups(strapi, vt, scope)) {
        const planned = groupOf(row.locale);
        const own = normalizeTrust({
          status: row.status,
          aiInvolvement: row.aiInvolvement,
          publicInterest: row.publicInterest,
          verifiedHash: row.hasHash ? RECORDED_HASH : null,
          editorialResponsibility: row.hasResponsibility ? {} : null,
        });
        const trust = presentTrust(own, { uid, locale: row.locale }, context, resolve);
        const { counts } = planned.group;
        counts.status[trust.status] = (counts.status[trust.status] ?? 0) + row.n;
        counts.aiInvolvement[trust.aiInvolvement] = (counts.aiInvolvement[trust.aiInvolvement] ?? 0) + row.n;
        if (needsReview(trust)) counts.needsReview += row.n;
        counts.labelRequired[trust.disclosure.labelRequired ? 'true' : 'false'] += row.n;
        planned.size += row.n;
      }
      for (const [locale, n] of await publishedCounts(strapi, vt, scope)) groupOf(locale).size += n;
      planned.push(
        ...[...byLocale.values()].sort((a, b) => String(a.group.locale).localeCompare(String(b.group.locale)))
      );
    }
    return planned;
  };

  /** The report's entries of versions (one query for their trust rows). */
  const entriesOf = async (
    vt: VersionTable,
    rows: VersionRow[],
    context: PresentationContext,
    resolve: ReturnType<typeof disclaimerResolver>
  ): Promise<ReportEntry[]> => {
    const stored = await loadTrustRows(
      strapi,
      vt.uid,
      vt.attr,
      rows.map((row) => row.id),
      { fields: 'report' }
    );
    return rows.map((row) => {
      const own = stored.get(row.id)?.trust ?? defaultTrust();
      // The public values, as every channel presents them (services/public-trust.ts), plus the review record.
      const trust = presentTrust(own, { uid: vt.uid, locale: row.locale }, context, resolve);
      return {
        documentId: row.documentId,
        version: vt.draftAndPublish && row.publishedAt ? 'published' : 'draft',
        status: trust.status,
        aiInvolvement: trust.aiInvolvement,
        verifiedAt: trust.verifiedAt,
        updatedAt: isoOf(row.updatedAt),
        checks: trust.status === 'unverified' ? null : own.checks,
        responsibility: responsiblePartyOf(own, context.settings),
        disclosure: trust.disclosure.value,
        labelRequired: trust.disclosure.labelRequired,
      };
    });
  };

  return {
    /**
     * One page of the report: every group (content type and locale) the user may read, with its counts, and the
     * entries of this page (in order: type, locale, documentId, version), in their groups. A page past the last one
     * answers the last.
     */
    async page(
      { page = 1, pageSize = 200 }: { page?: number; pageSize?: number },
      scopeOf?: ReportScope
    ): Promise<{ data: ReportGroup[]; pagination: ReportPagination }> {
      const context = await getService(strapi, 'settings').presentationContext();
      const resolve = disclaimerResolver(context);
      const planned = await plan(scopeOf, context);
      const total = planned.reduce((sum, group) => sum + group.size, 0);
      const pageCount = Math.max(1, Math.ceil(total / pageSize));
      const current = Math.min(Math.max(1, page), pageCount);
      let skip = (current - 1) * pageSize;
      let wanted = pageSize;
      for (const { group, vt, scope, size } of planned) {
        if (wanted === 0) break;
        if (skip >= size) {
          skip -= size;
          continue;
        }
        const rows = await versionsOfGroup(strapi, vt, scope, group.locale, {
          limit: Math.min(wanted, size - skip),
          offset: skip,
        });
        group.entries = await entriesOf(vt, rows, context, resolve);
        wanted -= rows.length;
        skip = 0;
      }
      return { data: planned.map(({ group }) => group), pagination: { page: current, pageSize, total, pageCount } };
    },

    /**
     * The whole report as CSV, line by line: the header, then each group's versions read in keyset pages of
     * EXPORT_BATCH, so that its memory does not grow with the site. The groups are planned first (an error there is
     * an error response, not a cut stream); the lines are read as the consumer takes them (the controller pipes them).
     */
    async csv(scopeOf?: ReportScope): Promise<AsyncGenerator<string>> {
      const context = await getService(strapi, 'settings').presentationContext();
      const resolve = disclaimerResolver(context);
      const planned = await plan(scopeOf, context);
      return (async function* lines() {
        yield `${CSV_HEADER.map(csvCell).join(',')}\r\n`;
        for (const { group, vt, scope } of planned) {
          let after: { documentId: string; id: number } | undefined;
          for (;;) {
            const rows = await versionsOfGroup(strapi, vt, scope, group.locale, { limit: EXPORT_BATCH, after });
            if (rows.length === 0) break;
            const entries = await entriesOf(vt, rows, context, resolve);
            yield entries.map((entry) => `${csvLine(group, entry)}\r\n`).join('');
            const last = rows[rows.length - 1];
            after = { documentId: last.documentId, id: last.id };
            if (rows.length < EXPORT_BATCH) break;
          }
        }
      })();
    },
  };
};

export default createReportService;
