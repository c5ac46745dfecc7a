import {
  changedSinceVerification,
  expectedStatus,
  needsReview,
  publicInterestOf,
  resolveDisclosure,
  responsiblePartyOf,
  reviewedInvolvement,
  shownStatus,
} from '../../server/src/domain/status';
import { AI_INVOLVEMENT, VERIFICATION_STATUSES, type AiInvolvement } from '../../shared/trust';

// The one rule of what a version's status, disclosure and label are (server/src/domain/status.ts), every combination.

const NEWSROOM = { name: 'Bytevyte Newsroom' };

describe('labelRequired (C(2026) 5054 on Art. 50(4))', () => {
  const cases = AI_INVOLVEMENT.flatMap((aiInvolvement) =>
    VERIFICATION_STATUSES.flatMap((status) =>
      [NEWSROOM, null].flatMap((responsibleParty) =>
        [true, false].map((publicInterest) => ({ aiInvolvement, status, responsibleParty, publicInterest }))
      )
    )
  );

  it.each(cases)('%o', (facts) => {
    const ai = facts.aiInvolvement === 'assisted' || facts.aiInvolvement === 'generated';
    // The exemption needs both a review (verified: stale never counts) and a named editorial responsibility.
    const exempt = facts.status === 'verified' && facts.responsibleParty !== null;
    expect(resolveDisclosure(facts).labelRequired).toBe(ai && facts.publicInterest && !exempt);
  });

  it('has 96 combinations, and the verified AI text without anyone responsible still needs the label', () => {
    expect(cases).toHaveLength(4 * 3 * 2 * 2);
    expect(
      resolveDisclosure({
        aiInvolvement: 'generated',
        status: 'verified',
        responsibleParty: null,
        publicInterest: true,
      })
    ).toEqual({
      value: 'ai-assisted',
      labelRequired: true,
    });
    expect(
      resolveDisclosure({
        aiInvolvement: 'generated',
        status: 'unverified',
        responsibleParty: NEWSROOM,
        publicInterest: false,
      })
    ).toEqual({
      value: 'ai-autonomous',
      labelRequired: false,
    });
  });
});

describe('expectedStatus: what a verification covers', () => {
  const verified = {
    verifiedHash: 'h1',
    aiInvolvement: 'assisted' as AiInvolvement,
    verifiedAiInvolvement: 'assisted' as AiInvolvement,
  };

  it('is verified for the same content and AI involvement, stale when either changed, unverified without a verification', () => {
    expect(expectedStatus(verified, { hash: 'h1' })).toBe('verified');
    expect(expectedStatus(verified, { hash: 'h2' })).toBe('stale');
    for (const aiInvolvement of AI_INVOLVEMENT.filter((value) => value !== 'assisted')) {
      // Lowering (none: "written by people") and raising (generated) alike.
      expect(expectedStatus({ ...verified, aiInvolvement }, { hash: 'h1' })).toBe('stale');
    }
    expect(expectedStatus({ ...verified, verifiedHash: null }, { hash: 'h1' })).toBe('unverified');
    expect(expectedStatus(verified, null)).toBe('unverified');
  });

  it('reads a verification recorded before 0.3 (no AI involvement recorded) as covering the current one', () => {
    const legacy = { verifiedHash: 'h1', aiInvolvement: 'generated' as AiInvolvement, verifiedAiInvolvement: null };
    expect(reviewedInvolvement(legacy)).toBe('generated');
    expect(expectedStatus(legacy, { hash: 'h1' })).toBe('verified');
  });

  it('names aiInvolvement among the changed fields, after the content fields', () => {
    const trust = {
      ...verified,
      status: 'verified' as const,
      fieldHashes: { title: 'a', body: 'b' },
      aiInvolvement: 'none' as AiInvolvement,
    };
    expect(changedSinceVerification(trust, { hash: 'h1', fieldHashes: { title: 'a', body: 'b' } })).toEqual([
      'aiInvolvement',
    ]);
    expect(changedSinceVerification(trust, { hash: 'h2', fieldHashes: { title: 'x', body: 'b' } })).toEqual([
      'title',
      'aiInvolvement',
    ]);
    expect(
      changedSinceVerification(
        { ...trust, aiInvolvement: 'assisted' },
        { hash: 'h2', fieldHashes: { title: 'x', body: 'b' } }
      )
    ).toEqual(['title']);
  });
});

describe('shownStatus', () => {
  it('never shows a status without a recorded hash, and confirms a verified status against the content when given', () => {
    const base = { aiInvolvement: 'assisted' as AiInvolvement, verifiedAiInvolvement: 'assisted' as AiInvolvement };
    expect(shownStatus({ ...base, status: 'verified', verifiedHash: null })).toBe('unverified');
    expect(shownStatus({ ...base, status: 'stale', verifiedHash: null })).toBe('unverified');
    expect(shownStatus({ ...base, status: 'verified', verifiedHash: 'h' })).toBe('verified');
    expect(shownStatus({ ...base, status: 'verified', verifiedHash: 'h' }, { hash: 'other' })).toBe('stale');
    expect(shownStatus({ ...base, status: 'verified', verifiedHash: 'h', aiInvolvement: 'none' }, { hash: 'h' })).toBe(
      'stale'
    );
    expect(shownStatus({ ...base, status: 'unverified', verifiedHash: null }, { hash: 'h' })).toBe('unverified');
  });
});

describe('needsReview, publicInterestOf, responsiblePartyOf', () => {
  it('needs a person for stale versions and unverified AI text', () => {
    const table = AI_INVOLVEMENT.flatMap((aiInvolvement) =>
      VERIFICATION_STATUSES.map((status) => [aiInvolvement, status, needsReview({ status, aiInvolvement })])
    );
    expect(table.filter(([, , needs]) => needs).map(([ai, status]) => `${ai}/${status}`)).toEqual([
      'unknown/stale',
      'none/stale',
      'assisted/unverified',
      'assisted/stale',
      'generated/unverified',
      'generated/stale',
    ]);
  });

  it('takes the entry’s own public interest answer, else the type’s setting, else true', () => {
    const settings = { publicInterest: { 'api::page.page': false } };
    expect(publicInterestOf(null, settings, 'api::article.article')).toBe(true);
    expect(publicInterestOf(null, settings, 'api::page.page')).toBe(false);
    expect(publicInterestOf(true, settings, 'api::page.page')).toBe(true);
    expect(publicInterestOf(false, settings, 'api::article.article')).toBe(false);
  });

  it('takes the entry’s own editorial responsibility, else the site’s', () => {
    expect(responsiblePartyOf({ editorialResponsibility: null }, { editorialResponsibility: null })).toBeNull();
    expect(responsiblePartyOf({ editorialResponsibility: null }, { editorialResponsibility: NEWSROOM })).toEqual(
      NEWSROOM
    );
    expect(
      responsiblePartyOf({ editorialResponsibility: { name: 'Desk' } }, { editorialResponsibility: NEWSROOM })
    ).toEqual({ name: 'Desk' });
  });
});
