import type { Core } from '@strapi/strapi';

import { defaultTrust, disclaimerResolver, normalizeTrust, presentTrust, toWritableTrust } from '../services/trust';
import { loadTrustPage } from '../services/trust-loader';
import { documentLockKey, withDocumentLock } from '../services/lock';
import { AUDIT_EVENT_UID } from '../content-types';
import type { PublicTrust } from '../../../shared/trust';
import { resolveDisclaimer } from '../../../shared/disclaimer';
import { invalid, TrustLabelsError, toStrapiError } from '../errors';
import { getPluginConfig, getService, isTrustedWrite } from '../utils';

type DocumentContext = {
  uid: string;
  action: string;
  params: Record<string, any>;
};
type Next = () => Promise<any>;

const READ_ACTIONS = new Set(['findMany', 'findOne', 'findFirst']);
const AUDIT_LOCKED_ACTIONS = new Set(['update', 'delete', 'publish', 'unpublish', 'discardDraft', 'clone']);
const AI_WRITTEN = new Set(['assisted', 'generated']);

/** The Koa context of the content API (REST) request being handled, or null (admin panel, code, cron). */
const contentApiRequest = (strapi: Core.Strapi): any => {
  const ctx = strapi.requestContext.get() as any;
  return ctx?.state?.route?.info?.type === 'content-api' ? ctx : null;
};

/** Drops the trust attribute from a populate param: the plugin attaches trust itself (see below). */
export const withoutTrustPopulate = (populate: unknown, attr: string): unknown => {
  if (typeof populate === 'string' && populate !== '*') return withoutTrustPopulate(populate.split(','), attr);
  if (Array.isArray(populate)) {
    const rest = populate.filter((entry) => entry !== attr && !String(entry).startsWith(`${attr}.`));
    return rest.length > 0 ? rest : undefined;
  }
  if (populate && typeof populate === 'object') {
    const { [attr]: _dropped, ...rest } = populate as Record<string, unknown>;
    return Object.keys(rest).length > 0 ? rest : undefined;
  }
  return populate;
};

/**
 * One document-service middleware for every enabled content type. Each branch calls `next()` exactly once.
 * - reads from the content API: record the entries read, whose public trust `attachTrustToResponse` adds
 *   to the response once the controller has answered (resolved disclaimer, no internal fields);
 * - writes: drop `trust` from the data unless the plugin itself writes it, and start new entries, clones and
 *   new locales as `unverified`;
 * - publish: enforce `requireDisclosure`.
 */
export const trustDocumentMiddleware = (strapi: Core.Strapi) => async (ctx: DocumentContext, next: Next) => {
  if (ctx.uid === AUDIT_EVENT_UID && AUDIT_LOCKED_ACTIONS.has(ctx.action)) {
    throw toStrapiError(strapi, new TrustLabelsError('ForbiddenError', 'The trust labels audit log is append-only: events cannot be changed or deleted'));
  }
  const config = getPluginConfig(strapi);
  if (!config.contentTypes.includes(ctx.uid)) return next();
  const attr = config.attributeName;

  if (READ_ACTIONS.has(ctx.action)) {
    const request = contentApiRequest(strapi);
    if (!request) return next();
    if (ctx.params?.populate !== undefined) {
      ctx.params = { ...ctx.params, populate: withoutTrustPopulate(ctx.params.populate, attr) };
    }
    const result = await next();
    recordForResponse(request, ctx.uid, attr, result, ctx.params?.locale);
    return result;
  }

  switch (ctx.action) {
    case 'create':
      ctx.params = { ...ctx.params, data: protectTrust(ctx.params?.data, attr, { reset: true }) };
      return next();
    case 'clone': {
      // A duplicate keeps the editor's labels (AI involvement, disclaimer, sources) but not the verification.
      const labels = await labelsOf(strapi, ctx.uid, attr, ctx.params?.documentId, ctx.params?.locale);
      ctx.params = { ...ctx.params, data: { ...protectTrust(ctx.params?.data, attr, { reset: false }), [attr]: labels } };
      return next();
    }
    case 'update': {
      const isNewVersion = !(await versionExists(strapi, ctx.uid, ctx.params?.documentId, ctx.params?.locale));
      ctx.params = { ...ctx.params, data: protectTrust(ctx.params?.data, attr, { reset: isNewVersion }) };
      return writeThenRecompute(strapi, ctx, next);
    }
    case 'publish':
      return writeThenRecompute(strapi, ctx, async () => {
        await enforceDisclosure(strapi, ctx.uid, attr, ctx.params);
        return next();
      });
    case 'unpublish':
    case 'discardDraft':
      return writeThenRecompute(strapi, ctx, next);
    default:
      return next();
  }
};

