import type { Core } from '@strapi/strapi';

import { getService } from '../utils';
import { normalizeTrust, type StoredTrust } from './trust';

/**
 * The content API's read path: the trust of a whole page of entries, plus the core-store values that its
 * presentation needs (settings, default locale), in as few queries as possible and never one per entry.
 * Content API responses use this instead of Strapi's populate and output sanitizer, which cost more than the
 * rest of the request (see bench/). Trust comes back normalized (`normalizeTrust`), without the internal
 * fields: hashes and verifier ids stay in the database.
 *
 * - SQLite: one statement, which SQLite answers with two JSON texts (trust of every entry; core-store values).
 *   Materialising rows is what costs most in better-sqlite3, and this returns one row of two columns.
 * - PostgreSQL, MySQL/MariaDB: one joined query (entry → trust → sources) and one core-store query.
 */

export interface LoadedPage {
  /** Stored trust by entry id, normalized; entries without a trust row are absent. */
  trust: Map<number, StoredTrust>;
  /** Raw core-store values (JSON text) by key: those the presentation needs (settings service). */
  store: Map<string, string | null>;
}

const CHUNK = 500;
const PUBLIC_TRUST_FIELDS = ['status', 'verifiedAt', 'aiInvolvement', 'disclaimerMode', 'disclaimerText', 'verifiedByName'] as const;
const SOURCE_FIELDS = ['title', 'url', 'publisher', 'accessedAt'] as const;

const chunks = <T>(values: T[]): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += CHUNK) out.push(values.slice(i, i + CHUNK));
  return out;
};

const columnsOf = (meta: any): Record<string, string> =>
  Object.fromEntries(
    Object.entries(meta.attributes as Record<string, any>)
      .filter(([, attribute]) => attribute.columnName)
      .map(([name, attribute]) => [name, attribute.columnName as string])
  );

/** A `date` column as YYYY-MM-DD, whichever way the driver returns it. */
const toDateOnly = (value: unknown): string | null => {
  if (value === null || value === undefined || value === '') return null;
  if (value instanceof Date) {
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
  }
  return String(value).slice(0, 10);
};

/** A `datetime` column as a value `new Date()` reads (SQLite stores milliseconds). */
const toDateTime = (value: unknown): unknown => {
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  return value;
};

interface Tables {
  entryLink: any;
  trustTable: string;
  sourceTable: string;
  sourceLink: any;
  storeTable: string;
  trust: Record<string, string>;
  source: Record<string, string>;
  storeColumns: Record<string, string>;
  /** The SQLite statement, built on first use. */
  sqliteStatement: string | null;
}

// Per database metadata (a Strapi restart builds new metadata), then per `${uid}.${attr}`.
const tablesCache = new WeakMap<object, Map<string, Tables>>();

const tablesOf = (strapi: Core.Strapi, uid: string, attr: string): Tables => {
  const metadata = (strapi.db as any).metadata;
  let byType = tablesCache.get(metadata);
  if (!byType) tablesCache.set(metadata, (byType = new Map()));
  const key = `${uid}.${attr}`;
  let tables = byType.get(key);
  if (!tables) byType.set(key, (tables = readTables(metadata, uid, attr)));
  return tables;
};

const readTables = (metadata: any, uid: string, attr: string): Tables => {
  const trustMeta = metadata.get('trust-labels.trust');
  const sourceMeta = metadata.get('trust-labels.source');
  const storeMeta = metadata.get('strapi::core-store');
  return {
    entryLink: metadata.get(uid).attributes[attr].joinTable,
    trustTable: trustMeta.tableName,
    sourceTable: sourceMeta.tableName,
    sourceLink: trustMeta.attributes.sources.joinTable,
    storeTable: storeMeta.tableName,
    trust: columnsOf(trustMeta),
    source: columnsOf(sourceMeta),
    storeColumns: columnsOf(storeMeta),
    sqliteStatement: null,
  };
};

