import { withoutTrustPopulate } from '../../server/src/middlewares/document-service';
import { normalizeTrust, toPublicTrust, toTrustState } from '../../server/src/services/trust';
import { DEFAULT_SETTINGS } from '../../shared/trust';

const context = { settings: { ...DEFAULT_SETTINGS, siteName: 'Bytevyte' }, defaultLocale: 'en' };

const stored = {
  id: 7,
  status: 'stale',
  verifiedAt: 1764000000000,
  aiInvolvement: 'assisted',
  disclaimerMode: 'default',
  disclaimerText: null,
  sources: [{ id: 3, title: 'T', url: 'https://e.example', publisher: null, accessedAt: '2026-01-02' }],
  verifiedHash: 'a'.repeat(64),
  fieldHashes: '{"title":"x"}',
  changedFields: '["title"]',
  verifiedById: 1,
  verifiedByName: 'Eddie Editor',
};

describe('presentation of trust data', () => {
  it('fills defaults for an entry without trust data', () => {
    expect(toPublicTrust(null, 'en', context)).toEqual({
      status: 'unverified',
      verifiedAt: null,
      verifiedBy: null,
      aiInvolvement: 'unknown',
      disclaimer: 'While we strive for accuracy, Bytevyte can make mistakes. Please verify important information independently.',
      sources: [],
    });
  });

  it('exposes only the public keys, and the verifier name only when showVerifierName is on', () => {
    const hidden = toPublicTrust(stored, 'en', context);
    expect(Object.keys(hidden).sort()).toEqual(['aiInvolvement', 'disclaimer', 'sources', 'status', 'verifiedAt', 'verifiedBy']);
    expect(hidden.verifiedBy).toBeNull();
    expect(hidden.verifiedAt).toBe(new Date(1764000000000).toISOString());
    expect(hidden.sources).toEqual([{ title: 'T', url: 'https://e.example', publisher: null, accessedAt: '2026-01-02' }]);
    expect(JSON.stringify(hidden)).not.toContain('aaaa');
    const shown = toPublicTrust(stored, 'en', { ...context, settings: { ...context.settings, showVerifierName: true } });
    expect(shown.verifiedBy).toBe('Eddie Editor');
  });

  it('gives the admin state the editor fields and parsed changedFields', () => {
    const state = toTrustState(stored, 'en', context);
    expect(state.changedFields).toEqual(['title']);
    expect(state.verifiedBy).toEqual({ id: 1, name: 'Eddie Editor' });
    expect(state.disclaimerMode).toBe('default');
    expect(normalizeTrust(stored).fieldHashes).toEqual({ title: 'x' });
  });

  it('reports no changed fields unless stale', () => {
    expect(toTrustState({ ...stored, status: 'verified' }, 'en', context).changedFields).toEqual([]);
  });
});

describe('withoutTrustPopulate', () => {
  it('removes the trust attribute from every populate form', () => {
    expect(withoutTrustPopulate(undefined, 'trust')).toBeUndefined();
    expect(withoutTrustPopulate('*', 'trust')).toBe('*');
    expect(withoutTrustPopulate('category,trust', 'trust')).toEqual(['category']);
    expect(withoutTrustPopulate(['trust.sources'], 'trust')).toBeUndefined();
    expect(withoutTrustPopulate({ trust: true, category: { fields: ['name'] } }, 'trust')).toEqual({ category: { fields: ['name'] } });
  });
});
