import type { Core } from '@strapi/strapi';

import { INTEGRITY_RUN_UID } from '../../../shared/constants';
import type { RunRow } from '../domain/integrity';
import { isRetryable } from './failures';

/**
 * The integrity check's one row (content-types/integrity-run), read and changed in short transactions that lock it:
 * every process on the database sees the same lease and progress, and two processes cannot both take the lease.
 */
const ROW_ID = 1;

const parse = (value: unknown) => {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return null;
  }
};

export const createRunStore = (strapi: Core.Strapi) => {
  const meta = () => (strapi.db as any).metadata.get(INTEGRITY_RUN_UID);
  const table = () => {
    const schema = strapi.db.getSchemaName?.();
    return schema ? `${schema}.${meta().tableName}` : meta().tableName;
  };
  const column = (name: string): string => meta().attributes[name]?.columnName ?? name;

  const toRow = (raw: any): RunRow => ({
    holder: raw?.[column('holder')] ?? null,
    expiresAt: Number(raw?.[column('expiresAt')] ?? 0),
    state: parse(raw?.[column('state')]),
    requested: Boolean(raw?.[column('requested')]),
    result: parse(raw?.[column('result')]),
    runs: Number(raw?.[column('runs')] ?? 0),
  });

  const toColumns = (patch: Partial<RunRow>) =>
    Object.fromEntries(
      Object.entries(patch).map(([key, value]) => [
        column(key),
        key === 'state' || key === 'result' ? (value === null ? null : JSON.stringify(value)) : value,
      ])
    );

  return {
    /** Creates the row if the database has none (bootstrap). */
    async ensure(): Promise<void> {
      // The id is given: a second process inserting at the same time is ignored by the primary key.
      await strapi.db
        .connection(table())
        .insert({
          id: ROW_ID,
          ...toColumns({ holder: null, expiresAt: 0, state: null, requested: false, result: null, runs: 0 }),
        })
        .onConflict('id')
        .ignore();
    },

    async read(): Promise<RunRow> {
      return toRow(await strapi.db.connection(table()).where('id', ROW_ID).first());
    },

    /**
     * Changes the row under its lock: `decide` sees the row as committed and returns the fields to write (or null to
     * write nothing). The first statement is a write that changes nothing, so the lock is taken before the row is
     * read on every database (SQLite: the database's write lock; PostgreSQL, MySQL: the row's). Run again when the
     * database picked it as a deadlock victim or SQLite was busy.
     */
    async change<T extends Partial<RunRow> | null>(decide: (row: RunRow) => T): Promise<{ row: RunRow; patch: T }> {
      for (let attempt = 1; ; attempt += 1) {
        try {
          return await strapi.db.connection.transaction(async (trx: any) => {
            await trx(table())
              .where('id', ROW_ID)
              .update({ [column('runs')]: trx.ref(column('runs')) });
            const row = toRow(await trx(table()).where('id', ROW_ID).first());
            const patch = decide(row);
            if (patch && Object.keys(patch).length > 0) await trx(table()).where('id', ROW_ID).update(toColumns(patch));
            return { row: { ...row, ...(patch ?? {}) }, patch };
          });
        } catch (error) {
          if (attempt >= 5 || !isRetryable(error)) throw error;
          await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
        }
      }
    },
  };
};
