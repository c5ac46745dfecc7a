import type { Core } from '@strapi/strapi';
import { forbidden, unauthorized } from './errors';

/** Strapi's refusals, by name: the error may come from another copy of @strapi/utils than this plugin's. */
const isRefusal = (error: unknown) =>
  ['UnauthorizedError', 'ForbiddenError', 'PolicyError'].includes((error as Error | undefined)?.name ?? '');

/**
 * Checks that the requester may `find` a content type in the content API, exactly as Strapi's own content API
 * routes decide: the request is authenticated with the content API's auth strategies (users-permissions JWT or
 * Public role, API tokens), then verified against the scope `${uid}.find`.
 *
 * A route's `auth: { scope }` is fixed when routes are registered, but the badge and JSON-LD routes take the
 * uid from the path, so they are declared with `auth: false` and call this instead (Strapi's GraphQL plugin
 * authenticates its endpoint the same way).
 *
 * Throws plugin errors (errors.ts): 403 ForbiddenError when the role or token may not `find` the type, including an
 * anonymous request whose Public role lacks the permission; 401 UnauthorizedError only when credentials were
 * sent and are invalid or expired.
 */
export const assertContentApiFind = async (strapi: Core.Strapi, ctx: any, uid: string): Promise<void> => {
  const scope = `${uid}.find`;
  const auth: any = strapi.get('auth');
  const hasCredentials =
    typeof ctx.request?.header?.authorization === 'string' && ctx.request.header.authorization !== '';
  const route = ctx.state.route;

  let authenticated = false;
  ctx.state.route = {
    ...route,
    info: { ...(route?.info ?? {}), type: 'content-api' },
    config: { ...(route?.config ?? {}), auth: { scope: [scope] } },
  };
  try {
    await auth.authenticate(ctx, async () => {
      authenticated = true;
    });
  } catch (error) {
    // A refusal is answered on ctx, not thrown; what is thrown (the database failing under a token lookup) is not a
    // refusal, and goes on (errors.ts: a 503).
    if (!isRefusal(error)) throw error;
    authenticated = false;
  } finally {
    ctx.state.route = route;
  }

  const denied = (credentialsRejected: boolean) => {
    // authenticate() may have written a 401 answer on ctx; the thrown error replaces it.
    ctx.body = null;
    return credentialsRejected && hasCredentials
      ? unauthorized('Missing or invalid credentials')
      : forbidden('Forbidden');
  };

  if (!authenticated) throw denied(true);
  try {
    await auth.verify(ctx.state.auth, { scope: [scope] });
  } catch (error) {
    if (!isRefusal(error)) throw error;
    throw denied((error as Error | undefined)?.name === 'UnauthorizedError');
  }
};
