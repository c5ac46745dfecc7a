import type { Core } from '@strapi/strapi';

import type { Drift, IntegrityReport } from '../../../shared/contracts';
import { inDocumentTransaction } from '../database/document-transaction';
import { loadTrustRows, updateTrustRows } from '../database/trust-rows';
import { hashOfVersion, hashSetup, loadVersions, type Version } from '../database/versions';
import { CLEARED_VERIFICATION, normalizeTrust } from '../domain/trust';
import { getPluginConfig, getService, hasDraftAndPublish } from '../utils';
import type { Actor } from './audit';
import { expectedStatus } from '../domain/status';

const PAGE = 1000;

const INTEGRITY_ACTOR: Actor = { id: null, name: 'Integrity check', type: 'system' };
const REPAIR_NOTE = 'integrity check: the stored status did not follow the rule for the content as stored';
const UNRECORDED_NOTE = 'integrity check: a verification that no verify event of the audit log records was withdrawn';

type VerificationEvents = Map<string, Array<{ action: string; contentHash: string | null }>>;

/**
 * Whether the audit log records a verification of exactly `verifiedHash` for this locale that no unverify came after.
 * A trust row set to `verified` behind the plugin's back (plain SQL) has none.
 */
export const isRecorded = (events: VerificationEvents, documentId: string, locale: string | null, verifiedHash: string): boolean => {
  const list = events.get(`${documentId}\u0000${locale ?? ''}`) ?? [];
  const lastVerify = list.map((event) => event.action === 'verify' && event.contentHash === verifiedHash).lastIndexOf(true);
  return lastVerify >= 0 && !list.slice(lastVerify + 1).some((event) => event.action === 'unverify');
};

/** What the rule says the status of a version is, with the audit log's evidence, and why when it is not the stored one. */
const expectationOf = (strapi: Core.Strapi, uid: string, version: Version, events: VerificationEvents) => {
  const { verifiedHash } = version.trust;
  if (verifiedHash && !isRecorded(events, version.documentId, version.locale, verifiedHash)) {
    return { expected: 'unverified', reason: 'no verify event records this verification' };
  }
  return { expected: expectedStatus(version.trust, verifiedHash ? hashOfVersion(strapi, uid, version) : null), reason: 'content' };
};

/**
 * The rule "shown verified ⇔ current content hash = hash at the last verification", checked for every stored
 * version of every enabled type: a write that bypassed the document service (plain SQL, `strapi.db.query` in app
 * code), or any other cause, shows up here as drift. `repair` makes each drifted document follow the rule again,
 * through the same recompute as every content write (one transaction per document, with its audit events).
 * Run at startup by default (`integrityCheckOnStartup`), so that a restart heals what a crash or a stray write left.
 */
