import type { Core } from '@strapi/strapi';

import {
  AI_INVOLVEMENT,
  VERIFICATION_STATUSES,
  type AiInvolvement,
  type VerificationStatus,
} from '../../../shared/trust';
import { needsReview } from '../domain/status';
import { defaultTrust } from '../domain/trust';
import type { ReadScope } from '../permissions';
import { hasDraftAndPublish } from '../utils';
import { qualified, tablesOf, type TrustTables } from './trust-rows';

/**
 * The versions of a content type joined with their trust rows, in SQL: what the review queue and the report filter,
 * count, sort and page in the database, so that a request costs per page whatever the size of the site (SPEC.md
 * "Scale"). The trust row is joined through the type's component link table as in trust-rows.ts; the Content
 * Manager's read permission comes as a subquery (permissions.ts `readScope`). Every value read here
 * goes through the domain's rules (normalizeTrust, needsReview, shownStatus, resolveDisclosure) in the services:
 * SQL only selects, groups and orders, and a predicate on stored values is derived from the domain's functions.
 *
 * Aliases: `v` the version listed, `vt` its trust row; `p`/`pt` the published version of the same document and
 * locale and its trust row; `d` the draft that decides whether a version may be read.
 */

export interface VersionTable {
  uid: string;
  attr: string;
  table: string;
  columns: { id: string; documentId: string; locale: string | null; publishedAt: string | null; updatedAt: string };
  draftAndPublish: boolean;
  trust: TrustTables;
}

export const versionTable = (strapi: Core.Strapi, uid: string, attr: string): VersionTable => {
  const meta = (strapi.db as any).metadata.get(uid);
  const column = (name: string): string | null => meta.attributes[name]?.columnName ?? null;
  const draftAndPublish = hasDraftAndPublish(strapi, uid);
  return {
    uid,
    attr,
    table: qualified(strapi, meta.tableName),
    columns: {
      id: column('id') ?? 'id',
      documentId: column('documentId') ?? 'document_id',
      locale: column('locale'),
      publishedAt: draftAndPublish ? column('publishedAt') : null,
      updatedAt: column('updatedAt') ?? 'updated_at',
    },
    draftAndPublish,
    trust: tablesOf(strapi, uid, attr),
  };
};

/** The column of an attribute of the version table (its title field), if it is one. */
export const attributeColumn = (strapi: Core.Strapi, uid: string, name: string | null): string | null =>
  name ? ((strapi.db as any).metadata.get(uid).attributes[name]?.columnName ?? null) : null;

const knexOf = (strapi: Core.Strapi): any => strapi.db.connection;

/** A datetime as the drivers return it (a Date; SQLite: milliseconds, maybe as a string) in ISO form. */
export const isoOf = (value: unknown): string | null => {
  if (value === null || value === undefined || value === '') return null;
  const date =
    value instanceof Date
      ? value
      : new Date(typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : (value as string));
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
};

/**
 * Left-joins the trust row of `entry` as `alias` (none: every column null, read as the default trust). The link row
 * is found by entry id; SQLite's plan for this join searches Strapi's unique index (entity, component, field, type)
 * by entity id, which covers `field` (unlike trust-rows.ts's `IN` list, where it would pick the index on `field`).
 */
const joinTrust = (strapi: Core.Strapi, query: any, vt: VersionTable, entry: string, alias: string) => {
  const link = `${alias}_l`;
  const { trust } = vt;
  query
    .leftJoin({ [link]: qualified(strapi, trust.link.name) }, function (this: any) {
      this.on(`${link}.${trust.link.entityColumn}`, '=', `${entry}.${vt.columns.id}`).andOnVal(
        `${link}.field`,
        '=',
        vt.attr
      );
    })
    .leftJoin(
      { [alias]: qualified(strapi, trust.trustTable) },
      `${alias}.${trust.columns.id}`,
      `${link}.${trust.link.componentColumn}`
    );
  return query;
};

/** Same document and same locale (both null on a type that is not localized). */
const sameVersionOf = (on: any, a: string, b: string, vt: VersionTable) => {
  on.on(`${a}.${vt.columns.documentId}`, '=', `${b}.${vt.columns.documentId}`);
  const locale = vt.columns.locale;
  if (locale) {
    on.andOn(function (this: any) {
      this.on(`${a}.${locale}`, '=', `${b}.${locale}`).orOn(function (this: any) {
        this.onNull(`${a}.${locale}`).andOnNull(`${b}.${locale}`);
      });
    });
  }
};

