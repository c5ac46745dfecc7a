import { DEFAULT_DISCLAIMERS } from '../../shared/reader-words';
import {
  ARTICLE_UID,
  bootTestApp,
  createArticle,
  ensureFrenchLocale,
  setTrustStatusInDb,
  trustPath,
  type AdminSession,
  type TestContext,
} from '../helpers';

// The two things the admin panel reads besides the public admin API: the `meta` of GET document (disclaimer
// preview without the settings permission) and the list view's batched status route.
describe('admin panel support routes', () => {
  let t: TestContext;
  let author: AdminSession;
  let admin: AdminSession;
  let verifiedId: string;
  let staleId: string;
  let plainId: string;

  beforeAll(async () => {
    t = await bootTestApp();
    await ensureFrenchLocale(t.strapi);
    admin = await t.admin('super-admin');
    // The Editor role: the plugin's read, the Content Manager on articles, no settings permission.
    author = await t.admin('editor');
    verifiedId = await createArticle(t.strapi, { title: 'Verified' }, { publish: true });
    staleId = await createArticle(t.strapi, { title: 'Stale' });
    plainId = await createArticle(t.strapi, { title: 'Plain' });
    await setTrustStatusInDb(t.strapi, verifiedId, 'verified');
    await setTrustStatusInDb(t.strapi, verifiedId, 'verified', { published: true });
    await setTrustStatusInDb(t.strapi, staleId, 'stale');
    const put = await t.http.put('/trust-labels/settings', { siteName: 'Bytevyte' }, { token: admin.token });
    expect(put.status).toBe(200);
  });

  afterAll(async () => {
    await t?.stop();
  });

  it('GET document carries the disclaimer defaults for its locale, readable without the settings permission', async () => {
    const res = await t.http.get(trustPath(plainId, '?locale=en'), { token: author.token });
    expect(res.status).toBe(200);
    const { chain, ...meta } = res.body.meta;
    // The last verdict on the audit chain, for the panel's warning.
    expect(chain).toMatchObject({ ok: true, firstBrokenEventId: null });
    expect(meta).toEqual({
      locale: 'en',
      siteName: 'Bytevyte',
      disclaimerDefaults: {
        unknown:
          'While we strive for accuracy, Bytevyte can make mistakes. Please verify important information independently.',
        none: null,
        assisted:
          'While we strive for accuracy, Bytevyte can make mistakes. Please verify important information independently.',
        generated:
          'This article was generated with the help of AI and may contain mistakes. Please verify important information independently.',
      },
      requiredSources: 1,
      requiredChecks: ['accuracy', 'plausibility', 'sources'],
      editorialResponsibility: null,
      fourEyes: false,
      publicInterestOfType: true,
    });
    // fr has no configured texts: the preview shows the built-in French texts, like the content API (before 0.3: English).
    await t.strapi
      .documents(ARTICLE_UID)
      .update({ documentId: plainId, locale: 'fr', data: { title: 'Simple' } as any });
    const fr = await t.http.get(trustPath(plainId, '?locale=fr'), { token: author.token });
    expect(fr.body.meta.locale).toBe('fr');
    expect(fr.body.meta.disclaimerDefaults.generated).toBe(DEFAULT_DISCLAIMERS.fr.generated);
    expect(fr.body.meta.disclaimerDefaults.unknown).toBe(
      DEFAULT_DISCLAIMERS.fr.unknown.replace('{siteName}', 'Bytevyte')
    );
  });

  it('answers the list view with each document’s draft and published status', async () => {
    const res = await t.http.get(`/trust-labels/statuses/${ARTICLE_UID}`, {
      token: author.token,
      query: { locale: 'en', documentIds: [verifiedId, staleId, plainId].join(',') },
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({
      [verifiedId]: { draft: 'verified', published: 'verified', changedFields: [] },
      [staleId]: { draft: 'stale', published: null, changedFields: ['title'] },
      [plainId]: { draft: 'unverified', published: null, changedFields: [] },
    });
  });

  it('refuses bad input with a 400 and unknown types with a 404, never a 500', async () => {
    const bad = [
      { documentIds: '' },
      { documentIds: 'not a valid id!' },
      { documentIds: Array.from({ length: 201 }, (_, i) => `id${i}`).join(',') },
      { documentIds: verifiedId, locale: '<script>' },
    ];
    for (const query of bad) {
      const res = await t.http.get(`/trust-labels/statuses/${ARTICLE_UID}`, { token: author.token, query });
      expect([query, res.status, res.body.error?.name]).toEqual([query, 400, 'ValidationError']);
    }
    const page = await t.http.get('/trust-labels/statuses/api::page.page', {
      token: author.token,
      query: { documentIds: verifiedId },
    });
    expect(page.status).toBe(404);
  });

  it('checks every query at the edge: a 400 with a code per problem, never a 500, and nothing changes', async () => {
    const statuses = `/trust-labels/statuses/${ARTICLE_UID}`;
    const cases: Array<[string, string]> = [
      // Repeated and bracketed keys: Koa parses them into arrays and objects.
      [`${statuses}?documentIds=${verifiedId}&documentIds=${plainId}`, 'trust.invalidType'],
      [`${statuses}?documentIds%5Ba%5D=${verifiedId}`, 'trust.invalidType'],
      [`${statuses}?documentIds=${verifiedId}&locale=en&locale=fr`, 'trust.invalidType'],
      [`${statuses}`, 'trust.required'],
      [`${statuses}?documentIds=${verifiedId},`, 'trust.documentId'],
      ['/trust-labels/queue?page=abc', 'trust.outOfRange'],
      ['/trust-labels/queue?page=0', 'trust.outOfRange'],
      ['/trust-labels/queue?pageSize=101', 'trust.outOfRange'],
      ['/trust-labels/queue?page=1&page=2', 'trust.invalidType'],
      ['/trust-labels/queue?status=pending', 'trust.invalidValue'],
      ['/trust-labels/queue?locale=%3Cscript%3E', 'trust.locale'],
      ['/trust-labels/queue?uid%5B%5D=x', 'trust.invalidType'],
      ['/trust-labels/report?format=xml', 'trust.format'],
      ['/trust-labels/report?format=json&format=csv', 'trust.invalidType'],
    ];
    for (const [path, code] of cases) {
      const res = await t.http.get(path, { token: admin.token });
      expect([path, res.status, res.body.error?.name, res.body.error?.details?.errors?.[0]?.code]).toEqual([
        path,
        400,
        'ValidationError',
        code,
      ]);
    }
    const fine = await t.http.get('/trust-labels/queue?page=1&pageSize=100&locale=', { token: admin.token });
    expect(fine.status).toBe(200);
    expect(fine.body.meta.pagination).toMatchObject({ page: 1, pageSize: 100 });
  });

  it('needs the read permission', async () => {
    const roleId = await t.role('no trust labels', []);
    const outsider = await t.admin([roleId], 'outsider');
    const res = await t.http.get(`/trust-labels/statuses/${ARTICLE_UID}`, {
      token: outsider.token,
      query: { documentIds: verifiedId },
    });
    expect(res.status).toBe(403);
    expect(
      (await t.http.get(`/trust-labels/statuses/${ARTICLE_UID}`, { query: { documentIds: verifiedId } })).status
    ).toBe(401);
  });

  it('marks enabled content types for the admin panel, and only those', async () => {
    const res = await t.http.get('/content-manager/init', { token: admin.token });
    expect(res.status).toBe(200);
    const byUid = Object.fromEntries(res.body.data.contentTypes.map((ct: any) => [ct.uid, ct]));
    expect(byUid[ARTICLE_UID].options.trustLabels).toEqual({ attributeName: 'trust' });
    expect(byUid['api::page.page'].options.trustLabels).toBeUndefined();
  });
});
