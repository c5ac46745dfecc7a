import type { Core } from '@strapi/strapi';

import { inDocumentTransaction, runAgainIfDeadlocked } from '../../database/document-transaction';
import { loadTrustRows } from '../../database/trust-rows';
import { publishGateProblem } from '../../domain/publish-gate';
import { normalizeTrust } from '../../domain/trust';
import { TRUST_COMPONENT_UID } from '../../../../shared/constants';
import { ERROR_CODES } from '../../../../shared/schemas';
import { invalid, toStrapiError } from '../../errors';
import { getPluginConfig, isEnabledUid } from '../../utils';
import { getService } from '../../services/registry';
import type { DocumentContext, DocumentMiddleware } from './types';

const WRITES_TO_EXISTING = new Set(['update', 'publish', 'unpublish', 'discardDraft']);
/** Writes that change no trust of an existing version: Strapi's own transaction, only run again after a deadlock. */
const OTHER_WRITES = new Set(['create', 'delete', 'clone']);

/**
 * Every write to an existing document of an enabled type (update, publish, unpublish, discard, through any path:
 * the Content Manager, REST, GraphQL, Content Releases, app code) runs in one transaction that holds the document's
 * lock (database/document-transaction.ts), together with what keeps its trust true:
 * - the recompute of every version's status (a verified version whose content changed becomes `stale`), with its
 *   `stale`/`restore` audit events, so that no crash can leave the write without them;
 * - the publish gate, for every write that produces a published version: `publish`, and `update` with
 *   `status: 'published'` (what the content API's PUT does by default). A refused publish rolls the write back.
 * A new document (`create`, even with `status: 'published'`) starts with default, unverified trust: nothing to lock
 * or recompute, and the gate cannot refuse it.
 *
 * Any write of an enabled type (these, and `create`, `delete`, `clone`) that the database picked as a deadlock's
 * victim is rolled back and issued again, with the parameters it came with (`next` runs the rest of Strapi's chain
 * and cannot be called twice): through `strapi.documents`, so the middlewares registered before this one run
 * again too, as for any repeated call.
 */
export const consistencyMiddleware =
  (strapi: Core.Strapi): DocumentMiddleware =>
  async (ctx, next) => {
    if (!isEnabledUid(strapi, ctx.uid)) return next();
    if (OTHER_WRITES.has(ctx.action)) return runAgainIfDeadlocked(strapi, next, reissueOf(strapi, ctx));
    if (!WRITES_TO_EXISTING.has(ctx.action)) return next();
    const documentId = ctx.params?.documentId;
    if (typeof documentId !== 'string') return next();
    const publishesAfterWrite = ctx.action === 'update' && ctx.params?.status === 'published';

    const reissue = reissueOf(strapi, ctx);
    return inDocumentTransaction(
      strapi,
      ctx.uid,
      documentId,
      async (transaction) => {
        if (ctx.action === 'publish') await enforcePublishGate(strapi, ctx, documentId);
        const result = await next();
        await getService(strapi, 'verification').recompute(transaction, ctx.uid, documentId);
        if (publishesAfterWrite) await enforcePublishGate(strapi, ctx, documentId);
        await refreshTrustOf(strapi, result);
        return result;
      },
      { retry: reissue }
    );
  };

/**
 * The entries a write answers with carry the trust rows Strapi wrote, from before the recompute: a caller that asked
 * for them (app code with `populate: ['trust']`; the admin API never shows trust, see register.ts) would be told
 * `verified` for a version the write just made `stale`. Their trust is read again, in the write's transaction,
 * keeping only the fields the caller was given.
 */
const refreshTrustOf = async (strapi: Core.Strapi, result: any) => {
  if (!result || typeof result !== 'object') return;
  const { attributeName } = getPluginConfig(strapi);
  // update and discardDraft answer the entry; publish and unpublish `{ documentId, entries }`.
  const entries: any[] = Array.isArray(result.entries) ? result.entries : [result];
  const shown = entries
    .map((entry) => entry?.[attributeName])
    .filter((trust) => trust && typeof trust === 'object' && trust.id != null);
  if (shown.length === 0) return;
  const rows: any[] = await strapi.db
    .query(TRUST_COMPONENT_UID as any)
    .findMany({ where: { id: { $in: shown.map((trust) => trust.id) } } });
  const byId = new Map(rows.map((row) => [Number(row.id), row]));
  for (const trust of shown) {
    const fresh = byId.get(Number(trust.id));
    if (fresh) for (const key of Object.keys(trust)) if (key in fresh) trust[key] = fresh[key];
  }
};

/**
 * The same document-service call again, with a copy of the parameters taken before anything downstream could
 * change them. Parameters that cannot be copied (a function in them) make a call that is not retried: a deadlock
 * then answers 503, as before.
 */
const reissueOf = (strapi: Core.Strapi, ctx: DocumentContext): (() => Promise<any>) | 'never' => {
  if (strapi.db.inTransaction()) return 'never'; // the owner of the open transaction decides
  let params: Record<string, any>;
  try {
    params = structuredClone(ctx.params);
  } catch {
    return 'never';
  }
  return () => (strapi.documents(ctx.uid as any) as any)[ctx.action](params);
};

/** The drafts a publish of `ctx` takes live: one locale, a list of locales, or all (`'*'` or none given). */
const draftsToPublish = async (strapi: Core.Strapi, ctx: DocumentContext, documentId: string) => {
  const where: Record<string, unknown> = { documentId, publishedAt: null };
  const locale = ctx.params?.locale;
  if (typeof locale === 'string' && locale !== '*') where.locale = locale;
  else if (Array.isArray(locale)) where.locale = { $in: locale };
  return (await strapi.db.query(ctx.uid as any).findMany({ where, select: ['id', 'locale'] })) as Array<{
    id: number;
    locale?: string | null;
  }>;
};

const enforcePublishGate = async (strapi: Core.Strapi, ctx: DocumentContext, documentId: string) => {
  const settingsService = getService(strapi, 'settings');
  const settings = await settingsService.get();
  if (!settings.requireDisclosure) return;
  const { attributeName } = getPluginConfig(strapi);
  const drafts = await draftsToPublish(strapi, ctx, documentId);
  const trust = await loadTrustRows(
    strapi,
    ctx.uid,
    attributeName,
    drafts.map((draft) => Number(draft.id))
  );
  const defaultLocale = await settingsService.defaultLocale();
  // The interface language of the admin user whose request this is (Content Manager), if any.
  const language = (strapi.requestContext?.get?.() as any)?.state?.user?.preferedLanguage ?? null;
  for (const draft of drafts) {
    const problem = publishGateProblem(
      trust.get(Number(draft.id))?.trust ?? normalizeTrust(null),
      settings,
      draft.locale ?? null,
      defaultLocale,
      language
    );
    // Raised inside the Content Manager's, REST's or GraphQL's handling of the write: Strapi's own error class.
    if (problem) {
      throw toStrapiError(
        strapi,
        invalid([attributeName, 'disclaimerMode'], problem.message, ERROR_CODES.publishGate, problem.values)
      );
    }
  }
};
