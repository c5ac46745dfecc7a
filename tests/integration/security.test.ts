import { AUDIT_EVENT_UID } from '../../shared/constants';
import { ARTICLE_UID, bootTestApp, trustPath, type AdminSession, type TestContext } from '../helpers';
import { ALL_CHECKS } from '../helpers/checks';

/**
 * What an attacker tried against 0.1 (issue "Security"), each over a real Strapi: REST, GraphQL, the Content
 * Manager and the plugin's admin routes. Every attempt must fail with a 4xx and change nothing.
 */
describe('security: the audit log, the publish gate, sorting, probing and input rules', () => {
  let t: TestContext;
  let admin: AdminSession;
  let fullAccess: string;
  let readOnly: string;

  const gql = (query: string, token?: string, variables?: Record<string, unknown>) =>
    t.http.post('/graphql', { query, variables }, { token });
  const eventCount = () => t.strapi.db.query(AUDIT_EVENT_UID as any).count();

  /** An AI-generated article with the disclaimer off and not verified: the publish gate must keep it offline. */
  const gatedArticle = async () => {
    const created = await t.strapi
      .documents(ARTICLE_UID)
      .create({ locale: 'en', data: { title: 'Gated', body: 'Body' } as any });
    const labels = await t.http.put(
      trustPath(created.documentId, '?locale=en'),
      { aiInvolvement: 'generated', disclaimerMode: 'off' },
      { token: admin.token }
    );
    expect(labels.status).toBe(200);
    return created.documentId;
  };
  const isPublished = async (documentId: string) =>
    (await t.strapi.db.query(ARTICLE_UID).count({ where: { documentId, publishedAt: { $notNull: true } } })) > 0;

  beforeAll(async () => {
    t = await bootTestApp();
    admin = await t.admin('super-admin', 'sam');
    fullAccess = await t.apiToken('full-access');
    readOnly = await t.apiToken('read-only');
    await t.grantPublic([
      'api::article.article.find',
      'api::article.article.findOne',
      'api::category.category.find',
      'api::category.category.findOne',
    ]);
  });

  afterAll(async () => {
    await t?.stop();
  });

  describe('the audit log is reachable only through the plugin', () => {
    it('GraphQL has no audit queries or mutations: forging an event fails and writes nothing', async () => {
      const before = await eventCount();
      const forge = await gql(
        `mutation { createTrustLabelsAuditEvent(data: { action: verify, uid: "${ARTICLE_UID}", entryDocumentId: "x", at: "2030-01-01T00:00:00.000Z", note: "FORGED" }) { documentId } }`,
        fullAccess
      );
      expect(forge.body.errors?.[0]?.message).toMatch(/Cannot query field "createTrustLabelsAuditEvent"/);
      const read = await gql('{ trustLabelsAuditEvents { actor note } }', readOnly);
      expect(read.body.errors?.[0]?.message).toMatch(/Cannot query field "trustLabelsAuditEvents"/);
      const schema = await gql('{ __schema { types { name } } }', readOnly);
      expect(
        schema.body.data.__schema.types.map((type: any) => type.name).filter((name: string) => /Audit/i.test(name))
      ).toEqual([]);
      expect(await eventCount()).toBe(before);
    });

    it('the Content Manager and the document service refuse it, even for a Super Admin', async () => {
      const before = await eventCount();
      const base = `/content-manager/collection-types/${AUDIT_EVENT_UID}`;
      expect((await t.http.get(base, { token: admin.token })).status).toBeGreaterThanOrEqual(400);
      const create = await t.http.post(
        base,
        { action: 'verify', uid: ARTICLE_UID, entryDocumentId: 'x', at: new Date().toISOString() },
        { token: admin.token }
      );
      expect(create.status).toBeGreaterThanOrEqual(400);
      expect(create.status).toBeLessThan(500);
      await expect(t.strapi.documents(AUDIT_EVENT_UID as any).findMany({})).rejects.toThrow(/append-only/);
      await expect(
        t.strapi.documents(AUDIT_EVENT_UID as any).create({ data: { action: 'verify' } as any })
      ).rejects.toThrow(/append-only/);
      expect(await eventCount()).toBe(before);
    });

    it('the content API has no route to it, with any token', async () => {
      for (const token of [undefined, readOnly, fullAccess]) {
        for (const path of ['/api/audit-events', '/api/trust-labels/audit-events', '/api/trust-labels-audit-events']) {
          expect((await t.http.get(path, { token })).status).toBe(404);
        }
      }
    });
  });

  describe('the publish gate holds on every path', () => {
    it('REST PUT (which publishes by default) answers 400 and changes nothing', async () => {
      const documentId = await gatedArticle();
      const res = await t.http.put(
        `/api/articles/${documentId}?locale=en`,
        { data: { title: 'Published through REST' } },
        { token: fullAccess }
      );
      expect(res.status).toBe(400);
      expect(res.body.error.details.errors[0]).toMatchObject({
        code: 'trust.publishGate',
        values: { aiInvolvement: 'generated', locale: 'en' },
      });
      expect(await isPublished(documentId)).toBe(false);
      const draft = await t.strapi.db.query(ARTICLE_UID).findOne({ where: { documentId, publishedAt: null } });
      expect(draft.title).toBe('Gated');
    });

    it('GraphQL updateArticle with status PUBLISHED is refused as bad input, not an internal error', async () => {
      const documentId = await gatedArticle();
      const res = await gql(
        `mutation ($id: ID!) { updateArticle(documentId: $id, locale: "en", status: PUBLISHED, data: { title: "Through GraphQL" }) { documentId } }`,
        fullAccess,
        { id: documentId }
      );
      expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.body.errors[0].message).toMatch(/Cannot publish/);
      expect(await isPublished(documentId)).toBe(false);
    });

    it('the document service in code: publish() and update({ status: "published" }) throw', async () => {
      const documentId = await gatedArticle();
      await expect(t.strapi.documents(ARTICLE_UID).publish({ documentId, locale: 'en' })).rejects.toThrow(
        /Cannot publish/
      );
      await expect(
        t.strapi
          .documents(ARTICLE_UID)
          .update({ documentId, locale: 'en', data: { title: 'x' } as any, status: 'published' })
      ).rejects.toThrow(/Cannot publish/);
      expect(await isPublished(documentId)).toBe(false);
    });

    // Content Releases is an Enterprise feature: without a license (this CE playground) it has no routes. Its
    // publish calls strapi.documents(uid).publish(), which the test above covers.
    const withReleases = () => (t.strapi as any).ee?.features?.isEnabled?.('cms-content-releases') === true;
    it('a Content Release does not publish it (Enterprise only: the document service publish above is its path)', async () => {
      if (!withReleases()) return;
      const documentId = await gatedArticle();
      const release = await t.http.post(
        '/content-releases',
        { name: `Release ${documentId}`, scheduledAt: null },
        { token: admin.token }
      );
      expect(release.status).toBe(201);
      const releaseId = release.body.data.id;
      const action = await t.http.post(
        `/content-releases/${releaseId}/actions`,
        { contentType: ARTICLE_UID, entryDocumentId: documentId, locale: 'en', type: 'publish' },
        { token: admin.token }
      );
      expect(action.status).toBe(201);
      const publish = await t.http.post(`/content-releases/${releaseId}/publish`, {}, { token: admin.token });
      expect(publish.status).toBeGreaterThanOrEqual(400);
      expect(publish.status).toBeLessThan(500);
      expect(await isPublished(documentId)).toBe(false);
    });
  });

  describe('sorting and filtering on trust', () => {
    it('sorting on trust answers 400 with a code, never 500, in every form, through relations too', async () => {
      for (const query of [
        { sort: 'trust.status' },
        { sort: 'trust.verifiedAt:desc' },
        { 'sort[0]': 'trust.aiInvolvement:asc' },
        { 'sort[0][trust][status]': 'asc' },
      ]) {
        const res = await t.http.get('/api/articles', { query });
        expect(res.status).toBe(400);
        expect(res.body.error.details.errors[0].code).toBe('trust.sort');
      }
      const nested = await t.http.get('/api/categories', { query: { 'populate[articles][sort]': 'trust.status' } });
      expect(nested.status).toBe(400);
      const graph = await gql('{ articles(sort: "trust.status") { documentId } }');
      expect(graph.status).not.toBe(500);
      expect(graph.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('a hidden field cannot be probed: filters on anything but status, verifiedAt and aiInvolvement are a 400', async () => {
      for (const field of ['disclaimerText', 'disclaimerMode', 'sourcesJson', 'verifiedByName', 'verifiedHash']) {
        const res = await t.http.get('/api/articles', { query: { [`filters[trust][${field}][$startsWith]`]: 'W' } });
        expect(res.status).toBe(400);
        const nested = await t.http.get('/api/categories', {
          query: { [`filters[articles][trust][${field}][$startsWith]`]: 'W' },
        });
        expect(nested.status).toBe(400);
      }
      for (const field of ['status', 'aiInvolvement']) {
        expect((await t.http.get('/api/articles', { query: { [`filters[trust][${field}][$eq]`]: 'x' } })).status).toBe(
          200
        );
      }
    });
  });

  describe('input rules', () => {
    it('bulk notes follow the same rules as single notes: no control characters', async () => {
      const documentId = await gatedArticle();
      for (const note of ['nul\u0000', 'escape\u001b[31m', '\u200B']) {
        const res = await t.http.post(
          '/trust-labels/bulk/verify',
          { uid: ARTICLE_UID, documentIds: [documentId], note, checks: ALL_CHECKS },
          { token: admin.token }
        );
        expect(res.status).toBe(400);
        expect(res.body.error.details.errors[0].path).toEqual(['note']);
      }
    });

    it('refuses URLs with credentials, bidi overrides, invisible titles, and settings maps of thousands of locales', async () => {
      const documentId = await gatedArticle();
      const put = (sources: unknown) =>
        t.http.put(trustPath(documentId, '?locale=en'), { sources }, { token: admin.token });
      const codeOf = (res: any) => res.body.error?.details?.errors?.[0]?.code;
      expect(codeOf(await put([{ title: 'x', url: 'https://user:pass@example.com/' }]))).toBe('trust.url.credentials');
      expect(codeOf(await put([{ title: '\u200B', url: 'https://example.com/' }]))).toBe('trust.text.empty');
      expect(codeOf(await put([{ title: 'evil\u202Egnp.exe', url: 'https://example.com/' }]))).toBe('trust.text.bidi');
      const settings = await t.http.put(
        '/trust-labels/settings',
        { publishingPrinciplesUrl: 'https://admin:secret@example.com/principles' },
        { token: admin.token }
      );
      expect(codeOf(settings)).toBe('trust.url.credentials');
      const locales = Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`en-x${i}`, 'Label']));
      const many = await t.http.put('/trust-labels/settings', { badgeLabel: locales }, { token: admin.token });
      expect(many.status).toBe(400);
      expect(codeOf(many)).toBe('trust.tooMany');
    });

    it('stores and serves a look-alike host name in its ASCII form', async () => {
      const documentId = await gatedArticle();
      const res = await t.http.put(
        trustPath(documentId, '?locale=en'),
        { sources: [{ title: 'Bank', url: 'https://exаmple.com/login' }] },
        { token: admin.token }
      );
      expect(res.status).toBe(200);
      expect(res.body.data.draft.sources[0].url).toBe('https://xn--exmple-4nf.com/login');
    });
  });

  describe('settings that fail validation in the database', () => {
    it('only the failing key falls back, it is reported, and saving another key does not reset it', async () => {
      const store = t.strapi.store({ type: 'plugin', name: 'trust-labels', key: 'settings' });
      await store.set({ value: { siteName: 'Kept Site', fourEyes: true, requiredSources: 'many' } });
      const res = await t.http.get('/trust-labels/settings', { token: admin.token });
      expect(res.status).toBe(200);
      expect(res.body.data).toMatchObject({ siteName: 'Kept Site', fourEyes: true, requiredSources: 1 });
      expect(res.body.meta.problems).toEqual([expect.objectContaining({ key: 'requiredSources' })]);
      const save = await t.http.put('/trust-labels/settings', { siteName: 'Renamed' }, { token: admin.token });
      expect(save.body.data).toMatchObject({ siteName: 'Renamed', fourEyes: true });
      expect(await store.get({})).toMatchObject({ siteName: 'Renamed', fourEyes: true, requiredSources: 'many' });
      await store.set({ value: {} });
    });
  });
});