const whereDraft = (query: any, vt: VersionTable, alias: string) =>
  vt.columns.publishedAt ? query.whereNull(`${alias}.${vt.columns.publishedAt}`) : query;

const whereLocale = (query: any, vt: VersionTable, alias: string, locale: string | null | undefined) => {
  if (locale === undefined) return query;
  if (!vt.columns.locale) return locale === null ? query : query.whereRaw('1 = 0');
  return locale === null
    ? query.whereNull(`${alias}.${vt.columns.locale}`)
    : query.where(`${alias}.${vt.columns.locale}`, locale);
};

/** The Content Manager's read permission on the draft `alias`: it is among the readable ones. */
const whereReadableDraft = (query: any, scope: ReadScope, alias: string, vt: VersionTable) =>
  scope.readable ? query.whereExists(scope.readable(`${alias}.${vt.columns.id}`)) : query;

/**
 * A version may be read when its draft may (the Content Manager checks the draft): the draft of the same document
 * and locale exists and is readable. On a type without draft and publish, every version is its own draft.
 */
const whereReadableVersion = (strapi: Core.Strapi, query: any, scope: ReadScope, vt: VersionTable) => {
  if (!vt.draftAndPublish) return whereReadableDraft(query, scope, 'v', vt);
  const knex = knexOf(strapi);
  return query.whereExists(function (this: any) {
    const sub = this.select(knex.raw('1')).from({ d: vt.table });
    sub.whereColumn(`d.${vt.columns.documentId}`, `v.${vt.columns.documentId}`);
    const locale = vt.columns.locale;
    if (locale) {
      sub.where(function (this: any) {
        this.whereColumn(`d.${locale}`, `v.${locale}`).orWhere(function (this: any) {
          this.whereNull(`d.${locale}`).whereNull(`v.${locale}`);
        });
      });
    }
    whereDraft(sub, vt, 'd');
    whereReadableDraft(sub, scope, 'd', vt);
  });
};

/** `column` holds `value` as normalizeTrust reads it: NULL and values outside `valid` are read as `fallback`. */
const whereStored = (query: any, column: string, value: string, valid: readonly string[], fallback: string) => {
  if (value !== fallback) return query.where(column, value);
  return query.where(function (this: any) {
    this.where(column, value)
      .orWhereNull(column)
      .orWhereNotIn(column, valid as string[]);
  });
};

const FALLBACK = defaultTrust();
const whereStatus = (query: any, vt: VersionTable, alias: string, status: VerificationStatus) =>
  whereStored(query, `${alias}.${vt.trust.columns.status}`, status, VERIFICATION_STATUSES, FALLBACK.status);
const whereAi = (query: any, vt: VersionTable, alias: string, ai: AiInvolvement) =>
  whereStored(query, `${alias}.${vt.trust.columns.aiInvolvement}`, ai, AI_INVOLVEMENT, FALLBACK.aiInvolvement);

/** The (status, AI involvement) pairs that need a person, as the domain says (domain/status.ts needsReview). */
const REVIEW_PAIRS = VERIFICATION_STATUSES.flatMap((status) =>
  AI_INVOLVEMENT.filter((aiInvolvement) => needsReview({ status, aiInvolvement })).map((aiInvolvement) => ({
    status,
    aiInvolvement,
  }))
);

const whereNeedsReview = (query: any, vt: VersionTable, alias: string) =>
  query.where(function (this: any) {
    for (const pair of REVIEW_PAIRS) {
      this.orWhere(function (this: any) {
        whereStatus(this, vt, alias, pair.status);
        whereAi(this, vt, alias, pair.aiInvolvement);
      });
    }
  });

/** The drafts of a type that the user may read and that need a person (in `locale`, when given). */
const queueDrafts = (strapi: Core.Strapi, vt: VersionTable, scope: ReadScope, locale: string | undefined) => {
  const query = knexOf(strapi).from({ v: vt.table });
  joinTrust(strapi, query, vt, 'v', 'vt');
  whereDraft(query, vt, 'v');
  whereLocale(query, vt, 'v', locale);
  whereReadableDraft(query, scope, 'v', vt);
  whereNeedsReview(query, vt, 'vt');
  return query;
};

