import {
  canonicalJson,
  changedFieldNames,
  computeContentHash,
  hashedAttributeNames,
  hashPopulate,
  sha256,
} from '../../server/src/domain/hash';

const article = {
  attributes: {
    title: { type: 'string' },
    slug: { type: 'uid' },
    body: { type: 'richtext' },
    category: { type: 'relation' },
    cover: { type: 'media' },
    seo: { type: 'component', component: 'shared.seo' },
    blocks: { type: 'dynamiczone', components: ['shared.quote'] },
    trust: { type: 'component', component: 'trust-labels.trust' },
    createdAt: { type: 'datetime' },
    updatedAt: { type: 'datetime' },
    publishedAt: { type: 'datetime' },
    locale: { type: 'string' },
  },
};
const seo = {
  attributes: {
    metaTitle: { type: 'string' },
    image: { type: 'media' },
    nested: { type: 'component', component: 'shared.meta' },
  },
};
const meta = { attributes: { robots: { type: 'string' } } };
const components: Record<string, any> = { 'shared.seo': seo, 'shared.meta': meta };

describe('hashed attributes', () => {
  it('hashes every attribute but trust, system fields, relations and media', () => {
    expect(hashedAttributeNames(article, 'trust')).toEqual(['title', 'slug', 'body', 'seo', 'blocks']);
  });

  it('uses the hashAttributes override', () => {
    expect(hashedAttributeNames(article, 'trust', ['title', 'body'])).toEqual(['title', 'body']);
  });

  it('populates hashed components deeply, without their media', () => {
    expect(hashPopulate(article, ['title', 'seo', 'blocks'], (uid) => components[uid])).toEqual({
      seo: { populate: { nested: true } },
      blocks: true,
    });
  });
});

describe('content hash', () => {
  const sources = [{ title: 'S', url: 'https://s.example', publisher: null, accessedAt: null }];
  const entry = { id: 1, title: 'Title', slug: 'title', body: 'Body', seo: { id: 9, metaTitle: 'M' } };
  const names = ['title', 'slug', 'body', 'seo'];

  it('is a SHA-256 hex digest, stable across key order and storage ids', () => {
    const a = computeContentHash(entry, names, sources);
    const b = computeContentHash(
      { seo: { metaTitle: 'M', id: 42 }, body: 'Body', slug: 'title', title: 'Title', id: 7 },
      names,
      sources
    );
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(b.hash).toBe(a.hash);
  });

  it('changes with any hashed field or the sources, and names what changed', () => {
    const base = computeContentHash(entry, names, sources);
    const retitled = computeContentHash({ ...entry, title: 'Other' }, names, sources);
    expect(retitled.hash).not.toBe(base.hash);
    expect(changedFieldNames(base.fieldHashes, retitled.fieldHashes)).toEqual(['title']);

    const moreSources = computeContentHash(entry, names, [...sources, { title: 'T', url: 'https://t.example' }]);
    expect(changedFieldNames(base.fieldHashes, moreSources.fieldHashes)).toEqual(['sources']);

    const nested = computeContentHash({ ...entry, seo: { metaTitle: 'N' } }, names, sources);
    expect(changedFieldNames(base.fieldHashes, nested.fieldHashes)).toEqual(['seo']);
  });

  it('ignores attributes that are not hashed', () => {
    const base = computeContentHash(entry, ['title'], sources);
    expect(computeContentHash({ ...entry, body: 'changed', updatedAt: new Date() }, ['title'], sources).hash).toBe(
      base.hash
    );
  });

  it('treats reordered sources as a change', () => {
    const two = [sources[0], { title: 'T', url: 'https://t.example', publisher: null, accessedAt: null }];
    expect(computeContentHash(entry, names, two).hash).not.toBe(
      computeContentHash(entry, names, [...two].reverse()).hash
    );
  });

  it('distinguishes null from the empty string and keeps types apart', () => {
    expect(canonicalJson({ a: null })).not.toBe(canonicalJson({ a: '' }));
    expect(canonicalJson({ a: 1 })).not.toBe(canonicalJson({ a: '1' }));
    expect(canonicalJson({ b: 1, a: [new Date(0)] })).toBe('{"a":["1970-01-01T00:00:00.000Z"],"b":1}');
  });

  it('names every field when nothing was recorded', () => {
    expect(changedFieldNames(null, { title: 'x', sources: 'y' })).toEqual(['title', 'sources']);
    expect(changedFieldNames({ title: 'x', gone: 'z' }, { title: 'x' })).toEqual(['gone']);
  });

  it('sha256 matches a known vector', () => {
    expect(sha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