const createIntegrityService = ({ strapi }: { strapi: Core.Strapi }) => {
  /** Every version of one type, a page at a time, with its hashed content and trust row. */
  async function* versionsOf(uid: string): AsyncGenerator<Version[]> {
    const { attributeName } = getPluginConfig(strapi);
    const { populate } = hashSetup(strapi, uid);
    const draftAndPublish = hasDraftAndPublish(strapi, uid);
    let afterId = 0;
    for (;;) {
      const rows: any[] = await strapi.db.query(uid as any).findMany({ where: { id: { $gt: afterId } }, populate, orderBy: { id: 'asc' }, limit: PAGE });
      if (rows.length === 0) return;
      afterId = Number(rows[rows.length - 1].id);
      const trust = await loadTrustRows(strapi, uid, attributeName, rows.map((row) => Number(row.id)));
      yield rows.map((row) => {
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
      if (rows.length < PAGE) return;
    }
  }

  const check = async (): Promise<IntegrityReport> => {
    const started = Date.now();
    const drift: Drift[] = [];
    let checkedVersions = 0;
    for (const uid of getPluginConfig(strapi).contentTypes) {
      const events = await getService(strapi, 'audit').verificationEvents(uid);
      for await (const page of versionsOf(uid)) {
        for (const version of page) {
          checkedVersions += 1;
          const { expected, reason } = expectationOf(strapi, uid, version, events);
          if (expected === version.trust.status) continue;
          drift.push({
            uid,
            documentId: version.documentId,
            locale: version.locale,
            version: version.published ? 'published' : 'draft',
            stored: version.trust.status,
            expected,
            reason,
          });
        }
      }
    }
    const chain = await getService(strapi, 'audit').verifyChain();
    return {
      ok: drift.length === 0 && chain.ok,
      checkedVersions,
      drift,
      chain: { ok: chain.ok, events: chain.events, firstBrokenEventId: chain.firstBrokenEventId, head: chain.head, reason: chain.reason },
      durationMs: Date.now() - started,
    };
  };

  /**
   * Withdraws, in the document's transaction, each verification of the document that the audit log does not
   * record (checked again under the lock), with an unverify event per locale.
   */
  const withdrawUnrecorded = async (uid: string, documentId: string) =>
    inDocumentTransaction(strapi, uid, documentId, async () => {
      const events = await getService(strapi, 'audit').verificationEvents(uid, documentId);
      const versions = await loadVersions(strapi, uid, documentId);
      const unrecorded = versions.filter(
        (version) => version.trust.verifiedHash && version.trustId !== null && !isRecorded(events, documentId, version.locale, version.trust.verifiedHash)
      );
      await updateTrustRows(strapi, unrecorded.map((version) => version.trustId as number), CLEARED_VERIFICATION);
      for (const locale of new Set(unrecorded.map((version) => version.locale))) {
        await getService(strapi, 'audit').append({
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
    });

  return {
    check,

    /**
     * Checks, then repairs every drifted document (those `allow` accepts, when given); answers the state after the
     * repair, with what was repaired.
     */
    async repair(allow?: (drift: Drift) => Promise<boolean>): Promise<IntegrityReport> {
      const found = await check();
      const repairable: Drift[] = [];
      for (const item of found.drift) if (!allow || (await allow(item))) repairable.push(item);
      // Nothing to repair (every start of a healthy database): the state after is the state found.
      if (repairable.length === 0) return { ...found, fixed: [] };
      const documents = new Map(repairable.map((item) => [`${item.uid}\u0000${item.documentId}`, item]));
      for (const { uid, documentId } of documents.values()) {
        if (repairable.some((item) => item.uid === uid && item.documentId === documentId && item.reason !== 'content')) await withdrawUnrecorded(uid, documentId);
        await inDocumentTransaction(strapi, uid, documentId, (transaction) =>
          getService(strapi, 'verification').recompute(transaction, uid, documentId, INTEGRITY_ACTOR, REPAIR_NOTE)
        );
      }
      const after = await check();
      return { ...after, fixed: repairable, durationMs: found.durationMs + after.durationMs };
    },

    /** The startup run: repairs drift and says what it did in one log line; never stops Strapi from starting. */
    async onStartup(): Promise<void> {
      try {
        const report = await this.repair();
        const repaired = report.fixed?.length ?? 0;
        const line = `[trust-labels] integrity check: ${report.checkedVersions} versions in ${report.durationMs} ms, ${repaired} repaired`;
        const chain = report.chain.ok ? '' : `; the audit chain is broken: ${report.chain.reason}`;
        if (repaired > 0 || !report.ok) strapi.log.warn(`${line}${report.drift.length > 0 ? `, ${report.drift.length} still drifting` : ''}${chain}`);
        else strapi.log.info(line);
      } catch (error) {
        strapi.log.error(`[trust-labels] the integrity check at startup failed: ${(error as Error)?.message ?? error}`);
      }
    },
  };
};

export type IntegrityService = ReturnType<typeof createIntegrityService>;
export default createIntegrityService;
