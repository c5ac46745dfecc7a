import crypto from 'crypto';

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
 * docs/front-end.md#graphql: with @strapi/plugin-graphql installed, `trust` is queryable and
 * filterable in GraphQL, with the same shape and the same hiding of internal data as REST, and cannot be written.
 */

const CM = `/content-manager/collection-types/${ARTICLE_UID}`;
const PUBLIC_TRUST_FIELDS = [
  'aiInvolvement',
  'disclaimer',
  'disclosure',
  'sources',
  'status',
  'verifiedAt',
  'verifiedBy',
];
const INTERNAL_FIELDS = ['verifiedHash', 'fieldHashes', 'changedFields', 'verifiedById', 'verifiedByName'];
const TRUST_SELECTION =
  'trust { status verifiedAt verifiedBy aiInvolvement disclaimer disclosure { value labelRequired } sources { title url publisher accessedAt } }';

const unique = (label: string) => `${label} ${crypto.randomBytes(3).toString('hex')}`;

describe('trust in GraphQL', () => {
  let t: TestContext;
  let admin: AdminSession;
  let fullAccess: string;
  const ids: Record<'verified' | 'stale' | 'unverified' | 'custom', string> = {} as any;

  const gql = (query: string, variables?: Record<string, unknown>, token?: string) =>
    t.http.post('/graphql', { query, variables }, { token });

  const editLabels = async (documentId: string, body: Record<string, unknown>, locale = 'en') => {
    const res = await t.http.put(trustPath(documentId, `?locale=${locale}`), body, { token: admin.token });
    expect(res.status).toBe(200);
  };

  const { publish: cmPublish } = contentManager(() => ({ http: t.http, token: admin.token }));

  const verify = async (documentId: string, locale = 'en') => {
    const res = await t.http.post(
      trustPath(documentId, `/verify?locale=${locale}`),
      { checks: ALL_CHECKS },
      { token: admin.token }
    );
    expect(res.status).toBe(200);
  };

  const article = async (labels: Record<string, unknown>, { verified = false } = {}) => {
    const documentId = await createArticle(t.strapi, { title: unique('English') }, { locale: 'en' });
    await t.strapi
      .documents(ARTICLE_UID)
      .update({ documentId, locale: 'fr', data: { title: unique('Français') } as any });
    for (const locale of ['en', 'fr']) {
      await editLabels(documentId, labels, locale);
      if (verified) await verify(documentId, locale);
      await cmPublish(documentId, locale);
    }
    return documentId;
  };

  /** REST's trust object per documentId, for one locale. */
  const restTrustById = async (locale: string) => {
    const res = await t.http.get('/api/articles', { query: { locale, 'pagination[pageSize]': 100 } });
    expect(res.status).toBe(200);
    return new Map<string, any>(res.body.data.map((entry: any) => [entry.documentId, entry.trust]));
  };

  const storedTrustRows = async (documentId: string) =>
    (await t.strapi.db.query(ARTICLE_UID).findMany({ where: { documentId }, populate: { trust: true } })).map(
      ({ locale, publishedAt, trust }: any) => ({ locale, published: Boolean(publishedAt), trust })
    );

  beforeAll(async () => {
    t = await bootTestApp();
    await ensureFrenchLocale(t.strapi);
    admin = await t.admin('super-admin', 'gail');
    fullAccess = await t.apiToken('full-access');
    const current = await t.http.get('/trust-labels/settings', { token: admin.token });
    expect(
      (
        await t.http.put(
          '/trust-labels/settings',
          {
            siteName: 'Bytevyte',
            disclaimers: {
              ...current.body.data.disclaimers,
              fr: {
                unknown: '{siteName} peut se tromper.',
                none: null,
                assisted: '{siteName} peut se tromper (IA).',
                generated: 'Généré par IA.',
              },
            },
          },
          { token: admin.token }
        )
      ).status
    ).toBe(200);

    const source = { title: 'Source', url: 'https://example.com/source', publisher: 'Press', accessedAt: '2026-04-06' };
    ids.verified = await article(
      { aiInvolvement: 'assisted', sources: [source, { title: 'Other', url: 'https://example.com/other' }] },
      { verified: true }
    );
    ids.stale = await article({ aiInvolvement: 'generated', sources: [source] }, { verified: true });
    for (const locale of ['en', 'fr']) {
      expect(
        (await t.http.put(`${CM}/${ids.stale}?locale=${locale}`, { title: unique('Edited') }, { token: admin.token }))
          .status
      ).toBe(200);
      await cmPublish(ids.stale, locale);
    }
    ids.unverified = await article({ aiInvolvement: 'none', sources: [source] });
    ids.custom = await article({
      aiInvolvement: 'generated',
      disclaimerMode: 'custom',
      disclaimerText: 'Custom <b>"text"</b> & more, {siteName}',
    });
    // Not published: must not show up in published queries.
    await createArticle(t.strapi, { title: 'Draft only' }, { locale: 'en' });

    await t.grantPublic(['api::article.article.find', 'api::article.article.findOne']);
  });

  afterAll(async () => {
    await t?.stop();
  });

  it('needs the find permission, like REST', async () => {
    const token = await t.apiToken('custom', ['api::category.category.find']);
    const res = await gql(`{ articles { documentId } }`, undefined, token);
    expect(res.body.errors?.[0]?.extensions?.error?.name ?? res.body.errors?.[0]?.message).toMatch(/Forbidden/);
    expect(res.body.data?.articles ?? null).toBeNull();
  });

  it('serves trust with exactly the REST shape and values, in both locales', async () => {
    for (const locale of ['en', 'fr']) {
      const res = await gql(
        `query ($locale: I18NLocaleCode) { articles(locale: $locale, pagination: { pageSize: 100 }) { documentId locale ${TRUST_SELECTION} } }`,
        { locale }
      );
      expect(res.status).toBe(200);
      expect(res.body.errors).toBeUndefined();
      const rest = await restTrustById(locale);
      expect(res.body.data.articles).toHaveLength(rest.size);
      expect(rest.size).toBe(4);
      for (const entry of res.body.data.articles) {
        expect(entry.locale).toBe(locale);
        expect(Object.keys(entry.trust).sort()).toEqual(PUBLIC_TRUST_FIELDS);
        expect(entry.trust).toEqual(rest.get(entry.documentId));
      }
      const byId = new Map<string, any>(res.body.data.articles.map((entry: any) => [entry.documentId, entry.trust]));
      expect(byId.get(ids.verified).status).toBe('verified');
      expect(byId.get(ids.verified).verifiedAt).toEqual(expect.any(String));
      expect(byId.get(ids.verified).verifiedBy).toBeNull();
      expect(byId.get(ids.stale).status).toBe('stale');
      expect(byId.get(ids.unverified)).toMatchObject({
        status: 'unverified',
        verifiedAt: null,
        aiInvolvement: 'none',
        disclaimer: null,
      });
      expect(byId.get(ids.custom).disclaimer).toBe('Custom <b>"text"</b> & more, Bytevyte');
      expect(byId.get(ids.verified).disclaimer).toBe(
        locale === 'en'
          ? 'While we strive for accuracy, Bytevyte can make mistakes. Please verify important information independently.'
          : 'Bytevyte peut se tromper (IA).'
      );
      expect(byId.get(ids.verified).sources).toEqual([
        { title: 'Source', url: 'https://example.com/source', publisher: 'Press', accessedAt: '2026-04-06' },
        { title: 'Other', url: 'https://example.com/other', publisher: null, accessedAt: null },
      ]);
    }
  });

  it('serves trust on a single entry too, and the verifier name only with showVerifierName', async () => {
    const query = `query ($id: ID!) { article(documentId: $id, locale: "en") { ${TRUST_SELECTION} } }`;
    expect((await gql(query, { id: ids.verified })).body.data.article.trust.verifiedBy).toBeNull();
    expect(
      (await t.http.put('/trust-labels/settings', { showVerifierName: true }, { token: admin.token })).status
    ).toBe(200);
    try {
      const res = await gql(query, { id: ids.verified });
      expect(res.body.data.article.trust.verifiedBy).toBe('gail Tester');
      expect((await gql(query, { id: ids.unverified })).body.data.article.trust.verifiedBy).toBeNull();
    } finally {
      await t.http.put('/trust-labels/settings', { showVerifierName: false }, { token: admin.token });
    }
  });

  it('filters on trust like REST', async () => {
    const ids$ = async (filters: string, locale = 'en') => {
      const res = await gql(`{ articles(locale: "${locale}", filters: ${filters}) { documentId } }`);
      expect(res.body.errors).toBeUndefined();
      return res.body.data.articles.map((entry: any) => entry.documentId).sort();
    };
    expect(await ids$('{ trust: { status: { eq: "verified" } } }')).toEqual([ids.verified]);
    expect(await ids$('{ trust: { status: { eq: "verified" } } }', 'fr')).toEqual([ids.verified]);
    expect(await ids$('{ trust: { status: { eq: "stale" } } }')).toEqual([ids.stale]);
    expect(await ids$('{ trust: { status: { ne: "verified" } } }')).toEqual(
      [ids.stale, ids.unverified, ids.custom].sort()
    );
    expect(await ids$('{ trust: { aiInvolvement: { in: ["generated"] } } }')).toEqual([ids.stale, ids.custom].sort());
    // `not` under trust (offered by the filters input) answered INTERNAL_SERVER_ERROR before.
    expect(await ids$('{ trust: { not: { status: { eq: "verified" } } } }')).toEqual(
      [ids.stale, ids.unverified, ids.custom].sort()
    );
    expect(await ids$('{ trust: { status: { ne: "stale" }, not: { status: { eq: "verified" } } } }')).toEqual(
      [ids.unverified, ids.custom].sort()
    );
    // Sources are not filterable (only status, verifiedAt and aiInvolvement are): see the next test.
    const rest = await t.http.get('/api/articles', {
      query: { locale: 'en', 'filters[trust][status][$eq]': 'verified' },
    });
    expect(rest.body.data.map((entry: any) => entry.documentId)).toEqual([ids.verified]);
  });

  it('does not expose internal fields, editor fields or component ids, nor let anyone filter on internal fields', async () => {
    const res = await gql(`{
      trust: __type(name: "ComponentTrustLabelsTrust") { fields { name } }
      source: __type(name: "TrustLabelsSource") { fields { name } }
      filters: __type(name: "ComponentTrustLabelsTrustFiltersInput") { inputFields { name } }
      input: __type(name: "ArticleInput") { inputFields { name } }
      trustInput: __type(name: "ComponentTrustLabelsTrustInput") { name }
    }`);
    expect(res.body.errors).toBeUndefined();
    const names = (list: Array<{ name: string }>) => list.map((entry) => entry.name).sort();
    expect(names(res.body.data.trust.fields)).toEqual(PUBLIC_TRUST_FIELDS);
    expect(names(res.body.data.source.fields)).toEqual(['accessedAt', 'publisher', 'title', 'url']);
    for (const field of INTERNAL_FIELDS) expect(names(res.body.data.filters.inputFields)).not.toContain(field);
    expect(names(res.body.data.input.inputFields)).not.toContain('trust');
    expect(res.body.data.trustInput).toBeNull();

    for (const field of [...INTERNAL_FIELDS, 'disclaimerMode', 'disclaimerText', 'id']) {
      const query = await gql(`{ articles { trust { ${field} } } }`);
      expect(query.status).toBe(400);
      expect(query.body.errors[0].message).toContain(`Cannot query field "${field}"`);
    }
    expect(names(res.body.data.filters.inputFields)).toEqual([
      'aiInvolvement',
      'and',
      'not',
      'or',
      'status',
      'verifiedAt',
    ]);
    for (const field of [
      'verifiedHash',
      'verifiedById',
      'verifiedByName',
      'disclaimerText',
      'disclaimerMode',
      'sources',
      'sourcesJson',
    ]) {
      const filter = await gql(`{ articles(filters: { trust: { ${field}: { eq: "x" } } }) { documentId } }`);
      expect(filter.status).toBe(400);
      expect(filter.body.data?.articles ?? null).toBeNull();
    }
  });

  it('shows the defaults for an entry without trust data (created before the plugin), as REST does', async () => {
    const documentId = await createArticle(
      t.strapi,
      { title: 'From before the plugin' },
      { locale: 'en', publish: true }
    );
    // Unlink the trust component, as for an entry stored before the plugin was enabled.
    const link = (t.strapi.db as any).metadata.get(ARTICLE_UID).attributes.trust.joinTable;
    const rows: any[] = await t.strapi.db.query(ARTICLE_UID).findMany({ where: { documentId }, select: ['id'] });
    const unlinked = await t.strapi.db
      .connection(link.name)
      .whereIn(
        link.joinColumn.name,
        rows.map((row) => row.id)
      )
      .andWhere('field', 'trust')
      .del();
    expect(unlinked).toBe(2); // draft and published
    const stored: any = await t.strapi.db
      .query(ARTICLE_UID)
      .findOne({ where: { documentId, publishedAt: { $notNull: true } }, populate: ['trust'] });
    expect(stored.trust).toBeNull();

    const res = await gql(`query ($id: ID!) { article(documentId: $id, locale: "en") { ${TRUST_SELECTION} } }`, {
      id: documentId,
    });
    expect(res.body.errors).toBeUndefined();
    const rest = await t.http.get(`/api/articles/${documentId}`, { query: { locale: 'en' } });
    expect(rest.body.data.trust).toMatchObject({ status: 'unverified', aiInvolvement: 'unknown', sources: [] });
    expect(res.body.data.article.trust).toEqual(rest.body.data.trust);
  });

  it('never leaks internal values, whatever is selected', async () => {
    const res = await gql(`{ articles(locale: "en") { documentId title ${TRUST_SELECTION} } }`);
    const text = JSON.stringify(res.body);
    const rows = await storedTrustRows(ids.verified);
    const hash = rows.find((row) => row.published && row.locale === 'en')!.trust.verifiedHash;
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(text).not.toContain(hash);
    expect(text).not.toContain('gail');
  });

  describe('spoofing through mutations', () => {
    const SPOOF =
      '{ status: verified, verifiedHash: "x", verifiedByName: "Spoofer", aiInvolvement: none, disclaimerMode: off, sources: [{ title: "Fake", url: "https://evil.example/fake" }] }';

    it('rejects createArticle with trust and creates nothing', async () => {
      const before = await t.strapi.db.query(ARTICLE_UID).count();
      const res = await gql(
        `mutation { createArticle(data: { title: "Spoofed", trust: ${SPOOF} }) { documentId } }`,
        undefined,
        fullAccess
      );
      expect(res.status).toBe(400);
      expect(res.body.errors[0].message).toMatch(/trust/);
      expect(await t.strapi.db.query(ARTICLE_UID).count()).toBe(before);
    });

    it('rejects updateArticle with trust, in the query or in variables, and changes nothing', async () => {
      const before = await storedTrustRows(ids.unverified);
      const inline = await gql(
        `mutation { updateArticle(documentId: "${ids.unverified}", locale: "en", data: { trust: ${SPOOF} }) { documentId } }`,
        undefined,
        fullAccess
      );
      expect(inline.status).toBe(400);
      const withVariables = await gql(
        'mutation ($id: ID!, $data: ArticleInput!) { updateArticle(documentId: $id, locale: "en", data: $data) { documentId } }',
        {
          id: ids.unverified,
          data: { title: 'Spoofed title', trust: { status: 'verified', verifiedHash: 'x', sources: [] } },
        },
        fullAccess
      );
      expect(withVariables.status).toBe(400);
      expect(await storedTrustRows(ids.unverified)).toEqual(before);
      const rows: any[] = await t.strapi.db.query(ARTICLE_UID).findMany({ where: { documentId: ids.unverified } });
      expect(rows.map((row) => row.title)).not.toContain('Spoofed title');
    });

    it('creates through GraphQL start unverified, with default labels', async () => {
      const res = await gql(
        `mutation { createArticle(data: { title: "Made in GraphQL" }, locale: "en") { documentId ${TRUST_SELECTION} } }`,
        undefined,
        fullAccess
      );
      expect(res.body.errors).toBeUndefined();
      const { documentId, trust } = res.body.data.createArticle;
      expect(trust).toMatchObject({ status: 'unverified', verifiedAt: null, aiInvolvement: 'unknown', sources: [] });
      const [row] = await storedTrustRows(documentId);
      expect(row.trust).toMatchObject({
        status: 'unverified',
        verifiedHash: null,
        verifiedById: null,
        sourcesJson: [],
      });
    });
  });
});
