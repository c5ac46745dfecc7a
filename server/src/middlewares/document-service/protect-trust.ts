import type { Core } from '@strapi/strapi';

import { defaultTrust, toWritableTrust } from '../../domain/trust';
import { loadTrustRows } from '../../database/trust-rows';
import { getPluginConfig, isEnabledUid } from '../../utils';
import type { DocumentContext, DocumentMiddleware } from './types';

/**
 * Trust data is written only by the plugin, and only to trust rows (database/trust-rows.ts), never through the
 * document service. So every document-service write drops `trust` from its data, whoever calls it (the content
 * API, GraphQL, the Content Manager, app code), and a new version (a new entry, a new locale) starts with a fresh,
 * unverified trust row. A clone keeps its original's labels (AI involvement, disclaimer, sources), not its
 * verification.
 */
export const protectTrustMiddleware =
  (strapi: Core.Strapi): DocumentMiddleware =>
  async (ctx, next) => {
    if (!isEnabledUid(strapi, ctx.uid)) return next();
    const { attributeName } = getPluginConfig(strapi);
    switch (ctx.action) {
      case 'create':
        ctx.params = {
          ...ctx.params,
          data: withTrust(ctx.params?.data, attributeName, toWritableTrust(defaultTrust())),
        };
        return next();
      case 'update': {
        const isNewVersion = !(await versionExists(strapi, ctx));
        const data = withTrust(
          ctx.params?.data,
          attributeName,
          isNewVersion ? toWritableTrust(defaultTrust()) : undefined
        );
        ctx.params = { ...ctx.params, data };
        return next();
      }
      case 'clone':
        ctx.params = {
          ...ctx.params,
          data: withTrust(ctx.params?.data, attributeName, await labelsOf(strapi, ctx, attributeName)),
        };
        return next();
      default:
        return next();
    }
  };

/** The write's data without the caller's trust, with `trust` as given (or none). */
const withTrust = (data: unknown, attr: string, trust: Record<string, unknown> | undefined) => {
  const copy: Record<string, unknown> =
    data && typeof data === 'object' && !Array.isArray(data) ? { ...(data as object) } : {};
  delete copy[attr];
  if (trust) copy[attr] = trust;
  return copy;
};

const lookup = (ctx: DocumentContext): Record<string, unknown> => {
  const where: Record<string, unknown> = { documentId: ctx.params?.documentId };
  const locale = ctx.params?.locale;
  if (typeof locale === 'string' && locale !== '*') where.locale = locale;
  return where;
};

const versionExists = async (strapi: Core.Strapi, ctx: DocumentContext) => {
  if (typeof ctx.params?.documentId !== 'string') return true;
  return Boolean(await strapi.db.query(ctx.uid as any).findOne({ where: lookup(ctx), select: ['id'] }));
};

/** The labels of the version being cloned, on a fresh unverified trust. */
const labelsOf = async (strapi: Core.Strapi, ctx: DocumentContext, attr: string) => {
  const fresh = defaultTrust();
  if (typeof ctx.params?.documentId !== 'string') return toWritableTrust(fresh);
  const versions: any[] = await strapi.db
    .query(ctx.uid as any)
    .findMany({ where: lookup(ctx), select: ['id', 'publishedAt'] });
  const source = versions.find((version) => !version.publishedAt) ?? versions[0];
  if (!source) return toWritableTrust(fresh);
  const trust =
    (await loadTrustRows(strapi, ctx.uid, attr, [Number(source.id)])).get(Number(source.id))?.trust ?? fresh;
  return toWritableTrust({
    ...fresh,
    aiInvolvement: trust.aiInvolvement,
    disclaimerMode: trust.disclaimerMode,
    disclaimerText: trust.disclaimerText,
    sources: trust.sources,
    editorialResponsibility: trust.editorialResponsibility,
  });
};
