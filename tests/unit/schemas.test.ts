import {
  httpUrlProblem,
  settingsUpdateSchema,
  sourcesSchema,
  toValidationDetails,
  trustEditSchema,
  verificationNoteSchema,
} from '../../shared/schemas';

const paths = (result: { success: boolean; error?: { issues: any[] } }) =>
  result.success ? [] : toValidationDetails(result.error!.issues).map((detail) => detail.path);

describe('source rules', () => {
  const source = { title: 'A title', url: 'https://example.com/a' };

  it('accepts valid sources and normalises optional fields to null', () => {
    const parsed = sourcesSchema.parse([
      source,
      { title: 'B', url: 'http://example.org', publisher: 'Org', accessedAt: '2024-02-29' },
    ]);
    expect(parsed).toEqual([
      { title: 'A title', url: 'https://example.com/a', publisher: null, accessedAt: null },
      // Stored in its normal form: a host without a path gets its slash.
      { title: 'B', url: 'http://example.org/', publisher: 'Org', accessedAt: '2024-02-29' },
    ]);
  });

  it('stores host names in their ASCII (IDNA) form and paths percent-encoded', () => {
    const [idn, lookalike] = sourcesSchema.parse([
      { title: 'Idn', url: 'https://bücher.example/straße?q=ü' },
      // A Cyrillic "а" that looks like the Latin one.
      { title: 'Look-alike', url: 'https://exаmple.com/login' },
    ]);
    expect(idn.url).toBe('https://xn--bcher-kva.example/stra%C3%9Fe?q=%C3%BC');
    expect(lookalike.url).toBe('https://xn--exmple-4nf.com/login');
  });

  it.each([
    ['https://user:pass@example.com/', 'trust.url.credentials'],
    ['https://user@example.com/', 'trust.url.credentials'],
    ['javascript:alert(1)', 'trust.url.scheme'],
    ['example.com', 'trust.url.invalid'],
    ['https://exa mple.com', 'trust.url.spaces'],
    ['https://example.com/\u202Eexe.txt', 'trust.url.spaces'],
  ])('names why the url %j is refused: %s', (url, code) => {
    const result = sourcesSchema.safeParse([{ title: 'x', url }]);
    expect(result.success).toBe(false);
    expect(toValidationDetails(result.error!.issues)[0]).toMatchObject({ path: [0, 'url'], code });
  });

  it('refuses text with bidi overrides, lone surrogates, or nothing visible', () => {
    for (const [title, code] of [
      ['\u200B', 'trust.text.empty'],
      ['\u200B\u2060 \uFEFF', 'trust.text.empty'],
      ['evil\u202Etxt.exe', 'trust.text.bidi'],
      ['isolate \u2066x\u2069', 'trust.text.bidi'],
      ['half \uD800 a pair', 'trust.text.surrogate'],
      ['bell\u0007', 'trust.text.control'],
    ]) {
      const result = sourcesSchema.safeParse([{ ...source, title }]);
      expect(toValidationDetails(result.error!.issues)[0]).toMatchObject({ path: [0, 'title'], code });
    }
    expect(sourcesSchema.safeParse([{ ...source, title: 'عربي and 日本語 and emoji 🧪' }]).success).toBe(true);
  });

  it.each([
    ['javascript:alert(1)'],
    ['data:text/html,<script>alert(1)</script>'],
    ['/relative/path'],
    ['example.com'],
    ['ftp://example.com/file'],
    ['https://'],
    ['http://exa mple.com'],
    ['https://example.com/\u0000'],
    [`https://example.com/${'a'.repeat(2048)}`],
  ])('rejects the url %j', (url) => {
    expect(paths(sourcesSchema.safeParse([source, { title: 'x', url }]))).toEqual([[1, 'url']]);
  });

  it('rejects titles that are empty, blank, too long or hold control characters', () => {
    for (const title of ['', '   ', 'a'.repeat(301), 'bell\u0007', 'cr\r']) {
      expect(paths(sourcesSchema.safeParse([{ ...source, title }]))).toEqual([[0, 'title']]);
    }
    expect(sourcesSchema.safeParse([{ ...source, title: 'a'.repeat(300) }]).success).toBe(true);
    expect(sourcesSchema.safeParse([{ ...source, title: 'line\nbreak\tand tab <script>' }]).success).toBe(true);
  });

  it('limits publisher to 200 characters and accessedAt to real dates', () => {
    expect(paths(sourcesSchema.safeParse([{ ...source, publisher: 'p'.repeat(201) }]))).toEqual([[0, 'publisher']]);
    for (const accessedAt of ['2026-02-30', '2026-13-01', '26-01-01', '2026-01-01T00:00:00Z', 20260101]) {
      expect(paths(sourcesSchema.safeParse([{ ...source, accessedAt }]))).toEqual([[0, 'accessedAt']]);
    }
  });

  it('rejects duplicate URLs, naming the later one', () => {
    const result = sourcesSchema.safeParse([
      source,
      { title: 'b', url: 'https://other.example' },
      { title: 'c', url: 'https://example.com/a' },
    ]);
    expect(paths(result)).toEqual([[2, 'url']]);
  });

  it('allows at most 50 sources', () => {
    const many = Array.from({ length: 51 }, (_, i) => ({ title: `s${i}`, url: `https://example.com/${i}` }));
    expect(paths(sourcesSchema.safeParse(many))).toEqual([[]]);
    expect(sourcesSchema.safeParse(many.slice(0, 50)).success).toBe(true);
  });

  it('rejects unknown keys and wrong types with a path each', () => {
    expect(paths(sourcesSchema.safeParse([{ ...source, extra: 1 }]))).toEqual([[0, 'extra']]);
    expect(paths(sourcesSchema.safeParse([{ title: 5, url: null }]))).toEqual([
      [0, 'title'],
      [0, 'url'],
    ]);
    expect(paths(sourcesSchema.safeParse('nope'))).toEqual([[]]);
  });

  it('httpUrlProblem explains the problem, with a code', () => {
    expect(httpUrlProblem('javascript:alert(1)', 2048)).toEqual({
      code: 'trust.url.scheme',
      message: 'must start with http:// or https://',
    });
    expect(httpUrlProblem('https://example.com', 2048)).toBeUndefined();
  });

  it('every problem has a code, and values where a number explains it', () => {
    const result = trustEditSchema.safeParse({
      aiInvolvement: 'robots',
      sources: [{ title: 'a'.repeat(301), url: 'https://e.example/', extra: 1 }],
    });
    const details = toValidationDetails(result.error!.issues);
    expect(details.every((detail) => typeof detail.code === 'string' && detail.code.startsWith('trust.'))).toBe(true);
    expect(details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: ['aiInvolvement'], code: 'trust.invalidValue' }),
        expect.objectContaining({ path: ['sources', 0, 'title'], code: 'trust.tooLong', values: { max: 300 } }),
        expect.objectContaining({ path: ['sources', 0, 'extra'], code: 'trust.unknownKey', values: { key: 'extra' } }),
      ])
    );
  });
});

