import type { Core } from '@strapi/strapi';

import { TRUST_EVENTS, type AuditAction } from '../../../shared/constants';
import type { Bulk } from '../../../shared/contracts';
import { ERROR_CODES, type ErrorCode } from '../../../shared/schemas';
import type { AiInvolvement, EditorialResponsibility, ReviewCheck, Settings } from '../../../shared/trust';
import { inDocumentTransaction, type DocumentTransaction } from '../database/document-transaction';
import { updateTrustRow, updateTrustRows, createTrustRow } from '../database/trust-rows';
import { contentOfVersion, draftAndPublished, hashOfVersion, loadVersions, type Version } from '../database/versions';
import { changedSinceVerification, expectedStatus, responsiblePartyOf } from '../domain/status';
import { CLEARED_VERIFICATION, type StoredTrust } from '../domain/trust';
import { invalid, isTrustLabelsError, notFound, TrustLabelsError } from '../errors';
import type { AdminUser, Target } from '../types';
import { getPluginConfig } from '../utils';
import { getService } from './registry';
import { adminDisplayName, currentActor } from './actors';
import type { Actor } from './audit';

export { TRUST_EVENTS };

/** What a verifier sends: a note, the checks they confirm, and the content hash they reviewed (409 if changed). */
export interface VerifyInput {
  note?: string | null;
  checks?: ReviewCheck[];
  expectedHash?: string;
}

const ruleError = (rule: 'requiredSources' | 'fourEyes', message: string, values?: Record<string, unknown>) =>
  invalid([rule], message, ERROR_CODES[rule], values);

const adminActor = (user: AdminUser): Actor => ({ id: user.id, name: adminDisplayName(user), type: 'admin' });

/** A trust row patch with the attribute names of the component. */
type TrustPatch = Partial<Omit<StoredTrust, 'sources'>>;

/** The code and values of a refused document of a bulk action: its first problem's, else by the error's kind. */
const problemOf = (error: TrustLabelsError): Pick<Bulk.Result, 'code' | 'values'> => {
  const first = (error.details as { errors?: Array<{ code?: ErrorCode; values?: Record<string, unknown> }> })
    .errors?.[0];
  if (first?.code) return { code: first.code, ...(first.values ? { values: first.values } : {}) };
  if (error.name === 'NotFoundError') return { code: ERROR_CODES.notFound };
  if (error.name === 'ForbiddenError') return { code: ERROR_CODES.forbidden };
  return {};
};

/** A bulk action's answer for a document the user may not update in the Content Manager (or that does not exist). */
export const REFUSED_MESSAGE =
  "Forbidden, or not found: this needs the Content Manager's update permission on the entry";

/** Thrown inside a bulk action's transaction (rolled back) for a document the user may not update. */
class RefusedDocument extends Error {}

