import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import { defaultTrust, normalizeTrust, toPublicTrust, toWritableTrust } from '../services/trust';
import { resolveDisclaimer } from '../../../shared/disclaimer';
import { getPluginConfig, getService, isTrustedWrite } from '../utils';

type DocumentContext = {
  uid: string;
  action: string;
  params: Record<string, any>;
};
type Next = () => Promise<any>;

const READ_ACTIONS = new Set(['findMany', 'findOne', 'findFirst']);
const AI_WRITTEN = new Set(['assisted', 'generated']);

/** True while handling a content API (REST) request, as opposed to the admin panel or code. */
const isContentApiRequest = (strapi: Core.Strapi): boolean => {
  const ctx = strapi.requestContext.get() as any;
  return ctx?.state?.route?.info?.type === 'content-api';
};

/** Adds `<attr>.sources` to whatever populate the caller asked for, so trust comes without `populate`. */
export const withTrustPopulate = (populate: unknown, attr: string, schemaAttributes: Record<string, any>): unknown => {
  const trustPopulate = { populate: { sources: true } };
  if (populate === undefined || populate === null || populate === false) return { [attr]: trustPopulate };
  if (populate === '*' || populate === true) {
    const all: Record<string, unknown> = {};
    for (const [name, attribute] of Object.entries(schemaAttributes)) {
      if (['relation', 'component', 'media', 'dynamiczone'].includes(attribute?.type)) all[name] = true;
    }
    return { ...all, [attr]: trustPopulate };
  }
  if (typeof populate === 'string') return withTrustPopulate(populate.split(','), attr, schemaAttributes);
  if (Array.isArray(populate)) {
    return [...populate.filter((entry) => entry !== attr && !String(entry).startsWith(`${attr}.`)), `${attr}.sources`];
  }
  if (typeof populate === 'object') return { ...(populate as object), [attr]: trustPopulate };
  return { [attr]: trustPopulate };
};

/**
 * One document-service middleware for every enabled content type. Each branch calls `next()` exactly once.
 * - reads from the content API: populate trust and present it (resolved disclaimer, no internal fields);
 * - writes: drop `trust` from the data unless the plugin itself writes it, and start new entries, clones and
 *   new locales as `unverified`;
 * - publish: enforce `requireDisclosure`.
 */
export const trustDocumentMiddleware = (strapi: Core.Strapi) => async (ctx: DocumentContext, next: Next) => {
  const config = getPluginConfig(strapi);
  if (!config.contentTypes.includes(ctx.uid)) return next();
  const attr = config.attributeName;

  if (READ_ACTIONS.has(ctx.action)) {
    if (!isContentApiRequest(strapi)) return next();
    const schema = strapi.contentType(ctx.uid as any) as any;
    ctx.params = { ...ctx.params, populate: withTrustPopulate(ctx.params?.populate, attr, schema.attributes) };
    const result = await next();
    return presentForContentApi(strapi, result, attr, ctx.params?.locale);
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
      return next();
    }
    case 'publish':
      await enforceDisclosure(strapi, ctx.uid, attr, ctx.params);
      return next();
    default:
      return next();
  }
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

const presentForContentApi = async (strapi: Core.Strapi, result: any, attr: string, requestedLocale: unknown) => {
  if (!result) return result;
  const context = await getService(strapi, 'trust').presentationContext();
  const present = (entry: any) => {
    if (!entry || typeof entry !== 'object') return entry;
    const locale = entry.locale ?? (typeof requestedLocale === 'string' ? requestedLocale : null);
    return { ...entry, [attr]: toPublicTrust(entry[attr], locale, context) };
  };
  return Array.isArray(result) ? result.map(present) : present(result);
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
      throw new errors.ValidationError(message, {
        errors: [{ path: [attr, 'disclaimerMode'], message, name: 'ValidationError' }],
      });
    }
  }
};
