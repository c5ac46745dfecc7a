import type { Core } from '@strapi/strapi';

import { ERROR_CODES } from '../../../shared/schemas';
import { errorBody, invalid, pluginErrorOf, type TrustLabelsError } from '../errors';
import { getPluginConfig } from '../utils';

/**
 * Where the plugin answers failures itself, in Strapi's error format (errors.ts `pluginErrorOf` says what each
 * failure becomes): on the plugin's own routes, and on the Content Manager's writes of a type with trust labels,
 * which run the plugin's transaction.
 */

const answer = (ctx: any, error: TrustLabelsError) => {
  ctx.status = error.status;
  ctx.body = errorBody(error);
};

/** Whether a request path is one of the plugin's routes: the admin API's `/trust-labels/…`, the content API's `/api/trust-labels/…`. */
const pluginRoutes = (strapi: Core.Strapi) => {
  const restPrefix = String(strapi.config.get('api.rest.prefix', '/api') ?? '/api').replace(/\/$/, '');
  return (path: string) => path.startsWith('/trust-labels/') || path.startsWith(`${restPrefix}/trust-labels/`);
};

const CONTENT_MANAGER_WRITE = /^\/content-manager\/(?:collection-types|single-types)\/([^/]+)/;

/**
 * Router middleware of the admin and content APIs (register.ts), so it wraps every step of a route: Strapi's
 * authentication and policies too, which read the database before the plugin's handler runs. On the plugin's
 * routes, a plugin error or a database failure is answered here (a database failure as a 503, never a 500), so its
 * status never depends on which @strapi/utils copy Strapi's error middleware compares it with. On the Content
 * Manager's writes of a type with trust labels, a database failure answers 503 the same way (docs/operations.md, "A database that
 * fails under a request"); its other errors are the Content Manager's. Anything else goes on to Strapi unchanged.
 */
export const respondWithPluginErrors = (strapi: Core.Strapi) => {
  const isPluginRoute = pluginRoutes(strapi);
  const isLabelledWrite = (ctx: any) => {
    if (ctx.method === 'GET' || ctx.method === 'HEAD') return false;
    const model = CONTENT_MANAGER_WRITE.exec(String(ctx.path))?.[1];
    return model !== undefined && getPluginConfig(strapi).contentTypes.includes(decodeURIComponent(model));
  };

  return async (ctx: any, next: () => Promise<unknown>) => {
    const ours = isPluginRoute(String(ctx.path));
    if (!ours && !isLabelledWrite(ctx)) return next();
    try {
      await next();
    } catch (error) {
      const pluginError = pluginErrorOf(error);
      if (!pluginError || (!ours && pluginError.status !== 503)) throw error;
      if (pluginError.status >= 500)
        strapi.log.warn(
          `[trust-labels] ${ctx.method} ${ctx.path}: the database failed under the request (503): ${(error as Error)?.message ?? error}`
        );
      answer(ctx, pluginError);
    }
  };
};

/**
 * Strapi's body parser rejects a JSON body that is not an object or array (a bare string, number, null, or
 * malformed JSON) with a 400 named "SyntaxError", before any route runs. The plugin's routes promise Strapi's
 * ValidationError format with a path per problem, so this Koa middleware (outside Strapi's own, see register.ts)
 * rewrites those answers for the plugin's own routes only.
 */
export const normalizeBodyErrors = (strapi: Core.Strapi) => {
  const isPluginRoute = pluginRoutes(strapi);
  return async (ctx: any, next: () => Promise<unknown>) => {
    await next();
    if (ctx.status !== 400 || !isPluginRoute(String(ctx.path))) return;
    const error = (ctx.body as any)?.error;
    if (!error || error.name === 'ValidationError') return;
    answer(
      ctx,
      invalid(
        [],
        `the request body must be a JSON object (${error.message ?? 'it could not be read'})`,
        ERROR_CODES.body
      )
    );
  };
};
