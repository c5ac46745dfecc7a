import type { Core } from '@strapi/strapi';

import { TRUST_COMPONENT_UID } from '../../../shared/constants';
import { defaultTrust, normalizeTrust, toWritableTrust, type StoredTrust } from '../domain/trust';

/**
 * The trust rows of entries, read and written where they are: the trust component's table, linked to each entry by
 * the content type's component link table (`<collection>_cmps`, field = the trust attribute). Strapi's query
 * engine would read a page of entries' trust in two queries (entries, then components); the content API's read path
 * needs one, so this module joins the link table itself, with names from Strapi's model metadata. Inside a
 * transaction (see document-transaction.ts) every statement runs in it.
 */

/** A stored trust row with the ids that address it. */
interface TrustRow {
  /** Id of the trust component row; null when the entry has none yet (written before the plugin was enabled). */
  trustId: number | null;
  trust: StoredTrust;
}

// verifiedHash too: a `verified` status without a recorded hash is shown as unverified (domain/status.ts shownStatus);
// editorialResponsibility and publicInterest: whether a label is required (domain/status.ts resolveDisclosure).
const PUBLIC_READ = [
  'status',
  'verifiedAt',
  'aiInvolvement',
  'disclaimerMode',
  'disclaimerText',
  'verifiedByName',
  'sourcesJson',
  'verifiedHash',
  'editorialResponsibility',
  'publicInterest',
] as const;
const ALL_FIELDS = [
  ...PUBLIC_READ,
  'fieldHashes',
  'changedFields',
  'verifiedById',
  'checks',
  'verifiedAiInvolvement',
  'suggestion',
] as const;
const WITH_VERIFIED_CONTENT = [...ALL_FIELDS, 'verifiedContent'] as const;
// What the report presents of a version (services/report.ts): its status (and whether a hash is recorded), its review
// record and what its disclosure and label are decided by; not its sources, field hashes or suggestion, which the
// CSV export would otherwise parse for every version of the site.
const REPORT_READ = [
  'status',
  'verifiedAt',
  'aiInvolvement',
  'verifiedHash',
  'checks',
  'editorialResponsibility',
  'publicInterest',
] as const;
type TrustField = (typeof WITH_VERIFIED_CONTENT)[number];

// Ids per query: far below every database's limit on bound parameters.
const CHUNK = 500;

const chunks = <T>(values: T[]): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += CHUNK) out.push(values.slice(i, i + CHUNK));
  return out;
};

export interface TrustTables {
  link: { name: string; entityColumn: string; componentColumn: string; orderColumn: string };
  trustTable: string;
  columns: Record<TrustField | 'id', string>;
}

export const tablesOf = (strapi: Core.Strapi, uid: string, attr: string): TrustTables => {
  const metadata = (strapi.db as any).metadata;
  const joinTable = metadata.get(uid).attributes[attr]?.joinTable;
  if (!joinTable) throw new Error(`[trust-labels] ${uid} has no trust attribute "${attr}"`);
  const trustMeta = metadata.get(TRUST_COMPONENT_UID);
  const columns = Object.fromEntries(
    ['id', ...WITH_VERIFIED_CONTENT].map((name) => [name, trustMeta.attributes[name]?.columnName ?? name])
  ) as TrustTables['columns'];
  return {
    link: {
      name: joinTable.name,
      entityColumn: joinTable.joinColumn.name,
      componentColumn: joinTable.inverseJoinColumn.name,
      orderColumn: joinTable.orderColumnName,
    },
    trustTable: trustMeta.tableName,
    columns,
  };
};

/** The knex to run on: the current transaction's when there is one (SQLite has one connection: never wait for it). */
const withKnex = async <T>(strapi: Core.Strapi, run: (knex: any) => Promise<T>): Promise<T> => {
  if (!strapi.db.inTransaction()) return run(strapi.db.connection);
  // Nested: runs in the current transaction.
  return strapi.db.transaction(({ trx }) => run(trx));
};