// Whether the single-statement SQLite query works here (it needs SQLite >= 3.44, for ORDER BY inside an
// aggregate); set to false the first time it fails, and the portable queries are used from then on.
let sqliteStatement = true;

const sqliteStatementOf = (t: Tables): string => {
  const id = (name: string) => `"${name.replace(/"/g, '""')}"`;
  const { entryLink, sourceLink } = t;
  const sources =
    `(select json_group_array(json_array(${SOURCE_FIELDS.map((name) => `s.${id(t.source[name])}`).join(', ')}) ` +
    `order by sl.${id(sourceLink.orderColumnName)}, sl.${id('id')}) ` +
    `from ${id(sourceLink.name)} sl join ${id(t.sourceTable)} s on s.${id(t.source.id)} = sl.${id(sourceLink.inverseJoinColumn.name)} ` +
    `where sl.${id(sourceLink.joinColumn.name)} = t.${id(t.trust.id)} and sl.${id('field')} = 'sources')`;
  // One JSON array per entry: [entry id, ...PUBLIC_TRUST_FIELDS, [[title, url, publisher, accessedAt], ...]].
  const trust =
    `(select json_group_array(json_array(l.${id(entryLink.joinColumn.name)}, ` +
    `${PUBLIC_TRUST_FIELDS.map((name) => `t.${id(t.trust[name])}`).join(', ')}, ${sources})) ` +
    // json_each first (a cross join fixes the order): SQLite otherwise scans the link table by its field index.
    `from json_each(?) j cross join ${id(entryLink.name)} l on l.${id(entryLink.joinColumn.name)} = j.value ` +
    `and l.${id('field')} = ? ` +
    `join ${id(t.trustTable)} t on t.${id(t.trust.id)} = l.${id(entryLink.inverseJoinColumn.name)})`;
  const { key, value, environment, tag } = t.storeColumns;
  const store =
    `(select json_group_object(c.${id(key)}, c.${id(value)}) from ${id(t.storeTable)} c ` +
    `where c.${id(key)} in (select value from json_each(?)) and c.${id(environment)} is null and c.${id(tag)} is null)`;
  return `select ${trust} as trust, ${store} as store`;
};

/** A source list from SQLite: JSON text when the driver dropped the JSON subtype of the subquery's value. */
const sourceRows = (value: unknown): unknown[][] => {
  const list = typeof value === 'string' ? JSON.parse(value) : value;
  return Array.isArray(list) ? list : [];
};

const loadWithSqlite = async (knex: any, t: Tables, attr: string, entryIds: number[], storeKeys: string[]): Promise<LoadedPage> => {
  const sql = (t.sqliteStatement ??= sqliteStatementOf(t));
  const page: LoadedPage = { trust: new Map(), store: new Map() };
  // At least one statement, even for no entries: the core-store values come with the first.
  for (const [index, ids] of (entryIds.length > 0 ? chunks(entryIds) : [[]]).entries()) {
    const rows = await knex.raw(sql, [JSON.stringify(ids), attr, JSON.stringify(index === 0 ? storeKeys : [])]);
    const row = rows?.[0] ?? {};
    for (const item of JSON.parse(row.trust ?? '[]') as unknown[][]) {
      const entryId = Number(item[0]);
      if (page.trust.has(entryId)) continue;
      const [, status, verifiedAt, aiInvolvement, disclaimerMode, disclaimerText, verifiedByName, sources] = item as any[];
      const stored = normalizeTrust({
        status,
        verifiedAt: toDateTime(verifiedAt),
        aiInvolvement,
        disclaimerMode,
        disclaimerText,
        verifiedByName,
        sources: sourceRows(sources).map(([title, url, publisher, accessedAt]) => ({ title, url, publisher, accessedAt: toDateOnly(accessedAt) })),
      });
      page.trust.set(entryId, stored);
    }
    if (index === 0) {
      for (const [storeKey, storeValue] of Object.entries(JSON.parse(row.store ?? '{}') as Record<string, string | null>)) {
        page.store.set(storeKey, storeValue);
      }
    }
  }
  return page;
};

