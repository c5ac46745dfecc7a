import { bootTestApp, type AdminSession, type TestContext } from '../helpers';

/**
 * docs/front-end.md#what-api-consumers-get: writing trust data through the content API is impossible. A create or
 * update whose body contains `trust` (any token, any role) either fails with a 400 or leaves trust data unchanged.
 */

const ARTICLE = 'api::article.article';
const WRITE_ACTIONS = [
  'api::article.article.find',
  'api::article.article.findOne',
  'api::article.article.create',
  'api::article.article.update',
];

const BASELINE_SOURCES = [
  { title: 'Real source', url: 'https://example.com/real', publisher: 'Real Press', accessedAt: '2026-03-01' },
];

const SPOOF = {
  status: 'verified',
  verifiedAt: '2026-11-24T10:00:00.000Z',
  verifiedHash: 'x',
  fieldHashes: { title: 'x' },
  changedFields: [],
  verifiedById: 1,
  verifiedByName: 'Spoofer',
  aiInvolvement: 'none',
  disclaimerMode: 'off',
  disclaimerText: 'spoofed',
  sources: [{ title: 'Spoofed source', url: 'https://evil.example.com/fake' }],
};

/** Other shapes an attacker might try for the trust attribute. */
const SPOOF_VARIANTS: Array<[string, unknown]> = [
  ['a full trust object', SPOOF],
  ['a status only', { status: 'verified' }],
  ['null', null],
  ['a string', 'verified'],
  ['an array', [SPOOF]],
  ['an object with an id', { id: 1, status: 'verified', verifiedHash: 'x' }],
  ['an object with an id and __component', { id: 1, status: 'verified', __component: 'trust-labels.trust' }],
];

