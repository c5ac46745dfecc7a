import { randomBytes } from 'crypto';

import type { Core } from '@strapi/strapi';

import { AUDIT_CHAIN_UID, AUDIT_EVENT_UID, PLUGIN_ID, type AuditAction } from '../../../shared/constants';
import type { Actor, AuditEvent, ChainStatus } from '../../../shared/contracts';
import type { VerificationEvent } from '../domain/integrity';
import {
  chainInstant,
  createChainWalker,
  eventHash,
  GENESIS_HASH,
  type ChainVerdict,
  type StoredChainEvent,
} from '../domain/audit-chain';

export type { Actor, AuditAction, AuditEvent };

const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** 24 random lowercase letters and digits, the shape of Strapi's documentIds. */
const eventDocumentId = () => Array.from(randomBytes(24), (byte) => ID_ALPHABET[byte % ID_ALPHABET.length]).join('');

/** The one row of the chain head (content-types/audit-chain). */
const HEAD_ID = 1;
const PAGE = 2000;

const parseJson = (value: unknown) => {
  if (typeof value !== 'string') return value ?? null;
  try {
    return JSON.parse(value);
  } catch {
    return null;
  }
};

const toEvent = (row: any): AuditEvent => ({
  id: Number(row.id),
  action: row.action,
  uid: row.uid,
  documentId: row.entryDocumentId ?? row.entry_document_id,
  locale: (row.entryLocale ?? row.entry_locale) || null,
  actor: parseJson(row.actor),
  at: chainInstant(row.at),
  contentHash: (row.contentHash ?? row.content_hash) || null,
  changedFields: parseJson(row.changedFields ?? row.changed_fields) ?? [],
  note: row.note ?? null,
  checks: parseJson(row.checks) ?? null,
  responsibility: parseJson(row.responsibility) ?? null,
  aiInvolvement: (row.aiInvolvement ?? row.ai_involvement) || null,
  prevHash: (row.prevHash ?? row.prev_hash) || null,
  hash: row.hash || null,
});

/** The fields of an event that the chain covers, as stored (domain/audit-chain.ts). */
const chainedFieldsOf = (event: AuditEvent) => ({
  ...event,
  extra: { checks: event.checks, responsibility: event.responsibility, aiInvolvement: event.aiInvolvement },
});

export interface NewEvent {
  action: AuditAction;
  uid: string;
  documentId: string;
  locale: string | null;
  actor: Actor | null;
  contentHash: string | null;
  changedFields: string[];
  note: string | null;
  /** The review record of a verify. */
  checks?: string[] | null;
  responsibility?: { name: string; url?: string | null; type?: string } | null;
  /** The AI involvement declared on the version a verify reviewed. */
  aiInvolvement?: string | null;
  /** When it happened (now when not given): a verify gives the instant it records on the trust row. */
  at?: Date;
}

/**
 * The audit log: append-only, in the transaction of the change it records (database/document-transaction.ts), and
 * hash-chained (domain/audit-chain.ts). The chain head is one row that every append locks, so the events of all
 * processes on one database form one chain. What the chain proves, and what it does not, is in the README
 * ("Audit log").
 */
