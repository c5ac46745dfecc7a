import {
  addFindings,
  completed,
  DRIFT_LISTED,
  mayTake,
  newRun,
  PRE_03_INSTANT_TOLERANCE_MS,
  recordingEvent,
  recordMismatch,
  recordOf,
  requestDecision,
  type RunRow,
  type VerificationEvent,
} from '../../server/src/domain/integrity';

// The integrity check's pure rules (server/src/domain/integrity.ts): which verify event records a verification,
// whether a trust row repeats its review record, and the decisions on the check's shared row (the lease).

const AT = '2026-12-07T10:00:00.000Z';
const verify = (id: number, contentHash: string, extra: Partial<VerificationEvent> = {}): VerificationEvent => ({
  id,
  action: 'verify',
  contentHash,
  at: AT,
  actor: { id: 7, name: 'Ivy Editor' },
  checks: ['sources', 'facts'],
  aiInvolvement: 'assisted',
  ...extra,
});
const unverify = (id: number): VerificationEvent => ({
  id,
  action: 'unverify',
  contentHash: null,
  at: AT,
  actor: { id: 7, name: 'Ivy Editor' },
  checks: null,
  aiInvolvement: null,
});
const record = {
  verifiedAt: AT,
  verifiedById: 7,
  verifiedByName: 'Ivy Editor',
  checks: ['sources', 'facts'] as any,
  verifiedAiInvolvement: 'assisted' as const,
};

describe('recordingEvent', () => {
  it('is the newest verify of exactly that content, unless an unverify came after it', () => {
    expect(recordingEvent([verify(1, 'a'), verify(2, 'b'), verify(3, 'a')], 'a')?.id).toBe(3);
    expect(recordingEvent([verify(1, 'a'), verify(2, 'b')], 'a')?.id).toBe(1);
    expect(recordingEvent([verify(1, 'a'), unverify(2)], 'a')).toBeNull();
    expect(recordingEvent([verify(1, 'a'), unverify(2), verify(3, 'a')], 'a')?.id).toBe(3);
    expect(recordingEvent([verify(1, 'b')], 'a')).toBeNull();
    expect(recordingEvent([], 'a')).toBeNull();
  });
});

describe('recordMismatch', () => {
  it('is empty when the row repeats the event', () => {
    expect(recordMismatch(record, verify(1, 'a'))).toEqual([]);
    // Instants compare as instants, whatever the text (MySQL and SQLite hand dates back differently).
    expect(recordMismatch({ ...record, verifiedAt: '2026-12-07T10:00:00Z' }, verify(1, 'a'))).toEqual([]);
  });

  it('names each field that differs', () => {
    const forged = {
      verifiedAt: '2020-01-01T00:00:00.000Z',
      verifiedById: 8,
      verifiedByName: 'Forged',
      checks: ['sources'] as any,
      verifiedAiInvolvement: 'none' as const,
    };
    expect(recordMismatch(forged, verify(1, 'a'))).toEqual([
      'verifiedAt',
      'verifiedById',
      'verifiedByName',
      'checks',
      'verifiedAiInvolvement',
    ]);
    expect(recordMismatch({ ...record, verifiedAt: '2026-12-07T10:00:00.001Z' }, verify(1, 'a'))).toEqual([
      'verifiedAt',
    ]);
  });

  it('on a verify event written before 0.3 (no AI involvement recorded): the involvement is not compared, the instant within a tolerance', () => {
    const old = verify(1, 'a', { aiInvolvement: null });
    expect(recordMismatch({ ...record, verifiedAiInvolvement: null }, old)).toEqual([]);
    const later = new Date(Date.parse(AT) - 40).toISOString();
    expect(recordMismatch({ ...record, verifiedAt: later }, old)).toEqual([]);
    const far = new Date(Date.parse(AT) - PRE_03_INSTANT_TOLERANCE_MS - 1).toISOString();
    expect(recordMismatch({ ...record, verifiedAt: far }, old)).toEqual(['verifiedAt']);
  });

  it("the repair writes back the event's record", () => {
    expect(recordOf(verify(1, 'a'))).toEqual({
      verifiedAt: AT,
      verifiedById: 7,
      verifiedByName: 'Ivy Editor',
      checks: ['sources', 'facts'],
      verifiedAiInvolvement: 'assisted',
    });
    expect(recordOf(verify(1, 'a', { aiInvolvement: null, checks: null }))).toEqual({
      verifiedAt: AT,
      verifiedById: 7,
      verifiedByName: 'Ivy Editor',
    });
  });
});