describe('trust cannot be written through the content API', () => {
  let t: TestContext;
  let superAdmin: AdminSession;
  let articleId: string;
  let baselineState: any;
  const callers: Array<[string, () => Promise<string | undefined>]> = [];
  const created: string[] = [];

  const adminState = async (documentId: string, locale = 'en') => {
    const res = await t.http.get(`/trust-labels/documents/${ARTICLE}/${documentId}`, {
      token: superAdmin.token,
      query: { locale },
    });
    expect(res.status).toBe(200);
    return res.body.data;
  };

  /** Every stored version of a document with its raw trust component (internal fields included). */
  const dbRows = async (documentId: string) =>
    (await t.strapi.db.query(ARTICLE as any).findMany({
      where: { documentId },
      populate: { trust: true },
    })) as any[];

  const expectFreshTrust = async (documentId: string, locale = 'en') => {
    const rows = (await dbRows(documentId)).filter((row) => row.locale === locale);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.trust).toBeTruthy();
      expect(row.trust.status).toBe('unverified');
      expect(row.trust.verifiedAt).toBeNull();
      expect(row.trust.verifiedHash).toBeNull();
      expect(row.trust.verifiedById).toBeNull();
      expect(row.trust.verifiedByName).toBeNull();
      expect(row.trust.aiInvolvement).toBe('unknown');
      expect(row.trust.disclaimerMode).toBe('default');
      expect(row.trust.disclaimerText).toBeNull();
      expect(row.trust.sourcesJson).toEqual([]);
    }
    const state = await adminState(documentId, locale);
    expect(state.draft.status).toBe('unverified');
    expect(state.draft.sources).toEqual([]);
    expect(state.draft.aiInvolvement).toBe('unknown');
    if (state.published) {
      expect(state.published.status).toBe('unverified');
      expect(state.published.sources).toEqual([]);
      expect(state.published.aiInvolvement).toBe('unknown');
    }
  };

  const expectBaselineTrust = async () => {
    expect(await adminState(articleId)).toEqual(baselineState);
    const rows = (await dbRows(articleId)).filter((row) => row.locale === 'en');
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row.trust.status).toBe('unverified');
      expect(row.trust.verifiedHash).toBeNull();
      expect(row.trust.verifiedById).toBeNull();
      expect(row.trust.verifiedByName).toBeNull();
      expect(row.trust.aiInvolvement).toBe('assisted');
      expect(row.trust.disclaimerMode).toBe('default');
      expect(row.trust.sourcesJson.map(({ title, url }: any) => ({ title, url }))).toEqual(
        BASELINE_SOURCES.map(({ title, url }) => ({ title, url }))
      );
    }
  };

  beforeAll(async () => {
    t = await bootTestApp();
    superAdmin = await t.admin('super-admin');
    await t.strapi.plugin('i18n').service('locales').create({ code: 'fr', name: 'French (fr)' });

    const doc: any = await t.strapi.documents(ARTICLE as any).create({
      locale: 'en',
      data: { title: 'Target article', body: 'Body' } as any,
      status: 'published',
    });
    articleId = doc.documentId;
    const edit = await t.http.put(
      `/trust-labels/documents/${ARTICLE}/${articleId}`,
      { aiInvolvement: 'assisted', sources: BASELINE_SOURCES },
      { token: superAdmin.token, query: { locale: 'en' } }
    );
    expect(edit.status).toBe(200);
    await t.strapi.documents(ARTICLE as any).publish({ documentId: articleId, locale: 'en' });
    baselineState = await adminState(articleId);
    expect(baselineState.published.sources).toEqual(BASELINE_SOURCES);
    expect(baselineState.draft.sources).toEqual(BASELINE_SOURCES);

    // users-permissions: an authenticated user, and the public role, both allowed to create and update.
    await t.grantPublic(WRITE_ACTIONS, 'authenticated');
    await t.grantPublic(WRITE_ACTIONS, 'public');
    const authenticated = await t.strapi.db
      .query('plugin::users-permissions.role')
      .findOne({ where: { type: 'authenticated' } });
    const user = await t.strapi.plugin('users-permissions').service('user').add({
      username: 'writer',
      email: 'writer@trust-labels.test',
      password: 'Writer-Password-123',
      provider: 'local',
      confirmed: true,
      blocked: false,
      role: authenticated.id,
    });
    const jwt = t.strapi.plugin('users-permissions').service('jwt').issue({ id: user.id });
    const fullAccess = await t.apiToken('full-access');
    const custom = await t.apiToken('custom', WRITE_ACTIONS);

    callers.push(
      ['a full-access API token', async () => fullAccess],
      ['a custom API token with create and update', async () => custom],
      ['a users-permissions user with create and update', async () => jwt],
      ['the public role with create and update', async () => undefined]
    );
  });

  afterAll(async () => {
    await t?.stop();
  });

  it('sanity: the users-permissions user and the tokens can write titles', async () => {
    for (const [, token] of callers) {
      const res = await t.http.post('/api/articles', { data: { title: 'Sanity' } }, { token: await token() });
      expect([200, 201]).toContain(res.status);
      created.push(res.body.data.documentId);
      await expectFreshTrust(res.body.data.documentId);
    }
  });

  describe('a read-only API token', () => {
    let readOnly: string;
    beforeAll(async () => {
      readOnly = await t.apiToken('read-only');
    });

    it('gets 403 on create with trust', async () => {
      const before = await t.strapi.db.query(ARTICLE as any).count({});
      const res = await t.http.post('/api/articles', { data: { title: 'Spoof', trust: SPOOF } }, { token: readOnly });
      expect(res.status).toBe(403);
      expect(await t.strapi.db.query(ARTICLE as any).count({})).toBe(before);
    });

    it('gets 403 on update with trust', async () => {
      const res = await t.http.put(`/api/articles/${articleId}`, { data: { trust: SPOOF } }, { token: readOnly });
      expect(res.status).toBe(403);
      await expectBaselineTrust();
    });
  });

  describe.each(SPOOF_VARIANTS)('with trust as %s', (_variant, trust) => {
    it('a create by any writer either fails with 400 or starts unverified with default trust', async () => {
      for (const [caller, token] of callers) {
        for (const query of [{}, { status: 'draft' }] as Array<Record<string, string>>) {
          const before = await t.strapi.db.query(ARTICLE as any).count({});
          const res = await t.http.post(
            '/api/articles',
            { data: { title: `Spoof by ${caller}`, trust } },
            { token: await token(), query }
          );
          expect([200, 201, 400]).toContain(res.status);
          if (res.status === 400) {
            expect(await t.strapi.db.query(ARTICLE as any).count({})).toBe(before);
            continue;
          }
          const documentId = res.body.data.documentId;
          created.push(documentId);
          // What the response shows, and what is stored.
          if (res.body.data.trust) {
            expect(res.body.data.trust.status).toBe('unverified');
            expect(res.body.data.trust.sources).toEqual([]);
          }
          expect(res.text).not.toContain('evil.example.com');
          await expectFreshTrust(documentId);
        }
      }
    });

    it('an update by any writer either fails with 400 or leaves trust unchanged', async () => {
      for (const [, token] of callers) {
        for (const query of [{}, { status: 'draft' }] as Array<Record<string, string>>) {
          const res = await t.http.put(
            `/api/articles/${articleId}`,
            { data: { title: 'Target article', trust } },
            { token: await token(), query }
          );
          expect([200, 400]).toContain(res.status);
          if (res.status === 200) {
            expect(res.body.data.documentId).toBe(articleId);
            expect(res.text).not.toContain('evil.example.com');
            if (res.body.data.trust) {
              expect(res.body.data.trust.status).toBe('unverified');
              expect(res.body.data.trust.sources).toEqual(BASELINE_SOURCES);
            }
          }
          await expectBaselineTrust();
        }
      }
    });
  });

  it('an update with trust and other fields keeps the other fields and the trust data', async () => {
    const [, token] = callers[0];
    const res = await t.http.put(
      `/api/articles/${articleId}`,
      { data: { body: 'New body', trust: SPOOF } },
      { token: await token() }
    );
    expect([200, 400]).toContain(res.status);
    if (res.status === 200) {
      const row: any = await t.strapi.db
        .query(ARTICLE as any)
        .findOne({ where: { documentId: articleId, locale: 'en', publishedAt: null } });
      expect(row.body).toBe('New body');
    }
    await expectBaselineTrust();
  });

  it('a new locale created through the content API with trust starts unverified with default trust', async () => {
    for (const [caller, token] of callers) {
      const doc: any = await t.strapi.documents(ARTICLE as any).create({
        locale: 'en',
        data: { title: `Base for ${caller}` } as any,
        status: 'published',
      });
      const res = await t.http.put(
        `/api/articles/${doc.documentId}`,
        { data: { title: 'Version française', trust: SPOOF } },
        { token: await token(), query: { locale: 'fr' } }
      );
      expect([200, 201, 400]).toContain(res.status);
      if (res.status === 400) continue;
      expect(res.body.data.locale).toBe('fr');
      await expectFreshTrust(doc.documentId, 'fr');
    }
  });

  it('a verified entry stays verified with its verifier when trust is sent to downgrade it', async () => {
    const doc: any = await t.strapi.documents(ARTICLE as any).create({
      locale: 'en',
      data: { title: 'Verified target' } as any,
      status: 'published',
    });
    const rows = await dbRows(doc.documentId);
    for (const row of rows) {
      await t.strapi.db.query('trust-labels.trust' as any).update({
        where: { id: row.trust.id },
        data: {
          status: 'verified',
          verifiedAt: new Date(),
          verifiedHash: 'real-hash',
          verifiedById: superAdmin.id,
          verifiedByName: 'Real Verifier',
        },
      });
    }
    for (const [, token] of callers) {
      const res = await t.http.put(
        `/api/articles/${doc.documentId}`,
        {
          data: { trust: { status: 'unverified', verifiedHash: null, verifiedById: null, verifiedByName: 'Spoofer' } },
        },
        { token: await token() }
      );
      expect([200, 400]).toContain(res.status);
      for (const row of await dbRows(doc.documentId)) {
        expect(row.trust.status).not.toBe('unverified');
        expect(row.trust.verifiedHash).toBe('real-hash');
        expect(row.trust.verifiedById).toBe(superAdmin.id);
        expect(row.trust.verifiedByName).toBe('Real Verifier');
      }
    }
  });

  it('no spoofed data reached the database at all', async () => {
    const everyTrustRow = await t.strapi.db.query('trust-labels.trust' as any).findMany({});
    expect(JSON.stringify(everyTrustRow.map((row: any) => row.sourcesJson))).not.toContain('evil.example.com');
    const spoofedTrust = await t.strapi.db.query('trust-labels.trust' as any).findMany({
      where: { $or: [{ verifiedHash: 'x' }, { verifiedByName: 'Spoofer' }, { disclaimerText: 'spoofed' }] },
    });
    expect(spoofedTrust).toEqual([]);
    expect(created.length).toBeGreaterThan(0);
  });
});
