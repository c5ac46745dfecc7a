// The integrity check's rules, without Strapi: what the audit log says a version's verification is, whether its
// trust row repeats the review record of its verify event, and the decisions on the check's one database row (the
// lease shared by every process, services/integrity.ts). Pure.
import type { ChainCheck, Drift } from '../../../shared/contracts';
import type { StoredTrust } from './trust';

/** A verify or unverify event of one version (document and locale), as the check reads it. */
export interface VerificationEvent {
  id: number;
  action: 'verify' | 'unverify' | string;
  contentHash: string | null;
  /** ISO instant. */
  at: string | null;
  actor: { id?: number | string | null; name?: string | null } | null;
  checks: string[] | null;
  /** Null on verify events written before 0.3. */
  aiInvolvement: string | null;
}

/**
 * The verify event that records the verification of `verifiedHash`: the newest verify of exactly that content whose
 * locale no unverify came after. Null when the log records none: a trust row set to `verified` behind the plugin's
 * back (plain SQL). `events`: the version's verify and unverify events, oldest first.
 */
export const recordingEvent = (
  events: readonly VerificationEvent[],
  verifiedHash: string
): VerificationEvent | null => {
  for (let i = events.length - 1; i >= 0; i -= 1) {
    if (events[i].action === 'unverify') return null;
    if (events[i].action === 'verify' && events[i].contentHash === verifiedHash) return events[i];
  }
  return null;
};

const sameInstant = (a: string | null, b: string | null, toleranceMs: number) => {
  if (a === null || b === null) return a === b;
  return Math.abs(new Date(a).getTime() - new Date(b).getTime()) <= toleranceMs;
};

/**
 * Before 0.3 a verification took two instants, one for the trust row and one for its event (the event's a few
 * milliseconds later, or later still when it waited for the chain's lock): their `verifiedAt` may differ by that
 * much. From 0.3 on (the events that record the AI involvement) both are one instant.
 */
export const PRE_03_INSTANT_TOLERANCE_MS = 60_000;

const sameList = (a: readonly string[] | null, b: readonly string[] | null) =>
  JSON.stringify(a ?? []) === JSON.stringify(b ?? []);

/**
 * The fields of a trust row's review record that disagree with its verify event (the event is the record: the
 * chain protects it, the row only repeats it). `verifiedAiInvolvement` is compared when the event records one (0.3
 * on); the checks when it records them.
 */
export const recordMismatch = (
  trust: Pick<StoredTrust, 'verifiedAt' | 'verifiedById' | 'verifiedByName' | 'checks' | 'verifiedAiInvolvement'>,
  event: VerificationEvent
): string[] => {
  const fields: string[] = [];
  const tolerance = event.aiInvolvement === null ? PRE_03_INSTANT_TOLERANCE_MS : 0;
  if (!sameInstant(trust.verifiedAt, event.at, tolerance)) fields.push('verifiedAt');
  if (event.actor) {
    const actorId = event.actor.id === null || event.actor.id === undefined ? null : Number(event.actor.id);
    const rowId = trust.verifiedById === null || trust.verifiedById === undefined ? null : Number(trust.verifiedById);
    if (actorId !== rowId) fields.push('verifiedById');
    if ((event.actor.name ?? null) !== (trust.verifiedByName ?? null)) fields.push('verifiedByName');
  }
  if (event.checks !== null && !sameList(trust.checks, event.checks)) fields.push('checks');
  if (event.aiInvolvement !== null && trust.verifiedAiInvolvement !== event.aiInvolvement)
    fields.push('verifiedAiInvolvement');
  return fields;
};

/** The review record of a verify event, as trust row fields (what the integrity repair writes back). */
export const recordOf = (event: VerificationEvent) => ({
  verifiedAt: event.at,
  ...(event.actor
    ? {
        verifiedById: event.actor.id === null || event.actor.id === undefined ? null : Number(event.actor.id),
        verifiedByName: event.actor.name ?? null,
      }
    : {}),
  ...(event.checks !== null ? { checks: [...event.checks] } : {}),
  ...(event.aiInvolvement !== null ? { verifiedAiInvolvement: event.aiInvolvement } : {}),
});

// ---- The check's row: lease, progress, last result -----------------------------------------------------------------

/** At most this many drifted (and repaired) versions are listed; the totals count them all. */
export const DRIFT_LISTED = 1000;