/**
 * Runs a write to an existing document under that document's lock, then recomputes the status of every
 * version: a verified version whose content changed becomes `stale`. `next()` is still called exactly once.
 */
const writeThenRecompute = async (strapi: Core.Strapi, ctx: DocumentContext, write: Next) => {
  const documentId = ctx.params?.documentId;
  if (typeof documentId !== 'string') return write();
  return withDocumentLock(documentLockKey(ctx.uid, documentId), async () => {
    const result = await write();
    await getService(strapi, 'verification').recompute(ctx.uid, documentId);
    return result;
  });
};

/** Removes caller-supplied trust data unless the plugin is writing; `reset` starts the version unverified. */
const protectTrust = (data: unknown, attr: string, { reset }: { reset: boolean }) => {
  const copy: Record<string, unknown> = data && typeof data === 'object' ? { ...(data as object) } : {};
  if (isTrustedWrite() && attr in copy) return copy;
  delete copy[attr];
  if (reset) copy[attr] = toWritableTrust(defaultTrust());
  return copy;
};

/** The trust of the source version with its verification removed, for a clone. */
const labelsOf = async (strapi: Core.Strapi, uid: string, attr: string, documentId: unknown, locale: unknown) => {
  const fresh = defaultTrust();
  if (typeof documentId !== 'string') return toWritableTrust(fresh);
  const where: Record<string, unknown> = { documentId };
  if (typeof locale === 'string' && locale !== '*') where.locale = locale;
  const versions: any[] = await strapi.db
    .query(uid as any)
    .findMany({ where, populate: { [attr]: { populate: { sources: true } } } });
  const source = versions.find((version) => !version.publishedAt) ?? versions[0];
  const trust = normalizeTrust(source?.[attr]);
  return toWritableTrust({
    ...fresh,
    aiInvolvement: trust.aiInvolvement,
    disclaimerMode: trust.disclaimerMode,
    disclaimerText: trust.disclaimerText,
    sources: trust.sources,
  });
};

const versionExists = async (strapi: Core.Strapi, uid: string, documentId: unknown, locale: unknown) => {
  if (typeof documentId !== 'string') return true;
  const where: Record<string, unknown> = { documentId };
  if (typeof locale === 'string' && locale !== '*') where.locale = locale;
  const found = await strapi.db.query(uid as any).findOne({ where, select: ['id'] });
  return Boolean(found);
};

const PENDING_TRUST = 'trustLabelsPendingTrust';

interface PendingEntry {
  uid: string;
  attr: string;
  id: number;
  locale: string | null;
}

/** Entries of enabled types read during one content API request, by `documentId` and `id`. */
type PendingTrust = Map<string, PendingEntry>;

const entryKey = (entry: any) => `${entry.documentId}\u0000${entry.id}`;

/**
 * Remembers which entries of an enabled type a content API read returned. Their trust is loaded and attached
 * by `attachTrustToResponse` once the controller has built the response, for the entries that are in it.
 */
