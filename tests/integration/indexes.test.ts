import {
  ARTICLE_UID,
  bootTestApp,
  createArticle,
  testDbClient,
  trustPath,
  type AdminSession,
  type TestContext,
} from '../helpers';
import { ALL_CHECKS } from '../helpers/checks';

/**
 * SPEC.md "Scale": history, the receipt (its verify event, services/audit.ts verifyEventOf), JSON-LD and a content
 * API list filtered on trust find their rows by index, not by reading the audit log, the trust rows or the link table
 * whole. The database's own planner says so, on a database with enough rows that a full scan would show: the plan
 * of each statement these routes send (captured as they run) must not scan those tables. The planner statistics are
 * gathered first (ANALYZE), as production databases do.
 */

const EVENTS = 'trust_labels_audit_events';
const TRUSTS = 'components_trust_labels_trusts';
const LINKS = 'articles_cmps';
const ARTICLES = 'articles';
const WATCHED = [EVENTS, TRUSTS, LINKS, ARTICLES];

const FILLER_DOCUMENTS = 4000;
const FILLER_EVENTS = 30000;

const client = testDbClient();

/** JSON values as text, so that every database's driver stores them as the JSON columns hold them. */
const storable = (row: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(row).map(([key, value]) => [
      key,
      value !== null && typeof value === 'object' && !(value instanceof Date) ? JSON.stringify(value) : value,
    ])
  );