/** How many drafts need a person, by stored status and AI involvement (raw values: the caller normalizes). */
export const queueCounts = async (
  strapi: Core.Strapi,
  vt: VersionTable,
  scope: ReadScope,
  locale: string | undefined
) => {
  const status = `vt.${vt.trust.columns.status}`;
  const ai = `vt.${vt.trust.columns.aiInvolvement}`;
  const rows: any[] = await queueDrafts(strapi, vt, scope, locale)
    .select({ status, aiInvolvement: ai })
    .count({ n: '*' })
    .groupBy(status, ai);
  return rows.map((row) => ({ status: row.status, aiInvolvement: row.aiInvolvement, n: Number(row.n) }));
};

/**
 * The queue's rows of one type, as one SELECT of a UNION: the draft, its trust, its title column, and the status of
 * the published version of the same document and locale (the draft's own on a type without draft and publish).
 */
const queueRowsOf = (
  strapi: Core.Strapi,
  vt: VersionTable,
  index: number,
  scope: ReadScope,
  filter: { locale?: string; status?: VerificationStatus },
  titleColumn: string | null
) => {
  const knex = knexOf(strapi);
  const query = queueDrafts(strapi, vt, scope, filter.locale);
  if (filter.status) whereStatus(query, vt, 'vt', filter.status);
  const c = vt.columns;
  const t = vt.trust.columns;
  if (vt.draftAndPublish) {
    query.leftJoin({ p: vt.table }, function (this: any) {
      sameVersionOf(this, 'p', 'v', vt);
      this.andOnNotNull(`p.${c.publishedAt}`);
    });
    joinTrust(strapi, query, vt, 'p', 'pt');
  }
  return query.select([
    // The type's position in `contentTypes` (a number we made, not input): the UNION's columns carry no uid text.
    knex.raw(`${Number(index)} as type_index`),
    { id: `v.${c.id}`, document_id: `v.${c.documentId}`, updated_at: `v.${c.updatedAt}` },
    c.locale ? { locale: `v.${c.locale}` } : knex.raw('null as locale'),
    { status: `vt.${t.status}`, ai_involvement: `vt.${t.aiInvolvement}`, changed_fields: `vt.${t.changedFields}` },
    titleColumn ? { title: `v.${titleColumn}` } : knex.raw('null as title'),
    vt.draftAndPublish
      ? knex.raw(`case when p.${c.id} is null then 0 else 1 end as has_published`)
      : knex.raw('1 as has_published'),
    vt.draftAndPublish ? { published_status: `pt.${t.status}` } : { published_status: `vt.${t.status}` },
  ]);
};

/**
 * One page of the queue across types, in the queue's order: published entries first, then the oldest change first
 * (ties: the order of the types, then the row id). One statement: a UNION ALL of each type's rows.
 */
export const queuePage = async (
  strapi: Core.Strapi,
  types: Array<{ vt: VersionTable; index: number; scope: ReadScope; titleColumn: string | null }>,
  filter: { locale?: string; status?: VerificationStatus },
  { limit, offset }: { limit: number; offset: number }
): Promise<any[]> => {
  if (types.length === 0) return [];
  const knex = knexOf(strapi);
  const [first, ...others] = types.map((type) =>
    queueRowsOf(strapi, type.vt, type.index, type.scope, filter, type.titleColumn)
  );
  // Not wrapped in parentheses: SQLite does not take a parenthesized member in a compound SELECT.
  const union = others.length > 0 ? first.unionAll(others, false) : first;
  return knex
    .select('*')
    .from(union.as('q'))
    .orderBy([
      { column: 'has_published', order: 'desc' },
      { column: 'updated_at', order: 'asc' },
      { column: 'type_index', order: 'asc' },
      { column: 'id', order: 'asc' },
    ])
    .limit(limit)
    .offset(offset);
};

/**
 * The report's counts of a type: its readable drafts grouped by locale and by the stored values the status,
 * disclosure and label rules read (status, whether a hash is recorded, AI involvement, public interest, whether an
 * editorial responsibility is named). The caller maps each group through the domain's rules.
 */