const createVerificationService = ({ strapi }: { strapi: Core.Strapi }) => {
  /** Emits an event on Strapi's event hub once the transaction has committed; a failing listener is logged. */
  const emitAfterCommit = (transaction: DocumentTransaction, event: string, payload: Record<string, unknown>) => {
    transaction.onCommit(() => {
      strapi.eventHub.emit(event, payload).catch((error: unknown) => {
        strapi.log.error(`[trust-labels] a listener of ${event} failed: ${(error as Error)?.message ?? error}`);
      });
    });
  };

  /** Writes a patch to versions' trust rows, creating the rows of versions that have none. */
  const writeTrust = async (uid: string, versions: Version[], patch: TrustPatch) => {
    const { attributeName } = getPluginConfig(strapi);
    const withRow = versions.filter((version) => version.trustId !== null).map((version) => version.trustId as number);
    await updateTrustRows(strapi, withRow, patch);
    for (const version of versions) {
      if (version.trustId === null)
        version.trustId = await createTrustRow(strapi, uid, attributeName, version.id, patch);
    }
  };

  const append = (event: {
    action: AuditAction;
    target: Target;
    actor: Actor | null;
    hash: string | null;
    changedFields: string[];
    note: string | null;
    review?: { checks: ReviewCheck[]; responsibility: EditorialResponsibility | null; aiInvolvement: AiInvolvement };
    at?: Date;
  }) =>
    getService(strapi, 'audit').append({
      action: event.action,
      uid: event.target.uid,
      documentId: event.target.documentId,
      locale: event.target.locale,
      actor: event.actor,
      contentHash: event.hash,
      changedFields: event.changedFields,
      note: event.note,
      ...(event.review
        ? {
            checks: event.review.checks,
            responsibility: event.review.responsibility,
            aiInvolvement: event.review.aiInvolvement,
          }
        : {}),
      ...(event.at ? { at: event.at } : {}),
    });

  /** Verify, inside a document transaction that the caller holds. */
  const verifyLocked = async (
    transaction: DocumentTransaction,
    target: Target,
    user: AdminUser,
    input: VerifyInput,
    settings: Settings
  ) => {
    const { note = null, expectedHash, checks = [] } = input;
    const missing = settings.requiredChecks.filter((check) => !checks.includes(check));
    if (missing.length > 0) {
      throw invalid(
        ['checks'],
        `checks: confirm that you checked ${missing.join(', ')} (the requiredChecks setting)`,
        ERROR_CODES.requiredChecks,
        { missing }
      );
    }
    const versions = await loadVersions(strapi, target.uid, target.documentId, {
      locale: target.locale,
      withContent: true,
    });
    const { draft, published } = draftAndPublished(strapi, target.uid, versions);
    if (!draft) throw notFound('Document not found');

    const sources = draft.trust.sources;
    if (sources.length < settings.requiredSources) {
      throw ruleError(
        'requiredSources',
        `requiredSources: this entry has ${sources.length} source${sources.length === 1 ? '' : 's'}; at least ${settings.requiredSources} ${settings.requiredSources === 1 ? 'is' : 'are'} needed before it can be verified`,
        { min: settings.requiredSources, count: sources.length }
      );
    }
    if (settings.fourEyes && draft.updatedById !== null && Number(draft.updatedById) === Number(user.id)) {
      throw ruleError('fourEyes', 'fourEyes: you were the last to update this version; another person must verify it');
    }

    const { hash, fieldHashes } = hashOfVersion(strapi, target.uid, draft);
    if (expectedHash !== undefined && expectedHash !== hash) {
      throw new TrustLabelsError(
        'ConflictError',
        'The content changed since you opened it: review it again, then verify.',
        {
          errors: [
            {
              path: ['contentHash'],
              message: 'the content changed since you opened it',
              name: 'ValidationError',
              code: ERROR_CODES.contentHash,
            },
          ],
          contentHash: hash,
        }
      );
    }
    // What the verifier reviewed: this content, declared with this AI involvement. The published version shares the
    // verification only if both are the same there.
    const aiInvolvement = draft.trust.aiInvolvement;
    const marked = [draft];
    const versionNames = ['draft'];
    if (
      published &&
      published !== draft &&
      published.trust.aiInvolvement === aiInvolvement &&
      hashOfVersion(strapi, target.uid, published).hash === hash
    ) {
      marked.push(published);
      versionNames.push('published');
    }
    // One instant for the trust row and the verify event: the row repeats the event's review record (integrity.ts).
    const at = new Date();
    await writeTrust(target.uid, marked, {
      status: 'verified',
      verifiedAt: at.toISOString(),
      verifiedHash: hash,
      fieldHashes,
      changedFields: [],
      verifiedById: user.id,
      verifiedByName: adminDisplayName(user),
      verifiedAiInvolvement: aiInvolvement,
      checks: [...checks],
      // What was verified, as hashed: the diff of a later stale version is against it.
      verifiedContent: contentOfVersion(strapi, target.uid, draft),
    });
    const review = { checks: [...checks], responsibility: responsiblePartyOf(draft.trust, settings), aiInvolvement };
    await append({ action: 'verify', target, actor: adminActor(user), hash, changedFields: [], note, review, at });
    emitAfterCommit(transaction, TRUST_EVENTS.verified, { ...target, status: 'verified', versions: versionNames });
  };

  const unverifyLocked = async (
    transaction: DocumentTransaction,
    target: Target,
    user: AdminUser,
    note: string | null
  ) => {
    const versions = await loadVersions(strapi, target.uid, target.documentId, { locale: target.locale });
    if (versions.length === 0) throw notFound('Document not found');
    const withdrawn = versions.some((version) => version.trust.status !== 'unverified');
    await writeTrust(target.uid, versions, CLEARED_VERIFICATION);
    // Every unverify is an audit event (the decision, with its note); the event hub and webhooks hear of changes only,
    // so that an unverify of what was not verified rebuilds no site.
    await append({ action: 'unverify', target, actor: adminActor(user), hash: null, changedFields: [], note });
    if (withdrawn) emitAfterCommit(transaction, TRUST_EVENTS.unverified, { ...target, status: 'unverified' });
  };

  return {
    /**
     * Verifies the draft of one locale: records the verifier, the time and the content hash, and marks the
     * published version verified too when its content hash is the same. All of it, with the audit event, in one
     * transaction that holds the document's lock: the hash is of the content as it is when the lock is taken. With
     * `expectedHash` (the content hash the verifier saw), a version whose content changed since answers 409.
     */
    async verify(target: Target, user: AdminUser, input: VerifyInput = {}) {
      const settings = await getService(strapi, 'settings').get();
      await inDocumentTransaction(strapi, target.uid, target.documentId, (transaction) =>
        verifyLocked(transaction, target, user, input, settings)
      );
    },

    /** Withdraws the verification of the draft and the published version of one locale. */
    async unverify(target: Target, user: AdminUser, { note = null }: { note?: string | null } = {}) {
      await inDocumentTransaction(strapi, target.uid, target.documentId, (transaction) =>
        unverifyLocked(transaction, target, user, note)
      );
    },

    /**
     * After any write to a document, in the write's own transaction (the caller holds the document's lock): every
     * version whose verification is recorded is `verified` if its content hash still equals the recorded one, else
     * `stale` with the changed fields named; one audit event per locale whose status changed. This is the rule that
     * keeps the badge honest, whatever path the write took.
     */
    async recompute(
      transaction: DocumentTransaction,
      uid: string,
      documentId: string,
      actor: Actor | null = currentActor(strapi),
      note: string | null = null
    ) {
      const versions = await loadVersions(strapi, uid, documentId, { withContent: true });
      const transitions = new Map<
        string,
        { action: AuditAction; hash: string | null; changedFields: string[]; locale: string | null; status: string }
      >();
      for (const version of versions) {
        const { trust } = version;
        const current = trust.verifiedHash ? hashOfVersion(strapi, uid, version) : null;
        const status = expectedStatus(trust, current);
        const changedFields = status === 'stale' && current ? changedSinceVerification(trust, current) : [];
        if (status === trust.status && JSON.stringify(changedFields) === JSON.stringify(trust.changedFields ?? []))
          continue;
        if (version.trustId !== null) {
          await updateTrustRow(
            strapi,
            version.trustId,
            status === 'unverified' ? CLEARED_VERIFICATION : { status, changedFields }
          );
        }
        if (status !== trust.status) {
          // One event per locale and change, even when the draft and the published version change together.
          const key = `${version.locale ?? ''}\u0000${status}`;
          if (!transitions.has(key)) {
            // To unverified: the version had no recorded verification (only a write behind the plugin's back does that).
            const action: AuditAction = status === 'stale' ? 'stale' : status === 'verified' ? 'restore' : 'repair';
            transitions.set(key, {
              action,
              hash: current?.hash ?? null,
              changedFields,
              locale: version.locale,
              status,
            });
          }
        }
      }
      for (const transition of transitions.values()) {
        const target = { uid, documentId, locale: transition.locale };
        await append({
          action: transition.action,
          target,
          actor,
          hash: transition.hash,
          changedFields: transition.changedFields,
          note,
        });
        const event = { stale: TRUST_EVENTS.stale, restore: TRUST_EVENTS.verified, repair: TRUST_EVENTS.unverified }[
          transition.action as 'stale' | 'restore' | 'repair'
        ];
        emitAfterCommit(transaction, event, {
          ...target,
          status: transition.status,
          changedFields: transition.changedFields,
        });
      }
      return transitions.size;
    },

    /**
     * Verifies or unverifies many documents of one type and locale. Each document is its own transaction: its status
     * and its audit event are written together or not at all, and a failure does not stop the others.
     */
    async bulk(
      action: 'verify' | 'unverify',
      targets: Target[],
      user: AdminUser,
      note: string | null,
      checks: ReviewCheck[] = [],
      { permitted }: { permitted?: (target: Target) => Promise<boolean> } = {}
    ) {
      const settings = action === 'verify' ? await getService(strapi, 'settings').get() : null;
      const results: Bulk.Result[] = [];
      for (const target of targets) {
        try {
          await inDocumentTransaction(strapi, target.uid, target.documentId, async (transaction) => {
            // The permission is checked in the document's transaction, under its lock: what it checks (the draft, for
            // conditions such as "is creator") is what is verified, and the check costs no transaction of its own.
            if (permitted && !(await permitted(target))) throw new RefusedDocument();
            return action === 'verify'
              ? verifyLocked(transaction, target, user, { note, checks }, settings as Settings)
              : unverifyLocked(transaction, target, user, note);
          });
          results.push({ documentId: target.documentId, ok: true });
        } catch (error) {
          if (error instanceof RefusedDocument) {
            results.push({
              documentId: target.documentId,
              ok: false,
              error: REFUSED_MESSAGE,
              code: ERROR_CODES.forbidden,
            });
          } else if (isTrustLabelsError(error) && error.status < 500) {
            results.push({ documentId: target.documentId, ok: false, error: error.message, ...problemOf(error) });
          } else {
            strapi.log.error(
              `[trust-labels] bulk ${action} failed for ${target.documentId}: ${(error as Error)?.message ?? error}`
            );
            results.push({
              documentId: target.documentId,
              ok: false,
              error: isTrustLabelsError(error) ? error.message : 'internal error',
            });
          }
        }
      }
      return results;
    },
  };
};

export default createVerificationService;
