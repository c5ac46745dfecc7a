import { AsyncLocalStorage } from 'async_hooks';

import type { Core } from '@strapi/strapi';

import { toStrapiError, unavailable } from '../errors';
import { codeOf, isDatabaseUnavailable, isRetryable } from './failures';

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
 *
 * PostgreSQL and MySQL abort one transaction of a lock cycle (a deadlock), and a lock wait can time out; both
 * databases document that such a transaction is to be run again. Under load the cycles come from Strapi's own
 * statements (InnoDB's gap locks make writes of two different documents collide), so every transaction opened
 * here is run again when the database chose it as the victim: see `inDocumentTransaction`.
 */

/**
 * The 503 for a database failure inside a transaction the plugin does not own (the Content Manager's publish,
 * app code): the owner rolls back and its request answers 503 instead of a bare 500. It keeps the database's
 * `code` and the error as its `cause`, for app code that retries on them.
 */
const unavailableInForeignTransaction = (strapi: Core.Strapi, error: unknown) => {
  const wrapped = toStrapiError(strapi, unavailable()) as Error & { code?: string; cause?: unknown };
  const code = codeOf(error);
  if (code) wrapped.code = code;
  wrapped.cause = error;
  return wrapped;
};

/** The SQL that locks one document's entry rows for the rest of the transaction. */
const lockStatement = (strapi: Core.Strapi, trx: any, uid: string, documentId: string) => {
  const meta = (strapi.db as any).metadata.get(uid);
  const column = meta.attributes.documentId?.columnName ?? 'document_id';
  const schema = strapi.db.getSchemaName?.();
  const table = schema ? `${schema}.${meta.tableName}` : meta.tableName;
  if ((strapi.db as any).dialect?.client === 'sqlite') {
    return trx(table)
      .whereRaw('0 = 1')
      .update({ [column]: trx.ref(column) });
  }
  return trx(table).select('id').where(column, documentId).orderBy('id').forUpdate();
};

export interface DocumentTransaction {
  /** Runs `callback` once the transaction has committed (never when it rolls back). */
  onCommit(callback: () => void): void;
}

const MAX_ATTEMPTS = 4;

/**
 * The attempt a re-issued document-service call is on, read (once) by the transaction that call opens, so that
 * attempts are counted across re-issues.
 */
const reissuedAttempt = new AsyncLocalStorage<{ attempt: number; taken: boolean }>();

const takeReissuedAttempt = (): number => {
  const store = reissuedAttempt.getStore();
  if (!store || store.taken) return 1;
  store.taken = true;
  return store.attempt;
};

/**
 * After attempt `attempt` failed with `error`: true when it was a deadlock's victim (or a lock timeout) and another
 * attempt is allowed, once a short random wait has passed (so that two victims do not collide again).
 */
export const shouldRunAgain = async (
  strapi: Core.Strapi,
  error: unknown,
  attempt: number,
  what: string
): Promise<boolean> => {
  if (!isRetryable(error) || attempt >= MAX_ATTEMPTS) return false;
  strapi.log.debug(`[trust-labels] ${what}: ${codeOf(error)} on attempt ${attempt}, running it again`);
  await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 40 * attempt));
  return true;
};

/**
 * Runs `run`, a call that opens a transaction of its own (Strapi's document service does), and re-issues the call
 * with `reissue` when the database picked that transaction as a deadlock's victim (up to 4 attempts, then 503).
 * Inside a transaction that is already open, only its owner can run it again: `run` is just called.
 */
export async function runAgainIfDeadlocked<T>(
  strapi: Core.Strapi,
  run: () => Promise<T>,
  reissue: (() => Promise<T>) | 'never'
): Promise<T> {
  if (strapi.db.inTransaction() || reissue === 'never') return run();
  const attempt = takeReissuedAttempt();
  try {
    return await run();
  } catch (error) {
    if (await shouldRunAgain(strapi, error, attempt, 'a document-service write')) {
      return reissuedAttempt.run({ attempt: attempt + 1, taken: false }, reissue);
    }
    throw isRetryable(error) ? unavailable() : error;
  }
}

interface TransactionOptions<T> {
  /**
   * How the victim of a deadlock or lock timeout runs again (up to 4 attempts in all):
   * - `'run'` (the default): `run` is called again in a new transaction;
   * - a function: it is called instead, to re-issue the whole call. A document-service write needs this: its `run`
   *   calls the rest of Strapi's middleware chain, which can be called only once;
   * - `'never'`: not run again (503).
   */
  retry?: 'run' | 'never' | (() => Promise<T>);
}

/**
 * Runs `run` in a transaction that holds the lock on one document. When it owns the transaction, a deadlock or a
 * lock timeout makes it start again (see `retry`). A database that is unavailable (or still deadlocked after the
 * last attempt) answers 503: nothing of the change was kept.
 */
export async function inDocumentTransaction<T>(
  strapi: Core.Strapi,
  uid: string,
  documentId: string,
  run: (transaction: DocumentTransaction) => Promise<T>,
  { retry = 'run' }: TransactionOptions<T> = {}
): Promise<T> {
  const nested = strapi.db.inTransaction();
  for (let attempt = nested ? 1 : takeReissuedAttempt(); ; attempt += 1) {
    try {
      return await strapi.db.transaction(async ({ trx, onCommit }) => {
        await lockStatement(strapi, trx, uid, documentId);
        return run({ onCommit });
      });
    } catch (error) {
      if (nested) throw isDatabaseUnavailable(error) ? unavailableInForeignTransaction(strapi, error) : error;
      if (retry !== 'never' && (await shouldRunAgain(strapi, error, attempt, `${uid} ${documentId}`))) {
        if (retry === 'run') continue;
        return reissuedAttempt.run({ attempt: attempt + 1, taken: false }, retry);
      }
      if (isDatabaseUnavailable(error)) {
        strapi.log.warn(
          `[trust-labels] ${uid} ${documentId}: the database failed during a trust change, which was rolled back: ${(error as Error).message}`
        );
        throw unavailable();
      }
      throw error;
    }
  }
}
