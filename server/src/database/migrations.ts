import type { Core } from '@strapi/strapi';

import { PLUGIN_ID } from '../../../shared/constants';

/**
 * Data migrations of the plugin's own tables, run by Strapi's `strapi::content-types.beforeSync` hook: after the
 * database connection is up and before Strapi syncs the schema, which drops the tables of models that no longer
 * exist. Each one is idempotent, so a crash half-way or several processes starting at once only repeat it.
 */

/** 0.1 table names, fixed by its component schemas. */
const V01 = {
  trusts: 'components_trust_labels_trusts',
  sources: 'components_trust_labels_sources',
  sourceLinks: 'components_trust_labels_trusts_cmps',
};

const CHUNK = 500;

/**
 * 0.1 kept sources as component rows (components_trust_labels_sources, linked through
 * components_trust_labels_trusts_cmps) and a copy of them as arrays in `sources_json`. 0.2 keeps them only in
 * `sources_json`, as objects. This rewrites `sources_json` of every trust row from its component rows (they were
 * the source of truth in 0.1), before the sync drops those tables.
 */
const migrateSourcesFromComponents = async (strapi: Core.Strapi): Promise<void> => {
  const db: any = strapi.db;
  const schema = db.getSchemaConnection();
  if (
    !(await schema.hasTable(V01.sources)) ||
    !(await schema.hasTable(V01.sourceLinks)) ||
    !(await schema.hasTable(V01.trusts))
  )
    return;
  if (!(await schema.hasColumn(V01.trusts, 'sources_json'))) return;

  // Done once: if the old tables survive the sync (a table Strapi does not drop), later edits must not be overwritten.
  const done = strapi.store({ type: 'plugin', name: PLUGIN_ID, key: 'migrations' });
  const record = ((await done.get({})) as Record<string, string> | null) ?? {};
  if (record.sourcesFromComponents) return;

  const knex = db.connection;
  const started = Date.now();
  let migrated = 0;
  await knex.transaction(async (trx: any) => {
    const trustIds: number[] = (await trx(V01.trusts).select('id').orderBy('id')).map((row: any) => Number(row.id));
    for (let i = 0; i < trustIds.length; i += CHUNK) {
      const ids = trustIds.slice(i, i + CHUNK);
      const links: any[] = await trx({ l: V01.sourceLinks })
        .join({ s: V01.sources }, 's.id', 'l.cmp_id')
        .select(
          'l.entity_id as trustId',
          'l.order as position',
          's.id as sourceId',
          's.title',
          's.url',
          's.publisher',
          's.accessed_at as accessedAt'
        )
        .where('l.field', 'sources')
        .whereIn('l.entity_id', ids)
        .orderBy([{ column: 'l.entity_id' }, { column: 'l.order' }, { column: 's.id' }]);
      const byTrust = new Map<number, unknown[]>(ids.map((id) => [id, []]));
      for (const link of links) {
        byTrust.get(Number(link.trustId))?.push({
          title: link.title ?? '',
          url: link.url ?? '',
          publisher: link.publisher ?? null,
          accessedAt: dateOnly(link.accessedAt),
        });
      }
      for (const [id, sources] of byTrust) {
        await trx(V01.trusts)
          .where('id', id)
          .update({ sources_json: JSON.stringify(sources) });
        migrated += 1;
      }
    }
  });
  await done.set({ value: { ...record, sourcesFromComponents: new Date().toISOString() } });
  strapi.log.info(
    `[trust-labels] moved the sources of ${migrated} trust rows from 0.1's source components into their trust rows (${Date.now() - started} ms)`
  );
};

const dateOnly = (value: unknown): string | null => {
  if (value === null || value === undefined || value === '') return null;
  if (value instanceof Date) {
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
  }
  return String(value).slice(0, 10);
};

/** Registers the migrations on Strapi's beforeSync hook (called from register()). */
export const registerMigrations = (strapi: Core.Strapi) => {
  strapi.hook('strapi::content-types.beforeSync').register(async () => {
    await migrateSourcesFromComponents(strapi);
  });
};
