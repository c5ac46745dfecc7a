import { READER_WORDS } from '../../shared/reader-words';
import crypto from 'crypto';

import {
  ARTICLE_UID,
  bootTestApp,
  createArticle,
  ensureFrenchLocale,
  trustPath,
  type AdminSession,
  type HttpResponse,
  type TestContext,
} from '../helpers';
import { ALL_CHECKS } from '../helpers/checks';
import { contentManager } from '../helpers/content-manager';
import { expandJsonLd, IPTC_DIGITAL_SOURCE_ENUMERATION, nodes, SCHEMA, values } from '../helpers/json-ld';
import { readSvg } from '../helpers/svg';
import { DISCLOSURE_WORDS, disclosureWords } from '../../shared/disclosure';

/**
 * docs/front-end.md#the-svg-badge and #json-ld: GET /api/trust-labels/badge/:uid/:documentId.svg and
 * GET /api/trust-labels/json-ld/:uid/:documentId, for verified, stale and unverified articles in both locales,
 * only for requesters that may `find` the type, never from a draft, never a 500.
 */

const HOSTILE = `</script><script>alert("pwned")</script> & "quotes" & 'apostrophes' <img src=x onerror=alert(1)>`;
const PRINCIPLES = 'https://bytevyte.example/principles';
const LABELS = { en: 'Human Verified', fr: 'Vérifié par un humain' };

const badgePath = (documentId: string, uid = ARTICLE_UID) => `/api/trust-labels/badge/${uid}/${documentId}.svg`;
const jsonLdPath = (documentId: string, uid = ARTICLE_UID) => `/api/trust-labels/json-ld/${uid}/${documentId}`;

let counter = 0;
const unique = (label: string) => `${label} ${++counter}-${crypto.randomBytes(3).toString('hex')}`;

/**
 * The badge's parts, after a strict well-formedness check: the status label, the AI mark (acronym and layer, when AI
 * was involved) and the disclosure in words. The accessible name (aria-label and <title>) is the status, the layer and
 * the disclosure, joined by " · ", as shown.
 */
const badgeParts = (svg: string) => {
  const [root, ...children] = readSvg(svg);
  const title = children.find((element) => element.name === 'title')?.text;
  const texts = children.filter((element) => element.name === 'text').map((element) => element.text);
  expect(root.attributes.role).toBe('img');
  expect(root.attributes['aria-label']).toBe(title);
  expect([2, 4]).toContain(texts.length);
  const [status, acronym, layer] = texts.length === 4 ? texts : [texts[0], null, null];
  expect([status, layer, texts[texts.length - 1]].filter((part) => part !== null).join(' · ')).toBe(title);
  return { status, acronym, layer, disclosure: texts[texts.length - 1] };
};

/** The badge's status label (its first segment). */
const badgeText = (svg: string) => badgeParts(svg).status;

const expectError = (res: HttpResponse, status: number, name: string) => {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/json');
  expect(res.body.data).toBeNull();
  expect(res.body.error).toMatchObject({ status, name });
};

