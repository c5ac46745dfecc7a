import { loadPublicTrust } from '../../server/src/services/public-trust';
import { bootTestApp, testDbClient, type AdminSession, type TestContext } from '../helpers';

/**
 * docs/front-end.md#what-api-consumers-get: every entry of an enabled type carries `trust` in the ordinary REST
 * responses, without any populate parameter, with exactly the public keys, never internal data, and filterable.
 */

const ARTICLE = 'api::article.article';
const TRUST_KEYS = ['aiInvolvement', 'disclaimer', 'disclosure', 'sources', 'status', 'verifiedAt', 'verifiedBy'];
const DEFAULT_DISCLAIMER =
  'While we strive for accuracy, this site can make mistakes. Please verify important information independently.';

// The trust of an entry nobody has labelled or verified.
const PLAIN_TRUST = {
  status: 'unverified',
  verifiedAt: null,
  verifiedBy: null,
  aiInvolvement: 'unknown',
  disclaimer: DEFAULT_DISCLAIMER,
  sources: [],
  // AI involvement unknown: no declaration, no label required.
  disclosure: { value: null, labelRequired: false },
};

// Internal values planted in the database; none of them may ever leave through the content API.
const SECRET_HASH = 'c0ffee-secret-verified-hash-0001';
const SECRET_FIELD_HASH = 'deadbeef-secret-field-hash-0002';
const SECRET_VERIFIER_NAME = 'Secret Verifier Person';
const SECRET_VERIFIER_ID = 987654;

const SOURCES = [
  { title: 'First source', url: 'https://example.com/first', publisher: 'Example Press', accessedAt: '2026-04-06' },
  { title: 'Second source', url: 'http://example.org/second?q=1', publisher: null, accessedAt: null },
];

