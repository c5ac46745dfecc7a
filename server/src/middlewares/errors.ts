/**
 * Strapi's body parser rejects a JSON body that is not an object or array (a bare string, number, null, or
 * malformed JSON) with a 400 named "SyntaxError", before any plugin code runs. The plugin's routes promise
 * Strapi's ValidationError format with a path per problem, so this Koa middleware rewrites those answers for
 * the plugin's own routes only.
 */
const PLUGIN_PATHS = ['/trust-labels/', '/api/trust-labels/'];

export const normalizeBodyErrors = async (ctx: any, next: () => Promise<unknown>) => {
  await next();
  if (ctx.status !== 400 || !PLUGIN_PATHS.some((prefix) => String(ctx.path).startsWith(prefix))) return;
  const error = (ctx.body as any)?.error;
  if (!error || error.name === 'ValidationError') return;
  const message = `the request body must be a JSON object (${error.message ?? 'it could not be read'})`;
  ctx.body = {
    data: null,
    error: { status: 400, name: 'ValidationError', message, details: { errors: [{ path: [], message, name: 'ValidationError', code: 'trust.body' }] } },
  };
};
