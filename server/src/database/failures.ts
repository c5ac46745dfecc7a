/**
 * What a database error means for the request it broke, read from the error alone (no Strapi): a deadlock's victim
 * (run the transaction again), or a database that is unavailable (nothing was kept: 503). Pure, so that errors.ts,
 * the transactions and the process guard share one reading.
 */

const DEADLOCK_CODES = new Set([
  '40P01', // PostgreSQL deadlock_detected
  '40001', // PostgreSQL serialization_failure
  'ER_LOCK_DEADLOCK', // MySQL 1213
  'ER_LOCK_WAIT_TIMEOUT', // MySQL 1205
  'SQLITE_BUSY',
]);

/** Codes of errors that mean the database could not be reached or dropped the connection. */
const UNAVAILABLE_CODES = new Set([
  '57P01', // admin_shutdown (pg_terminate_backend)
  '57P02',
  '57P03',
  '08000',
  '08003',
  '08006',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'PROTOCOL_CONNECTION_LOST',
  'ER_CON_COUNT_ERROR',
]);

/**
 * Messages of the same failures raised without a `code`, by the drivers and by knex:
 * - pg: "Connection terminated", "Connection terminated unexpectedly", "Client has encountered a connection error
 *   and is not queryable", "Client was closed and is not queryable";
 * - knex: "Transaction query already complete" (a statement sent on a transaction whose connection died, which knex
 *   had already ended), "Timeout acquiring a connection" (KnexTimeoutError, by name below);
 * - mysql2: "connection is closed", "Can't add new command when connection is in closed state".
 */
const UNAVAILABLE_MESSAGE =
  /Connection terminated|Client has encountered a connection error|Client was closed and is not queryable|Transaction query already complete|connection is closed|connection is in closed state/i;

export const codeOf = (error: unknown): string | undefined => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
};

/** The database picked this transaction as a deadlock's victim (or a lock wait timed out): it may be run again. */
export const isRetryable = (error: unknown) => DEADLOCK_CODES.has(codeOf(error) ?? '');

/**
 * True for a database that is down, a dropped connection, a pool that had no connection to give, or a deadlock:
 * the statement did not run, and what its transaction did was rolled back.
 */
export const isDatabaseUnavailable = (error: unknown): boolean => {
  const code = codeOf(error);
  if (code && (UNAVAILABLE_CODES.has(code) || DEADLOCK_CODES.has(code))) return true;
  const name = (error as Error | null)?.name;
  const message = (error as Error | null)?.message;
  return name === 'KnexTimeoutError' || (typeof message === 'string' && UNAVAILABLE_MESSAGE.test(message));
};
