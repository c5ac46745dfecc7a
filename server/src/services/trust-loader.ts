import type { Core } from '@strapi/strapi';

/**
 * Loads the trust component of many entries in one query (entry → trust → sources), whatever the number of
 * entries. Content API list responses use this instead
 * of Strapi's populate and output sanitizer, which cost more than the rest of the request (see bench/).
 * Rows come back in the stored shape that `normalizeTrust` reads, without the internal fields.
 */

const CHUNK = 500;

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

/** A `datetime` column as a value `new Date()` reads (SQLite may store milliseconds). */
const toDateTime = (value: unknown): unknown => {
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  return value;
};

export async function loadTrustByEntryId(
  strapi: Core.Strapi,
  uid: string,
  attr: string,
  entryIds: number[]
): Promise<Map<number, Record<string, unknown>>> {
  const result = new Map<number, Record<string, unknown>>();
  if (entryIds.length === 0) return result;

  const db: any = strapi.db;
  const client: string = db.dialect?.client ?? db.config?.connection?.client ?? '';
  const schema: string | undefined = db.getSchemaName?.();
  const table = (name: string) => (schema ? `${schema}.${name}` : name);
  const entryLink = db.metadata.get(uid).attributes[attr].joinTable;
  const trustMeta = db.metadata.get('trust-labels.trust');
  const sourceMeta = db.metadata.get('trust-labels.source');
  const sourceLink = trustMeta.attributes.sources.joinTable;
  const trustColumns = columnsOf(trustMeta);
  const sourceColumns = columnsOf(sourceMeta);

  // One query: entry → trust row → its sources (left join, so trust rows without sources come back too).
  const sourceColumnList = ['title', 'url', 'publisher', 'accessedAt'].map(
    (name) => `s.${sourceColumns[name]} as __s_${name}`
  );
  // Only what the public trust object needs: hashes and verifier ids stay in the database.
  const publicTrustColumns = Object.fromEntries(
    ['status', 'verifiedAt', 'aiInvolvement', 'disclaimerMode', 'disclaimerText', 'verifiedByName'].map((name) => [name, trustColumns[name]])
  );
  const trustColumnList = Object.entries(publicTrustColumns).map(([name, column]) => `t.${column} as __t_${name}`);
  const trustByEntry = new Map<number, Record<string, unknown>>();
  for (const ids of chunks(entryIds)) {
    const rows = await db.connection
      .select(`l.${entryLink.joinColumn.name} as __entry_id`, ...trustColumnList, `sl.${sourceLink.orderColumnName} as __s_order`, ...sourceColumnList)
      .from({ l: table(entryLink.name) })
      .join({ t: table(trustMeta.tableName) }, `t.${trustColumns.id}`, `l.${entryLink.inverseJoinColumn.name}`)
      .leftJoin({ sl: table(sourceLink.name) }, function joinSources(this: any) {
        this.on(`sl.${sourceLink.joinColumn.name}`, '=', `t.${trustColumns.id}`).andOn(`sl.field`, '=', db.connection.raw('?', ['sources']));
      })
      .leftJoin({ s: table(sourceMeta.tableName) }, `s.${sourceColumns.id}`, `sl.${sourceLink.inverseJoinColumn.name}`)
      .modify((query: any) => {
        // On SQLite, one JSON parameter instead of one placeholder per id: the statement stays short, and
        // preparing it (once per request, in knex) costs a fraction of a 100-placeholder IN list.
        if (client === 'sqlite') query.whereRaw(`l.${entryLink.joinColumn.name} in (select value from json_each(?))`, [JSON.stringify(ids)]);
        else query.whereIn(`l.${entryLink.joinColumn.name}`, ids);
      })
      .where(`l.field`, attr)
      .orderBy(`sl.${sourceLink.orderColumnName}`);
    for (const row of rows) {
      const entryId = Number(row.__entry_id);
      let trust = trustByEntry.get(entryId);
      if (!trust) {
        trust = { sources: [] };
        for (const name of Object.keys(publicTrustColumns)) trust[name] = row[`__t_${name}`];
        trust.verifiedAt = toDateTime(trust.verifiedAt);
        trustByEntry.set(entryId, trust);
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
  return trustByEntry;
}