describe('indexes: what the plugin looks up is found by index (the database planner)', () => {
  let t: TestContext;
  let admin: AdminSession;
  let documentId: string;

  beforeAll(async () => {
    t = await bootTestApp();
    admin = await t.admin('super-admin');
    await t.grantPublic(['api::article.article.find', 'api::article.article.findOne']);
    documentId = await createArticle(t.strapi, { title: 'Indexed', body: 'Body' });
    expect(
      (
        await t.http.put(
          trustPath(documentId, '?locale=en'),
          { sources: [{ title: 'A source', url: 'https://example.com/s' }], aiInvolvement: 'assisted' },
          { token: admin.token }
        )
      ).status
    ).toBe(200);
    expect(
      (await t.http.post(trustPath(documentId, '/verify?locale=en'), { checks: ALL_CHECKS }, { token: admin.token }))
        .status
    ).toBe(200);
    await t.strapi.documents(ARTICLE_UID).publish({ documentId, locale: 'en' });

    // Many other documents, each with a draft and a published version, their (unverified) trust rows, link rows and
    // audit events; ids given explicitly, after the last ones.
    const knex: any = t.strapi.db.connection;
    const maxId = async (table: string) => Number((await knex(table).max({ m: 'id' }).first()).m ?? 0);
    const versions: any[] = await knex(ARTICLES).where('document_id', documentId);
    const links: any[] = await knex(LINKS)
      .whereIn(
        'entity_id',
        versions.map((row) => row.id)
      )
      .where('field', 'trust');
    const trusts: any[] = await knex(TRUSTS).whereIn(
      'id',
      links.map((row) => row.cmp_id)
    );
    const events: any[] = await knex(EVENTS).where('entry_document_id', documentId);
    let articleId = (await maxId(ARTICLES)) + 1;
    let trustId = (await maxId(TRUSTS)) + 1;
    let linkId = (await maxId(LINKS)) + 1;
    let eventId = (await maxId(EVENTS)) + 1;
    const articleRows: any[] = [];
    const trustRows: any[] = [];
    const linkRows: any[] = [];
    for (let i = 0; i < FILLER_DOCUMENTS; i += 1) {
      const fillerId = `filler${String(i).padStart(18, '0')}`;
      for (const version of versions) {
        const link = links.find((row) => row.entity_id === version.id);
        const trust = trusts.find((row) => row.id === link.cmp_id);
        articleRows.push(storable({ ...version, id: articleId, document_id: fillerId }));
        trustRows.push(storable({ ...trust, id: trustId, status: 'unverified', verified_hash: null }));
        linkRows.push({ ...link, id: linkId, entity_id: articleId, cmp_id: trustId });
        articleId += 1;
        trustId += 1;
        linkId += 1;
      }
    }
    const eventRows: any[] = [];
    for (let i = 0; i < FILLER_EVENTS; i += 1) {
      const event = events[i % events.length];
      eventRows.push(
        storable({
          ...event,
          id: eventId,
          document_id: `event${String(i).padStart(19, '0')}`,
          entry_document_id: `filler${String(i % FILLER_DOCUMENTS).padStart(18, '0')}`,
        })
      );
      eventId += 1;
    }
    for (const [table, rows] of [
      [ARTICLES, articleRows],
      [TRUSTS, trustRows],
      [LINKS, linkRows],
      [EVENTS, eventRows],
    ] as const) {
      await knex.batchInsert(table, rows, 200);
    }
    if (client === 'postgres') {
      for (const table of WATCHED)
        await knex.raw(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT max(id) FROM ${table}))`);
      await knex.raw('ANALYZE');
    } else if (client === 'mysql') {
      await knex.raw(`ANALYZE TABLE ${WATCHED.join(', ')}`);
    } else {
      await knex.raw('ANALYZE');
    }
  });

  afterAll(async () => {
    await t?.stop();
  });

  /** The statements a request sends that read the watched tables, with their bindings. */
  const statementsOf = async (request: () => Promise<{ status: number }>) => {
    const seen: Array<{ sql: string; bindings: unknown[] }> = [];
    const listener = (query: any) => seen.push({ sql: String(query.sql), bindings: query.bindings ?? [] });
    t.strapi.db.connection.on('query', listener);
    try {
      expect((await request()).status).toBe(200);
    } finally {
      t.strapi.db.connection.removeListener('query', listener);
    }
    return seen.filter(
      ({ sql }) => /^\s*select/i.test(sql) && WATCHED.some((table) => new RegExp(`["\`]${table}["\`]`).test(sql))
    );
  };

  /** The tables among `watched` a statement reads whole, by the database's plan (a full scan of the table or an index). */
  const fullScans = async (
    { sql, bindings }: { sql: string; bindings: unknown[] },
    watched: string[]
  ): Promise<string[]> => {
    const knex: any = t.strapi.db.connection;
    const text = sql.replace(/\$\d+/g, '?');
    if (client === 'postgres') {
      const result = await knex.raw(`EXPLAIN (FORMAT JSON) ${text}`, bindings);
      const scans: string[] = [];
      const walk = (node: any) => {
        // A sequential scan, or an index walked whole (no Index Cond: only a Filter, e.g. the primary key backwards
        // to find the newest match) read the table whole.
        const whole =
          node['Node Type'] === 'Seq Scan' || (/Index (Only )?Scan/.test(node['Node Type']) && !node['Index Cond']);
        if (whole && watched.includes(node['Relation Name'])) scans.push(node['Relation Name']);
        for (const child of node.Plans ?? []) walk(child);
      };
      walk(result.rows[0]['QUERY PLAN'][0].Plan);
      return scans;
    }
    if (client === 'mysql') {
      const [rows] = await knex.raw(`EXPLAIN ${text}`, bindings);
      const tableOf = aliases(sql);
      return rows
        .filter(
          (row: any) =>
            (row.type === 'ALL' || row.type === 'index') && watched.includes(tableOf.get(row.table) ?? row.table)
        )
        .map((row: any) => tableOf.get(row.table) ?? row.table);
    }
    const plan: any[] = await knex.raw(`EXPLAIN QUERY PLAN ${text}`, bindings);
    const tableOf = aliases(sql);
    return plan
      .map((step) => /^SCAN (\w+)/.exec(String(step.detail))?.[1])
      .filter((alias): alias is string => Boolean(alias))
      .map((alias) => tableOf.get(alias) ?? alias)
      .filter((table) => watched.includes(table));
  };

  /** Alias to table, from `"table" as "alias"` in the SQL. */
  const aliases = (sql: string) => {
    const map = new Map<string, string>();
    for (const match of sql.matchAll(/["`](\w+)["`] as ["`](\w+)["`]/g)) map.set(match[2], match[1]);
    return map;
  };

  const expectNoFullScans = async (
    request: () => Promise<{ status: number }>,
    { expectTables, watched = WATCHED }: { expectTables: string[]; watched?: string[] }
  ) => {
    const statements = await statementsOf(request);
    for (const table of expectTables) expect(statements.some(({ sql }) => sql.includes(table))).toBe(true);
    for (const statement of statements) {
      expect({ sql: statement.sql, fullScans: await fullScans(statement, watched) }).toEqual({
        sql: statement.sql,
        fullScans: [],
      });
    }
  };

  it('history of one document searches the audit log by its entry index', async () => {
    await expectNoFullScans(() => t.http.get(trustPath(documentId, '/history?locale=en'), { token: admin.token }), {
      expectTables: [EVENTS],
    });
  });

  it('the receipt and JSON-LD find the verify event (verifyEventOf) by index', async () => {
    await expectNoFullScans(
      () => t.http.get(`/api/trust-labels/receipt/${ARTICLE_UID}/${documentId}`, { query: { locale: 'en' } }),
      { expectTables: [EVENTS] }
    );
    await expectNoFullScans(
      () => t.http.get(`/api/trust-labels/json-ld/${ARTICLE_UID}/${documentId}`, { query: { locale: 'en' } }),
      { expectTables: [EVENTS] }
    );
  });

  it('a content API list filtered on trust status finds its trust rows and entries by index', async () => {
    const request = () =>
      t.http.get('/api/articles', { query: { 'filters[trust][status][$eq]': 'verified', locale: 'en' } });
    const res = await request();
    expect(res.body.data.map((entry: any) => entry.documentId)).toEqual([documentId]);
    // The entries themselves are Strapi's to read (the unfiltered list reads them the same way: a page in id order,
    // and a count); the trust rows and the link rows the filter adds must be searched, never read whole.
    await expectNoFullScans(request, { expectTables: [TRUSTS, LINKS], watched: [TRUSTS, LINKS, EVENTS] });
  });

  it('the indexes survive restarts (Strapi schema sync keeps them)', async () => {
    const names = async () => {
      const inspector = (t.strapi.db as any).dialect.schemaInspector;
      return [
        ...(await inspector.getIndexes(EVENTS)).map((index: any) => index.name),
        ...(await inspector.getIndexes(TRUSTS)).map((index: any) => index.name),
        ...(await inspector.getIndexes(LINKS)).map((index: any) => index.name),
      ];
    };
    const expected = [
      'trust_labels_audit_events_entry_index',
      'components_trust_labels_trusts_status_index',
      'components_trust_labels_trusts_ai_involvement_index',
      'components_trust_labels_trusts_verified_at_index',
      'articles_cmps_trust_labels_cmp_index',
    ];
    expect(await names()).toEqual(expect.arrayContaining(expected));
    for (let restart = 0; restart < 2; restart += 1) {
      const database = t.database;
      await t.stop({ keepDatabase: true });
      t = await bootTestApp({ database });
      expect(await names()).toEqual(expect.arrayContaining(expected));
    }
  });
});