/** The running check, as stored (JSON) after each batch: enough to resume it anywhere. */
export interface RunState {
  id: string;
  startedAt: string;
  /** Whether it repairs what it finds. */
  repair: boolean;
  /** Who asked for it: "startup", or the admin's name. */
  requestedBy: string;
  phase: 'versions' | 'chain';
  /** The type being checked, and the last entry row id done in it (keyset). */
  uid: string | null;
  afterId: number;
  checkedVersions: number;
  /** Versions checked per type (the route scopes counts with them). */
  byType: Record<string, number>;
  drift: Drift[];
  driftTotal: number;
  fixed: Drift[];
  fixedTotal: number;
  /** Each process that worked on it, with the versions it checked: a check taken over after a crash shows two. */
  holders: Array<{ holder: string; checkedVersions: number }>;
  /** Consecutive failures at this cursor (a check that keeps failing is given up). */
  failures: number;
}

/** A completed check (GET answers with the last one). */
export interface CompletedCheck extends Omit<RunState, 'phase' | 'uid' | 'afterId' | 'failures'> {
  completedAt: string;
  durationMs: number;
  ok: boolean;
  chain: ChainCheck;
}

/** The check's row, parsed. */
export interface RunRow {
  holder: string | null;
  /** Epoch ms. */
  expiresAt: number;
  state: RunState | null;
  requested: boolean;
  result: CompletedCheck | null;
  runs: number;
}

export const newRun = (
  id: string,
  now: number,
  repair: boolean,
  requestedBy: string,
  firstUid: string | null
): RunState => ({
  id,
  startedAt: new Date(now).toISOString(),
  repair,
  requestedBy,
  phase: firstUid ? 'versions' : 'chain',
  uid: firstUid,
  afterId: 0,
  checkedVersions: 0,
  byType: {},
  drift: [],
  driftTotal: 0,
  fixed: [],
  fixedTotal: 0,
  holders: [],
  failures: 0,
});

/**
 * What asking for a check does to the row:
 * - `join`: a check runs already that does what is asked (a repairing one answers a request without repair too);
 * - `request`: one runs without repair and a repair is asked: it is flagged, and starts when the running one ends;
 * - `skip`: the startup of a process (`notBefore`: when it began starting) finds a check that started since, on
 *   another process (several processes starting together run one check);
 * - `create`: none runs: a new one.
 */
export const requestDecision = (
  row: RunRow,
  { repair, notBefore }: { repair: boolean; notBefore?: number }
): 'join' | 'request' | 'skip' | 'create' => {
  if (row.state) return row.state.repair || !repair ? 'join' : 'request';
  if (notBefore !== undefined && row.result && Date.parse(row.result.startedAt) >= notBefore) return 'skip';
  return 'create';
};

/** Whether `holder` may work on the running check now: there is one, and its lease is free, expired or its own. */
export const mayTake = (row: RunRow, holder: string, now: number): boolean =>
  row.state !== null && (row.holder === null || row.holder === holder || row.expiresAt < now);

/** Adds a batch's findings to the state (lists bounded by DRIFT_LISTED, totals exact). */
export const addFindings = (
  state: RunState,
  holder: string,
  uid: string,
  checked: number,
  drift: Drift[],
  fixed: Drift[]
): RunState => {
  const holders = state.holders.some((entry) => entry.holder === holder)
    ? state.holders
    : [...state.holders, { holder, checkedVersions: 0 }];
  return {
    ...state,
    checkedVersions: state.checkedVersions + checked,
    byType: { ...state.byType, [uid]: (state.byType[uid] ?? 0) + checked },
    drift: [...state.drift, ...drift].slice(0, DRIFT_LISTED),
    driftTotal: state.driftTotal + drift.length,
    fixed: [...state.fixed, ...fixed].slice(0, DRIFT_LISTED),
    fixedTotal: state.fixedTotal + fixed.length,
    holders: holders.map((entry) =>
      entry.holder === holder ? { ...entry, checkedVersions: entry.checkedVersions + checked } : entry
    ),
    failures: 0,
  };
};

export const completed = (state: RunState, chain: ChainCheck, now: number): CompletedCheck => {
  const { phase: _phase, uid: _uid, afterId: _afterId, failures: _failures, ...kept } = state;
  return {
    ...kept,
    completedAt: new Date(now).toISOString(),
    durationMs: Math.max(0, now - Date.parse(state.startedAt)),
    ok: state.driftTotal === 0 && chain.ok,
    chain,
  };
};