describe('trust edit body', () => {
  it('accepts any subset of the editable fields', () => {
    expect(trustEditSchema.parse({ aiInvolvement: 'generated' })).toEqual({ aiInvolvement: 'generated' });
    expect(trustEditSchema.parse({ disclaimerMode: 'custom', disclaimerText: 'Text' })).toEqual({
      disclaimerMode: 'custom',
      disclaimerText: 'Text',
    });
    expect(trustEditSchema.parse({ disclaimerText: null })).toEqual({ disclaimerText: null });
  });

  it('refuses status and other fields editors may not set', () => {
    expect(paths(trustEditSchema.safeParse({ aiInvolvement: 'none', status: 'verified' }))).toEqual([['status']]);
    expect(paths(trustEditSchema.safeParse({ aiInvolvement: 'robot' }))).toEqual([['aiInvolvement']]);
    expect(paths(trustEditSchema.safeParse({ disclaimerText: 'x'.repeat(2001) }))).toEqual([['disclaimerText']]);
    expect(paths(trustEditSchema.safeParse({}))).toEqual([[]]);
    expect(paths(trustEditSchema.safeParse([]))).toEqual([[]]);
  });

  it('prefixes nested source paths with sources', () => {
    expect(
      paths(
        trustEditSchema.safeParse({
          sources: [
            { title: 'a', url: 'https://a.example' },
            { title: 'b', url: 'data:,x' },
          ],
        })
      )
    ).toEqual([['sources', 1, 'url']]);
  });
});

describe('settings', () => {
  it('accepts a partial update', () => {
    expect(settingsUpdateSchema.parse({ siteName: 'Bytevyte', fourEyes: true })).toEqual({
      siteName: 'Bytevyte',
      fourEyes: true,
    });
    expect(
      settingsUpdateSchema.safeParse({
        disclaimers: { fr: { unknown: 'a', none: null, assisted: 'b', generated: 'c' } },
        badgeLabel: { 'pt-BR': 'Verificado' },
      }).success
    ).toBe(true);
  });

  it('rejects bad values with their paths', () => {
    const result = settingsUpdateSchema.safeParse({
      siteName: 42,
      requiredSources: -1,
      publishingPrinciplesUrl: 'javascript:alert(1)',
      disclaimers: { fr: { unknown: 'a' } },
      badgeLabel: { '<script>': 'x' },
      colour: 'red',
    });
    expect(paths(result)).toEqual(
      expect.arrayContaining([
        ['siteName'],
        ['requiredSources'],
        ['publishingPrinciplesUrl'],
        ['disclaimers', 'fr', 'none'],
        ['badgeLabel', '<script>'],
        ['colour'],
      ])
    );
  });

  it('accepts a note of up to 2000 characters on verification', () => {
    expect(verificationNoteSchema.safeParse({ note: 'Checked against the sources.' }).success).toBe(true);
    expect(verificationNoteSchema.safeParse({}).success).toBe(true);
    expect(verificationNoteSchema.safeParse({ note: 'x'.repeat(2001) }).success).toBe(false);
  });
});