describe('trust in the content API', () => {
  let t: TestContext;
  let superAdmin: AdminSession;
  let plainId: string; // unverified, default trust
  let verifiedId: string; // verified published version, with planted internal fields
  let sourcedId: string; // has sources and aiInvolvement generated
  let categoryId: string;
  let pageId: string;

  const articles = () => t.strapi.documents(ARTICLE as any);

  const publishedTrustRow = async (documentId: string, locale = 'en') => {
    const row: any = await t.strapi.db.query(ARTICLE as any).findOne({
      where: { documentId, locale, publishedAt: { $notNull: true } },
      populate: ['trust'],
    });
    expect(row?.trust?.id).toBeDefined();
    return row.trust;
  };

  beforeAll(async () => {
    t = await bootTestApp();
    superAdmin = await t.admin('super-admin');
    await t.grantPublic([
      'api::article.article.find',
      'api::article.article.findOne',
      'api::page.page.find',
      'api::page.page.findOne',
      'api::category.category.find',
    ]);

    const category: any = await t.strapi
      .documents('api::category.category' as any)
      .create({ data: { name: 'News' } as any });
    categoryId = category.documentId;

    const plain: any = await articles().create({
      locale: 'en',
      data: { title: 'Plain article', body: 'Plain body', category: categoryId } as any,
      status: 'published',
    });
    plainId = plain.documentId;

    const verified: any = await articles().create({
      locale: 'en',
      data: { title: 'Verified article', body: 'Verified body', category: categoryId } as any,
      status: 'published',
    });
    verifiedId = verified.documentId;
    const trustRow = await publishedTrustRow(verifiedId);
    await t.strapi.db.query('trust-labels.trust' as any).update({
      where: { id: trustRow.id },
      data: {
        status: 'verified',
        verifiedAt: new Date('2026-11-24T10:00:00.000Z'),
        verifiedHash: SECRET_HASH,
        fieldHashes: { title: SECRET_FIELD_HASH },
        changedFields: ['secretChangedField'],
        verifiedById: SECRET_VERIFIER_ID,
        verifiedByName: SECRET_VERIFIER_NAME,
      },
    });

    const sourced: any = await articles().create({
      locale: 'en',
      data: { title: 'Sourced article', body: 'Sourced body' } as any,
    });
    sourcedId = sourced.documentId;
    const edit = await t.http.put(
      `/trust-labels/documents/${ARTICLE}/${sourcedId}`,
      { aiInvolvement: 'generated', sources: SOURCES },
      { token: superAdmin.token, query: { locale: 'en' } }
    );
    expect(edit.status).toBe(200);
    await articles().publish({ documentId: sourcedId, locale: 'en' });

    const page: any = await t.strapi.documents('api::page.page' as any).create({
      data: { title: 'About' } as any,
      status: 'published',
    });
    pageId = page.documentId;
  });

  afterAll(async () => {
    await t?.stop();
  });

  const expectPublicTrust = (trust: any) => {
    expect(trust).toBeDefined();
    expect(trust).not.toBeNull();
    expect(Object.keys(trust).sort()).toEqual(TRUST_KEYS);
    expect(Array.isArray(trust.sources)).toBe(true);
  };

  // Values planted in the database (a 400 may echo a key name the client sent, never a stored value).
  const expectNoInternalValues = (text: string) => {
    for (const secret of [
      SECRET_HASH,
      SECRET_FIELD_HASH,
      SECRET_VERIFIER_NAME,
      String(SECRET_VERIFIER_ID),
      'secretChangedField',
    ]) {
      expect(text).not.toContain(secret);
    }
  };

  const expectNoInternalData = (text: string) => {
    for (const secret of [
      SECRET_HASH,
      SECRET_FIELD_HASH,
      SECRET_VERIFIER_NAME,
      String(SECRET_VERIFIER_ID),
      'secretChangedField',
      'verifiedHash',
      'fieldHashes',
      'changedFields',
      'verifiedById',
      'verifiedByName',
      'disclaimerMode',
      'disclaimerText',
      superAdmin.email,
      '@trust-labels.test',
    ]) {
      expect(text).not.toContain(secret);
    }
  };

  const populateVariants: Array<[string, Record<string, string>]> = [
    ['no populate', {}],
    ['populate=*', { populate: '*' }],
    ['populate[category]=true', { 'populate[category]': 'true' }],
    ['populate=category', { populate: 'category' }],
    ['populate[0]=category', { 'populate[0]': 'category' }],
    ['populate=trust', { populate: 'trust' }],
  ];

  describe.each(populateVariants)('with %s', (_label, query) => {
    it('GET /api/articles gives every entry the public trust object', async () => {
      const res = await t.http.get('/api/articles', { query });
      expect(res.status).toBe(200);
      const ids = res.body.data.map((entry: any) => entry.documentId).sort();
      expect(ids).toEqual([plainId, sourcedId, verifiedId].sort());
      for (const entry of res.body.data) expectPublicTrust(entry.trust);

      const byId = Object.fromEntries(res.body.data.map((entry: any) => [entry.documentId, entry]));
      expect(byId[plainId].trust).toEqual(PLAIN_TRUST);
      expect(byId[verifiedId].trust).toEqual({
        status: 'verified',
        verifiedAt: '2026-11-24T10:00:00.000Z',
        verifiedBy: null,
        aiInvolvement: 'unknown',
        disclaimer: DEFAULT_DISCLAIMER,
        sources: [],
        disclosure: { value: null, labelRequired: false },
      });
      expect(byId[sourcedId].trust).toEqual({
        status: 'unverified',
        verifiedAt: null,
        verifiedBy: null,
        aiInvolvement: 'generated',
        disclaimer:
          'This article was generated with the help of AI and may contain mistakes. Please verify important information independently.',
        sources: SOURCES,
        // Generated and not verified: the W3C value ai-autonomous, and a visible label is required.
        disclosure: { value: 'ai-autonomous', labelRequired: true },
      });
      expectNoInternalData(res.text);
    });

    it('GET /api/articles/:documentId carries the public trust object', async () => {
      const res = await t.http.get(`/api/articles/${verifiedId}`, { query });
      expect(res.status).toBe(200);
      expect(res.body.data.documentId).toBe(verifiedId);
      expectPublicTrust(res.body.data.trust);
      expect(res.body.data.trust.status).toBe('verified');
      expect(res.body.data.trust.verifiedAt).toBe('2026-11-24T10:00:00.000Z');
      expect(res.body.data.trust.verifiedBy).toBeNull();
      expectNoInternalData(res.text);

      const sourced = await t.http.get(`/api/articles/${sourcedId}`, { query });
      expect(sourced.status).toBe(200);
      expectPublicTrust(sourced.body.data.trust);
      expect(sourced.body.data.trust.sources).toEqual(SOURCES);
      expectNoInternalData(sourced.text);
    });
  });

  it('still populates the relation that was asked for', async () => {
    for (const query of [{ populate: '*' }, { 'populate[category]': 'true' }, { populate: 'category' }]) {
      const res = await t.http.get(`/api/articles/${plainId}`, { query });
      expect(res.status).toBe(200);
      expect(res.body.data.category?.documentId).toBe(categoryId);
      expect(res.body.data.category?.name).toBe('News');
      expectPublicTrust(res.body.data.trust);
    }
  });

  it('does not populate relations nobody asked for', async () => {
    const res = await t.http.get(`/api/articles/${plainId}`);
    expect(res.status).toBe(200);
    expect(res.body.data.category).toBeUndefined();
  });

  it('keeps internal data out even when a populate targets the trust sub-fields', async () => {
    for (const query of [
      { 'populate[trust][populate]': '*' },
      { 'populate[trust][fields][0]': 'verifiedHash' },
      { 'fields[0]': 'title' },
    ]) {
      const res = await t.http.get(`/api/articles/${verifiedId}`, { query });
      expect([200, 400]).toContain(res.status);
      expectNoInternalValues(res.text);
      if (res.status === 200) {
        expectNoInternalData(res.text);
        expectPublicTrust(res.body.data.trust);
      }
    }
  });

  it('shows the verifier display name only when showVerifierName is on', async () => {
    const on = await t.http.put('/trust-labels/settings', { showVerifierName: true }, { token: superAdmin.token });
    expect(on.status).toBe(200);
    try {
      const res = await t.http.get(`/api/articles/${verifiedId}`);
      expect(res.status).toBe(200);
      expect(res.body.data.trust.verifiedBy).toBe(SECRET_VERIFIER_NAME);
      expect(Object.keys(res.body.data.trust).sort()).toEqual(TRUST_KEYS);
      expect(res.text).not.toContain(String(SECRET_VERIFIER_ID));
      expect(res.text).not.toContain(SECRET_HASH);
      expect(res.text).not.toContain(superAdmin.email);
      // An unverified entry has no verifier to show.
      const plain = await t.http.get(`/api/articles/${plainId}`);
      expect(plain.body.data.trust.verifiedBy).toBeNull();
    } finally {
      const off = await t.http.put('/trust-labels/settings', { showVerifierName: false }, { token: superAdmin.token });
      expect(off.status).toBe(200);
    }
  });

  describe('filtering', () => {
    it('filters[trust][status][$eq]=verified returns only verified entries', async () => {
      const res = await t.http.get('/api/articles', { query: { 'filters[trust][status][$eq]': 'verified' } });
      expect(res.status).toBe(200);
      expect(res.body.data.map((entry: any) => entry.documentId)).toEqual([verifiedId]);
      expect(res.body.data[0].trust.status).toBe('verified');
      expect(res.body.meta.pagination.total).toBe(1);
      expectNoInternalData(res.text);
    });

    it('filters[trust][status][$eq]=unverified returns only unverified entries', async () => {
      const res = await t.http.get('/api/articles', { query: { 'filters[trust][status][$eq]': 'unverified' } });
      expect(res.status).toBe(200);
      expect(res.body.data.map((entry: any) => entry.documentId).sort()).toEqual([plainId, sourcedId].sort());
      for (const entry of res.body.data) expect(entry.trust.status).toBe('unverified');
    });

    it('filters on aiInvolvement too', async () => {
      const res = await t.http.get('/api/articles', { query: { 'filters[trust][aiInvolvement][$eq]': 'generated' } });
      expect(res.status).toBe(200);
      expect(res.body.data.map((entry: any) => entry.documentId)).toEqual([sourcedId]);
    });

    it('filters combined with populate still return trust', async () => {
      const res = await t.http.get('/api/articles', {
        query: { 'filters[trust][status][$eq]': 'verified', populate: '*' },
      });
      expect(res.status).toBe(200);
      expect(res.body.data.map((entry: any) => entry.documentId)).toEqual([verifiedId]);
      expectPublicTrust(res.body.data[0].trust);
      expect(res.body.data[0].category?.documentId).toBe(categoryId);
    });

    it.each([
      ['verifiedHash', SECRET_HASH],
      ['verifiedById', String(SECRET_VERIFIER_ID)],
      ['verifiedByName', SECRET_VERIFIER_NAME],
    ])('rejects a filter on the private field %s with a 400, not a 500, and leaks nothing', async (field, value) => {
      for (const operator of ['$eq', '$startsWith', '$null']) {
        const res = await t.http.get('/api/articles', {
          query: { [`filters[trust][${field}][${operator}]`]: operator === '$null' ? 'false' : value },
        });
        expect(res.status).toBe(400);
        expect(res.body.error?.name).toBe('ValidationError');
        expect(res.body.data ?? null).toBeNull();
        expectNoInternalValues(res.text);
      }
    });

    // Strapi's query engine cannot run `$not` directly under a component (or relation) filter: it answered 500.
    it.each([
      ['filters[trust][$not][status][$eq]', 'verified', () => [plainId, sourcedId]],
      ['filters[trust][$not][aiInvolvement][$eq]', 'generated', () => [plainId, verifiedId]],
      ['filters[trust][$not][$not][status][$eq]', 'verified', () => [verifiedId]],
      ['filters[trust][$not][$and][0][status][$eq]', 'verified', () => [plainId, sourcedId]],
      ['filters[trust][$not][0][status][$eq]', 'verified', () => [plainId, sourcedId]],
      ['filters[$or][0][trust][$not][status][$eq]', 'verified', () => [plainId, sourcedId]],
    ])('%s=%s filters as written (not a 500), and its count agrees', async (key, value, expected) => {
      const res = await t.http.get('/api/articles', { query: { [key]: value } });
      expect(res.status).toBe(200);
      expect(res.body.data.map((entry: any) => entry.documentId).sort()).toEqual(expected().sort());
      expect(res.body.meta.pagination.total).toBe(expected().length);
    });

    // Strapi answers 500 for an operator given another operator, on any attribute; on trust the plugin answers 400.
    it.each([
      ['filters[trust][status][$eq][$ne]', ['trust', 'status', '$eq']],
      ['filters[trust][$not][status][$eq][$ne]', ['trust', '$not', 'status', '$eq']],
      ['filters[trust][$or][0][aiInvolvement][$in][0][$eq]', ['trust', '$or', '0', 'aiInvolvement', '$in']],
      ['filters[trust][status][$not][$eq][$ne]', ['trust', 'status', '$not', '$eq']],
    ])('%s=x is a 400 with code trust.filter, not a 500', async (key, path) => {
      const res = await t.http.get('/api/articles', { query: { [key]: 'x' } });
      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('ValidationError');
      expect(res.body.error.details.errors[0]).toMatchObject({ code: 'trust.filter', path });
    });

    it('`$not` under trust next to another trust condition keeps both', async () => {
      const res = await t.http.get('/api/articles', {
        query: { 'filters[trust][status][$eq]': 'unverified', 'filters[trust][$not][aiInvolvement][$eq]': 'generated' },
      });
      expect(res.status).toBe(200);
      expect(res.body.data.map((entry: any) => entry.documentId)).toEqual([plainId]);
    });

    it("`$not` under trust in a relation populate's filters", async () => {
      const res = await t.http.get('/api/categories', {
        query: {
          'populate[articles][filters][trust][$not][status][$eq]': 'verified',
          'populate[articles][fields][0]': 'title',
        },
      });
      expect(res.status).toBe(200);
      const news = res.body.data.find((category: any) => category.documentId === categoryId);
      expect(news.articles.map((entry: any) => entry.documentId)).toEqual([plainId]);
      expect(news.articles[0].trust.status).toBe('unverified');
    });

    it('rejects sorting on a private trust field with a 400', async () => {
      const res = await t.http.get('/api/articles', { query: { sort: 'trust.verifiedHash:asc' } });
      expect(res.status).toBe(400);
    });
  });

  describe('around the request', () => {
    it('keeps trust in compressed responses (strapi::compression is enabled in the playground)', async () => {
      const res = await t.http.get('/api/articles', { headers: { 'accept-encoding': 'gzip' } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-encoding')).toBe('gzip');
      expect(res.body.data).toHaveLength(3);
      for (const entry of res.body.data) expectPublicTrust(entry.trust);
      const byId = Object.fromEntries(res.body.data.map((entry: any) => [entry.documentId, entry]));
      expect(byId[sourcedId].trust.sources).toEqual(SOURCES);
      expectNoInternalData(res.text);
    });

    it('reads the trust of a page in one query, whatever the page size, and knex reports it', async () => {
      const queriesFor = async (pageSize: number) => {
        const seen: string[] = [];
        const listener = (query: any) => seen.push(String(query.sql));
        t.strapi.db.connection.on('query', listener);
        try {
          const res = await t.http.get('/api/articles', { query: { 'pagination[pageSize]': String(pageSize) } });
          expect(res.status).toBe(200);
          expect(res.body.data).toHaveLength(pageSize);
          for (const entry of res.body.data) expectPublicTrust(entry.trust);
        } finally {
          t.strapi.db.connection.removeListener('query', listener);
        }
        return seen;
      };
      const one = await queriesFor(1);
      const three = await queriesFor(3);
      expect(three).toHaveLength(one.length);
      for (const seen of [one, three]) {
        expect(seen.filter((sql) => sql.includes('components_trust_labels_trusts'))).toHaveLength(1);
      }
    });

    // SQLite keeps no statistics: given `field = ?` it searches Strapi's index on the link table's `field`, which
    // every trust link row matches, so each read went through the whole link table (slower with every article).
    (testDbClient() === 'sqlite' ? it : it.skip)(
      'finds a page of trust rows by entry id, not by going through every link row',
      async () => {
        const seen: Array<{ sql: string; bindings: unknown[] }> = [];
        const listener = (query: any) => seen.push({ sql: String(query.sql), bindings: query.bindings ?? [] });
        t.strapi.db.connection.on('query', listener);
        try {
          expect((await t.http.get('/api/articles')).status).toBe(200);
        } finally {
          t.strapi.db.connection.removeListener('query', listener);
        }
        const trustQuery = seen.find(({ sql }) => sql.includes('components_trust_labels_trusts'));
        expect(trustQuery).toBeDefined();
        const plan: any[] = await t.strapi.db.connection.raw(
          `EXPLAIN QUERY PLAN ${trustQuery!.sql}`,
          trustQuery!.bindings as any[]
        );
        // The link table is aliased `l` in the query: SQLite's step for it must search by entity_id.
        const linkSearch = plan.map((step) => String(step.detail)).find((detail) => detail.startsWith('SEARCH l '));
        expect(linkSearch).toMatch(/entity_id=\?/);
      }
    );

    it('an entry with another component field keeps its own trust, never the row that field points at', async () => {
      // The trust query matches the link table's `field` after the join: a link row of another component field
      // (here a made-up one pointing at the verified article's trust row id) must not lend its row to the entry.
      const plainRow: any = await t.strapi.db
        .query(ARTICLE as any)
        .findOne({ where: { documentId: plainId, locale: 'en', publishedAt: { $notNull: true } } });
      const foreign = await publishedTrustRow(verifiedId);
      const [link] = await t.strapi.db
        .connection('articles_cmps')
        .insert({ entity_id: plainRow.id, cmp_id: foreign.id, component_type: 'shared.seo', field: 'seo', order: 1 })
        .returning('id');
      const linkId = typeof link === 'object' ? link.id : link;
      try {
        const one = await t.http.get(`/api/articles/${plainId}`);
        expect(one.status).toBe(200);
        expect(one.body.data.trust).toEqual(PLAIN_TRUST);
        const list = await t.http.get('/api/articles');
        expect(list.body.data.find((entry: any) => entry.documentId === plainId).trust).toEqual(PLAIN_TRUST);
        expect(list.body.data.find((entry: any) => entry.documentId === verifiedId).trust.status).toBe('verified');
      } finally {
        await t.strapi.db.connection('articles_cmps').where('id', linkId).del();
      }
    });

    it('does no database work of its own while a read runs inside a transaction', async () => {
      // A custom content API controller may read documents inside strapi.db.transaction(). On SQLite the pool
      // has a single connection, held by the transaction: a trust query there would wait for it forever.
      // The read only records the entries; their trust is loaded once the controller has answered.
      const fakeRequest = { state: { route: { info: { type: 'content-api' } } }, headers: {} };
      const read = t.strapi.requestContext.run(fakeRequest as any, () =>
        t.strapi.db.transaction(() => articles().findMany({ locale: 'en', status: 'published' } as any))
      );
      const timeout = new Promise((_, reject) =>
        setTimeout(() => reject(new Error('the read did not finish in 10 s')), 10_000)
      );
      const entries: any = await Promise.race([read, timeout]);
      expect(entries.map((entry: any) => entry.documentId).sort()).toEqual([plainId, sourcedId, verifiedId].sort());
      expect((fakeRequest.state as any).trustLabelsEntriesRead?.size).toBe(3);
    });
    it('reads trust afresh on every request: a change by plain SQL, from this process or another, shows at once', async () => {
      const row = await publishedTrustRow(plainId);
      const read = async () => {
        const res = await t.http.get('/api/articles');
        expect(res.status).toBe(200);
        return res.body.data.find((item: any) => item.documentId === plainId).trust;
      };
      expect(await read()).toEqual(PLAIN_TRUST);
      expect(await read()).toEqual(PLAIN_TRUST);
      // Through Strapi's own connection, by plain SQL that no plugin code sees.
      await t.strapi.db.connection.raw(
        `update components_trust_labels_trusts set ai_involvement = 'generated' where id = ?`,
        [row.id]
      );
      try {
        expect((await read()).aiInvolvement).toBe('generated');
      } finally {
        await t.strapi.db.connection.raw(
          `update components_trust_labels_trusts set ai_involvement = 'unknown' where id = ?`,
          [row.id]
        );
      }
      expect(await read()).toEqual(PLAIN_TRUST);

      if (testDbClient() !== 'sqlite') return;
      // Committed by another connection, as another Strapi process on the same file would.
      const Database = require('better-sqlite3');
      const other = new Database(t.strapi.db.config.connection.connection.filename);
      try {
        other
          .prepare(
            `update components_trust_labels_trusts set status = 'verified', verified_at = ?, verified_hash = ? where id = ?`
          )
          .run(Date.parse('2026-11-20T10:00:00.000Z'), 'f'.repeat(64), row.id);
        expect(await read()).toMatchObject({ status: 'verified', verifiedAt: '2026-11-20T10:00:00.000Z' });
        other
          .prepare(
            `update components_trust_labels_trusts set status = 'unverified', verified_at = null, verified_hash = null where id = ?`
          )
          .run(row.id);
        expect(await read()).toEqual(PLAIN_TRUST);
      } finally {
        other.close();
      }
    });

    it('never reads trust that another transaction wrote and has not committed', async () => {
      const entry: any = await t.strapi.db
        .query(ARTICLE as any)
        .findOne({ where: { documentId: plainId, locale: 'en', publishedAt: { $notNull: true } } });
      const row = await publishedTrustRow(plainId);
      const statusOf = async () =>
        (await loadPublicTrust(t.strapi, ARTICLE, [{ id: entry.id, locale: 'en' }])).get(entry.id)?.status;
      // A first read, outside any transaction (on SQLite it then knows the pool's connection).
      expect(await statusOf()).toBe('unverified');

      let inside!: () => void;
      let release!: () => void;
      const written = new Promise<void>((resolve) => (inside = resolve));
      const held = new Promise<void>((resolve) => (release = resolve));
      const write = t.strapi.db
        .transaction(async () => {
          // With a hash: a `verified` status without one is never shown as verified at all.
          await t.strapi.db
            .query('trust-labels.trust' as any)
            .update({ where: { id: row.id }, data: { status: 'verified', verifiedHash: 'f'.repeat(64) } });
          inside();
          await held;
          throw new Error('rolled back on purpose');
        })
        .catch((error: Error) => error.message);
      await written;

      let settled = false;
      const during = statusOf().finally(() => (settled = true));
      await new Promise((resolve) => setTimeout(resolve, 200));
      // SQLite: the pool's one connection is in the transaction, so the read waits for it to end. Elsewhere the
      // read runs on another connection and sees only committed data.
      if (testDbClient() === 'sqlite') expect(settled).toBe(false);
      release();
      expect(await write).toBe('rolled back on purpose');
      expect(await during).toBe('unverified');
      expect(await statusOf()).toBe('unverified');
    });
  });

  describe('sources, stored as one JSON list on each trust row', () => {
    const TRUST = 'trust-labels.trust';
    const trustRows = async (documentId: string) => {
      const rows: any[] = await t.strapi.db
        .query(ARTICLE as any)
        .findMany({ where: { documentId, locale: 'en' }, populate: { trust: true } });
      return rows.map((row) => ({ published: row.publishedAt !== null, trust: row.trust }));
    };
    const listedTrust = async (documentId: string) => {
      const res = await t.http.get('/api/articles');
      expect(res.status).toBe(200);
      return res.body.data.find((entry: any) => entry.documentId === documentId).trust;
    };

    it('are written by a label edit to the draft only, and copied to the published version by publish', async () => {
      const reordered = [
        SOURCES[1],
        SOURCES[0],
        { title: 'Third', url: 'https://example.net/3', publisher: null, accessedAt: '2026-01-02' },
      ];
      const edit = await t.http.put(
        `/trust-labels/documents/${ARTICLE}/${sourcedId}`,
        { sources: reordered },
        { token: superAdmin.token, query: { locale: 'en' } }
      );
      expect(edit.status).toBe(200);
      let versions = await trustRows(sourcedId);
      expect(versions).toHaveLength(2);
      for (const { published, trust } of versions) expect(trust.sourcesJson).toEqual(published ? SOURCES : reordered);
      await articles().publish({ documentId: sourcedId, locale: 'en' });
      versions = await trustRows(sourcedId);
      for (const { trust } of versions) expect(trust.sourcesJson).toEqual(reordered);
      expect((await listedTrust(sourcedId)).sources).toEqual(reordered);

      // Back to the sources the other tests expect.
      const back = await t.http.put(
        `/trust-labels/documents/${ARTICLE}/${sourcedId}`,
        { sources: SOURCES },
        { token: superAdmin.token, query: { locale: 'en' } }
      );
      expect(back.status).toBe(200);
      await articles().publish({ documentId: sourcedId, locale: 'en' });
      for (const { trust } of await trustRows(sourcedId)) expect(trust.sourcesJson).toEqual(SOURCES);
    });

    it('a status or AI involvement that is not one of the documented values (written by SQL) reads as unverified / unknown, never a GraphQL error', async () => {
      const row = await publishedTrustRow(verifiedId);
      try {
        for (const [column, value] of [
          ['status', 'VERIFIED'],
          ['status', ''],
          ['status', '<b>x</b>'],
          ['ai_involvement', 'bogus'],
        ] as const) {
          await t.strapi.db.connection.raw(`update components_trust_labels_trusts set ${column} = ? where id = ?`, [
            value,
            row.id,
          ]);
          const rest = await t.http.get(`/api/articles/${verifiedId}`);
          expect(rest.status).toBe(200);
          expect(['unverified', 'verified', 'stale']).toContain(rest.body.data.trust.status);
          if (column === 'status') expect(rest.body.data.trust.status).toBe('unverified');
          expect(['unknown', 'none', 'assisted', 'generated']).toContain(rest.body.data.trust.aiInvolvement);
          const gql = await t.http.post('/graphql', {
            query: `{ article(documentId: "${verifiedId}") { trust { status aiInvolvement } } }`,
          });
          expect(gql.body.errors).toBeUndefined();
          expect(gql.body.data.article.trust).toEqual({
            status: rest.body.data.trust.status,
            aiInvolvement: rest.body.data.trust.aiInvolvement,
          });
          await t.strapi.db.connection.raw(
            `update components_trust_labels_trusts set status = 'verified', ai_involvement = 'unknown' where id = ?`,
            [row.id]
          );
        }
      } finally {
        await t.strapi.db.connection.raw(
          `update components_trust_labels_trusts set status = 'verified', ai_involvement = 'unknown' where id = ?`,
          [row.id]
        );
      }
    });

    it('a stored list that is not what the plugin writes shows its valid sources, never a 500 or another entry', async () => {
      const row = await publishedTrustRow(sourcedId);
      const sqlite = testDbClient() === 'sqlite';
      // PostgreSQL and MySQL refuse text that is not JSON in a JSON column; SQLite stores it.
      const values: Array<[unknown, unknown[]]> = [
        [{ title: 'x' }, []],
        [[1, 2], []],
        [[{ title: 'Only a title' }, SOURCES[0]], [SOURCES[0]]],
        // Never a URL the plugin would refuse to store: a link in a front end must not run script.
        [
          [
            { title: 'x', url: 'javascript:alert(1)' },
            { title: 'y', url: ' JAVASCRIPT:alert(1)' },
            { title: 'z', url: 'data:text/html,x' },
            SOURCES[0],
          ],
          [SOURCES[0]],
        ],
        [
          [{ title: 'd', url: 'https://example.com/d', accessedAt: 5 }],
          [{ title: 'd', url: 'https://example.com/d', publisher: null, accessedAt: null }],
        ],
        ...(sqlite ? ([['not json', []]] as Array<[unknown, unknown[]]>) : []),
      ];
      try {
        for (const [value, shown] of values) {
          const text = typeof value === 'string' ? value : JSON.stringify(value);
          await t.strapi.db.connection.raw('update components_trust_labels_trusts set sources_json = ? where id = ?', [
            text,
            row.id,
          ]);
          const res = await t.http.get('/api/articles');
          expect(res.status).toBe(200);
          const byId = Object.fromEntries(res.body.data.map((entry: any) => [entry.documentId, entry.trust]));
          expect(byId[sourcedId].sources).toEqual(shown);
          expect(byId[plainId]).toEqual(PLAIN_TRUST);
          const gql = await t.http.post('/graphql', {
            query: '{ articles { documentId trust { sources { title url accessedAt } } } }',
          });
          expect(gql.body.errors).toBeUndefined();
          expect(gql.text).not.toMatch(/javascript:|data:text/i);
        }
      } finally {
        await t.strapi.db.query(TRUST as any).update({ where: { id: row.id }, data: { sourcesJson: SOURCES } });
      }
      expect((await listedTrust(sourcedId)).sources).toEqual(SOURCES);
    });
  });

  describe('types without trust labels', () => {
    it('page entries have no trust, with or without populate', async () => {
      for (const query of [{}, { populate: '*' }] as Array<Record<string, string>>) {
        const list = await t.http.get('/api/pages', { query });
        expect(list.status).toBe(200);
        expect(list.body.data.map((entry: any) => entry.documentId)).toEqual([pageId]);
        expect(list.body.data[0]).not.toHaveProperty('trust');
        const one = await t.http.get(`/api/pages/${pageId}`, { query });
        expect(one.status).toBe(200);
        expect(one.body.data.title).toBe('About');
        expect(one.body.data).not.toHaveProperty('trust');
      }
    });

    it('filtering pages on trust is a 400, not a 500', async () => {
      const res = await t.http.get('/api/pages', { query: { 'filters[trust][status][$eq]': 'verified' } });
      expect(res.status).toBe(400);
    });

    it('categories (not enabled) have no trust', async () => {
      const res = await t.http.get('/api/categories');
      expect(res.status).toBe(200);
      expect(res.body.data[0]).not.toHaveProperty('trust');
    });
  });
});
