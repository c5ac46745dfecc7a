import type { Core } from '@strapi/strapi';

import type { Drift, IntegrityReport } from '../../../shared/contracts';
import { inDocumentTransaction } from '../database/document-transaction';
import { loadTrustRows } from '../database/trust-rows';
import { hashOfVersion, hashSetup, type Version } from '../database/versions';
import { normalizeTrust } from '../domain/trust';
import { getPluginConfig, getService, hasDraftAndPublish } from '../utils';
import type { Actor } from './audit';
import { expectedStatus } from './verification';

const PAGE = 1000;

const INTEGRITY_ACTOR: Actor = { id: null, name: 'Integrity check', type: 'system' };
const REPAIR_NOTE = 'integrity check: the stored status did not follow the rule for the content as stored';

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
      for await (const page of versionsOf(uid)) {
        for (const version of page) {
          checkedVersions += 1;
          const expected = expectedStatus(version.trust, version.trust.verifiedHash ? hashOfVersion(strapi, uid, version).hash : null);
          if (expected === version.trust.status) continue;
          drift.push({
            uid,
            documentId: version.documentId,
            locale: version.locale,
            version: version.published ? 'published' : 'draft',
            stored: version.trust.status,
            expected,
          });
        }
      }
    }
    return { ok: drift.length === 0, checkedVersions, drift, durationMs: Date.now() - started };
  };

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
      const documents = new Map(repairable.map((item) => [`${item.uid}\u0000${item.documentId}`, item]));
      for (const { uid, documentId } of documents.values()) {
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
        if (repaired > 0 || !report.ok) strapi.log.warn(`${line}${report.ok ? '' : `, ${report.drift.length} still drifting`}`);
        else strapi.log.info(line);
      } catch (error) {
        strapi.log.error(`[trust-labels] the integrity check at startup failed: ${(error as Error)?.message ?? error}`);
      }
    },
  };
};

export type IntegrityService = ReturnType<typeof createIntegrityService>;
export default createIntegrityService;
