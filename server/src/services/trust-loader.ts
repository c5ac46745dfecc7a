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
 * - SQLite: one statement, which SQLite answers with two JSON texts (trust of every entry, with the copy of its
 *   sources that the trust row keeps in `sourcesJson`; core-store values). Materialising rows is what costs
 *   most in better-sqlite3, and this returns one row of two columns. Rows without a usable copy are read with
 *   the joined query below.
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

const sqliteStatementOf = (t: Tables): string => {
  const id = (name: string) => `"${name.replace(/"/g, '""')}"`;
  const { entryLink } = t;
  // One JSON array per entry, [entry id, ...PUBLIC_TRUST_FIELDS, sourcesJson], concatenated as text:
  // `sourcesJson` goes in as stored, without SQLite parsing it (the loader checks what it reads), and json_quote()
  // writes every other value as JSON (NULL as null).
  const item =
    `'[' || l.${id(entryLink.joinColumn.name)} || ',' || ` +
    [...PUBLIC_TRUST_FIELDS.map((name) => `json_quote(t.${id(t.trust[name])})`), `coalesce(t.${id(t.trust.sourcesJson)}, 'null')`].join(
      ` || ',' || `
    ) +
    ` || ']'`;
  const trust =
    `(select group_concat(${item}, ',') ` +
    // json_each first (a cross join fixes the order): SQLite otherwise scans the link table by its field index.
    `from json_each(?) j cross join ${id(entryLink.name)} l on l.${id(entryLink.joinColumn.name)} = j.value ` +
    `and l.${id('field')} = ? ` +
    `join ${id(t.trustTable)} t on t.${id(t.trust.id)} = l.${id(entryLink.inverseJoinColumn.name)})`;
  const { key, value, environment, tag } = t.storeColumns;
  const store =
    `(select json_group_object(c.${id(key)}, c.${id(value)}) from ${id(t.storeTable)} c ` +
    `where c.${id(key)} in (select value from json_each(?)) and c.${id(environment)} is null and c.${id(tag)} is null)`;
  return `select '[' || coalesce(${trust}, '') || ']' as trust, ${store} as store`;
};

// Prepared statements by better-sqlite3 connection, then by SQL text.
const preparedStatements = new WeakMap<object, Map<string, any>>();
// The better-sqlite3 connection of knex's pool, by knex client (SQLite pools hold a single connection).
const poolConnections = new WeakMap<object, any>();

const statementOf = (connection: any, sql: string, raw = false): any => {
  let statements = preparedStatements.get(connection);
  if (!statements) preparedStatements.set(connection, (statements = new Map()));
  let statement = statements.get(sql);
  if (!statement) statements.set(sql, (statement = raw ? connection.prepare(sql).raw(true) : connection.prepare(sql)));
  return statement;
};

/** Runs a statement on a better-sqlite3 connection, prepared once per connection, reported to knex's listeners. */
const runOn = (client: any, connection: any, sql: string, bindings: unknown[], raw = false): any => {
  const statement = statementOf(connection, sql, raw);
  const query = { method: 'raw', sql, bindings, __knexUid: connection.__knexUid, __knexTxId: connection.__knexTxId };
  client.emit('query', query);
  try {
    const row = statement.get(...bindings);
    client.emit('query-response', row ? [row] : [], query);
    return row;
  } catch (error) {
    client.emit('query-error', error, query);
    throw error;
  }
};

/**
 * The state of the database as one connection sees it: rows this connection has changed (total_changes(),
 * every INSERT, UPDATE and DELETE, committed or not), and commits by any other connection or process
 * (PRAGMA data_version). While both are unchanged, no data has changed, so a statement returns what it
 * returned before.
 */
const DATABASE_STATE_SQL = 'select total_changes(), (select data_version from pragma_data_version)';

/** Page statement results by connection, for one database state; the newest CACHED_PAGES of them. */
const pageResults = new WeakMap<object, { state: string; rows: Map<string, Record<string, unknown> | undefined> }>();
const CACHED_PAGES = 16;