const recordForResponse = (request: any, uid: string, attr: string, result: any, requestedLocale: unknown) => {
  const entries = Array.isArray(result) ? result : [result];
  let pending: PendingTrust | undefined = request.state[PENDING_TRUST];
  for (const entry of entries) {
    if (!entry || typeof entry !== 'object' || !entry.id || typeof entry.documentId !== 'string') continue;
    if (!pending) request.state[PENDING_TRUST] = pending = new Map();
    const locale = entry.locale ?? (typeof requestedLocale === 'string' ? requestedLocale : null);
    pending.set(entryKey(entry), { uid, attr, id: Number(entry.id), locale });
  }
};

/**
 * Koa middleware, the innermost around the router: after a content API controller has sanitized its entries
 * and built the response, adds the public trust object to each entry of an enabled type in it. That way trust
 * needs neither Strapi's populate nor its output sanitizer, the two slowest steps, and internal fields never
 * reach the response since only the public object is attached. The trust of a whole page, with the settings
 * and default locale, comes from one statement on SQLite (two queries elsewhere), read on every request so
 * that a change made through another Strapi process shows at once.
 */
export const attachTrustToResponse = (strapi: Core.Strapi) => async (ctx: any, next: () => Promise<unknown>) => {
  await next();
  const pending: PendingTrust | undefined = ctx.state?.[PENDING_TRUST];
  if (!pending || !ctx.body || typeof ctx.body !== 'object') return;
  const data = (ctx.body as any).data;
  const groups = new Map<string, Array<{ entry: any; target: PendingEntry }>>();
  for (const entry of Array.isArray(data) ? data : [data]) {
    if (!entry || typeof entry !== 'object') continue;
    const target = pending.get(entryKey(entry));
    if (!target) continue;
    const group = `${target.uid}\u0000${target.attr}`;
    if (!groups.has(group)) groups.set(group, []);
    groups.get(group)!.push({ entry, target });
  }
  const settings = getService(strapi, 'settings');
  for (const members of groups.values()) {
    const { uid, attr } = members[0].target;
    const page = await loadTrustPage(strapi, uid, attr, members.map(({ target }) => target.id));
    const context = settings.presentationFromStore(page.store);
    const resolve = disclaimerResolver(context);
    for (const { entry, target } of members) {
      entry[attr] = presentTrust(page.trust.get(target.id) ?? defaultTrust(), target.locale, context, resolve);
    }
  }
};

/**
 * With `requireDisclosure`, an entry marked AI-assisted or AI-generated must show a disclaimer or be
 * verified by a person before it can be published (EU AI Act Art. 50(4)).
 */
const enforceDisclosure = async (strapi: Core.Strapi, uid: string, attr: string, params: Record<string, any>) => {
  const { settings, defaultLocale } = await getService(strapi, 'trust').presentationContext();
  if (!settings.requireDisclosure || typeof params?.documentId !== 'string') return;

  const where: Record<string, unknown> = { documentId: params.documentId, publishedAt: null };
  if (typeof params.locale === 'string' && params.locale !== '*') where.locale = params.locale;
  else if (Array.isArray(params.locale)) where.locale = { $in: params.locale };
  const drafts: any[] = await strapi.db.query(uid as any).findMany({ where, populate: { [attr]: true } });

  for (const draft of drafts) {
    const trust = normalizeTrust(draft[attr]);
    if (!AI_WRITTEN.has(trust.aiInvolvement) || trust.status === 'verified') continue;
    const disclaimer = resolveDisclaimer(
      { mode: trust.disclaimerMode, text: trust.disclaimerText, aiInvolvement: trust.aiInvolvement },
      settings,
      draft.locale,
      defaultLocale
    );
    if (disclaimer === null) {
      const where = draft.locale ? ` (locale ${draft.locale})` : '';
      const message =
        `Cannot publish${where}: the entry is marked as AI-${trust.aiInvolvement} but shows no disclaimer and is ` +
        'not verified by a person. Turn the disclaimer on, or have the entry verified, then publish again.';
      // Raised inside the Content Manager's, REST's or GraphQL's handling of the publish: Strapi's own class.
      throw toStrapiError(strapi, invalid([attr, 'disclaimerMode'], message));
    }
  }
};
