import type { Core } from '@strapi/strapi';

import { TrustLabelsError } from '../errors';

/**
 * Every change of trust state runs here: in one database transaction, with the document's entry rows locked for
 * the whole of it, so that what a verification hashes, the status it writes and its audit event can never be
 * interleaved with a content write, in this Strapi process or any other on the same database.
 *
 * - PostgreSQL and MySQL/MariaDB: `SELECT id FROM <entries> WHERE document_id = ? ORDER BY id FOR UPDATE`, as the
 *   transaction's first statement. A second writer of the same document waits there until the first commits, and
 *   then reads what it committed (on MySQL the transaction's snapshot is taken at its first plain read, which comes
 *   after the lock). Writers of other documents do not wait.
 * - SQLite: a write statement that changes nothing (`UPDATE … WHERE 0`) takes the database's write lock before
 *   anything is read. SQLite has one writer at a time anyway; this makes the transaction hold the lock from its
 *   start, so a second process cannot write between what this one reads and what it writes.
 *
 * Nested in a transaction that is already open (a content write inside Content Releases' publish, app code in
 * `strapi.db.transaction`), it locks within that transaction and leaves commit and rollback to its owner.
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

const codeOf = (error: unknown): string | undefined => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
};

export const isRetryable = (error: unknown) => DEADLOCK_CODES.has(codeOf(error) ?? '');

/** True for a database that is down, a dropped connection, or a pool that had no connection to give. */
export const isDatabaseUnavailable = (error: unknown): boolean => {
  const code = codeOf(error);
  if (code && (UNAVAILABLE_CODES.has(code) || DEADLOCK_CODES.has(code))) return true;
  const name = (error as Error | null)?.name;
  const message = (error as Error | null)?.message ?? '';
  return name === 'KnexTimeoutError' || /Connection terminated|Client has encountered a connection error|connection is closed/i.test(message);
};

/** The 503 a request gets when the database failed under it: nothing of the change was kept, it may be retried. */
export const unavailable = () =>
  new TrustLabelsError('ServiceUnavailableError', 'The database is unavailable or busy; nothing was changed. Try again.');

/** The SQL that locks one document's entry rows for the rest of the transaction. */
const lockStatement = (strapi: Core.Strapi, trx: any, uid: string, documentId: string) => {
  const meta = (strapi.db as any).metadata.get(uid);
  const column = meta.attributes.documentId?.columnName ?? 'document_id';
  const schema = strapi.db.getSchemaName?.();
  const table = schema ? `${schema}.${meta.tableName}` : meta.tableName;
  if ((strapi.db as any).dialect?.client === 'sqlite') {
    return trx(table).whereRaw('0 = 1').update({ [column]: trx.ref(column) });
  }
  return trx(table).select('id').where(column, documentId).orderBy('id').forUpdate();
};

export interface DocumentTransaction {
  /** Runs `callback` once the transaction has committed (never when it rolls back). */
  onCommit(callback: () => void): void;
}

const MAX_ATTEMPTS = 3;

/**
 * Runs `run` in a transaction that holds the lock on one document. When it owns the transaction and `retry` is on,
 * a deadlock or a lock timeout makes it start again (up to 3 attempts). A database that is unavailable (or still
 * deadlocked) answers 503: nothing of the change was kept.
 *
 * `retry: false` is for a document-service write: `run` calls the rest of Strapi's middleware chain, which can be
 * called only once.
 */
export async function inDocumentTransaction<T>(
  strapi: Core.Strapi,
  uid: string,
  documentId: string,
  run: (transaction: DocumentTransaction) => Promise<T>,
  { retry = true }: { retry?: boolean } = {}
): Promise<T> {
  const nested = strapi.db.inTransaction();
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await strapi.db.transaction(async ({ trx, onCommit }) => {
        await lockStatement(strapi, trx, uid, documentId);
        return run({ onCommit });
      });
    } catch (error) {
      if (nested) throw error;
      if (retry && isRetryable(error) && attempt < MAX_ATTEMPTS) {
        await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 40 * attempt));
        continue;
      }
      if (isDatabaseUnavailable(error)) {
        strapi.log.warn(`[trust-labels] ${uid} ${documentId}: the database failed during a trust change, which was rolled back: ${(error as Error).message}`);
        throw unavailable();
      }
      throw error;
    }
  }
}
