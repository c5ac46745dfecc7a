import type { Core } from '@strapi/strapi';

import { LIMITS, type Settings } from '../../../shared/trust';
import { toValidationDetails, verificationNoteSchema } from '../../../shared/schemas';
import { invalid, isTrustLabelsError, notFound, validationError } from '../errors';
import { getPluginConfig, getService, hasDraftAndPublish } from '../utils';
import { adminDisplayName, currentActor } from './actors';
import type { Actor, AuditAction } from './audit';
import { changedFieldNames, computeContentHash, hashPopulate, hashedAttributeNames, type ContentHash } from './hash';
import { documentLockKey, withDocumentLock } from './lock';
import { defaultTrust, normalizeTrust, toWritableTrust, type StoredTrust } from './trust';

const TRUST_COMPONENT = 'trust-labels.trust';

export const TRUST_EVENTS = {
  verified: 'trust-labels.verified',
  unverified: 'trust-labels.unverified',
  stale: 'trust-labels.stale',
} as const;

const ruleError = (rule: string, message: string) => invalid([rule], message, { rule });

const createVerificationService = ({ strapi }: { strapi: Core.Strapi }) => {
  const attr = () => getPluginConfig(strapi).attributeName;

  const hashSetup = (uid: string) => {
    const schema = strapi.contentType(uid as any) as any;
    const names = hashedAttributeNames(schema, attr(), getPluginConfig(strapi).hashAttributes[uid]);
    const populate = hashPopulate(schema, names, (componentUid) => strapi.components[componentUid as keyof typeof strapi.components] as any);
    return { names, populate };
  };

  /** Every version of a document (optionally one locale), with what the hash needs and the trust component. */
  const loadVersions = async (uid: string, documentId: string, locale?: string | null) => {
    const { names, populate } = hashSetup(uid);
    const rows: any[] = await strapi.db.query(uid as any).findMany({
      where: { documentId, ...(locale ? { locale } : {}) },
      populate: { ...populate, [attr()]: { populate: { sources: true } }, updatedBy: { select: ['id'] } },
    });
    return { rows, names };
  };

  const hashOf = (row: any, names: string[]): ContentHash => computeContentHash(row, names, normalizeTrust(row[attr()]).sources);

  /**
   * Writes trust fields of versions straight to their component rows (no document write, no side effects),
   * in one query for all versions that have a trust component.
   */
  const writeTrustMany = async (uid: string, rows: any[], patch: Partial<StoredTrust>) => {
    const ids = rows.map((row) => row[attr()]?.id).filter((id) => id !== undefined && id !== null);
    if (ids.length > 0) {
      await strapi.db.query(TRUST_COMPONENT as any).updateMany({ where: { id: { $in: ids } }, data: patch });
    }
    for (const row of rows) if (!row[attr()]?.id) await writeTrust(uid, row, patch);
  };

  /** Writes trust fields of one version straight to its component row (no document write, no side effects). */
  const writeTrust = async (uid: string, row: any, patch: Partial<StoredTrust>) => {
    const component = row[attr()];
    if (component?.id) {
      await strapi.db.query(TRUST_COMPONENT as any).update({ where: { id: component.id }, data: patch });
      return;
    }
    // An entry created before the plugin was enabled has no trust component yet: create and link one.
    const created = await strapi.db.query(TRUST_COMPONENT as any).create({ data: { ...toWritableTrust(defaultTrust()), sources: undefined, ...patch } });
    const link = (strapi.db as any).metadata.get(uid).attributes[attr()].joinTable;
    await (strapi.db as any)
      .getConnection(link.name)
      .insert({
        [link.joinColumn.name]: row.id,
        [link.inverseJoinColumn.name]: created.id,
        component_type: TRUST_COMPONENT,
        field: attr(),
        [link.orderColumnName]: 1,
      });
    row[attr()] = { ...created, sources: [] };
  };

  const emit = (event: string, payload: Record<string, unknown>) => {
    strapi.eventHub.emit(event, payload);
  };

  const draftAndPublished = (uid: string, rows: any[]) => {
    if (!hasDraftAndPublish(strapi, uid)) return { draft: rows[0] ?? null, published: null };
    return {
      draft: rows.find((row) => !row.publishedAt) ?? null,
      published: rows.find((row) => row.publishedAt) ?? null,
    };
  };

  const parseNote = (body: unknown): string | null => {
    const parsed = verificationNoteSchema.safeParse(body ?? {});
    if (!parsed.success) {
      throw validationError(toValidationDetails(parsed.error.issues));
    }
    return parsed.data.note ?? null;
  };

  return {
    loadVersions,
    hashOf,

    /**
     * Verifies the draft of one locale: records the verifier, the time and the content hash, and marks the
     * published version verified too when its content hash is the same.
     */
    async verify(uid: string, documentId: string, localeInput: unknown, user: any, body: unknown) {
      const locale = await getService(strapi, 'trust').resolveTarget(uid, documentId, localeInput);
      const note = parseNote(body);
      await this.verifyOne(uid, documentId, locale, user, note, await getService(strapi, 'settings').get());
      return getService(strapi, 'trust').getDocumentState(uid, documentId, locale ?? undefined);
    },

    /** The work of `verify` for a checked target; bulk verification calls it with the settings read once. */
    async verifyOne(uid: string, documentId: string, locale: string | null, user: any, note: string | null, settings: Settings) {
      return withDocumentLock(documentLockKey(uid, documentId), async () => {
        const { rows, names } = await loadVersions(uid, documentId, locale);
        const { draft, published } = draftAndPublished(uid, rows);
        if (!draft) throw notFound('Document not found');

        const sources = normalizeTrust(draft[attr()]).sources;
        if (sources.length < settings.requiredSources) {
          throw ruleError(
            'requiredSources',
            `requiredSources: this entry has ${sources.length} source${sources.length === 1 ? '' : 's'}; at least ${settings.requiredSources} ${settings.requiredSources === 1 ? 'is' : 'are'} needed before it can be verified`
          );
        }
        const lastUpdater = draft.updatedBy?.id ?? draft.updatedBy ?? null;
        if (settings.fourEyes && lastUpdater !== null && Number(lastUpdater) === Number(user.id)) {
          throw ruleError('fourEyes', 'fourEyes: you were the last to update this version; another person must verify it');
        }

        const { hash, fieldHashes } = hashOf(draft, names);
        const patch: Partial<StoredTrust> = {
          status: 'verified',
          verifiedAt: new Date().toISOString(),
          verifiedHash: hash,
          fieldHashes,
          changedFields: [],
          verifiedById: user.id,
          verifiedByName: adminDisplayName(user),
        };
        const marked = [draft];
        const versions = ['draft'];
        if (published && hashOf(published, names).hash === hash) {
          marked.push(published);
          versions.push('published');
        }
        await writeTrustMany(uid, marked, patch);

        const actor: Actor = { id: user.id, name: adminDisplayName(user), type: 'admin' };
        await getService(strapi, 'audit').append({ action: 'verify', uid, documentId, locale, actor, hash, changedFields: [], note });
        emit(TRUST_EVENTS.verified, { uid, documentId, locale, status: 'verified', versions });
      });
    },

    /** Withdraws the verification of the draft and the published version of one locale. */
    async unverify(uid: string, documentId: string, localeInput: unknown, user: any, body: unknown) {
      const locale = await getService(strapi, 'trust').resolveTarget(uid, documentId, localeInput);
      await this.unverifyOne(uid, documentId, locale, user, parseNote(body));
      return getService(strapi, 'trust').getDocumentState(uid, documentId, locale ?? undefined);
    },

    async unverifyOne(uid: string, documentId: string, locale: string | null, user: any, note: string | null) {
      return withDocumentLock(documentLockKey(uid, documentId), async () => {
        const { rows } = await loadVersions(uid, documentId, locale);
        if (rows.length === 0) throw notFound('Document not found');
        const cleared: Partial<StoredTrust> = {
          status: 'unverified',
          verifiedAt: null,
          verifiedHash: null,
          fieldHashes: null,
          changedFields: null,
          verifiedById: null,
          verifiedByName: null,
        };
        await writeTrustMany(uid, rows, cleared);
        const actor: Actor = { id: user.id, name: adminDisplayName(user), type: 'admin' };
        await getService(strapi, 'audit').append({ action: 'unverify', uid, documentId, locale, actor, hash: null, changedFields: [], note });
        emit(TRUST_EVENTS.unverified, { uid, documentId, locale, status: 'unverified' });
      });
    },

    /**
     * After any write to a document: every version whose verification is recorded is `verified` if its
     * content hash still equals the recorded one, else `stale` with the changed fields named. This is the
     * rule that keeps the badge honest; it runs whatever path the write took.
     */
    async recompute(uid: string, documentId: string) {
      return withDocumentLock(documentLockKey(uid, documentId), async () => {
        const { rows, names } = await loadVersions(uid, documentId);
        const transitions = new Map<string, { action: AuditAction; hash: string; changedFields: string[]; locale: string | null }>();
        for (const row of rows) {
          const trust = normalizeTrust(row[attr()]);
          if (!trust.verifiedHash) {
            if (trust.status !== 'unverified') await writeTrust(uid, row, { status: 'unverified', changedFields: null });
            continue;
          }
          const current = hashOf(row, names);
          const status = current.hash === trust.verifiedHash ? 'verified' : 'stale';
          const changedFields = status === 'stale' ? changedFieldNames(trust.fieldHashes, current.fieldHashes) : [];
          if (status === trust.status && JSON.stringify(changedFields) === JSON.stringify(trust.changedFields ?? [])) continue;
          await writeTrust(uid, row, { status, changedFields });
          if (status !== trust.status) {
            const key = `${row.locale ?? ''}`;
            // One event per locale and change, even when the draft and the published version change together.
            if (!transitions.has(key)) {
              transitions.set(key, { action: status === 'stale' ? 'stale' : 'restore', hash: current.hash, changedFields, locale: row.locale ?? null });
            }
          }
        }
        const actor = currentActor(strapi);
        for (const transition of transitions.values()) {
          await getService(strapi, 'audit').append({ ...transition, uid, documentId, actor, note: null });
          emit(transition.action === 'stale' ? TRUST_EVENTS.stale : TRUST_EVENTS.verified, {
            uid,
            documentId,
            locale: transition.locale,
            status: transition.action === 'stale' ? 'stale' : 'verified',
            changedFields: transition.changedFields,
          });
        }
      });
    },

    /** Verify or unverify many documents; one result per document, failures do not stop the others. */
    async bulk(action: 'verify' | 'unverify', body: unknown, user: any) {
      const input = (body ?? {}) as { uid?: unknown; documentIds?: unknown; locale?: unknown; note?: unknown };
      const problems: Array<{ path: string[]; message: string; name: 'ValidationError' }> = [];
      if (!body || typeof body !== 'object' || Array.isArray(body)) {
        problems.push({ path: [], message: 'the body must be a JSON object { uid, documentIds, locale? }', name: 'ValidationError' });
      } else {
        const known = new Set(['uid', 'documentIds', 'locale', 'note']);
        for (const key of Object.keys(input)) if (!known.has(key)) problems.push({ path: [key], message: `${key} is not allowed here`, name: 'ValidationError' });
        if (typeof input.uid !== 'string') problems.push({ path: ['uid'], message: 'uid must be a content type uid string', name: 'ValidationError' });
        if (!Array.isArray(input.documentIds) || input.documentIds.length === 0 || input.documentIds.length > 1000) {
          problems.push({ path: ['documentIds'], message: 'documentIds must be an array of 1 to 1000 document ids', name: 'ValidationError' });
        } else {
          input.documentIds.forEach((id, index) => {
            if (typeof id !== 'string' || id.length === 0 || id.length > 64) {
              problems.push({ path: ['documentIds', String(index)], message: 'a document id must be a string', name: 'ValidationError' });
            }
          });
        }
        if (input.locale !== undefined && (typeof input.locale !== 'string' || !/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(input.locale))) {
          problems.push({ path: ['locale'], message: 'locale must be a locale code such as en or fr', name: 'ValidationError' });
        }
        if (input.note !== undefined && (typeof input.note !== 'string' || input.note.length > LIMITS.note)) {
          problems.push({ path: ['note'], message: `note must be a string of at most ${LIMITS.note} characters`, name: 'ValidationError' });
        }
      }
      if (problems.length > 0) {
        throw validationError(problems);
      }
      const uid = input.uid as string;
      if (!getPluginConfig(strapi).contentTypes.includes(uid)) throw notFound(`Trust labels are not enabled for "${uid}"`);

      const trust = getService(strapi, 'trust');
      const note = typeof input.note === 'string' && input.note.trim() ? input.note : null;
      const settings = await getService(strapi, 'settings').get();
      const results: Array<{ documentId: string; ok: boolean; error?: string }> = [];
      let locale: string | null | undefined;
      for (const documentId of [...new Set(input.documentIds as string[])]) {
        try {
          // The locale is checked once; each documentId is still checked on its own.
          const target = await trust.resolveTarget(uid, documentId, locale === undefined ? input.locale : (locale ?? undefined));
          locale = target;
          if (action === 'verify') await this.verifyOne(uid, documentId, target, user, note, settings);
          else await this.unverifyOne(uid, documentId, target, user, note);
          results.push({ documentId, ok: true });
        } catch (error) {
          if (isTrustLabelsError(error) && error.status < 500) {
            results.push({ documentId, ok: false, error: (error as Error).message });
          } else {
            strapi.log.error(`[trust-labels] bulk ${action} failed for ${documentId}: ${(error as Error).message}`);
            results.push({ documentId, ok: false, error: 'internal error' });
          }
        }
      }
      return results;
    },
  };
};

export type VerificationService = ReturnType<typeof createVerificationService>;
export default createVerificationService;
