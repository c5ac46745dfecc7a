import crypto from 'crypto';

import type { Core } from '@strapi/strapi';

import { getPluginConfig } from '../utils';

/**
 * Indexes on tables the plugin does not declare. The audit log's and the trust component's indexes are in their
 * schemas (content-types/audit-event, components), where Strapi's schema sync creates and keeps them. The link
 * table between a content type and its components (`<collection>_cmps`) is Strapi's own model, built from the
 * content type with a fixed set of indexes, none of which starts with the component id: a content API list filtered
 * on trust (`filters[trust][status][$eq]=verified`) found its trust rows by index and then had no way from them to
 * their entries but to read the whole link table. This adds that way, at bootstrap (after the schema sync).
 *
 * Strapi's schema sync drops only the indexes its previous schema declared, so these survive restarts; they are
 * created again if something dropped them. Idempotent, and safe when several processes start at once.
 */

/** A name within every database's identifier limit (PostgreSQL: 63, MySQL: 64), stable for a table. */
export const linkIndexName = (table: string) => {
  const name = `${table}_trust_labels_cmp_index`;
  if (name.length <= 60) return name;
  const digest = crypto.createHash('sha256').update(table).digest('hex').slice(0, 8);
  return `${table.slice(0, 60 - 26)}_${digest}_tl_cmp_index`.slice(0, 60);
};

/** The link tables of the types with trust labels, with the index each needs. */
export const linkIndexes = (strapi: Core.Strapi) => {
  const { contentTypes, attributeName } = getPluginConfig(strapi);
  const metadata = (strapi.db as any).metadata;
  const out: Array<{ table: string; name: string; columns: string[] }> = [];
  for (const uid of contentTypes) {
    const joinTable = metadata.get(uid)?.attributes?.[attributeName]?.joinTable;
    if (!joinTable) continue;
    // From a trust row to its entry: the component id first, then the entity, so that the join reads the index only.
    out.push({
      table: joinTable.name,
      name: linkIndexName(joinTable.name),
      columns: [joinTable.inverseJoinColumn.name, joinTable.joinColumn.name],
    });
  }
  return out;
};

const hasIndex = async (strapi: Core.Strapi, table: string, name: string): Promise<boolean> => {
  const indexes: Array<{ name: string }> = await (strapi.db as any).dialect.schemaInspector.getIndexes(table);
  return indexes.some((index) => index.name === name);
};

/** Creates the link tables' indexes that are missing. */
export const ensureIndexes = async (strapi: Core.Strapi): Promise<string[]> => {
  const created: string[] = [];
  for (const { table, name, columns } of linkIndexes(strapi)) {
    if (await hasIndex(strapi, table, name)) continue;
    try {
      await (strapi.db as any).getSchemaConnection().alterTable(table, (t: any) => t.index(columns, name));
      created.push(name);
    } catch (error) {
      // Another process created it between the check and here.
      if (await hasIndex(strapi, table, name)) continue;
      throw error;
    }
  }
  if (created.length > 0) strapi.log.info(`[trust-labels] created the indexes ${created.join(', ')}`);
  return created;
};