export const draftGroups = async (strapi: Core.Strapi, vt: VersionTable, scope: ReadScope) => {
  const knex = knexOf(strapi);
  const t = vt.trust.columns;
  const locale = vt.columns.locale ? `v.${vt.columns.locale}` : null;
  const hasHash = knex.raw(`case when vt.${t.verifiedHash} is null or vt.${t.verifiedHash} = '' then 0 else 1 end`);
  const hasResponsibility = knex.raw(`case when vt.${t.editorialResponsibility} is null then 0 else 1 end`);
  const query = knexOf(strapi).from({ v: vt.table });
  joinTrust(strapi, query, vt, 'v', 'vt');
  whereDraft(query, vt, 'v');
  whereReadableDraft(query, scope, 'v', vt);
  const rows: any[] = await query
    .select([
      locale ? { locale } : knex.raw('null as locale'),
      { status: `vt.${t.status}`, aiInvolvement: `vt.${t.aiInvolvement}`, publicInterest: `vt.${t.publicInterest}` },
      knex.raw(`${hasHash.toQuery()} as has_hash`),
      knex.raw(`${hasResponsibility.toQuery()} as has_responsibility`),
    ])
    .count({ n: '*' })
    .groupBy([
      ...(locale ? [locale] : []),
      `vt.${t.status}`,
      `vt.${t.aiInvolvement}`,
      `vt.${t.publicInterest}`,
      hasHash,
      hasResponsibility,
    ]);
  return rows.map((row) => ({
    locale: (row.locale ?? null) as string | null,
    status: row.status,
    aiInvolvement: row.aiInvolvement,
    publicInterest: row.publicInterest,
    hasHash: Number(row.has_hash) === 1,
    hasResponsibility: Number(row.has_responsibility) === 1,
    n: Number(row.n),
  }));
};

/** How many published versions of a type may be read, per locale (the report lists them beside the drafts). */
export const publishedCounts = async (
  strapi: Core.Strapi,
  vt: VersionTable,
  scope: ReadScope
): Promise<Map<string | null, number>> => {
  const counts = new Map<string | null, number>();
  if (!vt.draftAndPublish || !vt.columns.publishedAt) return counts;
  const knex = knexOf(strapi);
  const locale = vt.columns.locale ? `v.${vt.columns.locale}` : null;
  const query = knex.from({ v: vt.table }).whereNotNull(`v.${vt.columns.publishedAt}`);
  whereReadableVersion(strapi, query, scope, vt);
  const rows: any[] = await (
    locale ? query.select({ locale }).groupBy(locale) : query.select(knex.raw('null as locale'))
  ).count({ n: '*' });
  for (const row of rows) counts.set(row.locale ?? null, Number(row.n));
  return counts;
};

export interface VersionRow {
  id: number;
  documentId: string;
  locale: string | null;
  publishedAt: unknown;
  updatedAt: unknown;
}

/**
 * The readable versions of a type in one locale, in the report's order (documentId, then id): a page by offset
 * (the admin's JSON), or the next `limit` after a version (keyset: the CSV export's pages cost the same at any depth).
 */
export const versionsOfGroup = async (
  strapi: Core.Strapi,
  vt: VersionTable,
  scope: ReadScope,
  locale: string | null,
  { limit, offset = 0, after }: { limit: number; offset?: number; after?: { documentId: string; id: number } }
): Promise<VersionRow[]> => {
  const knex = knexOf(strapi);
  const c = vt.columns;
  const query = knex.from({ v: vt.table }).select({
    id: `v.${c.id}`,
    documentId: `v.${c.documentId}`,
    ...(c.locale ? { locale: `v.${c.locale}` } : {}),
    ...(c.publishedAt ? { publishedAt: `v.${c.publishedAt}` } : {}),
    updatedAt: `v.${c.updatedAt}`,
  });
  whereLocale(query, vt, 'v', locale);
  whereReadableVersion(strapi, query, scope, vt);
  if (after) {
    // Redundant with the condition below, but an index range the database can start from: without it, each page
    // scanned the type's document index from its first entry (at 200,000 versions, 115 ms a page).
    query.where(`v.${c.documentId}`, '>=', after.documentId);
    query.where(function (this: any) {
      this.where(`v.${c.documentId}`, '>', after.documentId).orWhere(function (this: any) {
        this.where(`v.${c.documentId}`, after.documentId).where(`v.${c.id}`, '>', after.id);
      });
    });
  }
  const rows: any[] = await query
    .orderBy([
      { column: `v.${c.documentId}`, order: 'asc' },
      { column: `v.${c.id}`, order: 'asc' },
    ])
    .limit(limit)
    .offset(offset);
  return rows.map((row) => ({
    id: Number(row.id),
    documentId: row.documentId,
    locale: row.locale ?? null,
    publishedAt: row.publishedAt ?? null,
    updatedAt: row.updatedAt,
  }));
};