describe("the check's row", () => {
  const empty: RunRow = { holder: null, expiresAt: 0, state: null, requested: false, result: null, runs: 0 };
  const running = (repair: boolean): RunRow => ({
    ...empty,
    holder: 'A',
    expiresAt: 2000,
    state: newRun('r1', 1000, repair, 'startup', 'api::article.article'),
    runs: 1,
  });

  it('a request creates a check, joins one that does what is asked, or asks for a repair after a check without', () => {
    expect(requestDecision(empty, { repair: true })).toBe('create');
    expect(requestDecision(running(true), { repair: false })).toBe('join');
    expect(requestDecision(running(true), { repair: true })).toBe('join');
    expect(requestDecision(running(false), { repair: false })).toBe('join');
    expect(requestDecision(running(false), { repair: true })).toBe('request');
  });

  it('a startup skips when a check started since it began starting (processes starting together run one)', () => {
    const state = newRun('r1', 5000, true, 'startup', 'api::article.article');
    const done = {
      ...empty,
      result: completed(state, { ok: true, events: 0, firstBrokenEventId: null, head: 'h', reason: null }, 6000),
    };
    expect(requestDecision(done, { repair: true, notBefore: 4000 })).toBe('skip');
    expect(requestDecision(done, { repair: true, notBefore: 5001 })).toBe('create');
    expect(requestDecision(done, { repair: true })).toBe('create');
  });

  it("the lease: taken when free, expired or one's own; never while another holds it", () => {
    expect(mayTake(empty, 'B', 1500)).toBe(false); // nothing to run
    expect(mayTake(running(true), 'B', 1500)).toBe(false);
    expect(mayTake(running(true), 'A', 1500)).toBe(true);
    expect(mayTake(running(true), 'B', 2001)).toBe(true);
    expect(mayTake({ ...running(true), holder: null }, 'B', 1500)).toBe(true);
  });

  it("findings: totals exact, lists bounded, each holder's share counted", () => {
    let state = newRun('r1', 1000, false, 'startup', 'api::article.article');
    const item = (n: number) => ({
      uid: 'api::article.article',
      documentId: `d${n}`,
      locale: 'en',
      version: 'draft' as const,
      stored: 'verified',
      expected: 'stale',
      reason: 'content',
    });
    state = addFindings(
      state,
      'A',
      'api::article.article',
      600,
      Array.from({ length: 600 }, (_, n) => item(n)),
      []
    );
    state = addFindings(
      state,
      'B',
      'api::article.article',
      600,
      Array.from({ length: 600 }, (_, n) => item(600 + n)),
      []
    );
    expect(state.driftTotal).toBe(1200);
    expect(state.drift).toHaveLength(DRIFT_LISTED);
    expect(state.checkedVersions).toBe(1200);
    expect(state.byType).toEqual({ 'api::article.article': 1200 });
    expect(state.holders).toEqual([
      { holder: 'A', checkedVersions: 600 },
      { holder: 'B', checkedVersions: 600 },
    ]);
    const result = completed(state, { ok: true, events: 0, firstBrokenEventId: null, head: 'h', reason: null }, 4000);
    expect(result).toMatchObject({ ok: false, durationMs: 3000, driftTotal: 1200 });
    expect(result).not.toHaveProperty('afterId');
  });
});