export const qualified = (strapi: Core.Strapi, table: string) => {
  const schema = strapi.db.getSchemaName?.();
  return schema ? `${schema}.${table}` : table;
};

/**
 * The trust rows of entries (by entry row id), in one query per 500 entries. `fields: 'public'` reads only what the
 * public trust object needs; entries without a trust row are absent from the map.
 */
export const loadTrustRows = async (
  strapi: Core.Strapi,
  uid: string,
  attr: string,
  entryIds: number[],
  { fields = 'all' }: { fields?: 'public' | 'report' | 'all' | 'with-verified-content' } = {}
): Promise<Map<number, TrustRow>> => {
  const rows = new Map<number, TrustRow>();
  if (entryIds.length === 0) return rows;
  const t = tablesOf(strapi, uid, attr);
  const wanted = {
    public: PUBLIC_READ,
    report: REPORT_READ,
    all: ALL_FIELDS,
    'with-verified-content': WITH_VERIFIED_CONTENT,
  }[fields];
  await withKnex(strapi, async (knex) => {
    for (const ids of chunks([...new Set(entryIds)])) {
      // The link table is searched by entry id only, and its rows of other component fields are skipped here. With
      // `field = ?` in the WHERE, SQLite (which keeps no statistics) searches Strapi's index on `field` instead, and
      // every row of the link table has the trust field: the read then scans the whole table, slower the more
      // entries there are (ARCHITECTURE.md "The read path"). A row of another field pairs with an unrelated trust
      // row in the join, and is dropped below.
      const found: any[] = await knex
        .select([
          `l.${t.link.entityColumn} as __entryId`,
          'l.field as __field',
          `t.${t.columns.id} as __trustId`,
          ...wanted.map((name) => `t.${t.columns[name]} as ${name}`),
        ])
        .from({ l: qualified(strapi, t.link.name) })
        .join({ t: qualified(strapi, t.trustTable) }, `t.${t.columns.id}`, `l.${t.link.componentColumn}`)
        .whereIn(`l.${t.link.entityColumn}`, ids);
      for (const row of found) {
        if (row.__field === attr)
          rows.set(Number(row.__entryId), { trustId: Number(row.__trustId), trust: normalizeTrust(row) });
      }
    }
  });
  return rows;
};

/** Writes fields of one trust row (attribute names, as in the component schema). */
export const updateTrustRow = async (
  strapi: Core.Strapi,
  trustId: number,
  patch: Record<string, unknown>
): Promise<void> => {
  await strapi.db.query(TRUST_COMPONENT_UID as any).update({ where: { id: trustId }, data: patch });
};

/** Writes the same fields to several trust rows in one statement. */
export const updateTrustRows = async (
  strapi: Core.Strapi,
  trustIds: number[],
  patch: Record<string, unknown>
): Promise<void> => {
  if (trustIds.length === 0) return;
  await strapi.db.query(TRUST_COMPONENT_UID as any).updateMany({ where: { id: { $in: trustIds } }, data: patch });
};

/**
 * Creates the trust row of an entry that has none (written before the plugin was enabled on its type) and links it
 * to the entry, with the defaults and `patch`. Returns its id.
 */
export const createTrustRow = async (
  strapi: Core.Strapi,
  uid: string,
  attr: string,
  entryId: number,
  patch: Record<string, unknown> = {}
): Promise<number> => {
  const t = tablesOf(strapi, uid, attr);
  const created = await strapi.db
    .query(TRUST_COMPONENT_UID as any)
    .create({ data: { ...toWritableTrust(defaultTrust()), ...patch } });
  await withKnex(strapi, (knex) =>
    knex(qualified(strapi, t.link.name)).insert({
      [t.link.entityColumn]: entryId,
      [t.link.componentColumn]: created.id,
      component_type: TRUST_COMPONENT_UID,
      field: attr,
      [t.link.orderColumn]: 1,
    })
  );
  return created.id;
};
