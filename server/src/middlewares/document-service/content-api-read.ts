import type { Core } from '@strapi/strapi';

import { getPluginConfig } from '../../utils';
import { createReachability, recordEntriesRead } from '../attach-trust';
import type { DocumentMiddleware } from './types';

const READ_ACTIONS = new Set(['findMany', 'findOne', 'findFirst']);

/** The Koa context of the content API (REST or GraphQL) request being handled, or null (admin panel, code, cron). */
export const contentApiRequest = (strapi: Core.Strapi): any => {
  const ctx = strapi.requestContext.get() as any;
  return ctx?.state?.route?.info?.type === 'content-api' ? ctx : null;
};

/** Drops the trust attribute from a populate param: the plugin attaches the public trust itself. */
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
 * Content API reads: the entries read are recorded on the request, so that attach-trust.ts adds the public trust of
 * every entry of an enabled type in the response (top-level, or populated through a relation) once the controller
 * has built it. A read of an enabled type does not make Strapi load the trust component at all.
 */
export const contentApiReadMiddleware = (strapi: Core.Strapi): DocumentMiddleware => {
  const reaches = createReachability(strapi);
  return async (ctx, next) => {
    if (!READ_ACTIONS.has(ctx.action) || !reaches(ctx.uid)) return next();
    const request = contentApiRequest(strapi);
    if (!request) return next();
    const { contentTypes, attributeName } = getPluginConfig(strapi);
    if (contentTypes.includes(ctx.uid) && ctx.params?.populate !== undefined) {
      ctx.params = { ...ctx.params, populate: withoutTrustPopulate(ctx.params.populate, attributeName) };
    }
    const result = await next();
    recordEntriesRead(request, ctx.uid, result, ctx.params?.locale);
    return result;
  };
};
