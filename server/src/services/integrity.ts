import { randomBytes } from 'crypto';
import { hostname } from 'os';

import type { Core } from '@strapi/strapi';

import type { ChainCheck, Drift } from '../../../shared/contracts';
import { inDocumentTransaction } from '../database/document-transaction';
import { createRunStore } from '../database/integrity-run';
import { loadTrustRows, updateTrustRows } from '../database/trust-rows';
import { hashOfVersion, hashSetup, loadVersions, type Version } from '../database/versions';
import {
  addFindings,
  completed,
  mayTake,
  newRun,
  recordingEvent,
  recordMismatch,
  recordOf,
  requestDecision,
  type CompletedCheck,
  type RunRow,
  type RunState,
  type VerificationEvent,
} from '../domain/integrity';
import { expectedStatus } from '../domain/status';
import { CLEARED_VERIFICATION, normalizeTrust } from '../domain/trust';
import { getPluginConfig, hasDraftAndPublish } from '../utils';
import { getService } from './registry';
import type { Actor } from './audit';

const INTEGRITY_ACTOR: Actor = { id: null, name: 'Integrity check', type: 'system' };
const REPAIR_NOTE = 'integrity check: the stored status did not follow the rule for the content as stored';
const UNRECORDED_NOTE = 'integrity check: a verification that no verify event of the audit log records was withdrawn';
const RECORD_NOTE = 'integrity check: the review record on the trust row was restored from its verify event';
/** A check that fails this many times in a row at the same place is given up (and logged), not retried forever. */
const MAX_FAILURES = 3;
/** The running check logs its progress this often. */
const PROGRESS_LOG_MS = 10_000;

/** The holder lost the lease (it was too slow to renew it, and another process took the check over). */
class LeaseLost extends Error {}
/** This Strapi is shutting down. */
class Stopped extends Error {}

type EventsByVersion = Map<string, VerificationEvent[]>;

// When this Strapi began starting: the process's start, or, when an earlier Strapi of this process stopped since
// (tests start many in one process), that stop. A check started since then, by any process on the database, is this
// start's check too: processes that start together run one. (On the global object: it outlives module registries.)
const LAST_STOP = Symbol.for('strapi-plugin-trust-labels.integrity.lastStop');
const startedAt = () => Math.max(Date.now() - process.uptime() * 1000, Number((globalThis as any)[LAST_STOP] ?? 0));
const versionKey = (documentId: string, locale: string | null) => `${documentId}\u0000${locale ?? ''}`;

export type { CompletedCheck };

/**
 * The integrity check: the rule "shown verified ⇔ current content hash = hash at the last verification" for every
 * stored version of every enabled type, each verification recorded by a verify event of the audit log, each trust
 * row's review record the one of its event, and the chain of the log unbroken. A write that bypassed the plugin
 * (plain SQL, `strapi.db.query` in app code) shows up here as drift; a repairing check makes each drifted document
 * follow the rule again, through the same recompute as every content write (one transaction per document, with
 * its audit events).
 *
 * It never holds up a request nor the startup: it runs in the background, after the server listens, in batches of
 * `integrityBatchSize` versions (keyset by entry id), one process at a time among all the processes on the database.
 * The check's one row (content-types/integrity-run) holds the lease, renewed after each batch, and the progress;
 * a process that finds the lease expired (its holder died) takes the check over where it was. Memory holds one
 * batch: its versions and the verify events of its documents (one indexed query).
 */
