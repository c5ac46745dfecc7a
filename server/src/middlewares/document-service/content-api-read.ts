import type { Core } from '@strapi/strapi';

import { ERROR_CODES } from '../../../../shared/schemas';
import { invalid, toStrapiError } from '../../errors';
import { getPluginConfig } from '../../utils';
import { createReachability, recordEntriesRead } from '../attach-trust';
import type { DocumentMiddleware } from './types';

const READ_ACTIONS = new Set(['findMany', 'findOne', 'findFirst']);

/** The Koa context of the content API (REST or GraphQL) request being handled, or null (admin panel, code, cron). */
const contentApiRequest = (strapi: Core.Strapi): any => {
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

/** Whether a sort parameter (string, list, or object form) sorts on the attribute `attr`. */
const sortsOn = (sort: unknown, attr: string): boolean => {
  if (typeof sort === 'string') return sort.split(',').some((part) => part.trim().split(':')[0].split('.')[0] === attr);
  if (Array.isArray(sort)) return sort.some((item) => sortsOn(item, attr));
  if (sort && typeof sort === 'object') return Object.prototype.hasOwnProperty.call(sort, attr);
  return false;
};

/**
 * The paths (top level, or a relation populate's own sort) where a read sorts on the trust attribute of an enabled
 * type. Strapi cannot sort on a component's field (its query fails with a 500), so such a read is refused with a 400.
 */
const trustSortPaths = (
  strapi: Core.Strapi,
  uid: string,
  params: { sort?: unknown; populate?: unknown },
  path: string[] = []
): string[] => {
  const { contentTypes, attributeName } = getPluginConfig(strapi);
  const found: string[] = [];
  if (contentTypes.includes(uid) && sortsOn(params.sort, attributeName)) found.push([...path, 'sort'].join('.'));
  const populate = params.populate;
  if (populate && typeof populate === 'object' && !Array.isArray(populate) && path.length < 10) {
    const schema: any = strapi.getModel(uid as any);
    for (const [name, nested] of Object.entries(populate as Record<string, any>)) {
      const target = schema?.attributes?.[name]?.type === 'relation' ? schema.attributes[name].target : null;
      if (target && nested && typeof nested === 'object')
        found.push(...trustSortPaths(strapi, target, nested, [...path, 'populate', name]));
    }
  }
  return found;
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
    const sorted = trustSortPaths(strapi, ctx.uid, ctx.params ?? {});
    if (sorted.length > 0) {
      const message = `sorting by ${attributeName} fields is not supported; filter on ${attributeName}.status, ${attributeName}.verifiedAt or ${attributeName}.aiInvolvement instead`;
      throw toStrapiError(strapi, invalid(sorted[0].split('.'), message, ERROR_CODES.sort));
    }
    if (contentTypes.includes(ctx.uid) && ctx.params?.populate !== undefined) {
      ctx.params = { ...ctx.params, populate: withoutTrustPopulate(ctx.params.populate, attributeName) };
    }
    const result = await next();
    recordEntriesRead(request, ctx.uid, result, ctx.params?.locale);
    return result;
  };
};