const loadPortable = async (strapi: Core.Strapi, knex: any, t: Tables, attr: string, entryIds: number[]): Promise<LoadedPage> => {
  const schema: string | undefined = (strapi.db as any).getSchemaName?.();
  const table = (name: string) => (schema ? `${schema}.${name}` : name);
  const { entryLink, sourceLink } = t;
  const trustColumnList = PUBLIC_TRUST_FIELDS.map((name) => `t.${t.trust[name]} as __t_${name}`);
  const sourceColumnList = SOURCE_FIELDS.map((name) => `s.${t.source[name]} as __s_${name}`);

  const loadTrust = async () => {
    const byEntry = new Map<number, Record<string, unknown>>();
    for (const ids of chunks(entryIds)) {
      // entry → trust row → its sources (left join, so trust rows without sources come back too).
      const rows = await knex
        .select(`l.${entryLink.joinColumn.name} as __entry_id`, ...trustColumnList, `sl.${sourceLink.orderColumnName} as __s_order`, ...sourceColumnList)
        .from({ l: table(entryLink.name) })
        .join({ t: table(t.trustTable) }, `t.${t.trust.id}`, `l.${entryLink.inverseJoinColumn.name}`)
        .leftJoin({ sl: table(sourceLink.name) }, function joinSources(this: any) {
          this.on(`sl.${sourceLink.joinColumn.name}`, '=', `t.${t.trust.id}`).andOn(`sl.field`, '=', knex.raw('?', ['sources']));
        })
        .leftJoin({ s: table(t.sourceTable) }, `s.${t.source.id}`, `sl.${sourceLink.inverseJoinColumn.name}`)
        .whereIn(`l.${entryLink.joinColumn.name}`, ids)
        .where(`l.field`, attr)
        .orderBy([`l.${entryLink.joinColumn.name}`, `sl.${sourceLink.orderColumnName}`, `sl.id`]);
      for (const row of rows) {
        const entryId = Number(row.__entry_id);
        let trust = byEntry.get(entryId);
        if (!trust) {
          trust = { sources: [] };
          for (const name of PUBLIC_TRUST_FIELDS) trust[name] = row[`__t_${name}`];
          trust.verifiedAt = toDateTime(trust.verifiedAt);
          byEntry.set(entryId, trust);
        }
        if (row.__s_url !== null && row.__s_url !== undefined) {
          (trust.sources as unknown[]).push({
            title: row.__s_title,
            url: row.__s_url,
            publisher: row.__s_publisher ?? null,
            accessedAt: toDateOnly(row.__s_accessedAt),
          });
        }
      }
    }
    return new Map([...byEntry].map(([entryId, raw]) => [entryId, normalizeTrust(raw)]));
  };

  const [trust, store] = await Promise.all([loadTrust(), getService(strapi, 'settings').readPresentationStore()]);
  return { trust, store };
};

export async function loadTrustPage(
  strapi: Core.Strapi,
  uid: string,
  attr: string,
  entryIds: number[]
): Promise<LoadedPage> {
  const db: any = strapi.db;
  const client: string = db.dialect?.client ?? db.config?.connection?.client ?? '';
  const tables = tablesOf(strapi, uid, attr);
  // Runs after the controller has answered, outside any transaction of its own.
  const knex = db.connection;
  if (client === 'sqlite' && sqliteStatement) {
    try {
      return await loadWithSqlite(knex, tables, attr, entryIds, getService(strapi, 'settings').presentationStoreKeys);
    } catch (error) {
      // Only a statement this SQLite cannot prepare switches paths; other errors are real.
      if (!/syntax error|no such function|near "order"/i.test((error as Error).message)) throw error;
      sqliteStatement = false;
      strapi.log.warn(`[trust-labels] this SQLite cannot run the single-statement trust query (${(error as Error).message}); using joined queries`);
    }
  }
  return loadPortable(strapi, knex, tables, attr, entryIds);
}
