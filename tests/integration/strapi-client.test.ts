import { HTTPBadRequestError, strapi as strapiClient } from '@strapi/client';

import {
  ARTICLE_UID,
  bootTestApp,
  createArticle,
  ensureFrenchLocale,
  trustPath,
  type AdminSession,
  type TestContext,
} from '../helpers';
import { ALL_CHECKS } from '../helpers/checks';
import { contentManager } from '../helpers/content-manager';

/**
 * Issue 26, "What machines read of the same page": Strapi's official JavaScript client (`@strapi/client`, from
 * tests/node_modules) against the playground, as a front end uses it with a read-only API token. `trust` arrives as
 * the content API sends it (find, filtered on trust.status, findOne, per locale); a sort on trust is a clean 400 in
 * Strapi's error format, which the client raises as its HTTPBadRequestError.
 */

const SOURCES = [
  {
    title: 'Anthropic expands partnership with Google and Broadcom',
    url: 'https://www.anthropic.com/news/google-broadcom-partnership-compute',
    publisher: 'Anthropic',
    accessedAt: '2026-04-06',
  },
  { title: 'A second source', url: 'https://example.com/second', publisher: null, accessedAt: null },
];

describe('@strapi/client reads trust', () => {
  let t: TestContext;
  let admin: AdminSession;
  let client: ReturnType<typeof strapiClient>;
  let verifiedId: string;
  let unverifiedId: string;

  const { publish } = contentManager(() => ({ http: t.http, token: admin.token }));

  /** What the content API itself answers for one entry (the reference the client must not change). */
  const restEntry = async (documentId: string, locale: string, token: string) => {
    const res = await t.http.get(`/api/articles/${documentId}`, { query: { locale }, token });
    expect(res.status).toBe(200);
    return res.body.data;
  };

  beforeAll(async () => {
    t = await bootTestApp();
    await ensureFrenchLocale(t.strapi);
    admin = await t.admin('super-admin', 'vera');
    expect(
      (
        await t.http.put(
          '/trust-labels/settings',
          { siteName: 'Bytevyte', showVerifierName: true },
          { token: admin.token }
        )
      ).status
    ).toBe(200);

    verifiedId = await createArticle(
      t.strapi,
      { title: 'Verified through the client', body: 'Body' },
      { locale: 'en' }
    );
    await t.strapi
      .documents(ARTICLE_UID)
      .update({ documentId: verifiedId, locale: 'fr', data: { title: 'Vérifié', body: 'Corps' } as any });
    for (const locale of ['en', 'fr']) {
      const labels = await t.http.put(
        trustPath(verifiedId, `?locale=${locale}`),
        { aiInvolvement: 'assisted', sources: SOURCES },
        { token: admin.token }
      );
      expect(labels.status).toBe(200);
      const verify = await t.http.post(
        trustPath(verifiedId, `/verify?locale=${locale}`),
        { checks: ALL_CHECKS },
        { token: admin.token }
      );
      expect(verify.status).toBe(200);
      await publish(verifiedId, locale);
    }
    unverifiedId = await createArticle(
      t.strapi,
      { title: 'Not verified, AI generated', body: 'Body' },
      { locale: 'en' }
    );
    expect(
      (await t.http.put(trustPath(unverifiedId, '?locale=en'), { aiInvolvement: 'generated' }, { token: admin.token }))
        .status
    ).toBe(200);
    await publish(unverifiedId, 'en');

    client = strapiClient({ baseURL: `${t.baseUrl}/api`, auth: await t.apiToken('read-only') });
  });

  afterAll(async () => {
    await t?.stop();
  });

  it('find: every entry carries trust exactly as the content API sends it', async () => {
    const token = await t.apiToken('read-only');
    const { data } = await client.collection('articles').find({ locale: 'en' });
    const byId = new Map(data.map((entry: any) => [entry.documentId, entry]));
    expect([...byId.keys()].sort()).toEqual([verifiedId, unverifiedId].sort());
    for (const documentId of [verifiedId, unverifiedId]) {
      expect((byId.get(documentId) as any).trust).toEqual((await restEntry(documentId, 'en', token)).trust);
    }
    const verified = (byId.get(verifiedId) as any).trust;
    expect(verified).toMatchObject({
      status: 'verified',
      verifiedBy: 'vera Tester',
      aiInvolvement: 'assisted',
      sources: SOURCES,
    });
    // Verified, but nobody holds editorial responsibility (the default settings): the AI label stays.
    expect(verified.disclosure).toEqual({ value: 'ai-assisted', labelRequired: true });
    expect((byId.get(unverifiedId) as any).trust).toMatchObject({
      status: 'unverified',
      aiInvolvement: 'generated',
      sources: [],
    });
  });

  it('find with a filter on trust.status returns only the matching entries, in each locale', async () => {
    const verified = await client
      .collection('articles')
      .find({ locale: 'en', filters: { trust: { status: { $eq: 'verified' } } } });
    expect(verified.data.map((entry: any) => entry.documentId)).toEqual([verifiedId]);
    expect(verified.meta.pagination).toMatchObject({ total: 1 });

    const unverified = await client
      .collection('articles')
      .find({ locale: 'en', filters: { trust: { status: { $ne: 'verified' } } } });
    expect(unverified.data.map((entry: any) => entry.documentId)).toEqual([unverifiedId]);

    const french = await client
      .collection('articles')
      .find({ locale: 'fr', filters: { trust: { status: { $eq: 'verified' } } } });
    expect(french.data.map((entry: any) => [entry.documentId, entry.locale])).toEqual([[verifiedId, 'fr']]);
  });

  it('findOne: trust of the entry in the locale asked for, intact', async () => {
    const token = await t.apiToken('read-only');
    for (const locale of ['en', 'fr']) {
      const { data } = await client.collection('articles').findOne(verifiedId, { locale });
      expect(data.locale).toBe(locale);
      expect(data.trust).toEqual((await restEntry(verifiedId, locale, token)).trust);
      expect(data.trust.sources).toEqual(SOURCES);
      expect(data.trust.status).toBe('verified');
    }
  });

  it("a sort on trust is a clean 400 in Strapi's error format, with its code", async () => {
    for (const sort of ['trust.status:asc', ['trust.verifiedAt:desc'], ['title:asc', 'trust.aiInvolvement']]) {
      const error = await client
        .collection('articles')
        .find({ locale: 'en', sort })
        .then(
          () => null,
          (caught: unknown) => caught
        );
      expect(error).toBeInstanceOf(HTTPBadRequestError);
      const response = (error as HTTPBadRequestError).response;
      expect(response.status).toBe(400);
      const body = await response.json();
      expect(body.data).toBeNull();
      expect(body.error).toMatchObject({ status: 400, name: 'ValidationError' });
      expect(body.error.details.errors).toEqual([expect.objectContaining({ path: ['sort'], code: 'trust.sort' })]);
    }
  });
});
