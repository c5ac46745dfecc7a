import { ARTICLE_UID, bootTestApp, trustPath, type AdminSession, type TestContext } from '../helpers';
import { ALL_CHECKS } from '../helpers/checks';
import { expandJsonLd, nodes, values } from '../helpers/json-ld';
import { readSvg } from '../helpers/svg';
import { disclosureWords } from '../../shared/disclosure';

/**
 * One presentation of the public trust object (domain/trust.ts `presentTrust`; REST and GraphQL load it through
 * services/public-trust.ts, the others read the row themselves): for the same version, REST (list, single entry,
 * populated through a relation, whatever the populate asks of trust), GraphQL (direct and through a relation), the
 * badge, JSON-LD, the report and the admin state all show the same public values.
 */
describe('every channel shows the same public trust', () => {
  let t: TestContext;
  let admin: AdminSession;
  let documentId: string;
  let categoryId: string;
  let reference: any;

  const SOURCES = [
    { title: 'First source', url: 'https://example.com/first', publisher: 'Example Press', accessedAt: '2026-04-06' },
    { title: 'Second source', url: 'https://example.org/second', publisher: null, accessedAt: null },
  ];

  beforeAll(async () => {
    t = await bootTestApp();
    admin = await t.admin('super-admin', 'olga');
    await t.grantPublic([
      'api::article.article.find',
      'api::article.article.findOne',
      'api::category.category.find',
      'api::category.category.findOne',
    ]);
    expect(
      (
        await t.http.put(
          '/trust-labels/settings',
          { siteName: 'Bytevyte', showVerifierName: true },
          { token: admin.token }
        )
      ).status
    ).toBe(200);
    const category = await t.strapi.documents('api::category.category').create({ data: { name: 'Science' } as any });
    categoryId = category.documentId;
    const article = await t.strapi
      .documents(ARTICLE_UID)
      .create({ locale: 'en', data: { title: 'One truth', body: 'Body', category: categoryId } as any });
    documentId = article.documentId;
    expect(
      (
        await t.http.put(
          trustPath(documentId, '?locale=en'),
          { aiInvolvement: 'assisted', sources: SOURCES },
          { token: admin.token }
        )
      ).status
    ).toBe(200);
    await t.strapi.documents(ARTICLE_UID).publish({ documentId, locale: 'en' });
    expect(
      (await t.http.post(trustPath(documentId, '/verify?locale=en'), { checks: ALL_CHECKS }, { token: admin.token }))
        .body.data.published.status
    ).toBe('verified');

    reference = (await t.http.get(`/api/articles/${documentId}`, { query: { locale: 'en' } })).body.data.trust;
    expect(reference).toMatchObject({
      status: 'verified',
      verifiedBy: 'olga Tester',
      aiInvolvement: 'assisted',
      sources: SOURCES,
    });
    expect(reference.disclaimer).toContain('Bytevyte');
  });

  afterAll(async () => {
    await t?.stop();
  });

  it('REST: the list, and every populate of trust through a relation, show the direct read exactly', async () => {
    const list = await t.http.get('/api/articles', { query: { locale: 'en' } });
    expect(list.body.data.find((entry: any) => entry.documentId === documentId).trust).toEqual(reference);
    for (const query of [
      { populate: 'articles' },
      { 'populate[articles][populate]': 'trust' },
      { 'populate[articles][populate][trust][populate]': '*' },
      { 'populate[articles][populate]': '*' },
    ]) {
      const res = await t.http.get(`/api/categories/${categoryId}`, { query });
      expect(res.status).toBe(200);
      expect(res.body.data.articles).toHaveLength(1);
      expect(res.body.data.articles[0].trust).toEqual(reference);
    }
    // And back again: an article's category, populated with its articles.
    const deep = await t.http.get(`/api/articles/${documentId}`, {
      query: { locale: 'en', 'populate[category][populate]': 'articles' },
    });
    expect(deep.body.data.category.articles[0].trust).toEqual(reference);
  });

  it('GraphQL: directly and through a relation', async () => {
    const selection =
      'trust { status verifiedAt verifiedBy aiInvolvement disclaimer disclosure { value labelRequired } sources { title url publisher accessedAt } }';
    const res = await t.http.post('/graphql', {
      query: `query ($id: ID!, $category: ID!) {
        article(documentId: $id, locale: "en") { ${selection} }
        category(documentId: $category) { articles { ${selection} } }
      }`,
      variables: { id: documentId, category: categoryId },
    });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.article.trust).toEqual(reference);
    expect(res.body.data.category.articles[0].trust).toEqual(reference);
  });

  it('the badge, JSON-LD, the report and the admin state', async () => {
    const badge = await t.http.get(`/api/trust-labels/badge/${ARTICLE_UID}/${documentId}.svg`, {
      query: { locale: 'en' },
    });
    // The status label, the AI mark's layer when AI was involved, then the disclosure in words: the same values as every other channel's.
    const layer = { generated: 'AI-generated · ', assisted: 'AI-modified · ' }[reference.aiInvolvement as string] ?? '';
    expect(readSvg(badge.text).find((element) => element.name === 'title')?.text).toBe(
      `Human Verified · ${layer}${disclosureWords(reference.disclosure.value, 'en')}`
    );

    const jsonLd = await expandJsonLd(
      (await t.http.get(`/api/trust-labels/json-ld/${ARTICLE_UID}/${documentId}`, { query: { locale: 'en' } })).body
    );
    expect(nodes(jsonLd, 'citation').map((citation) => values(citation, 'url')[0])).toEqual(
      reference.sources.map((source: any) => source.url)
    );
    expect(values(jsonLd, 'backstory')).toEqual([reference.disclaimer]);
    const page = nodes(jsonLd, 'mainEntityOfPage')[0];
    expect(values(page, 'lastReviewed')).toEqual([reference.verifiedAt]);
    expect(values(nodes(page, 'reviewedBy')[0], 'name')).toEqual([reference.verifiedBy]);

    const report = (await t.http.get('/trust-labels/report', { token: admin.token })).body.data;
    const entry = report
      .flatMap((group: any) => group.entries)
      .find((item: any) => item.documentId === documentId && item.version === 'published');
    expect(entry).toMatchObject({
      status: reference.status,
      aiInvolvement: reference.aiInvolvement,
      verifiedAt: reference.verifiedAt,
    });

    const state = (await t.http.get(trustPath(documentId, '?locale=en'), { token: admin.token })).body.data.published;
    const {
      disclaimerMode: _mode,
      disclaimerText: _text,
      changedFields: _changed,
      contentHash: _hash,
      checks: _checks,
      editorialResponsibility: _own,
      responsibleParty: _party,
      suggestion: _suggestion,
      publicInterest: _public,
      publicInterestApplied: _applied,
      verifiedBy,
      ...shared
    } = state;
    expect({ ...shared, verifiedBy: verifiedBy.name }).toEqual(reference);
  });
});