/**
 * The page statement's row on a connection in no transaction: the row it returned for the same bindings when
 * the database was last in the same state, or a new run. This is not a cache with an expiry: the state is
 * read on every call, so any change (a verification withdrawn by an edit in another process, a settings
 * update) gives a new state and the statement runs again. It only spares re-running the statement on
 * unchanged data, which is what a content API mostly serves.
 */
const runOnUnchangedData = (client: any, connection: any, sql: string, bindings: unknown[]): Record<string, unknown> | undefined => {
  const [changes, dataVersion] = runOn(client, connection, DATABASE_STATE_SQL, [], true) as [number, number];
  const state = `${changes}:${dataVersion}`;
  let cache = pageResults.get(connection);
  if (!cache || cache.state !== state) pageResults.set(connection, (cache = { state, rows: new Map() }));
  const key = `${sql}\u0000${bindings.join('\u0000')}`;
  if (cache.rows.has(key)) return cache.rows.get(key);
  const row = runOn(client, connection, sql, bindings);
  if (cache.rows.size >= CACHED_PAGES) cache.rows.delete(cache.rows.keys().next().value as string);
  cache.rows.set(key, row);
  return row;
};

/**
 * Runs the page statement and returns its one row. Through knex.raw, better-sqlite3 would prepare the statement
 * again on every run, which costs about half as much as running it; here it is prepared once per connection,
 * and knex still reports it (and the state check) to its `query` listeners.
 *
 * SQLite's pool has one connection, and Strapi wraps every document read in a transaction, so waiting for the
 * pool means waiting behind every request in progress. When that connection is open and in no transaction,
 * the statement runs on it at once: better-sqlite3 is synchronous, so nothing else can use the connection
 * meanwhile, and outside a transaction it reads only committed data. Inside a transaction (someone's write
 * may be uncommitted) it waits for the pool like any query, and its result is not kept.
 */
const runSqlite = async (knex: any, sql: string, bindings: unknown[]): Promise<Record<string, unknown> | undefined> => {
  const client = knex.client;
  // Another SQLite driver: knex runs it (asked before taking a connection, which knex.raw would wait for).
  if (client.driverName !== 'better-sqlite3') return (await knex.raw(sql, bindings))?.[0];
  const known = poolConnections.get(client);
  if (known?.open === true && known.inTransaction === false) return runOnUnchangedData(client, known, sql, bindings);
  const connection = await client.acquireConnection();
  try {
    poolConnections.set(client, connection);
    if (connection.inTransaction) return runOn(client, connection, sql, bindings);
    return runOnUnchangedData(client, connection, sql, bindings);
  } finally {
    await client.releaseConnection(connection);
  }
};

/** A stored `sourcesJson` as the plugin writes it: an array of [title, url, publisher, accessedAt]. */
const isSourceList = (value: unknown): value is unknown[][] =>
  Array.isArray(value) && value.every((source) => Array.isArray(source) && source.length === 4);

/**
 * The statement's items, or null unless they are exactly what it writes: one item of 8 values per requested
 * entry at most, each with its own entry id, and sources that are a source list or null (no copy stored).
 */
const readItems = (text: unknown, ids: number[]): unknown[][] | null => {
  let items: unknown;
  try {
    items = JSON.parse(typeof text === 'string' ? text : '[]');
  } catch {
    return null;
  }
  if (!Array.isArray(items)) return null;
  const requested = new Set(ids);
  for (const item of items) {
    if (!Array.isArray(item) || item.length !== 8 || !requested.delete(item[0])) return null;
    if (item[7] !== null && !isSourceList(item[7])) return null;
  }
  return items;
};

const warnedUnreadable = new Set<string>();
// readItems() of a statement row: a row returned again for unchanged data is parsed once (see runOnUnchangedData).
// The items are never handed out: normalizeTrust builds new objects from them for every response.
const parsedItems = new WeakMap<object, unknown[][] | null>();

