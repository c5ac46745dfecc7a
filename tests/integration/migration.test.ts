import {
  ARTICLE_UID,
  bootTestApp,
  createTestDatabase,
  trustPath,
  waitForIntegrityCheck,
  type TestContext,
  type TestDatabase,
} from '../helpers';
import { ALL_CHECKS } from '../helpers/checks';

/**
 * Upgrading from 0.1: its sources were component rows (components_trust_labels_sources, linked from each trust row
 * through components_trust_labels_trusts_cmps), with a copy in `sources_json` that could be out of date. On the first
 * start of 0.2, before Strapi drops those tables, the plugin rewrites `sources_json` of every trust row from them.
 */
describe('migration of 0.1 source components', () => {
  let database: TestDatabase;
  let t: TestContext;
  let documentId: string;

  const SOURCE_ROWS = [
    {
      title: 'From the component rows',
      url: 'https://example.com/first',
      publisher: 'Example Press',
      accessedAt: '2026-04-06',
    },
    { title: 'Second row', url: 'https://example.com/second', publisher: null, accessedAt: null },
  ];

  beforeAll(async () => {
    database = await createTestDatabase();
    t = await bootTestApp({ database });
    const admin = await t.admin('super-admin');
    const created = await t.strapi
      .documents(ARTICLE_UID)
      .create({ locale: 'en', data: { title: 'Upgraded' } as any, status: 'published' });
    documentId = created.documentId;

    // The 0.1 layout, next to the trust rows of the draft and the published version.
    const knex = t.strapi.db.connection;
    await knex.schema.createTable('components_trust_labels_sources', (table: any) => {
      table.increments('id');
      table.text('title');
      table.text('url');
      table.string('publisher');
      table.date('accessed_at');
    });
    await knex.schema.createTable('components_trust_labels_trusts_cmps', (table: any) => {
      table.increments('id');
      table.integer('entity_id');
      table.integer('cmp_id');
      table.string('component_type');
      table.string('field');
      table.double('order');
    });
    const rows: any[] = await t.strapi.db.query(ARTICLE_UID).findMany({ where: { documentId }, populate: ['trust'] });
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      // What 0.1's copy may have held: out of date, in its array form.
      await knex('components_trust_labels_trusts')
        .where('id', row.trust.id)
        .update({ sources_json: JSON.stringify([['Stale copy', 'https://stale.example', null, null]]) });
      // Inserted in reverse, so that only the link order gives the right order.
      for (const [index, source] of [...SOURCE_ROWS.entries()].reverse()) {
        const [inserted] = await knex('components_trust_labels_sources')
          .insert({ title: source.title, url: source.url, publisher: source.publisher, accessed_at: source.accessedAt })
          .returning('id');
        const sourceId = typeof inserted === 'object' ? inserted.id : inserted;
        await knex('components_trust_labels_trusts_cmps').insert({
          entity_id: row.trust.id,
          cmp_id: sourceId,
          component_type: 'trust-labels.source',
          field: 'sources',
          order: index + 1,
        });
      }
    }
    expect(
      (await t.http.get(trustPath(documentId, '?locale=en'), { token: admin.token })).body.data.draft.sources[0].title
    ).toBe('Stale copy');
    await t.stop({ keepDatabase: true });
    t = await bootTestApp({ database });
  });

  afterAll(async () => {
    await t?.stop();
  });

  it('rewrites every trust row from its source components, in their order', async () => {
    const res = await t.http.get(`/api/articles/${documentId}`, {
      query: { locale: 'en' },
      token: await t.apiToken('read-only'),
    });
    expect(res.status).toBe(200);
    expect(res.body.data.trust.sources).toEqual(SOURCE_ROWS);
    const rows: any[] = await t.strapi.db.query(ARTICLE_UID).findMany({ where: { documentId }, populate: ['trust'] });
    for (const row of rows) expect(row.trust.sourcesJson).toEqual(SOURCE_ROWS);
  });

  it('runs once: sources edited after the upgrade survive the next restart', async () => {
    const admin = await t.admin('super-admin');
    const edited = [
      { title: 'Edited after the upgrade', url: 'https://example.com/edited', publisher: null, accessedAt: null },
    ];
    expect(
      (await t.http.put(trustPath(documentId, '?locale=en'), { sources: edited }, { token: admin.token })).status
    ).toBe(200);
    await t.stop({ keepDatabase: true });
    t = await bootTestApp({ database });
    const token = (await t.admin('super-admin')).token;
    expect((await t.http.get(trustPath(documentId, '?locale=en'), { token })).body.data.draft.sources).toEqual(edited);
  });
});

/**
 * Upgrading from 0.1: its audit events had no chain (no `prev_hash`, the content hash in `hash`). The first start of
 * 0.2 chains them once; later starts never re-chain (tampering.test.ts shows why).
 */
describe('migration of the 0.1 audit log', () => {
  let database: TestDatabase;
  let t: TestContext;

  afterAll(async () => {
    await t?.stop();
  });

  it('chains the events of 0.1 on the first start, in id order, keeping their content hashes', async () => {
    database = await createTestDatabase();
    t = await bootTestApp({ database });
    const admin = await t.admin('super-admin');
    const created = await t.strapi.documents(ARTICLE_UID).create({ locale: 'en', data: { title: 'Old log' } as any });
    expect(
      (
        await t.http.put(
          trustPath(created.documentId, '?locale=en'),
          { sources: [{ title: 'S', url: 'https://example.com/s' }] },
          { token: admin.token }
        )
      ).status
    ).toBe(200);
    expect(
      (
        await t.http.post(
          trustPath(created.documentId, '/verify?locale=en'),
          { checks: ALL_CHECKS },
          { token: admin.token }
        )
      ).status
    ).toBe(200);
    const knex = t.strapi.db.connection;
    const before: any[] = await knex('trust_labels_audit_events').orderBy('id');
    expect(before.length).toBeGreaterThan(0);
    // As 0.1 left it: no chain, no head, no record of the migration.
    for (const row of before)
      await knex('trust_labels_audit_events')
        .where('id', row.id)
        .update({ prev_hash: null, hash: row.content_hash, content_hash: null });
    await knex('trust_labels_audit_chain').del();
    await t.strapi.store({ type: 'plugin', name: 'trust-labels', key: 'audit-chain-migrated' }).delete({});
    await t.stop({ keepDatabase: true });

    const since = Date.now();
    t = await bootTestApp({ database });
    const again = await t.admin('super-admin', 'after-upgrade');
    // The startup check (in the background) walked the chain: GET answers with it.
    await waitForIntegrityCheck(t.strapi, since);
    const after: any[] = await t.strapi.db.connection('trust_labels_audit_events').orderBy('id');
    expect(after.map((row) => row.content_hash)).toEqual(before.map((row) => row.content_hash));
    expect(after.every((row) => row.prev_hash && row.hash)).toBe(true);
    const integrity = (await t.http.get('/trust-labels/integrity', { token: again.token })).body.data;
    expect(integrity.chain).toMatchObject({ ok: true, events: before.length, head: after[after.length - 1].hash });
  });
});