describe('badge and JSON-LD outputs', () => {
  let t: TestContext;
  let admin: AdminSession;
  const ids: Record<'verified' | 'stale' | 'unverified' | 'draftOnly' | 'changedDraft' | 'hostile' | 'enOnly', string> =
    {} as any;
  const titles: Record<string, string> = {};

  // ---- helpers ---------------------------------------------------------------------------------

  const editLabels = async (documentId: string, body: Record<string, unknown>, locale = 'en') => {
    const res = await t.http.put(trustPath(documentId, `?locale=${locale}`), body, { token: admin.token });
    expect(res.status).toBe(200);
  };

  const verify = async (documentId: string, locale = 'en') => {
    const res = await t.http.post(
      trustPath(documentId, `/verify?locale=${locale}`),
      { checks: ALL_CHECKS },
      { token: admin.token }
    );
    expect(res.status).toBe(200);
    expect(res.body.data.draft.status).toBe('verified');
  };

  const { edit: cmEdit, publish: cmPublish } = contentManager(() => ({ http: t.http, token: admin.token }));

  const settings = async (body: Record<string, unknown>) => {
    const res = await t.http.put('/trust-labels/settings', body, { token: admin.token });
    expect(res.status).toBe(200);
  };

  /** An article with an English and a French draft, labelled per locale; published and verified on demand. */
  const article = async (
    name: string,
    {
      labels,
      verified = false,
      publish = true,
      locales = ['en', 'fr'],
    }: { labels: Record<string, Record<string, unknown>>; verified?: boolean; publish?: boolean; locales?: string[] }
  ) => {
    titles[name] = unique(`Title of ${name}`);
    const documentId = await createArticle(t.strapi, { title: `${titles[name]} (en)`, body: 'Body' }, { locale: 'en' });
    if (locales.includes('fr')) {
      await t.strapi
        .documents(ARTICLE_UID)
        .update({ documentId, locale: 'fr', data: { title: `${titles[name]} (fr)`, body: 'Corps' } as any });
    }
    for (const locale of locales) {
      await editLabels(documentId, labels[locale], locale);
      if (verified) await verify(documentId, locale);
      if (publish) await cmPublish(documentId, locale);
    }
    return documentId;
  };

  /** The content API's published entry (what JSON-LD and the badge must agree with). */
  const restEntry = async (documentId: string, locale: string) => {
    const res = await t.http.get(`/api/articles/${documentId}`, { query: { locale } });
    expect(res.status).toBe(200);
    return res.body.data;
  };
  const restTrust = async (documentId: string, locale: string) => (await restEntry(documentId, locale)).trust;

  /** JSON-LD's dates are those of the version readers get: published then, modified then (never before). */
  const expectDatesOf = (doc: Record<string, unknown>, entry: { publishedAt: string; updatedAt: string }) => {
    const published = new Date(entry.publishedAt).toISOString();
    const updated = new Date(entry.updatedAt).toISOString();
    expect(doc.datePublished).toBe(published);
    expect(doc.dateModified).toBe(updated > published ? updated : published);
  };

  const badge = (
    documentId: string,
    options: { locale?: string; token?: string; headers?: Record<string, string> } = {}
  ) =>
    t.http.get(badgePath(documentId), {
      query: options.locale ? { locale: options.locale } : {},
      token: options.token,
      headers: options.headers,
    });

  const jsonLd = (documentId: string, options: { locale?: string; token?: string } = {}) =>
    t.http.get(jsonLdPath(documentId), {
      query: options.locale ? { locale: options.locale } : {},
      token: options.token,
    });

  const digitalSourceTypesSeen = new Set<string>();
  const expandedJsonLd = async (res: HttpResponse) => {
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/ld+json; charset=utf-8');
    // Safe to inline in <script type="application/ld+json">: no raw <, > or &.
    expect(res.text).not.toMatch(/[<>&]/);
    const doc = JSON.parse(res.text);
    expect(doc['@context']).toBe('https://schema.org');
    const node = await expandJsonLd(doc);
    for (const uri of values(node, 'digitalSourceType')) digitalSourceTypesSeen.add(uri as string);
    return { doc, node };
  };

  // ---- setup -------------------------------------------------------------------------------------

  beforeAll(async () => {
    t = await bootTestApp();
    await ensureFrenchLocale(t.strapi);
    admin = await t.admin('super-admin', 'vera');
    await settings({ siteName: 'Bytevyte', badgeLabel: LABELS, publishingPrinciplesUrl: PRINCIPLES });

    const source = (n: number) => ({
      title: `Source ${n}`,
      url: `https://example.com/source-${n}`,
      publisher: 'Example Press',
      accessedAt: '2026-04-06',
    });
    const labels = (en: Record<string, unknown>, fr: Record<string, unknown> = en) => ({ en, fr });

    ids.verified = await article('verified', {
      labels: labels(
        { aiInvolvement: 'generated', sources: [source(1), source(2)] },
        { aiInvolvement: 'assisted', sources: [source(3)] }
      ),
      verified: true,
    });
    ids.stale = await article('stale', {
      labels: labels({ aiInvolvement: 'assisted', sources: [source(4)] }),
      verified: true,
    });
    for (const locale of ['en', 'fr']) {
      await cmEdit(ids.stale, { title: `${titles.stale} edited (${locale})` }, locale);
      await cmPublish(ids.stale, locale);
    }
    ids.unverified = await article('unverified', { labels: labels({ aiInvolvement: 'none', sources: [source(5)] }) });
    ids.draftOnly = await article('draftOnly', {
      labels: labels({ aiInvolvement: 'generated', sources: [source(6)] }),
      verified: true,
      publish: false,
    });
    // Published and verified; then the draft gets a new title that is never published.
    ids.changedDraft = await article('changedDraft', {
      labels: labels({ aiInvolvement: 'unknown', sources: [source(7)] }),
      verified: true,
    });
    for (const locale of ['en', 'fr'])
      await cmEdit(ids.changedDraft, { title: `SECRET DRAFT TITLE (${locale})` }, locale);
    ids.enOnly = await article('enOnly', { labels: { en: { sources: [source(8)] } }, locales: ['en'], verified: true });

    const hostileId = await createArticle(t.strapi, { title: HOSTILE, body: HOSTILE }, { locale: 'en' });
    await editLabels(hostileId, {
      aiInvolvement: 'generated',
      disclaimerMode: 'custom',
      disclaimerText: HOSTILE,
      sources: [{ title: HOSTILE, url: 'https://example.com/?q=<script>&a="b"', publisher: HOSTILE }],
    });
    await verify(hostileId);
    await cmPublish(hostileId);
    ids.hostile = hostileId;
  });

  afterAll(async () => {
    await t?.stop();
  });

  // ---- access ------------------------------------------------------------------------------------

  describe('who may read them', () => {
    it('answers 404 for a uid that is unknown or has no trust labels, before anything else', async () => {
      for (const uid of [
        'api::nope.nope',
        'api::category.category',
        'api::page.page',
        'plugin::users-permissions.user',
        'admin::user',
      ]) {
        expectError(await t.http.get(badgePath(ids.verified, uid)), 404, 'NotFoundError');
        expectError(await t.http.get(jsonLdPath(ids.verified, uid)), 404, 'NotFoundError');
      }
    });

    it('answers 403 to the Public role while it may not find articles, like the content API', async () => {
      expect((await t.http.get('/api/articles')).status).toBe(403);
      for (const documentId of [ids.verified, ids.unverified, ids.draftOnly, 'doesnotexist000000000000']) {
        const svg = await badge(documentId);
        expectError(svg, 403, 'ForbiddenError');
        expect(svg.headers.get('cache-control')).toBe('no-store');
        expect(svg.text).not.toContain('<svg');
        const ld = await jsonLd(documentId, { locale: 'fr' });
        expectError(ld, 403, 'ForbiddenError');
        expect(ld.text).not.toContain(titles.verified);
      }
    });

    it('follows API tokens: read-only, full-access and custom with find may read; custom without find may not', async () => {
      for (const token of [
        await t.apiToken('read-only'),
        await t.apiToken('full-access'),
        await t.apiToken('custom', ['api::article.article.find']),
      ]) {
        const res = await badge(ids.verified, { token });
        expect(res.status).toBe(200);
        expect(badgeText(res.text)).toBe('Human Verified');
        // An answer to a token is not for shared caches.
        expect(res.headers.get('cache-control')).toBe('private, max-age=60');
        expect((await jsonLd(ids.verified, { token })).status).toBe(200);
      }
      for (const token of [
        await t.apiToken('custom', ['api::article.article.findOne']),
        await t.apiToken('custom', ['api::category.category.find']),
      ]) {
        expectError(await badge(ids.verified, { token }), 403, 'ForbiddenError');
        expectError(await jsonLd(ids.verified, { token }), 403, 'ForbiddenError');
      }
    });

    it('answers 401 to invalid credentials', async () => {
      for (const token of ['not-a-token', admin.token]) {
        expectError(await badge(ids.verified, { token }), 401, 'UnauthorizedError');
        expectError(await jsonLd(ids.verified, { token }), 401, 'UnauthorizedError');
      }
    });

    it("follows a users-permissions user's role", async () => {
      const role = await t.strapi.db
        .query('plugin::users-permissions.role')
        .findOne({ where: { type: 'authenticated' } });
      const password = 'Reader-Password-1';
      const username = `reader${crypto.randomBytes(3).toString('hex')}`;
      await t.strapi
        .plugin('users-permissions')
        .service('user')
        .add({
          username,
          email: `${username}@trust-labels.test`,
          password,
          provider: 'local',
          confirmed: true,
          blocked: false,
          role: role.id,
        });
      const login = await t.http.post('/api/auth/local', { identifier: username, password });
      expect(login.status).toBe(200);
      const jwt = login.body.jwt;
      expectError(await badge(ids.verified, { token: jwt }), 403, 'ForbiddenError');
      await t.grantPublic(['api::article.article.find'], 'authenticated');
      const res = await badge(ids.verified, { token: jwt });
      expect(res.status).toBe(200);
      expect((await jsonLd(ids.verified, { token: jwt })).status).toBe(200);
    });

    it('serves the Public role once it may find articles', async () => {
      await t.grantPublic(['api::article.article.find', 'api::article.article.findOne']);
      const res = await badge(ids.verified);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('public, max-age=60');
    });
  });

  // ---- the badge ---------------------------------------------------------------------------------

  describe('the SVG badge', () => {
    it('shows the badge label of the locale for a verified published version', async () => {
      for (const locale of ['en', 'fr'] as const) {
        const res = await badge(ids.verified, { locale });
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
        expect(res.headers.get('etag')).toMatch(/^"[A-Za-z0-9_-]{16,}"$/);
        expect(res.headers.get('cache-control')).toBe('public, max-age=60');
        expect(res.headers.get('x-content-type-options')).toBe('nosniff');
        expect(badgeText(res.text)).toBe(LABELS[locale]);
        expect(res.text).toContain('#1a7f37');
      }
    });

    it('uses the default locale without ?locale=', async () => {
      expect(badgeText((await badge(ids.verified)).text)).toBe('Human Verified');
    });

    it('shows a neutral "Not verified" (notVerifiedLabel) for stale and unverified published versions, in both locales', async () => {
      const NOT_VERIFIED: Record<string, string> = { en: 'Not verified', fr: 'Non vérifié' };
      for (const documentId of [ids.stale, ids.unverified]) {
        for (const locale of ['en', 'fr']) {
          expect((await restTrust(documentId, locale)).status).toBe(documentId === ids.stale ? 'stale' : 'unverified');
          const res = await badge(documentId, { locale });
          expect(res.status).toBe(200);
          expect(badgeText(res.text)).toBe(NOT_VERIFIED[locale]);
          expect(res.text).not.toContain(LABELS.en);
          expect(res.text).not.toContain('#1a7f37');
        }
      }
    });

    it('carries the AI mark (acronym and "AI-generated" / "AI-modified") in the version\'s locale when AI was involved', async () => {
      const seen = new Set<string>();
      for (const documentId of [ids.verified, ids.stale, ids.unverified]) {
        for (const locale of ['en', 'fr'] as const) {
          const { aiInvolvement } = await restTrust(documentId, locale);
          const parts = badgeParts((await badge(documentId, { locale })).text);
          const words = READER_WORDS[locale];
          if (aiInvolvement === 'generated' || aiInvolvement === 'assisted') {
            expect(parts.acronym).toBe(words.ai);
            expect(parts.layer).toBe(aiInvolvement === 'generated' ? words.aiGenerated : words.aiModified);
            seen.add(`${locale} ${aiInvolvement}`);
          } else {
            expect(parts.layer).toBeNull();
          }
        }
      }
      expect(seen.size).toBeGreaterThan(2);
    });

    it("says the published version's AI disclosure in words, in its locale, as its second segment", async () => {
      const seen = new Set<string>();
      for (const documentId of [ids.verified, ids.stale, ids.unverified]) {
        for (const locale of ['en', 'fr']) {
          const { disclosure } = await restTrust(documentId, locale);
          const { disclosure: words } = badgeParts((await badge(documentId, { locale })).text);
          expect(words).toBe(disclosureWords(disclosure.value, locale));
          seen.add(`${locale} ${words}`);
        }
      }
      // Verified and not verified versions do not say the same thing (stale is never "reviewed").
      expect(badgeParts((await badge(ids.stale)).text).disclosure).not.toBe(DISCLOSURE_WORDS.en['ai-assisted']);
      expect(seen.size).toBeGreaterThan(2);
    });

    it("a locale without a label of its own gets its language's reader words, not the default locale's label (0.3)", async () => {
      await settings({ badgeLabel: { en: 'Checked by a person' } });
      try {
        expect(badgeText((await badge(ids.verified, { locale: 'fr' })).text)).toBe(READER_WORDS.fr.humanVerified);
        expect(badgeText((await badge(ids.verified, { locale: 'en' })).text)).toBe('Checked by a person');
      } finally {
        await settings({ badgeLabel: LABELS });
      }
    });

    it('escapes a hostile badge label', async () => {
      await settings({ badgeLabel: { ...LABELS, fr: `<script>alert("x")</script> & 'ok'` } });
      try {
        const res = await badge(ids.verified, { locale: 'fr' });
        expect(res.text).not.toMatch(/<script/i);
        expect(res.text).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &apos;ok&apos;');
        expect(badgeText(res.text)).toBe(`<script>alert("x")</script> & 'ok'`);
      } finally {
        await settings({ badgeLabel: LABELS });
      }
    });

    it('answers 304 to If-None-Match with its ETag, and changes its ETag when the status changes', async () => {
      const first = await badge(ids.enOnly);
      const etag = first.headers.get('etag')!;
      expect((await badge(ids.enOnly)).headers.get('etag')).toBe(etag);

      for (const ifNoneMatch of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
        const cached = await badge(ids.enOnly, { headers: { 'if-none-match': ifNoneMatch } });
        expect(cached.status).toBe(304);
        expect(cached.text).toBe('');
        expect(cached.headers.get('etag')).toBe(etag);
        expect(cached.headers.get('cache-control')).toBe('public, max-age=60');
      }
      expect((await badge(ids.enOnly, { headers: { 'if-none-match': '"something-else"' } })).status).toBe(200);

      const unverify = await t.http.post(trustPath(ids.enOnly, '/unverify?locale=en'), {}, { token: admin.token });
      expect(unverify.status).toBe(200);
      const after = await badge(ids.enOnly, { headers: { 'if-none-match': etag } });
      expect(after.status).toBe(200);
      expect(after.headers.get('etag')).not.toBe(etag);
      expect(badgeText(after.text)).toBe('Not verified');
    });
  });

  // ---- JSON-LD -----------------------------------------------------------------------------------

  describe('JSON-LD', () => {
    it('describes a verified published article: dates, citations, principles, digital source type, review', async () => {
      for (const locale of ['en', 'fr']) {
        const entry = await restEntry(ids.verified, locale);
        const trust = entry.trust;
        const res = await jsonLd(ids.verified, { locale });
        expect(res.headers.get('etag')).toMatch(/^"/);
        expect(res.headers.get('cache-control')).toBe('public, max-age=60');
        const { doc, node } = await expandedJsonLd(res);
        expect(node['@type']).toEqual([`${SCHEMA}Article`]);
        expect(values(node, 'headline')).toEqual([`${titles.verified} (${locale})`]);
        expect(values(node, 'inLanguage')).toEqual([locale]);
        expectDatesOf(doc, entry);
        expect(values(node, 'publishingPrinciples')).toEqual([PRINCIPLES]);
        expect(values(node, 'backstory')).toEqual([trust.disclaimer]);
        const citations = nodes(node, 'citation');
        expect(citations.map((citation) => values(citation, 'url')[0])).toEqual(
          trust.sources.map((source: any) => source.url)
        );
        expect(citations.map((citation) => values(citation, 'name')[0])).toEqual(
          trust.sources.map((source: any) => source.title)
        );
        for (const citation of citations) {
          expect(citation['@type']).toEqual([`${SCHEMA}CreativeWork`]);
          const publisher = nodes(citation, 'publisher')[0];
          expect(publisher['@type']).toEqual([`${SCHEMA}Organization`]);
          expect(values(publisher, 'name')).toEqual(['Example Press']);
        }
        // A node reference to the schema.org enumeration member: an IRI, not text.
        expect(node[`${SCHEMA}digitalSourceType`]).toEqual([
          {
            '@id': `${SCHEMA}${locale === 'en' ? 'TrainedAlgorithmicMediaDigitalSource' : 'CompositeWithTrainedAlgorithmicMediaDigitalSource'}`,
          },
        ]);
        const page = nodes(node, 'mainEntityOfPage');
        expect(page).toHaveLength(1);
        expect(page[0]['@type']).toEqual([`${SCHEMA}WebPage`]);
        expect(values(page[0], 'lastReviewed')).toEqual([trust.verifiedAt]);
        // showVerifierName is off: nobody is named.
        expect(page[0]).not.toHaveProperty(`${SCHEMA}reviewedBy`);
        expect(JSON.stringify(doc)).not.toContain('vera');
      }
    });

    it('names the verifier only when showVerifierName is on', async () => {
      await settings({ showVerifierName: true });
      try {
        const trust = await restTrust(ids.verified, 'en');
        expect(trust.verifiedBy).toBe('vera Tester');
        const { node } = await expandedJsonLd(await jsonLd(ids.verified, { locale: 'en' }));
        const reviewer = nodes(nodes(node, 'mainEntityOfPage')[0], 'reviewedBy')[0];
        expect(reviewer['@type']).toEqual([`${SCHEMA}Person`]);
        expect(values(reviewer, 'name')).toEqual(['vera Tester']);
        // A stale version names nobody, even with the setting on.
        const stale = await expandedJsonLd(await jsonLd(ids.stale, { locale: 'en' }));
        expect(stale.node).not.toHaveProperty(`${SCHEMA}mainEntityOfPage`);
        expect(stale.node).not.toHaveProperty(`${SCHEMA}reviewedBy`);
      } finally {
        await settings({ showVerifierName: false });
      }
    });

    it('has no review for stale and unverified versions, in both locales', async () => {
      for (const [documentId, sourceType] of [
        [ids.stale, 'CompositeWithTrainedAlgorithmicMediaDigitalSource'],
        [ids.unverified, 'DigitalArtDigitalSource'],
      ]) {
        for (const locale of ['en', 'fr']) {
          const { doc, node } = await expandedJsonLd(await jsonLd(documentId, { locale }));
          expectDatesOf(doc, await restEntry(documentId, locale));
          expect(node).not.toHaveProperty(`${SCHEMA}mainEntityOfPage`);
          expect(values(node, 'digitalSourceType')).toEqual([`${SCHEMA}${sourceType}`]);
          expect(nodes(node, 'citation')).toHaveLength(1);
        }
      }
      const stale = await expandedJsonLd(await jsonLd(ids.stale, { locale: 'fr' }));
      expect(values(stale.node, 'headline')).toEqual([`${titles.stale} edited (fr)`]);
    });

    it('omits digitalSourceType when AI involvement is unknown, and publishingPrinciples when unset', async () => {
      await settings({ publishingPrinciplesUrl: null });
      try {
        const { doc } = await expandedJsonLd(await jsonLd(ids.changedDraft));
        expect(doc).not.toHaveProperty('digitalSourceType');
        expect(doc).not.toHaveProperty('publishingPrinciples');
      } finally {
        await settings({ publishingPrinciplesUrl: PRINCIPLES });
      }
    });

    it('keeps hostile titles, sources and disclaimers inert, and exactly as written', async () => {
      const res = await jsonLd(ids.hostile);
      expect(res.text).not.toMatch(/<\/?script|<img/i);
      expect(res.text).toContain('\\u003c/script\\u003e');
      const { node } = await expandedJsonLd(res);
      expect(values(node, 'headline')).toEqual([HOSTILE]);
      expect(values(node, 'backstory')).toEqual([HOSTILE]);
      const citation = nodes(node, 'citation')[0];
      expect(values(citation, 'name')).toEqual([HOSTILE]);
      // Stored percent-encoded (shared/schemas.ts): nothing in it can close a tag or an attribute.
      expect(values(citation, 'url')).toEqual(['https://example.com/?q=%3Cscript%3E&a=%22b%22']);
      expect(values(nodes(citation, 'publisher')[0], 'name')).toEqual([HOSTILE]);

      // The badge of that article only ever shows the label.
      const svg = await badge(ids.hostile);
      expect(badgeText(svg.text)).toBe('Human Verified');
      expect(svg.text).not.toMatch(/script|onerror/i);
    });

    it('answers 304 to If-None-Match with its ETag', async () => {
      const first = await jsonLd(ids.verified, { locale: 'fr' });
      const cached = await t.http.get(jsonLdPath(ids.verified), {
        query: { locale: 'fr' },
        headers: { 'if-none-match': first.headers.get('etag')! },
      });
      expect(cached.status).toBe(304);
      expect(cached.text).toBe('');
    });

    it("only ever uses members of schema.org's IPTCDigitalSourceEnumeration", () => {
      // generated, assisted and none (unknown has none).
      expect(digitalSourceTypesSeen.size).toBe(3);
      for (const uri of digitalSourceTypesSeen) expect(IPTC_DIGITAL_SOURCE_ENUMERATION.has(uri)).toBe(true);
    });
  });

  // ---- published versions only ---------------------------------------------------------------------

  describe('published versions only', () => {
    it('answers 404 for a document without a published version, revealing nothing of the draft', async () => {
      for (const locale of ['en', 'fr']) {
        for (const res of [await badge(ids.draftOnly, { locale }), await jsonLd(ids.draftOnly, { locale })]) {
          expectError(res, 404, 'NotFoundError');
          expect(res.text).not.toContain(titles.draftOnly);
          expect(res.text).not.toContain('Source 6');
          expect(res.text).not.toContain('<svg');
        }
      }
    });

    it('answers 404 for a locale that has no published version', async () => {
      expectError(await badge(ids.enOnly, { locale: 'fr' }), 404, 'NotFoundError');
      expectError(await jsonLd(ids.enOnly, { locale: 'fr' }), 404, 'NotFoundError');
      expectError(await jsonLd(ids.enOnly, { locale: 'de' }), 404, 'NotFoundError');
    });

    it('describes the published version while the draft has changed', async () => {
      for (const locale of ['en', 'fr']) {
        const res = await jsonLd(ids.changedDraft, { locale });
        expect(res.text).not.toContain('SECRET DRAFT TITLE');
        const { node } = await expandedJsonLd(res);
        expect(values(node, 'headline')).toEqual([`${titles.changedDraft} (${locale})`]);
        expect(nodes(node, 'mainEntityOfPage')).toHaveLength(1);
        expect(badgeText((await badge(ids.changedDraft, { locale })).text)).toBe(LABELS[locale as 'en' | 'fr']);
      }
      // The draft itself is stale: the badge follows the published version only.
      const state = await t.http.get(trustPath(ids.changedDraft, '?locale=en'), { token: admin.token });
      expect(state.body.data.draft.status).toBe('stale');
      expect(state.body.data.published.status).toBe('verified');
    });

    it('answers 404 for unknown documents', async () => {
      for (const documentId of ['doesnotexist000000000000', 'x', 'a'.repeat(64)]) {
        expectError(await badge(documentId), 404, 'NotFoundError');
        expectError(await jsonLd(documentId), 404, 'NotFoundError');
      }
    });
  });

  // ---- bad and hostile input -------------------------------------------------------------------------

  describe('bad input', () => {
    it('answers 400 ValidationError for a malformed locale', async () => {
      for (const locale of ['english!', 'e', '../fr', 'en_US', '<script>', 'x'.repeat(300)]) {
        for (const res of [await badge(ids.verified, { locale }), await jsonLd(ids.verified, { locale })]) {
          expectError(res, 400, 'ValidationError');
          expect(res.body.error.details.errors).toEqual([
            expect.objectContaining({ path: ['locale'], name: 'ValidationError' }),
          ]);
        }
      }
      for (const query of ['locale[]=en&locale[]=fr', 'locale[$ne]=en', 'locale=en&locale=fr']) {
        expectError(await t.http.get(`${badgePath(ids.verified)}?${query}`), 400, 'ValidationError');
        expectError(await t.http.get(`${jsonLdPath(ids.verified)}?${query}`), 400, 'ValidationError');
      }
    });

    it('never answers 500, whatever the path and query', async () => {
      const prefixes = ['/api/trust-labels/badge', '/api/trust-labels/json-ld'];
      const segments = [
        `${ARTICLE_UID}/${ids.verified}`,
        `${ARTICLE_UID}/%00`,
        `${ARTICLE_UID}/%E0%A4%A`,
        `${ARTICLE_UID}/..%2F..%2Fadmin`,
        `${ARTICLE_UID}/' OR 1=1 --`,
        `${ARTICLE_UID}/${'a'.repeat(5000)}`,
        `${ARTICLE_UID}/%F0%9F%98%80`,
        `api%3A%3Aarticle.article/${ids.verified}`,
        `%3Cscript%3E/${ids.verified}`,
        `constructor/${ids.verified}`,
        `__proto__/${ids.verified}`,
        `${ARTICLE_UID}/__proto__`,
        `${ARTICLE_UID}`,
      ];
      const queries = [
        '',
        '?locale=',
        '?locale=%00',
        '?locale[__proto__][x]=1',
        '?locale=fr&foo[bar]=1',
        '?populate=*&filters[id]=1',
        `?locale=${'x'.repeat(5000)}`,
      ];
      for (const prefix of prefixes) {
        for (const segment of segments) {
          for (const query of queries) {
            const path = `${prefix}/${segment}${prefix.endsWith('badge') ? '.svg' : ''}${query}`;
            const res = await t.http.get(path);
            expect([200, 400, 401, 403, 404]).toContain(res.status);
            if (res.status !== 200) expect(res.text).not.toContain(titles.verified);
          }
        }
      }
    });
  });
});

describe('outputs for other enabled types (jsonLdTypes, no i18n, no draft & publish)', () => {
  let t: TestContext;
  let admin: AdminSession;

  beforeAll(async () => {
    t = await bootTestApp({
      pluginConfig: {
        contentTypes: ['api::article.article', 'api::page.page', 'api::category.category'],
        jsonLdTypes: { 'api::article.article': 'NewsArticle', 'api::page.page': 'CreativeWork' },
      },
    });
    admin = await t.admin('super-admin');
    await t.grantPublic(['api::article.article.find', 'api::page.page.find']);
  });

  afterAll(async () => {
    await t?.stop();
  });

  it('uses the configured schema.org type', async () => {
    const documentId = await createArticle(t.strapi, { title: 'News' }, { publish: true });
    const { '@type': type } = JSON.parse((await t.http.get(jsonLdPath(documentId))).text);
    expect(type).toBe('NewsArticle');
  });

  it('serves a non-localized type, ignoring a well-formed locale and refusing a malformed one', async () => {
    const page: any = await t.strapi
      .documents('api::page.page' as any)
      .create({ data: { title: 'About us' } as any, status: 'published' });
    const res = await t.http.get(jsonLdPath(page.documentId, 'api::page.page'), { query: { locale: 'fr' } });
    expect(res.status).toBe(200);
    const doc = JSON.parse(res.text);
    expect(doc['@type']).toBe('CreativeWork');
    expect(doc.headline).toBe('About us');
    expect(doc).not.toHaveProperty('inLanguage');
    expect(doc).not.toHaveProperty('backstory'); // not an Article type
    expect((await t.http.get(badgePath(page.documentId, 'api::page.page'))).status).toBe(200);
    expect((await t.http.get(badgePath(page.documentId, 'api::page.page'), { query: { locale: '!!' } })).status).toBe(
      400
    );

    const draft: any = await t.strapi
      .documents('api::page.page' as any)
      .create({ data: { title: 'Draft page' } as any });
    expect((await t.http.get(jsonLdPath(draft.documentId, 'api::page.page'))).status).toBe(404);
  });

  it('serves a type without draft & publish once the role may find it, verified like any other', async () => {
    const category: any = await t.strapi
      .documents('api::category.category' as any)
      .create({ data: { name: 'News' } as any });
    // Saved again later: Strapi moves publishedAt at every save of a type without draft & publish.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await t.strapi
      .documents('api::category.category' as any)
      .update({ documentId: category.documentId, data: { name: 'World news' } as any });
    const path = badgePath(category.documentId, 'api::category.category');
    expect((await t.http.get(path)).status).toBe(403);
    await t.grantPublic(['api::category.category.find']);
    expect(badgeText((await t.http.get(path)).text)).toBe('Not verified');

    const categoryTrust = `/trust-labels/documents/api::category.category/${category.documentId}`;
    expect(
      (
        await t.http.put(
          categoryTrust,
          { sources: [{ title: 'S', url: 'https://example.com/s' }] },
          { token: admin.token }
        )
      ).status
    ).toBe(200);
    expect((await t.http.post(`${categoryTrust}/verify`, { checks: ALL_CHECKS }, { token: admin.token })).status).toBe(
      200
    );
    expect(badgeText((await t.http.get(path)).text)).toBe('Human Verified');
    const doc = JSON.parse((await t.http.get(jsonLdPath(category.documentId, 'api::category.category'))).text);
    expect(doc['@type']).toBe('Article');
    expect(doc).not.toHaveProperty('headline'); // categories have no title
    expect(doc.mainEntityOfPage['@type']).toBe('WebPage');
    // Published when it was created; modified at its last save.
    await t.grantPublic(['api::category.category.findOne']);
    const rest = (await t.http.get(`/api/categories/${category.documentId}`)).body.data;
    expect(new Date(rest.publishedAt).getTime()).toBeGreaterThan(new Date(rest.createdAt).getTime());
    expect(doc.datePublished).toBe(new Date(rest.createdAt).toISOString());
    expect(doc.dateModified).toBe(new Date(rest.updatedAt).toISOString());
  });
});