/**
 * SQLite: one statement for the page's trust rows, with their `sourcesJson`, and the core-store values. Entries
 * whose row has no usable `sourcesJson` (written before it existed, or altered outside the plugin) are read
 * again with the joined query, from the source rows.
 */
const loadWithSqlite = async (strapi: Core.Strapi, knex: any, t: Tables, uid: string, attr: string, entryIds: number[], storeKeys: string[]): Promise<LoadedPage> => {
  const sql = (t.sqliteStatement ??= sqliteStatementOf(t));
  const page: LoadedPage = { trust: new Map(), store: new Map() };
  const fromSourceRows: number[] = [];
  // At least one statement, even for no entries: the core-store values come with the first.
  for (const [index, ids] of (entryIds.length > 0 ? chunks(entryIds) : [[]]).entries()) {
    const row = (await runSqlite(knex, sql, [JSON.stringify(ids), attr, JSON.stringify(index === 0 ? storeKeys : [])])) ?? {};
    if (index === 0) {
      for (const [storeKey, storeValue] of Object.entries(JSON.parse(typeof row.store === 'string' ? row.store : '{}') as Record<string, string | null>)) {
        page.store.set(storeKey, storeValue);
      }
    }
    let items = parsedItems.get(row);
    if (items === undefined) parsedItems.set(row, (items = readItems(row.trust, ids)));
    if (!items) {
      // Not what this statement writes (a sourcesJson altered outside the plugin): this chunk from the source rows.
      fromSourceRows.push(...ids);
      continue;
    }
    for (const item of items) {
      const [entryId, status, verifiedAt, aiInvolvement, disclaimerMode, disclaimerText, verifiedByName, sources] = item as any[];
      if (sources === null) {
        fromSourceRows.push(entryId);
        continue;
      }
      page.trust.set(
        entryId,
        normalizeTrust({
          status,
          verifiedAt: toDateTime(verifiedAt),
          aiInvolvement,
          disclaimerMode,
          disclaimerText,
          verifiedByName,
          sources,
        })
      );
    }
  }
  if (fromSourceRows.length > 0) {
    if (!warnedUnreadable.has(uid)) {
      warnedUnreadable.add(uid);
      strapi.log.info(`[trust-labels] ${uid}: some trust rows have no stored copy of their sources yet; reading their source rows`);
    }
    for (const [entryId, trust] of await loadJoined(strapi, knex, t, attr, fromSourceRows)) page.trust.set(entryId, trust);
  }
  return page;
};

/** The trust of entries from one joined query per chunk: entry → trust row → its sources (any database). */
const loadJoined = async (strapi: Core.Strapi, knex: any, t: Tables, attr: string, entryIds: number[]): Promise<Map<number, StoredTrust>> => {
  const schema: string | undefined = (strapi.db as any).getSchemaName?.();
  const table = (name: string) => (schema ? `${schema}.${name}` : name);
  const { entryLink, sourceLink } = t;
  const trustColumnList = PUBLIC_TRUST_FIELDS.map((name) => `t.${t.trust[name]} as __t_${name}`);
  const sourceColumnList = SOURCE_FIELDS.map((name) => `s.${t.source[name]} as __s_${name}`);
  const byEntry = new Map<number, Record<string, unknown>>();
  for (const ids of chunks(entryIds)) {
    // Left joins, so that trust rows without sources come back too.
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

/** PostgreSQL, MySQL/MariaDB: the joined query and the core-store query, in parallel. */
const loadPortable = async (strapi: Core.Strapi, knex: any, t: Tables, attr: string, entryIds: number[]): Promise<LoadedPage> => {
  const [trust, store] = await Promise.all([
    loadJoined(strapi, knex, t, attr, entryIds),
    getService(strapi, 'settings').readPresentationStore(),
  ]);
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
  if (client === 'sqlite') {
    return loadWithSqlite(strapi, knex, tables, uid, attr, entryIds, getService(strapi, 'settings').presentationStoreKeys);
  }
  return loadPortable(strapi, knex, tables, attr, entryIds);
}
