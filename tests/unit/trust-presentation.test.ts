import { normalizeTrust, presentTrust, presentTrustState } from '../../server/src/domain/trust';
import { withoutTrustPopulate } from '../../server/src/middlewares/document-service/content-api-read';
import { DEFAULT_SETTINGS } from '../../shared/trust';

const REF = { uid: 'api::article.article', locale: 'en' };

const context = { settings: { ...DEFAULT_SETTINGS, siteName: 'Bytevyte' }, defaultLocale: 'en' };

const stored = {
  id: 7,
  status: 'stale',
  verifiedAt: 1764000000000,
  aiInvolvement: 'assisted',
  disclaimerMode: 'default',
  disclaimerText: null,
  sourcesJson: [{ title: 'T', url: 'https://e.example', publisher: null, accessedAt: '2026-01-02' }],
  verifiedHash: 'a'.repeat(64),
  fieldHashes: '{"title":"x"}',
  changedFields: '["title"]',
  verifiedById: 1,
  verifiedByName: 'Eddie Editor',
};

describe('presentation of trust data', () => {
  it('fills defaults for an entry without trust data', () => {
    expect(presentTrust(normalizeTrust(null), REF, context)).toEqual({
      status: 'unverified',
      verifiedAt: null,
      verifiedBy: null,
      aiInvolvement: 'unknown',
      disclaimer:
        'While we strive for accuracy, Bytevyte can make mistakes. Please verify important information independently.',
      sources: [],
      disclosure: { value: null, labelRequired: false },
    });
  });

  it('exposes only the public keys, and the verifier name only when showVerifierName is on', () => {
    const hidden = presentTrust(normalizeTrust(stored), REF, context);
    expect(Object.keys(hidden).sort()).toEqual([
      'aiInvolvement',
      'disclaimer',
      'disclosure',
      'sources',
      'status',
      'verifiedAt',
      'verifiedBy',
    ]);
    expect(hidden.verifiedBy).toBeNull();
    expect(hidden.verifiedAt).toBe(new Date(1764000000000).toISOString());
    expect(hidden.sources).toEqual([
      { title: 'T', url: 'https://e.example', publisher: null, accessedAt: '2026-01-02' },
    ]);
    expect(JSON.stringify(hidden)).not.toContain('aaaa');
    const shown = presentTrust(normalizeTrust(stored), REF, {
      ...context,
      settings: { ...context.settings, showVerifierName: true },
    });
    expect(shown.verifiedBy).toBe('Eddie Editor');
  });

  it('gives the admin state the editor fields and parsed changedFields', () => {
    const state = presentTrustState(normalizeTrust(stored), REF, context, 'h');
    expect(state.changedFields).toEqual(['title']);
    expect(state.verifiedBy).toEqual({ id: 1, name: 'Eddie Editor' });
    expect(state.disclaimerMode).toBe('default');
    expect(normalizeTrust(stored).fieldHashes).toEqual({ title: 'x' });
  });

  it('reads the 0.1 array form of a stored source, and drops what is not a source', () => {
    const trust = normalizeTrust({
      sourcesJson: JSON.stringify([['T', 'https://e.example', 'P', '2026-01-02T00:00:00.000Z'], 'junk', { title: 1 }]),
    });
    expect(trust.sources).toEqual([{ title: 'T', url: 'https://e.example', publisher: 'P', accessedAt: '2026-01-02' }]);
  });

  it('reports no changed fields unless stale', () => {
    expect(
      presentTrustState(normalizeTrust({ ...stored, status: 'verified' }), REF, context, 'h').changedFields
    ).toEqual([]);
  });
});

describe('withoutTrustPopulate', () => {
  it('removes the trust attribute from every populate form', () => {
    expect(withoutTrustPopulate(undefined, 'trust')).toBeUndefined();
    expect(withoutTrustPopulate('*', 'trust')).toBe('*');
    expect(withoutTrustPopulate('category,trust', 'trust')).toEqual(['category']);
    expect(withoutTrustPopulate(['trust.sources'], 'trust')).toBeUndefined();
    expect(withoutTrustPopulate({ trust: true, category: { fields: ['name'] } }, 'trust')).toEqual({
      category: { fields: ['name'] },
    });
  });
});
