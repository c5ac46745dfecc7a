import { createRequire } from 'module';
import path from 'path';

import type { Core } from '@strapi/strapi';

import type { ErrorCode, ErrorDetail } from '../../shared/schemas';
import { isDatabaseUnavailable } from './database/failures';

/**
 * The plugin's errors, and the one way a failure becomes Strapi's error answer, with the right status whatever
 * copy of @strapi/utils npm installed where.
 *
 * Strapi maps errors to statuses with `instanceof` against the classes of the @strapi/utils copy that its core
 * loaded. A plugin that imports @strapi/utils itself may get another copy (npm nests one per package when the
 * app's top level holds a different version), and its 400s then answer 500. So the plugin does not load
 * @strapi/utils at all:
 *
 * - its errors are `TrustLabelsError`s, which carry their HTTP `status`, Strapi's error `name` and `details`;
 * - `pluginErrorOf` reads any failure: a plugin error as it is, a database that failed under the request as a 503,
 *   anything else (a bug) as not the plugin's to answer;
 * - on the plugin's own routes, the middleware of middlewares/errors.ts writes Strapi's error body (`errorBody`)
 *   from it, without asking any class;
 * - where the plugin raises an error inside Strapi's own handling of a request (the publish gate in a Content
 *   Manager publish, a REST update or a GraphQL mutation), `toStrapiError` turns it into an instance of the
 *   running core's own class: the @strapi/utils that @strapi/core resolves, found from the app the way Node found
 *   it. Where that cannot be found, the error still carries `status` and `expose`, which Strapi's error
 *   middleware honours for errors it does not recognise (REST answers the same status; it logs the error).
 */

type ErrorName =
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
  new TrustLabelsError(
    'ValidationError',
    problems.length === 1 ? problems[0].message : `${problems.length} errors occurred`,
    {
      errors: problems,
      ...extra,
    }
  );

/** A 400 for one problem at `path`. */
export const invalid = (
  path: Array<string | number>,
  message: string,
  code: ErrorCode,
  values?: Record<string, unknown>
): TrustLabelsError =>
  validationError([{ path, message, name: 'ValidationError', code, ...(values ? { values } : {}) }]);

export const notFound = (message = 'Not Found') => new TrustLabelsError('NotFoundError', message);
export const forbidden = (message = 'Forbidden') => new TrustLabelsError('ForbiddenError', message);
export const unauthorized = (message = 'Missing or invalid credentials') =>
  new TrustLabelsError('UnauthorizedError', message);

/** The 503 of a change that the database failed under: its transaction was rolled back, it may be sent again. */
export const unavailable = () =>
  new TrustLabelsError(
    'ServiceUnavailableError',
    'The database is unavailable or busy; nothing was changed. Try again.'
  );

/**
 * The 503 of a request that the database failed under outside a transaction of the plugin (a read, Strapi's
 * authentication, the Content Manager's own queries): nothing says whether a change it made before had committed.
 */
const unavailableRequest = () =>
  new TrustLabelsError('ServiceUnavailableError', 'The database is unavailable or busy. Try again.');

/**
 * What the plugin answers for a failure: its own errors as they are; a database that failed under the request
 * (database/failures.ts: dropped connections, knex's "Transaction query already complete", a pool without a free
 * connection) as a 503; null for anything else, which is a bug and is left to Strapi (a logged 500).
 */
export const pluginErrorOf = (error: unknown): TrustLabelsError | null => {
  if (isTrustLabelsError(error)) return error;
  return isDatabaseUnavailable(error) ? unavailableRequest() : null;
};

/** Strapi's error response body for a plugin error. */
export const errorBody = (error: TrustLabelsError) => ({
  data: null,
  error: { status: error.status, name: error.name, message: error.message, details: error.details },
});

type StrapiErrorClasses = Partial<
  Record<ErrorName | 'ApplicationError', new (message: string, details?: unknown) => Error>
>;

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
 * For errors raised inside Strapi's own handling of a request: the plugin's error for `error` (pluginErrorOf) as an
 * instance of the running core's class (so the Content Manager, REST and GraphQL answer its status), keeping `status`
 * and `expose`. Any other error is returned as it is.
 */
export const toStrapiError = (strapi: Core.Strapi, error: unknown): unknown => {
  const pluginError = pluginErrorOf(error);
  if (!pluginError) return error;
  const Class = strapiErrorClasses(strapi)?.[pluginError.name as ErrorName];
  if (!Class) return pluginError;
  const converted = new Class(pluginError.message, pluginError.details) as Error & {
    status?: number;
    expose?: boolean;
  };
  converted.status = pluginError.status;
  converted.expose = pluginError.expose;
  return converted;
};
