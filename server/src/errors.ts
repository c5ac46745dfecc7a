import { createRequire } from 'module';
import path from 'path';

import type { Core } from '@strapi/strapi';

import type { ErrorCode } from '../../shared/schemas';

/**
 * The plugin's errors, and how they reach the client with the right status whatever copy of @strapi/utils npm
 * installed where.
 *
 * Strapi maps errors to statuses with `instanceof` against the classes of the @strapi/utils copy that its core
 * loaded. A plugin that imports @strapi/utils itself may get another copy (npm nests one per package when the
 * app's top level holds a different version), and its 400s then answer 500. So the plugin does not load
 * @strapi/utils at all:
 *
 * - its errors are `TrustLabelsError`s, which carry their HTTP `status`, Strapi's error `name` and `details`;
 * - on the plugin's own routes, `respondWithPluginErrors` writes Strapi's error body from them, without asking
 *   any class;
 * - where the plugin raises an error inside Strapi's own handling of a request (the publish gate in a Content
 *   Manager publish, a REST update or a GraphQL mutation), `toStrapiError` turns it into an instance of the
 *   running core's own class: the @strapi/utils that @strapi/core resolves, found from the app the way Node found
 *   it. Where that cannot be found, the error still carries `status` and `expose`, which Strapi's error
 *   middleware honours for errors it does not recognise (REST answers the same status; it logs the error).
 */

export type ErrorName =
  | 'ValidationError'
  | 'NotFoundError'
  | 'ForbiddenError'
  | 'UnauthorizedError'
  | 'ConflictError'
  | 'ServiceUnavailableError';

const STATUS: Record<ErrorName, number> = {
  ValidationError: 400,
  UnauthorizedError: 401,
  ForbiddenError: 403,
  NotFoundError: 404,
  ConflictError: 409,
  ServiceUnavailableError: 503,
};

/**
 * One problem of a 400, as Strapi's ValidationError details list it, with a stable `code` (shared/schemas.ts
 * ERROR_CODES) and its `values`, which the admin panel translates; the English `message` is for API clients.
 */
export interface ErrorDetail {
  path: Array<string | number>;
  message: string;
  name: 'ValidationError';
  code: ErrorCode;
  values?: Record<string, unknown>;
}

export class TrustLabelsError extends Error {
  readonly status: number;
  readonly details: Record<string, unknown>;
  /** Read by http-errors (Strapi's fallback formatter): the message may be shown to the client. */
  readonly expose: boolean;

  constructor(name: ErrorName, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = name;
    this.status = STATUS[name];
    this.details = details;
    this.expose = this.status < 500;
  }
}

export const isTrustLabelsError = (error: unknown): error is TrustLabelsError => error instanceof TrustLabelsError;

/** A 400 with one entry per problem; the message is the problem's when there is one, else a count. */
export const validationError = (problems: ErrorDetail[], extra: Record<string, unknown> = {}): TrustLabelsError =>
  new TrustLabelsError('ValidationError', problems.length === 1 ? problems[0].message : `${problems.length} errors occurred`, {
    errors: problems,
    ...extra,
  });

/** A 400 for one problem at `path`. */
export const invalid = (path: Array<string | number>, message: string, code: ErrorCode, values?: Record<string, unknown>): TrustLabelsError =>
  validationError([{ path, message, name: 'ValidationError', code, ...(values ? { values } : {}) }]);

export const notFound = (message = 'Not Found') => new TrustLabelsError('NotFoundError', message);
export const forbidden = (message = 'Forbidden') => new TrustLabelsError('ForbiddenError', message);
export const unauthorized = (message = 'Missing or invalid credentials') => new TrustLabelsError('UnauthorizedError', message);

/** Strapi's error response body for a plugin error. */
export const errorBody = (error: TrustLabelsError) => ({
  data: null,
  error: { status: error.status, name: error.name, message: error.message, details: error.details },
});

/**
 * Route middleware of every plugin route: a plugin error becomes Strapi's error response here, so its status
 * never depends on which @strapi/utils copy Strapi's error middleware compares it with.
 */
export const respondWithPluginErrors = async (ctx: any, next: () => Promise<unknown>) => {
  try {
    await next();
  } catch (error) {
    if (!isTrustLabelsError(error)) throw error;
    ctx.status = error.status;
    ctx.body = errorBody(error);
  }
};

type StrapiErrorClasses = Partial<Record<ErrorName | 'ApplicationError', new (message: string, details?: unknown) => Error>>;

const hostClasses = new WeakMap<object, StrapiErrorClasses | null>();

/**
 * The error classes of the @strapi/utils that the running core uses: resolved from the app's @strapi/strapi, then
 * its @strapi/core, then that package's @strapi/utils, exactly as Node resolved them when Strapi started. Null
 * when one step cannot be resolved (an unusual layout); callers then keep the plugin's own error.
 */
const strapiErrorClasses = (strapi: Core.Strapi): StrapiErrorClasses | null => {
  if (hostClasses.has(strapi)) return hostClasses.get(strapi) ?? null;
  let classes: StrapiErrorClasses | null;
  try {
    const fromApp = createRequire(path.join(strapi.dirs.app.root, 'package.json'));
    const fromStrapi = createRequire(fromApp.resolve('@strapi/strapi/package.json'));
    const fromCore = createRequire(fromStrapi.resolve('@strapi/core/package.json'));
    classes = (fromCore('@strapi/utils') as { errors?: StrapiErrorClasses }).errors ?? null;
  } catch {
    classes = null;
  }
  hostClasses.set(strapi, classes);
  return classes;
};

/**
 * For errors raised inside Strapi's own handling of a request: the same error as an instance of the running
 * core's class (so the Content Manager, REST and GraphQL answer its status), keeping `status` and `expose`.
 */
export const toStrapiError = (strapi: Core.Strapi, error: TrustLabelsError): Error => {
  const Class = strapiErrorClasses(strapi)?.[error.name as ErrorName];
  if (!Class) return error;
  const converted = new Class(error.message, error.details) as Error & { status?: number; expose?: boolean };
  converted.status = error.status;
  converted.expose = error.expose;
  return converted;
};
