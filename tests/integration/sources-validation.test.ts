import { BODY_PARSER_ERROR, bootTestApp, expectingErrorLog, type AdminSession, type TestContext } from '../helpers';

/**
 * docs/editors.md#what-editors-set (source rules) and docs/api.md#errors (bad input: 400 ValidationError with a path
 * per problem, nothing changed; unknown or disabled uid / unknown documentId: 404; never a 500).
 */

const ARTICLE = 'api::article.article';

type Path = Array<string | number>;

const source = (n: number, extra: Record<string, unknown> = {}) => ({
  title: `Source ${n}`,
  url: `https://example.com/source-${n}`,
  ...extra,
});

const BASELINE_SOURCES = [
  { title: 'Baseline B', url: 'https://example.org/b', publisher: 'Publisher B', accessedAt: '2026-01-15' },
  { title: 'Baseline A', url: 'http://example.net/a', publisher: null, accessedAt: null },
];

const sortPaths = (paths: Path[]) => paths.map((p) => JSON.stringify(p)).sort();

describe('validation of trust edits and settings', () => {
  let t: TestContext;
  let superAdmin: AdminSession;
  let documentId: string;
  let pageDocumentId: string;
  let baseline: any;

  const docPath = (id = documentId, uid = ARTICLE) => `/trust-labels/documents/${uid}/${id}`;
  const getState = async () => {
    const res = await t.http.get(docPath(), { token: superAdmin.token, query: { locale: 'en' } });
    expect(res.status).toBe(200);
    return res.body.data;
  };
  const put = (body: unknown, query: Record<string, string> = { locale: 'en' }) =>
    t.http.put(docPath(), body, { token: superAdmin.token, query });

  const expectValidationError = (res: any, paths: Path[]) => {
    expect(res.status).toBe(400);
    expect(res.body.data).toBeNull();
    expect(res.body.error.name).toBe('ValidationError');
    expect(typeof res.body.error.message).toBe('string');
    const errors = res.body.error.details?.errors;
    expect(Array.isArray(errors)).toBe(true);
    for (const error of errors) {
      expect(typeof error.message).toBe('string');
      expect(error.message.length).toBeGreaterThan(0);
    }
    expect(sortPaths(errors.map((e: any) => e.path))).toEqual(sortPaths(paths));
  };

  /** PUTs a bad body (with a valid aiInvolvement change beside it) and checks nothing was saved. */
  const expectRejected = async (sources: unknown, paths: Path[]) => {
    const res = await put({ aiInvolvement: 'generated', sources });
    expectValidationError(res, paths);
    expect(await getState()).toEqual(baseline);
  };

  beforeAll(async () => {
    t = await bootTestApp();
    superAdmin = await t.admin('super-admin');
    await t.grantPublic(['api::article.article.find', 'api::article.article.findOne']);
    const doc: any = await t.strapi.documents(ARTICLE as any).create({
      locale: 'en',
      data: { title: 'Validated article' } as any,
      status: 'published',
    });
    documentId = doc.documentId;
    const page: any = await t.strapi.documents('api::page.page' as any).create({ data: { title: 'Page' } as any });
    pageDocumentId = page.documentId;

    const res = await put({ aiInvolvement: 'assisted', sources: BASELINE_SOURCES });
    expect(res.status).toBe(200);
    baseline = res.body.data;
    expect(baseline.draft.sources).toEqual(BASELINE_SOURCES);
    expect(baseline.draft.aiInvolvement).toBe('assisted');
    expect(await getState()).toEqual(baseline);
  });

  afterAll(async () => {
    await t?.stop();
  });

  describe('source title', () => {
    it.each([
      ['empty', ''],
      ['blank', '   '],
      ['301 characters', 'x'.repeat(301)],
      ['a number', 42],
      ['null', null],
      ['an object', { en: 'x' }],
    ])('rejects a title that is %s', async (_label, title) => {
      await expectRejected([source(0), source(1), { title, url: 'https://example.com/t' }], [['sources', 2, 'title']]);
    });

    it('rejects a missing title', async () => {
      await expectRejected([{ url: 'https://example.com/t' }], [['sources', 0, 'title']]);
    });
  });

  describe('source url', () => {
    it.each([
      ['javascript:', 'javascript:alert(1)'],
      ['javascript: in mixed case', 'JaVaScRiPt:alert(document.cookie)'],
      ['javascript: with a leading space', ' javascript:alert(1)'],
      ['javascript: with slashes', 'javascript://example.com/%0Aalert(1)'],
      ['data:', 'data:text/html,<script>alert(1)</script>'],
      ['data: base64', 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='],
      ['vbscript:', 'vbscript:msgbox(1)'],
      ['ftp:', 'ftp://example.com/file.txt'],
      ['file:', 'file:///etc/passwd'],
      ['mailto:', 'mailto:someone@example.com'],
      ['relative path', '/news/article'],
      ['relative without slash', 'news/article'],
      ['protocol-relative', '//example.com/article'],
      ['host without scheme', 'example.com/article'],
      ['scheme without host', 'http://'],
      ['missing slashes', 'http//example.com'],
      ['scheme with one slash missing', 'https:/example.com'],
      ['a space inside', 'https://exa mple.com/a'],
      ['a newline inside', 'https://example.com/a\nb'],
      ['a control character', 'https://example.com/\u0000'],
      ['empty', ''],
      ['2049 characters', `https://example.com/${'a'.repeat(2029)}`],
      ['a number', 12345],
      ['null', null],
      ['an array', ['https://example.com']],
    ])('rejects a url that is %s', async (_label, url) => {
      if (_label === '2049 characters') expect(url).toHaveLength(2049);
      await expectRejected([source(0), source(1), { title: 'Bad url', url }], [['sources', 2, 'url']]);
    });

    it('rejects a missing url', async () => {
      await expectRejected([{ title: 'No url' }], [['sources', 0, 'url']]);
    });

    it('rejects two sources with the same url, at the second one', async () => {
      await expectRejected(
        [
          source(0),
          { title: 'Dup 1', url: 'https://example.com/dup' },
          source(2),
          { title: 'Dup 2', url: 'https://example.com/dup' },
        ],
        [['sources', 3, 'url']]
      );
    });
  });

  describe('source publisher and accessedAt', () => {
    it('rejects a publisher of 201 characters', async () => {
      await expectRejected([source(0, { publisher: 'p'.repeat(201) })], [['sources', 0, 'publisher']]);
    });

    it.each([
      ['a number', 7],
      ['an object', { name: 'x' }],
      ['a control character', 'Pub\u0007lisher'],
    ])('rejects a publisher that is %s', async (_label, publisher) => {
      await expectRejected([source(0), source(1, { publisher })], [['sources', 1, 'publisher']]);
    });

    it.each([
      ['February 30th', '2026-02-30'],
      ['February 29th of a common year', '2025-02-29'],
      ['month 13', '2026-13-01'],
      ['day 00', '2026-04-00'],
      ['no zero padding', '2026-4-6'],
      ['day first', '06/04/2026'],
      ['a full timestamp', '2026-04-06T10:00:00.000Z'],
      ['a word', 'yesterday'],
      ['empty', ''],
      ['a number', 20260406],
    ])('rejects an accessedAt that is %s', async (_label, accessedAt) => {
      await expectRejected([source(0), source(1), source(2, { accessedAt })], [['sources', 2, 'accessedAt']]);
    });
  });

  describe('the list of sources', () => {
    it('rejects more than 50 sources', async () => {
      const many = Array.from({ length: 51 }, (_, i) => source(i));
      await expectRejected(many, [['sources']]);
    });

    it.each([
      ['a string', 'https://example.com'],
      ['an object', { 0: source(0) }],
      ['a number', 3],
    ])('rejects sources that is %s', async (_label, sources) => {
      await expectRejected(sources, [['sources']]);
    });

    it.each([
      ['a string', 'https://example.com'],
      ['null', null],
      ['an array', [source(0)]],
    ])('rejects a source that is %s', async (_label, entry) => {
      await expectRejected([source(0), entry], [['sources', 1]]);
    });

    it('rejects unknown keys in a source', async () => {
      await expectRejected(
        [source(0), source(1, { id: 5, verified: true })],
        [
          ['sources', 1, 'id'],
          ['sources', 1, 'verified'],
        ]
      );
    });

    it.each([
      ['NUL', '\u0000'],
      ['bell', '\u0007'],
      ['escape', '\u001b'],
      ['carriage return', '\r'],
      ['vertical tab', '\u000b'],
      ['DEL', '\u007f'],
      ['C1 NEL', '\u0085'],
    ])('rejects a %s control character in a title', async (_label, char) => {
      await expectRejected([source(0, { title: `Bad${char}title` })], [['sources', 0, 'title']]);
    });

    it('reports every problem at once with its own path', async () => {
      await expectRejected(
        [
          { title: '', url: 'javascript:alert(1)' },
          source(1),
          {
            title: 'ok',
            url: 'https://example.com/ok',
            publisher: 'p'.repeat(201),
            accessedAt: '2026-02-30',
            extra: 1,
          },
        ],
        [
          ['sources', 0, 'title'],
          ['sources', 0, 'url'],
          ['sources', 2, 'publisher'],
          ['sources', 2, 'accessedAt'],
          ['sources', 2, 'extra'],
        ]
      );
    });
  });

  describe('other fields of the edit body', () => {
    it.each([
      ['aiInvolvement', { aiInvolvement: 'maybe' }, [['aiInvolvement']]],
      ['aiInvolvement type', { aiInvolvement: 1 }, [['aiInvolvement']]],
      ['aiInvolvement null', { aiInvolvement: null }, [['aiInvolvement']]],
      ['disclaimerMode', { disclaimerMode: 'loud' }, [['disclaimerMode']]],
      ['disclaimerText type', { disclaimerText: ['x'] }, [['disclaimerText']]],
      ['an unknown key', { aiInvolvement: 'none', colour: 'red' }, [['colour']]],
      ['status', { aiInvolvement: 'none', status: 'verified' }, [['status']]],
      [
        'internal fields',
        { aiInvolvement: 'none', verifiedHash: 'x', verifiedById: 1 },
        [['verifiedHash'], ['verifiedById']],
      ],
    ])('rejects a bad %s', async (_label, body, paths) => {
      const res = await put(body);
      expectValidationError(res, paths as Path[]);
      expect(await getState()).toEqual(baseline);
    });

    it('rejects a body of only unknown keys, naming each of them', async () => {
      const res = await put({ status: 'verified', verifiedHash: 'x' });
      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('ValidationError');
      const paths = sortPaths(res.body.error.details.errors.map((e: any) => e.path));
      expect(paths).toEqual(expect.arrayContaining(sortPaths([['status'], ['verifiedHash']])));
      expect(await getState()).toEqual(baseline);
      expect(baseline.draft.status).toBe('unverified');
    });

    it('rejects an empty object', async () => {
      const res = await put({});
      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('ValidationError');
      expect(await getState()).toEqual(baseline);
    });

    const nonObjectBodies: Array<[string, string]> = [
      ['an array', '[{"aiInvolvement":"none"}]'],
      ['a string', '"aiInvolvement"'],
      ['a number', '42'],
      ['null', 'null'],
      ['true', 'true'],
      ['malformed JSON', '{"sources": ['],
    ];

    it.each(nonObjectBodies)('rejects a JSON body that is %s with a 400 and changes nothing', async (_label, raw) => {
      const res = await expectingErrorLog(t.strapi, BODY_PARSER_ERROR, () => put(raw));
      expect(res.status).toBe(400);
      expect(res.body.data).toBeNull();
      expect(res.body.error.status).toBe(400);
      expect(await getState()).toEqual(baseline);
    });

    it.each(nonObjectBodies)(
      'answers a JSON body that is %s with a ValidationError with paths',
      async (_label, raw) => {
        const res = await expectingErrorLog(t.strapi, BODY_PARSER_ERROR, () => put(raw));
        expect(res.status).toBe(400);
        expect(res.body.error.name).toBe('ValidationError');
        expect(Array.isArray(res.body.error.details?.errors)).toBe(true);
        for (const error of res.body.error.details.errors) expect(Array.isArray(error.path)).toBe(true);
      }
    );

    it.each([
      ['title', (big: string) => ({ sources: [{ title: big, url: 'https://example.com/big' }] })],
      ['url', (big: string) => ({ sources: [{ title: 'Big', url: `https://example.com/${big}` }] })],
      ['disclaimerText', (big: string) => ({ disclaimerMode: 'custom', disclaimerText: big })],
    ])('answers a 1 MB %s with 400 or 413, never 500', async (_label, build) => {
      for (const size of [1024 * 1024, 1000 * 1000 - 200]) {
        const res = await expectingErrorLog(t.strapi, BODY_PARSER_ERROR, () => put(build('x'.repeat(size))));
        expect([400, 413]).toContain(res.status);
        expect(await getState()).toEqual(baseline);
      }
    });

    it('rejects an invalid locale with a 400 at locale', async () => {
      const res = await put({ aiInvolvement: 'none' }, { locale: 'not a locale!' });
      expectValidationError(res, [['locale']]);
      expect(await getState()).toEqual(baseline);
    });
  });

  describe('what is accepted', () => {
    it('keeps the order of valid sources, normalises optional fields, and changes only the draft', async () => {
      const ordered = [
        { title: 'Zeta', url: 'https://z.example.com/', publisher: 'Z Press', accessedAt: '2024-02-29' },
        { title: 'Alpha', url: 'http://a.example.com/path?x=1#frag' },
        { title: 'Mu', url: 'https://m.example.com/', publisher: '' },
        { title: 'Beta', url: 'https://b.example.com/', publisher: null, accessedAt: null },
      ];
      const res = await put({ sources: ordered });
      expect(res.status).toBe(200);
      const expected = [
        ordered[0],
        { ...ordered[1], publisher: null, accessedAt: null },
        { ...ordered[2], publisher: null, accessedAt: null },
        ordered[3],
      ];
      expect(res.body.data.draft.sources).toEqual(expected);
      const state = await getState();
      expect(state.draft.sources).toEqual(expected);
      // The published version is untouched until the next publish.
      expect(state.published).toEqual(baseline.published);
      expect(state.published.sources).toEqual([]);
      expect(state.draft.aiInvolvement).toBe('assisted');

      const reversed = [...ordered].reverse();
      const again = await put({ sources: reversed });
      expect(again.status).toBe(200);
      expect((await getState()).draft.sources.map((s: any) => s.title)).toEqual(['Beta', 'Mu', 'Alpha', 'Zeta']);

      await t.strapi.documents(ARTICLE as any).publish({ documentId, locale: 'en' });
      const api = await t.http.get(`/api/articles/${documentId}`);
      expect(api.status).toBe(200);
      expect(api.body.data.trust.sources.map((s: any) => s.title)).toEqual(['Beta', 'Mu', 'Alpha', 'Zeta']);
      baseline = await getState();
    });

    it('accepts the limits exactly: 50 sources, title 300, url 2048, publisher 200, newline and tab', async () => {
      const url2048 = `https://example.com/${'a'.repeat(2028)}`;
      expect(url2048).toHaveLength(2048);
      const sources = [
        { title: 't'.repeat(300), url: url2048, publisher: 'p'.repeat(200), accessedAt: '2026-12-31' },
        { title: 'Line one\nline two\tand a tab', url: 'http://example.com/x' },
        ...Array.from({ length: 48 }, (_, i) => source(i + 10)),
      ];
      expect(sources).toHaveLength(50);
      const res = await put({ sources });
      expect(res.status).toBe(200);
      const state = await getState();
      expect(state.draft.sources).toHaveLength(50);
      expect(state.draft.sources[0]).toEqual(sources[0]);
      expect(state.draft.sources[1].title).toBe('Line one\nline two\tand a tab');
      expect(state.draft.sources.slice(2).map((s: any) => s.url)).toEqual(sources.slice(2).map((s) => s.url));
      baseline = state;
    });

    it('an empty list clears the sources', async () => {
      const res = await put({ sources: [] });
      expect(res.status).toBe(200);
      expect((await getState()).draft.sources).toEqual([]);
      baseline = await getState();
    });

    it('stores markup in text as given and returns it verbatim (admin API and content API); URLs in their normal form', async () => {
      const given = {
        title: '<script>alert("x")</script> & <b>bold</b>',
        url: 'https://example.com/search?q=<script>&a=1',
        publisher: '<img src=x onerror=alert(1)>',
        accessedAt: '2026-04-06',
      };
      // A URL is stored percent-encoded, as a browser would send it.
      const tricky = { ...given, url: 'https://example.com/search?q=%3Cscript%3E&a=1' };
      const res = await put({
        disclaimerMode: 'custom',
        disclaimerText: '<script>alert(1)</script>',
        sources: [given],
      });
      expect(res.status).toBe(200);
      const state = await getState();
      expect(state.draft.sources).toEqual([tricky]);
      expect(state.draft.disclaimerText).toBe('<script>alert(1)</script>');
      expect(state.draft.disclaimer).toBe('<script>alert(1)</script>');
      await t.strapi.documents(ARTICLE as any).publish({ documentId, locale: 'en' });
      const api = await t.http.get(`/api/articles/${documentId}`);
      expect(api.status).toBe(200);
      expect(api.body.data.trust.sources).toEqual([tricky]);
      expect(api.body.data.trust.disclaimer).toBe('<script>alert(1)</script>');
      baseline = await getState();
    });
  });

  describe('targets', () => {
    it.each([
      ['an unknown uid', 'api::nope.nope', () => documentId],
      ['a uid that is not enabled', 'api::page.page', () => pageDocumentId],
      ['a uid that is not a content type', 'plugin::trust-labels.nothing', () => documentId],
      ['an admin uid', 'admin::user', () => '1'],
    ])('answers 404 for %s (GET and PUT)', async (_label, uid, id) => {
      const get = await t.http.get(docPath(id(), uid), { token: superAdmin.token });
      expect(get.status).toBe(404);
      expect(get.body.error.name).toBe('NotFoundError');
      const putRes = await t.http.put(docPath(id(), uid), { aiInvolvement: 'none' }, { token: superAdmin.token });
      expect(putRes.status).toBe(404);
      expect(putRes.body.error.name).toBe('NotFoundError');
    });

    it('leaves the page untouched', async () => {
      const page: any = await t.strapi.db
        .query('api::page.page' as any)
        .findOne({ where: { documentId: pageDocumentId } });
      expect(page).not.toHaveProperty('trust');
    });

    it.each([['doesnotexist000000000000'], ['a'.repeat(64)], ['x'.repeat(300)], ['bad%20id'], ['..%2F..%2Fetc']])(
      'answers 404 for the unknown documentId %s (GET and PUT)',
      async (id) => {
        const get = await t.http.get(docPath(id), { token: superAdmin.token });
        expect(get.status).toBe(404);
        const putRes = await t.http.put(docPath(id), { aiInvolvement: 'none' }, { token: superAdmin.token });
        expect(putRes.status).toBe(404);
      }
    );

    it('answers 404 for a locale the document does not have', async () => {
      const get = await t.http.get(docPath(), { token: superAdmin.token, query: { locale: 'de' } });
      expect(get.status).toBe(404);
      const putRes = await t.http.put(
        docPath(),
        { aiInvolvement: 'none' },
        { token: superAdmin.token, query: { locale: 'de' } }
      );
      expect(putRes.status).toBe(404);
      expect(await getState()).toEqual(baseline);
    });
  });

  describe('settings', () => {
    let before: any;

    beforeAll(async () => {
      const res = await t.http.get('/trust-labels/settings', { token: superAdmin.token });
      expect(res.status).toBe(200);
      before = res.body.data;
    });

    const expectSettingsRejected = async (body: unknown, paths: Path[]) => {
      const res = await t.http.put('/trust-labels/settings', body, { token: superAdmin.token });
      expectValidationError(res, paths);
      const after = await t.http.get('/trust-labels/settings', { token: superAdmin.token });
      expect(after.body.data).toEqual(before);
    };

    it.each([
      ['siteName of the wrong type', { siteName: 42 }, [['siteName']]],
      ['empty siteName', { siteName: '' }, [['siteName']]],
      ['siteName with a control character', { siteName: 'Site\u0000' }, [['siteName']]],
      ['requiredSources -1', { requiredSources: -1 }, [['requiredSources']]],
      ['requiredSources 1.5', { requiredSources: 1.5 }, [['requiredSources']]],
      ['requiredSources as a string', { requiredSources: '2' }, [['requiredSources']]],
      [
        'publishingPrinciplesUrl javascript:',
        { publishingPrinciplesUrl: 'javascript:alert(1)' },
        [['publishingPrinciplesUrl']],
      ],
      ['publishingPrinciplesUrl relative', { publishingPrinciplesUrl: '/principles' }, [['publishingPrinciplesUrl']]],
      ['fourEyes as a string', { fourEyes: 'yes' }, [['fourEyes']]],
      ['showVerifierName as a number', { showVerifierName: 1 }, [['showVerifierName']]],
      ['requireDisclosure null', { requireDisclosure: null }, [['requireDisclosure']]],
      ['an unknown key', { siteName: 'Fine', theme: 'dark' }, [['theme']]],
      ['badgeLabel empty', { badgeLabel: { en: '' } }, [['badgeLabel', 'en']]],
      ['badgeLabel not an object', { badgeLabel: 'Verified' }, [['badgeLabel']]],
      [
        'a disclaimer text of the wrong type',
        { disclaimers: { fr: { unknown: 'x', none: null, assisted: null, generated: 5 } } },
        [['disclaimers', 'fr', 'generated']],
      ],
      [
        'an unknown key in a locale',
        { disclaimers: { fr: { unknown: 'x', none: null, assisted: null, generated: null, maybe: 'x' } } },
        [['disclaimers', 'fr', 'maybe']],
      ],
      ['disclaimers not an object', { disclaimers: ['x'] }, [['disclaimers']]],
      [
        'several problems',
        { siteName: 1, requiredSources: -1, publishingPrinciplesUrl: 'ftp://x.example.com', extra: true },
        [['siteName'], ['requiredSources'], ['publishingPrinciplesUrl'], ['extra']],
      ],
    ])('rejects %s', async (_label, body, paths) => {
      await expectSettingsRejected(body, paths as Path[]);
    });

    it('rejects a disclaimers locale with missing values, at each missing one', async () => {
      const res = await t.http.put(
        '/trust-labels/settings',
        { disclaimers: { fr: { unknown: 'x' } } },
        { token: superAdmin.token }
      );
      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('ValidationError');
      const paths = sortPaths(res.body.error.details.errors.map((e: any) => e.path));
      expect(paths).toEqual(
        sortPaths([
          ['disclaimers', 'fr', 'none'],
          ['disclaimers', 'fr', 'assisted'],
          ['disclaimers', 'fr', 'generated'],
        ])
      );
    });

    it('rejects a disclaimers key that is not a locale code', async () => {
      const res = await t.http.put(
        '/trust-labels/settings',
        { disclaimers: { 'not a locale': { unknown: null, none: null, assisted: null, generated: null } } },
        { token: superAdmin.token }
      );
      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('ValidationError');
      expect(res.body.error.details.errors[0].path.slice(0, 2)).toEqual(['disclaimers', 'not a locale']);
      const after = await t.http.get('/trust-labels/settings', { token: superAdmin.token });
      expect(after.body.data).toEqual(before);
    });

    const nonObjectSettings: Array<[string, string]> = [
      ['an array', '[]'],
      ['a string', '"x"'],
      ['a number', '1'],
      ['null', 'null'],
    ];

    it.each(nonObjectSettings)(
      'rejects a settings body that is %s with a 400 and changes nothing',
      async (_label, raw) => {
        const res = await expectingErrorLog(t.strapi, BODY_PARSER_ERROR, () =>
          t.http.put('/trust-labels/settings', raw, { token: superAdmin.token })
        );
        expect(res.status).toBe(400);
        expect(res.body.error.status).toBe(400);
        const after = await t.http.get('/trust-labels/settings', { token: superAdmin.token });
        expect(after.body.data).toEqual(before);
      }
    );

    it.each(nonObjectSettings)('answers a settings body that is %s with a ValidationError', async (_label, raw) => {
      const res = await expectingErrorLog(t.strapi, BODY_PARSER_ERROR, () =>
        t.http.put('/trust-labels/settings', raw, { token: superAdmin.token })
      );
      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('ValidationError');
      expect(Array.isArray(res.body.error.details?.errors)).toBe(true);
    });

    it('answers a 1 MB siteName with 400 or 413', async () => {
      const res = await expectingErrorLog(t.strapi, BODY_PARSER_ERROR, () =>
        t.http.put('/trust-labels/settings', { siteName: 's'.repeat(1024 * 1024) }, { token: superAdmin.token })
      );
      expect([400, 413]).toContain(res.status);
      const after = await t.http.get('/trust-labels/settings', { token: superAdmin.token });
      expect(after.body.data).toEqual(before);
    });

    it('accepts a valid partial update and keeps the other settings', async () => {
      const res = await t.http.put(
        '/trust-labels/settings',
        { siteName: 'Bytevyte', requiredSources: 0, publishingPrinciplesUrl: 'https://example.com/principles' },
        { token: superAdmin.token }
      );
      expect(res.status).toBe(200);
      expect(res.body.data).toEqual({
        ...before,
        siteName: 'Bytevyte',
        requiredSources: 0,
        publishingPrinciplesUrl: 'https://example.com/principles',
      });
      const after = await t.http.get('/trust-labels/settings', { token: superAdmin.token });
      expect(after.body.data).toEqual(res.body.data);
    });
  });
});