const createIntegrityService = ({ strapi }: { strapi: Core.Strapi }) => {
  const holder = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const loadedAt = startedAt();
  const store = createRunStore(strapi);
  let stopped = false;
  let poller: NodeJS.Timeout | null = null;
  let working: Promise<void> | null = null;
  let lastRenewal = 0;
  let lastProgressLog = Date.now();

  const config = () => getPluginConfig(strapi);
  const leaseMs = () => config().integrityLeaseSeconds * 1000;

  /** One batch of versions of a type after `afterId`, with hashed content and trust rows. */
  const batchOf = async (uid: string, afterId: number, size: number): Promise<Version[]> => {
    const { attributeName } = config();
    const { populate } = hashSetup(strapi, uid);
    const draftAndPublish = hasDraftAndPublish(strapi, uid);
    const rows: any[] = await strapi.db
      .query(uid as any)
      .findMany({ where: { id: { $gt: afterId } }, populate, orderBy: { id: 'asc' }, limit: size });
    const trust = await loadTrustRows(
      strapi,
      uid,
      attributeName,
      rows.map((row) => Number(row.id))
    );
    return rows.map((row) => {
      const stored = trust.get(Number(row.id));
      return {
        id: Number(row.id),
        documentId: row.documentId,
        locale: row.locale ?? null,
        published: draftAndPublish && Boolean(row.publishedAt),
        updatedById: null,
        entry: row,
        trustId: stored?.trustId ?? null,
        trust: stored?.trust ?? normalizeTrust(null),
      };
    });
  };

  /** The drift of one version (null: it follows every rule). */
  const driftOf = (uid: string, version: Version, events: EventsByVersion): Drift | null => {
    const { status, verifiedHash } = version.trust;
    const drift = (expected: string, reason: string): Drift => ({
      uid,
      documentId: version.documentId,
      locale: version.locale,
      version: version.published ? 'published' : 'draft',
      stored: status,
      expected,
      reason,
    });
    if (!verifiedHash) {
      const expected = expectedStatus(version.trust, null);
      return expected === status ? null : drift(expected, 'content');
    }
    const event = recordingEvent(events.get(versionKey(version.documentId, version.locale)) ?? [], verifiedHash);
    if (!event)
      return status === 'unverified' ? null : drift('unverified', 'no verify event records this verification');
    const expected = expectedStatus(version.trust, hashOfVersion(strapi, uid, version));
    if (expected !== status) return drift(expected, 'content');
    return recordMismatch(version.trust, event).length > 0 ? drift(expected, 'record') : null;
  };

  const driftOfAll = (uid: string, versions: Version[], events: EventsByVersion) =>
    versions.map((version) => driftOf(uid, version, events)).filter((item): item is Drift => item !== null);

  /**
   * Makes one document follow the rules again, in its transaction (under its lock, everything read again): each
   * verification that no verify event records is withdrawn (an unverify per locale), each review record that
   * disagrees with its event is restored from it (a repair event per locale), then the statuses are recomputed.
   */
  const repairDocument = async (uid: string, documentId: string) =>
    inDocumentTransaction(strapi, uid, documentId, async (transaction) => {
      const audit = getService(strapi, 'audit');
      const events = await audit.verificationEvents(uid, [documentId]);
      const versions = await loadVersions(strapi, uid, documentId);
      const unrecorded: Version[] = [];
      const restored = new Map<string | null, Set<string>>();
      for (const version of versions) {
        const { verifiedHash } = version.trust;
        if (!verifiedHash || version.trustId === null) continue;
        const event = recordingEvent(events.get(versionKey(documentId, version.locale)) ?? [], verifiedHash);
        if (!event) {
          unrecorded.push(version);
          continue;
        }
        const fields = recordMismatch(version.trust, event);
        if (fields.length === 0) continue;
        await updateTrustRows(strapi, [version.trustId], recordOf(event));
        if (!restored.has(version.locale)) restored.set(version.locale, new Set());
        fields.forEach((field) => restored.get(version.locale)!.add(field));
      }
      await updateTrustRows(
        strapi,
        unrecorded.map((version) => version.trustId as number),
        CLEARED_VERIFICATION
      );
      for (const locale of new Set(unrecorded.map((version) => version.locale))) {
        await audit.append({
          action: 'repair',
          uid,
          documentId,
          locale,
          actor: INTEGRITY_ACTOR,
          contentHash: null,
          changedFields: [],
          note: UNRECORDED_NOTE,
        });
      }
      for (const [locale, fields] of restored) {
        await audit.append({
          action: 'repair',
          uid,
          documentId,
          locale,
          actor: INTEGRITY_ACTOR,
          contentHash: null,
          changedFields: [...fields],
          note: RECORD_NOTE,
        });
      }
      await getService(strapi, 'verification').recompute(transaction, uid, documentId, INTEGRITY_ACTOR, REPAIR_NOTE);
    });

  // ---- the lease -------------------------------------------------------------------------------------------------

  /** Writes the state (progress) and renews the lease; throws LeaseLost when another process holds it now. */
  const save = async (state: RunState | null, extra: Partial<RunRow> = {}) => {
    if (stopped) throw new Stopped();
    const now = Date.now();
    const { patch } = await store.change((row) =>
      row.holder === holder ? { ...(state ? { state } : {}), expiresAt: now + leaseMs(), ...extra } : null
    );
    if (!patch) throw new LeaseLost();
    lastRenewal = now;
  };

  /**
   * Lets the server answer between two steps. SQLite's driver is synchronous: its queries resolve without ever
   * giving the event loop back, so a check of many batches would hold every request until its end.
   */
  const yieldToRequests = () => new Promise<void>((resolve) => setImmediate(resolve));

  /** Renews the lease when a third of it has gone by (during the chain walk and long repairs). */
  const renew = async () => {
    if (stopped) throw new Stopped();
    await yieldToRequests();
    if (Date.now() - lastRenewal > leaseMs() / 3) await save(null);
  };

  /** Checks the batches of the versions phase, from where the state says, to the end; saves after each. */
  const checkVersions = async (start: RunState): Promise<RunState> => {
    let state = start;
    const types = config().contentTypes;
    while (state.phase === 'versions') {
      const uid = state.uid && types.includes(state.uid) ? state.uid : null;
      if (uid === null) {
        // The type is no longer enabled (the config changed between a crash and the takeover): the first type not
        // checked yet, else the chain.
        const next = types.find((candidate) => !(candidate in state.byType)) ?? null;
        state = next ? { ...state, uid: next, afterId: 0 } : { ...state, phase: 'chain', uid: null, afterId: 0 };
        continue;
      }
      const versions = await batchOf(uid, state.afterId, config().integrityBatchSize);
      if (versions.length === 0) {
        const next = types[types.indexOf(uid) + 1] ?? null;
        state = next ? { ...state, uid: next, afterId: 0 } : { ...state, phase: 'chain', uid: null, afterId: 0 };
        await save(state);
        continue;
      }
      const events = await getService(strapi, 'audit').verificationEvents(
        uid,
        versions.map((version) => version.documentId)
      );
      let drift = driftOfAll(uid, versions, events);
      let fixed: Drift[] = [];
      if (state.repair && drift.length > 0) {
        fixed = drift;
        const documentIds = [...new Set(drift.map((item) => item.documentId))];
        for (const documentId of documentIds) {
          await repairDocument(uid, documentId);
          await renew();
        }
        // What still drifts after the repair (the same versions, read again).
        const again: Version[] = [];
        // One query at a time: never two at once on one connection.
        for (const documentId of documentIds)
          again.push(...(await loadVersions(strapi, uid, documentId, { withContent: true })));
        drift = driftOfAll(uid, again, await getService(strapi, 'audit').verificationEvents(uid, documentIds));
      }
      state = addFindings(
        { ...state, afterId: versions[versions.length - 1].id },
        holder,
        uid,
        versions.length,
        drift,
        fixed
      );
      await save(state);
      await yieldToRequests();
      if (Date.now() - lastProgressLog > PROGRESS_LOG_MS) {
        lastProgressLog = Date.now();
        strapi.log.info(
          `[trust-labels] integrity check: ${state.checkedVersions} versions checked so far (${uid}, after entry id ${state.afterId}), ${state.driftTotal} drifting`
        );
      }
    }
    return state;
  };

  const chainCheck = async (): Promise<ChainCheck> => {
    const chain = await getService(strapi, 'audit').verifyChain({ onPage: () => renew() });
    return {
      ok: chain.ok,
      events: chain.events,
      firstBrokenEventId: chain.firstBrokenEventId,
      head: chain.head,
      reason: chain.reason,
    };
  };

  const logCompletion = (result: CompletedCheck) => {
    const line = `[trust-labels] integrity check: ${result.checkedVersions} versions in ${result.durationMs} ms, ${result.fixedTotal} repaired`;
    const chain = result.chain.ok ? '' : `; the audit chain is broken: ${result.chain.reason}`;
    if (result.fixedTotal > 0 || !result.ok)
      strapi.log.warn(`${line}${result.driftTotal > 0 ? `, ${result.driftTotal} drifting` : ''}${chain}`);
    else strapi.log.info(line);
  };

  /** Works on the running check while this process holds its lease; takes it when free or expired. */
  const work = async (): Promise<void> => {
    while (!stopped) {
      const now = Date.now();
      const peek = await store.read();
      if (!mayTake(peek, holder, now)) return;
      const { row, patch } = await store.change((current) =>
        mayTake(current, holder, now) ? { holder, expiresAt: now + leaseMs() } : null
      );
      if (!patch || !row.state) return;
      lastRenewal = now;
      let state = row.state;
      if (peek.holder && peek.holder !== holder) {
        strapi.log.warn(
          `[trust-labels] integrity check: taking over from ${peek.holder}, whose lease expired, after ${state.checkedVersions} versions`
        );
      } else {
        strapi.log.info(
          `[trust-labels] integrity check ${state.checkedVersions > 0 ? `resumed after ${state.checkedVersions} versions` : 'started'}${state.repair ? ' (repairing)' : ''}`
        );
      }
      try {
        state = await checkVersions(state);
        const chain = await chainCheck();
        const result = completed(state, chain, Date.now());
        // Done: the result is the last completed check; a repair asked for meanwhile starts now, on this process.
        const { patch: finished } = await store.change((current) => {
          if (current.holder !== holder) return null;
          const next = current.requested
            ? newRun(randomBytes(8).toString('hex'), Date.now(), true, 'requested', config().contentTypes[0] ?? null)
            : null;
          return {
            result,
            state: next,
            requested: false,
            holder: next ? holder : null,
            expiresAt: next ? Date.now() + leaseMs() : 0,
            runs: current.runs + (next ? 1 : 0),
          };
        });
        if (!finished) throw new LeaseLost();
        logCompletion(result);
      } catch (error) {
        if (error instanceof Stopped) return;
        if (error instanceof LeaseLost) {
          strapi.log.warn(
            '[trust-labels] integrity check: another process took the check over (this one was too slow to renew its lease)'
          );
          return;
        }
        if (stopped) return;
        strapi.log.error(
          `[trust-labels] integrity check failed after ${state.checkedVersions} versions: ${(error as Error)?.message ?? error}`
        );
        // Leave it where it is, for this process or another to resume at the next poll; give up one that keeps failing.
        await store
          .change((current) =>
            current.holder !== holder || !current.state
              ? null
              : current.state.failures + 1 >= MAX_FAILURES
                ? { holder: null, expiresAt: 0, state: null }
                : { holder: null, expiresAt: 0, state: { ...current.state, failures: current.state.failures + 1 } }
          )
          .catch(() => undefined);
        return;
      }
    }
  };

  /** Works on the running check in the background, once at a time in this process. */
  const kick = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    if (!working) {
      working = work()
        .catch((error) => {
          if (!stopped) strapi.log.error(`[trust-labels] integrity check: ${(error as Error)?.message ?? error}`);
        })
        .finally(() => {
          working = null;
        });
    }
    return working;
  };

  /**
   * Asks for a check. Joins the running one when it does what is asked; a repair asked during a check without repair
   * runs after it. With `notBefore` (a startup), none starts if a check started since then on any process.
   */
  const request = async ({
    repair,
    requestedBy,
    notBefore,
  }: {
    repair: boolean;
    requestedBy: string;
    notBefore?: number;
  }) => {
    const { row, patch } = await store.change((current): Partial<RunRow> | null => {
      const decision = requestDecision(current, { repair, notBefore });
      if (decision === 'request') return { requested: true };
      if (decision !== 'create') return null;
      return {
        state: newRun(
          randomBytes(8).toString('hex'),
          Date.now(),
          repair,
          requestedBy,
          config().contentTypes[0] ?? null
        ),
        runs: current.runs + 1,
      };
    });
    void kick();
    return { row, started: Boolean(patch?.state) };
  };

  /** Waits until the check `runId` (or, without, one that started at or after `since`) completes, up to `timeoutMs`. */
  const waitForResult = async (
    { runId, since }: { runId: string | null; since: number },
    timeoutMs: number
  ): Promise<CompletedCheck | null> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const row = await store.read();
      if (row.result && (runId ? row.result.id === runId : Date.parse(row.result.startedAt) >= since))
        return row.result;
      if (Date.now() >= deadline || stopped) return null;
      // The lease may be free (its holder died): take it.
      void kick();
      await new Promise((resolve) => setTimeout(resolve, Math.min(100, Math.max(10, deadline - Date.now()))));
    }
  };

  /** Starts a check (or joins the running one) and waits for its result, up to `timeoutMs` (null when still running). */
  const run = async ({
    repair,
    requestedBy,
    timeoutMs,
  }: {
    repair: boolean;
    requestedBy: string;
    timeoutMs: number;
  }) => {
    const since = Date.now();
    const { row } = await request({ repair, requestedBy });
    // The check that answers: the running (or new) one when it does what is asked, else the repair that runs after it.
    const joined = row.state !== null && (row.state.repair || !repair);
    const result = await waitForResult({ runId: joined ? row.state!.id : null, since }, timeoutMs);
    return { result, row: await store.read() };
  };

  return {
    /** Creates the check's row (bootstrap). */
    ensureRow: () => store.ensure(),

    /** The check's row: the last completed check, the running one and its lease. */
    state: () => store.read(),

    request,
    run,

    /** Checks without repairing, waits for the result (the benchmark; app code). */
    async check(timeoutMs = 24 * 3600 * 1000) {
      return (await run({ repair: false, requestedBy: 'app', timeoutMs })).result;
    },

    /** Checks and repairs, waits for the result. */
    async repair(timeoutMs = 24 * 3600 * 1000) {
      return (await run({ repair: true, requestedBy: 'app', timeoutMs })).result;
    },

    /**
     * Once the server listens: starts the startup check (with `integrityCheckOnStartup`), unless a check started on
     * any process since this one began starting, and polls the row every lease period, to take over a check whose
     * holder died (whatever the option: a check that another process started is finished by the survivors).
     */
    start({ checkOnStartup }: { checkOnStartup: boolean }) {
      if (stopped || poller) return;
      poller = setInterval(() => void kick(), leaseMs());
      poller.unref?.();
      if (checkOnStartup) {
        request({ repair: true, requestedBy: 'startup', notBefore: loadedAt }).catch((error) => {
          strapi.log.error(
            `[trust-labels] the integrity check at startup could not start: ${(error as Error)?.message ?? error}`
          );
        });
      } else void kick();
    },

    /** Stops working (Strapi's destroy): the batch under way ends, and its progress stays for the next holder. */
    async stop() {
      stopped = true;
      if (poller) clearInterval(poller);
      poller = null;
      await working?.catch(() => undefined);
      // Hands the lease back: the next process (or this app's next start) resumes at once, without waiting for it to expire.
      await store
        .change((row) => (row.holder === holder ? { holder: null, expiresAt: 0 } : null))
        .catch(() => undefined);
      (globalThis as any)[LAST_STOP] = Date.now();
    },

    holder: () => holder,
  };
};

export default createIntegrityService;
