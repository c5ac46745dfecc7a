import {
  buildJsonLd,
  DIGITAL_SOURCE_TYPES,
  isoDateTime,
  publicationDates,
  SCHEMA_ORG_TYPES,
  serializeJsonLd,
} from '../../shared/json-ld';
import { AI_INVOLVEMENT, type PublicTrust } from '../../shared/trust';
import { expandJsonLd, IPTC_DIGITAL_SOURCE_ENUMERATION, nodes, SCHEMA, values } from '../helpers/json-ld';

const HOSTILE = `</script><script>alert("x")</script> & 'more'`;

const trust = (overrides: Partial<PublicTrust> = {}): PublicTrust => ({
  status: 'verified',
  verifiedAt: '2026-11-24T10:00:00.000Z',
  verifiedBy: null,
  aiInvolvement: 'assisted',
  disclaimer: 'While we strive for accuracy, Bytevyte can make mistakes.',
  sources: [
    { title: 'Press release', url: 'https://example.com/press', publisher: 'Example Corp', accessedAt: '2026-04-06' },
    { title: 'Paper', url: 'http://example.org/paper?q=1', publisher: null, accessedAt: null },
  ],
  ...overrides,
});

describe('JSON-LD builder', () => {
  it('describes a verified Article with citations, principles, digital source type and review', async () => {
    const doc = buildJsonLd({
      headline: 'Anthropic expands partnership',
      locale: 'en',
      trust: trust({ verifiedBy: 'Eddie Editor' }),
      publishingPrinciplesUrl: 'https://example.com/principles',
      datePublished: '2026-11-24T11:00:00.000Z',
      dateModified: '2026-11-24T10:30:00.000Z',
    });
    expect(doc).toEqual({
      '@context': 'https://schema.org',
      '@type': 'Article',
      headline: 'Anthropic expands partnership',
      inLanguage: 'en',
      datePublished: '2026-11-24T11:00:00.000Z',
      dateModified: '2026-11-24T10:30:00.000Z',
      citation: [
        {
          '@type': 'CreativeWork',
          name: 'Press release',
          url: 'https://example.com/press',
          publisher: { '@type': 'Organization', name: 'Example Corp' },
        },
        { '@type': 'CreativeWork', name: 'Paper', url: 'http://example.org/paper?q=1' },
      ],
      publishingPrinciples: 'https://example.com/principles',
      digitalSourceType: { '@id': 'https://schema.org/CompositeWithTrainedAlgorithmicMediaDigitalSource' },
      backstory: 'While we strive for accuracy, Bytevyte can make mistakes.',
      mainEntityOfPage: {
        '@type': 'WebPage',
        lastReviewed: '2026-11-24T10:00:00.000Z',
        reviewedBy: { '@type': 'Person', name: 'Eddie Editor' },
      },
    });

    const node = await expandJsonLd(doc);
    expect(node['@type']).toEqual([`${SCHEMA}Article`]);
    expect(values(node, 'headline')).toEqual(['Anthropic expands partnership']);
    expect(values(node, 'datePublished')).toEqual(['2026-11-24T11:00:00.000Z']);
    expect(values(node, 'dateModified')).toEqual(['2026-11-24T10:30:00.000Z']);
    expect(node[`${SCHEMA}digitalSourceType`]).toEqual([
      { '@id': `${SCHEMA}CompositeWithTrainedAlgorithmicMediaDigitalSource` },
    ]);
    expect(nodes(node, 'citation').map((citation) => citation['@type'])).toEqual([
      [`${SCHEMA}CreativeWork`],
      [`${SCHEMA}CreativeWork`],
    ]);
    expect(values(nodes(node, 'citation')[0], 'url')).toEqual(['https://example.com/press']);
    expect(values(nodes(nodes(node, 'citation')[0], 'publisher')[0], 'name')).toEqual(['Example Corp']);
    const page = nodes(node, 'mainEntityOfPage')[0];
    expect(page['@type']).toEqual([`${SCHEMA}WebPage`]);
    expect(values(page, 'lastReviewed')).toEqual(['2026-11-24T10:00:00.000Z']);
    expect(values(nodes(page, 'reviewedBy')[0], 'name')).toEqual(['Eddie Editor']);
  });

  it("maps every aiInvolvement to a member of schema.org's IPTCDigitalSourceEnumeration, and unknown to none", async () => {
    for (const aiInvolvement of AI_INVOLVEMENT) {
      const node = await expandJsonLd(buildJsonLd({ trust: trust({ aiInvolvement }) }));
      const uris = values(node, 'digitalSourceType');
      if (aiInvolvement === 'unknown') {
        expect(uris).toEqual([]);
        continue;
      }
      expect(uris).toHaveLength(1);
      expect(IPTC_DIGITAL_SOURCE_ENUMERATION.has(uris[0] as string)).toBe(true);
      expect(uris[0]).toBe(DIGITAL_SOURCE_TYPES[aiInvolvement]);
    }
    expect(DIGITAL_SOURCE_TYPES).toEqual({
      generated: 'https://schema.org/TrainedAlgorithmicMediaDigitalSource',
      assisted: 'https://schema.org/CompositeWithTrainedAlgorithmicMediaDigitalSource',
      none: 'https://schema.org/DigitalArtDigitalSource',
      unknown: null,
    });
  });

  it('emits datePublished and dateModified in ISO 8601, and leaves out what is not a date', () => {
    const doc = buildJsonLd({ trust: trust(), datePublished: '2026-12-01T08:00:00Z', dateModified: 'not a date' });
    expect(doc.datePublished).toBe('2026-12-01T08:00:00.000Z');
    expect(doc).not.toHaveProperty('dateModified');
    const none = buildJsonLd({ trust: trust() });
    expect(none).not.toHaveProperty('datePublished');
    expect(none).not.toHaveProperty('dateModified');
  });

  it('reads the dates of the row a reader sees, however the database driver gives them', () => {
    const ms = Date.parse('2026-12-01T08:00:00.000Z');
    for (const value of [new Date(ms), ms, String(ms), '2026-12-01T08:00:00.000Z'])
      expect(isoDateTime(value)).toBe('2026-12-01T08:00:00.000Z');
    for (const value of [null, undefined, '', '  ', 'yesterday', {}, Number.NaN]) expect(isoDateTime(value)).toBeNull();

    const created = '2026-11-01T00:00:00.000Z';
    const draftSaved = '2026-12-01T09:00:00.000Z';
    const published = '2026-12-01T10:00:00.000Z';
    const edited = '2026-12-02T10:00:00.000Z';
    // Draft & publish: the published row's publishedAt (the last publish); never modified before it was published.
    expect(publicationDates({ createdAt: created, publishedAt: published, updatedAt: draftSaved }, true)).toEqual({
      datePublished: published,
      dateModified: published,
    });
    // With Strapi's experimental firstPublishedAt, the first publication; the published content's last change.
    expect(
      publicationDates(
        { createdAt: created, firstPublishedAt: created, publishedAt: published, updatedAt: draftSaved },
        true
      )
    ).toEqual({
      datePublished: created,
      dateModified: draftSaved,
    });
    // Without draft & publish, publishedAt moves at every save: the entry was published when it was created.
    expect(publicationDates({ createdAt: created, publishedAt: edited, updatedAt: edited }, false)).toEqual({
      datePublished: created,
      dateModified: edited,
    });
    expect(publicationDates({}, true)).toEqual({ datePublished: null, dateModified: null });
  });

  it('has no review unless verified, and no reviewer unless the name is public', () => {
    for (const status of ['unverified', 'stale'] as const) {
      const doc = buildJsonLd({ trust: trust({ status, verifiedBy: 'Eddie Editor' }) });
      expect(doc).not.toHaveProperty('mainEntityOfPage');
      expect(JSON.stringify(doc)).not.toContain('Eddie');
    }
    expect(buildJsonLd({ trust: trust({ verifiedBy: null }) }).mainEntityOfPage).toEqual({
      '@type': 'WebPage',
      lastReviewed: '2026-11-24T10:00:00.000Z',
    });
  });

  it('leaves out what is empty or not an http(s) URL', () => {
    const doc = buildJsonLd({
      headline: '  ',
      locale: null,
      trust: trust({
        disclaimer: null,
        sources: [
          { title: 'Bad', url: 'javascript:alert(1)' },
          { title: '', url: 'https://example.com/untitled' },
        ],
      }),
      publishingPrinciplesUrl: 'data:text/html,hi',
    });
    for (const key of ['headline', 'inLanguage', 'citation', 'publishingPrinciples', 'backstory'])
      expect(doc).not.toHaveProperty(key);
  });

  it('uses the configured schema.org type, and backstory only on Article types', () => {
    expect(buildJsonLd({ type: 'NewsArticle', trust: trust() })).toMatchObject({
      '@type': 'NewsArticle',
      backstory: expect.any(String),
    });
    const generic = buildJsonLd({ type: 'CreativeWork', trust: trust() });
    expect(generic['@type']).toBe('CreativeWork');
    expect(generic).not.toHaveProperty('backstory');
    expect(buildJsonLd({ type: 'Nonsense' as any, trust: trust() })['@type']).toBe('Article');
    expect(SCHEMA_ORG_TYPES).toContain('BlogPosting');
  });

  it('serializes to JSON that cannot break out of a <script> element and parses back unchanged', async () => {
    const doc = buildJsonLd({
      headline: HOSTILE,
      trust: trust({
        disclaimer: HOSTILE,
        sources: [{ title: HOSTILE, url: 'https://example.com/?a=1&b=<2>', publisher: HOSTILE }],
      }),
    });
    const text = serializeJsonLd({ ...doc, extra: 'line\u2028separator' });
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual({ ...doc, extra: 'line\u2028separator' });
    const node = await expandJsonLd(JSON.parse(text));
    expect(values(node, 'headline')).toEqual([HOSTILE]);
    expect(values(node, 'backstory')).toEqual([HOSTILE]);
    expect(values(nodes(node, 'citation')[0], 'name')).toEqual([HOSTILE]);
  });
});