const createAuditService = ({ strapi }: { strapi: Core.Strapi }) => {
  const tableOf = (uid: string) => {
    const meta = (strapi.db as any).metadata.get(uid);
    const schema = strapi.db.getSchemaName?.();
    return schema ? `${schema}.${meta.tableName}` : meta.tableName;
  };
  const statusStore = () => strapi.store({ type: 'plugin', name: PLUGIN_ID, key: 'audit-chain-status' });

  /** The chain head row, locked for the rest of the transaction (SQLite: the transaction holds the write lock already). */
  const lockHead = async (trx: any): Promise<{ head: string; length: number }> => {
    const query = trx(tableOf(AUDIT_CHAIN_UID)).where('id', HEAD_ID).first('head', 'length');
    const row = (strapi.db as any).dialect?.client === 'sqlite' ? await query : await query.forUpdate();
    if (row) return { head: row.head ?? GENESIS_HASH, length: Number(row.length ?? 0) };
    // Created at bootstrap; a database that lost it starts a new chain here, which the integrity check reports.
    await trx(tableOf(AUDIT_CHAIN_UID))
      .insert({ id: HEAD_ID, head: GENESIS_HASH, length: 0 })
      .onConflict('id')
      .ignore();
    return lockHead(trx);
  };

  /** Appends events in the current transaction, chained after the head. */
  const appendAll = async (trx: any, events: NewEvent[], now = new Date()) => {
    let { head, length } = await lockHead(trx);
    const rows = [];
    for (const event of events) {
      const at = event.at ?? now;
      const extra = {
        checks: event.checks ?? null,
        responsibility: event.responsibility ?? null,
        aiInvolvement: event.aiInvolvement ?? null,
      };
      const hash = eventHash({ ...event, at: chainInstant(at), extra }, head);
      rows.push({
        // Strapi's own documentId column (events are never documents of the document service): a random id of its
        // shape, cheaper than the query engine's default generator, which a bulk verify paid for on every event.
        documentId: eventDocumentId(),
        action: event.action,
        uid: event.uid,
        entryDocumentId: event.documentId,
        entryLocale: event.locale,
        actor: event.actor,
        at,
        contentHash: event.contentHash,
        changedFields: event.changedFields,
        note: event.note,
        checks: event.checks ?? null,
        responsibility: event.responsibility ?? null,
        aiInvolvement: event.aiInvolvement ?? null,
        prevHash: head,
        hash,
      });
      head = hash;
      length += 1;
    }
    // Through the query engine, in this transaction (it converts the values and fills the timestamps), as one insert:
    // createMany, unlike create, does not read each row back, which nothing here needs.
    await strapi.db.query(AUDIT_EVENT_UID as any).createMany({ data: rows });
    await trx(tableOf(AUDIT_CHAIN_UID)).where('id', HEAD_ID).update({ head, length });
  };

  return {
    /** Appends one event to the chain, in the change's transaction (it opens one of its own when there is none). */
    async append(event: NewEvent): Promise<void> {
      await strapi.db.transaction(({ trx }) => appendAll(trx, [event]));
    },

    /** Creates the chain head if the database has none (bootstrap). */
    async ensureHead(): Promise<void> {
      await strapi.db
        .connection(tableOf(AUDIT_CHAIN_UID))
        .insert({ id: HEAD_ID, head: GENESIS_HASH, length: 0 })
        .onConflict('id')
        .ignore();
    },

    /** Events of one document and locale, newest first. */
    async history(
      uid: string,
      documentId: string,
      locale: string | null,
      { page = 1, pageSize = 200 }: { page?: number; pageSize?: number } = {}
    ): Promise<{ events: AuditEvent[]; total: number }> {
      const where = { uid, entryDocumentId: documentId, ...(locale ? { entryLocale: locale } : {}) };
      const query = strapi.db.query(AUDIT_EVENT_UID as any);
      // One after the other, never together: inside a transaction both would go to its one connection at once
      // (pg deprecates that, and its next major version refuses it). Both are searches of the entry index.
      const rows = await query.findMany({
        where,
        orderBy: [{ id: 'desc' }],
        limit: pageSize,
        offset: (page - 1) * pageSize,
      });
      const total = await query.count({ where });
      return { events: rows.map(toEvent), total: Number(total) };
    },

    /**
     * The verify event that records the verification of one version's content (by its content hash) now: the newest
     * verify of that hash, unless an unverify of that locale came after it. Null when no event records it (a trust
     * row set to verified around the plugin). One query, on the events' (uid, document, locale) index.
     */
    async verifyEventOf(
      uid: string,
      documentId: string,
      locale: string | null,
      contentHash: string
    ): Promise<AuditEvent | null> {
      const row = await strapi.db.query(AUDIT_EVENT_UID as any).findOne({
        where: {
          uid,
          entryDocumentId: documentId,
          ...(locale ? { entryLocale: locale } : {}),
          $or: [{ action: 'verify', contentHash }, { action: 'unverify' }],
        },
        orderBy: [{ id: 'desc' }],
      });
      return row && row.action === 'verify' ? toEvent(row) : null;
    },

    /**
     * The verify and unverify events of some documents of one type, by document and locale (`documentId\0locale`),
     * oldest first: one query, on the events' (uid, document, locale) index. The integrity check asks for one batch's
     * documents at a time.
     */
    async verificationEvents(uid: string, documentIds: string[]): Promise<Map<string, VerificationEvent[]>> {
      const byVersion = new Map<string, VerificationEvent[]>();
      if (documentIds.length === 0) return byVersion;
      const rows: any[] = await strapi.db.query(AUDIT_EVENT_UID as any).findMany({
        where: { uid, entryDocumentId: { $in: [...new Set(documentIds)] }, action: { $in: ['verify', 'unverify'] } },
        select: [
          'id',
          'action',
          'entryDocumentId',
          'entryLocale',
          'contentHash',
          'at',
          'actor',
          'checks',
          'aiInvolvement',
        ],
        orderBy: { id: 'asc' },
      });
      for (const row of rows) {
        const key = `${row.entryDocumentId}\u0000${row.entryLocale ?? ''}`;
        if (!byVersion.has(key)) byVersion.set(key, []);
        const event = toEvent(row);
        byVersion.get(key)!.push({
          id: event.id,
          action: event.action,
          contentHash: event.contentHash,
          at: row.at ? event.at : null,
          actor: event.actor as VerificationEvent['actor'],
          checks: event.checks as string[] | null,
          aiInvolvement: event.aiInvolvement,
        });
      }
      return byVersion;
    },

    /**
     * Walks the whole chain and records the verdict (which the report and the Trust panel show). `onPage` runs after
     * each page (the integrity check renews its lease there; it may throw to stop the walk).
     */
    async verifyChain({ onPage }: { onPage?: (events: number) => Promise<void> } = {}): Promise<ChainVerdict> {
      const walker = createChainWalker();
      let afterId = 0;
      for (;;) {
        const rows: any[] = await strapi.db
          .connection(tableOf(AUDIT_EVENT_UID))
          .where('id', '>', afterId)
          .orderBy('id')
          .limit(PAGE);
        if (rows.length === 0) break;
        walker.push(rows.map((row) => chainedFieldsOf(toEvent(row)) as unknown as StoredChainEvent));
        afterId = Number(rows[rows.length - 1].id);
        if (rows.length < PAGE) break;
        await onPage?.(rows.length);
      }
      const recorded = await strapi.db
        .connection(tableOf(AUDIT_CHAIN_UID))
        .where('id', HEAD_ID)
        .first('head', 'length');
      const verdict = walker.end({ head: recorded?.head ?? null, length: recorded ? Number(recorded.length ?? 0) : 0 });
      const status: ChainStatus = { ...verdict, checkedAt: new Date().toISOString() };
      await statusStore().set({ value: status });
      return verdict;
    },

    /** The last verdict of verifyChain (at startup and on each integrity check), or null before the first. */
    async chainStatus(): Promise<ChainStatus | null> {
      return ((await statusStore().get({})) as ChainStatus | null) ?? null;
    },

    /** The head now: the newest event's hash and the number of events, as recorded. */
    async chainHead(): Promise<{ head: string; events: number }> {
      const recorded = await strapi.db
        .connection(tableOf(AUDIT_CHAIN_UID))
        .where('id', HEAD_ID)
        .first('head', 'length');
      return { head: recorded?.head ?? GENESIS_HASH, events: recorded ? Number(recorded.length ?? 0) : 0 };
    },

    /**
     * 0.1 wrote events without a chain, with the content hash in `hash`. On the first start of 0.2 (after the schema
     * sync has added the columns), those events get their `contentHash` and the whole log is chained, in id order.
     *
     * This runs once per database, never again: the store records that it ran, and a log that holds any chained event
     * is never re-chained. Otherwise an event edited by SQL with its `prev_hash` set to NULL would be re-hashed at the
     * next start, and the chain would check clean over the forgery. An unchained event in a chained log is a broken
     * link, which the integrity check reports.
     */
    async chainUnchainedEvents(): Promise<number> {
      const done = strapi.store({ type: 'plugin', name: PLUGIN_ID, key: 'audit-chain-migrated' });
      if (await done.get({})) return 0;
      const events = tableOf(AUDIT_EVENT_UID);
      let chained = 0;
      await strapi.db.transaction(async ({ trx }) => {
        await lockHead(trx);
        // Under the head's lock: another process starting at the same time waits here, then finds the log chained.
        const already = await trx(events).whereNotNull('prev_hash').count({ n: '*' }).first();
        if (Number(already?.n ?? 0) > 0) return;
        await trx(events)
          .whereNull('prev_hash')
          .whereNull('content_hash')
          .update({ content_hash: trx.ref('hash') });
        let head = GENESIS_HASH;
        let afterId = 0;
        for (;;) {
          const rows: any[] = await trx(events).where('id', '>', afterId).orderBy('id').limit(PAGE);
          if (rows.length === 0) break;
          for (const row of rows) {
            const hash = eventHash(chainedFieldsOf(toEvent(row)) as any, head);
            await trx(events).where('id', row.id).update({ prev_hash: head, hash });
            head = hash;
            chained += 1;
          }
          afterId = Number(rows[rows.length - 1].id);
        }
        if (chained > 0) await trx(tableOf(AUDIT_CHAIN_UID)).where('id', HEAD_ID).update({ head, length: chained });
      });
      await done.set({ value: { at: new Date().toISOString(), chained } });
      if (chained > 0)
        strapi.log.info(
          `[trust-labels] chained the ${chained} events of the audit log (events written before 0.2 had no chain)`
        );
      return chained;
    },
  };
};

export default createAuditService;
