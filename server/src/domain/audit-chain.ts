// The audit log's hash chain (docs/compliance.md#audit-log): each event's `hash` is SHA-256 over its canonical content
// and the previous event's hash, so that an edited, deleted, inserted or reordered event breaks the chain from there
// on. Pure: no Strapi.
import { canonicalJson, sha256 } from './hash';

/** The `prevHash` of the first event of a database. */
export const GENESIS_HASH = '0'.repeat(64);

/** What an event's hash covers: every field of the event but its id and its own hash. */
interface ChainedFields {
  action: string;
  uid: string;
  documentId: string;
  locale: string | null;
  actor: unknown;
  at: string;
  contentHash: string | null;
  changedFields: string[];
  note: string | null;
  /** Fields added by later versions (review record…): hashed when present, left out when null. */
  extra?: Record<string, unknown>;
}

/** An instant as the chain hashes it: ISO 8601 with milliseconds (what every database here stores and returns). */
export const chainInstant = (value: unknown): string => new Date(value as string).toISOString();

export const eventHash = (fields: ChainedFields, prevHash: string): string => {
  const present = Object.fromEntries(
    Object.entries(fields.extra ?? {}).filter(([, value]) => value !== null && value !== undefined)
  );
  return sha256(
    canonicalJson({
      action: fields.action,
      uid: fields.uid,
      documentId: fields.documentId,
      locale: fields.locale ?? null,
      actor: fields.actor ?? null,
      at: chainInstant(fields.at),
      contentHash: fields.contentHash ?? null,
      changedFields: fields.changedFields ?? [],
      note: fields.note ?? null,
      ...present,
      prevHash,
    })
  );
};

export interface StoredChainEvent extends ChainedFields {
  id: number;
  prevHash: string | null;
  hash: string | null;
}

export interface ChainVerdict {
  ok: boolean;
  events: number;
  /** The first event whose hash or link does not hold; null when every link holds. */
  firstBrokenEventId: number | null;
  /** The hash of the last event (what a publisher archives elsewhere); GENESIS_HASH for an empty log. */
  head: string;
  /** Why the chain is not ok, in words, or null. */
  reason: string | null;
}

/**
 * Walks events in id order, carrying the previous hash; `push` one page at a time, then `end` with the head the
 * database recorded.
 */
export const createChainWalker = () => {
  let previous = GENESIS_HASH;
  let events = 0;
  let firstBroken: { id: number; reason: string } | null = null;
  return {
    push(page: StoredChainEvent[]) {
      for (const event of page) {
        events += 1;
        if (firstBroken) continue;
        if (event.prevHash !== previous) {
          firstBroken = {
            id: event.id,
            reason: `event ${event.id} does not follow the one before it (an event was deleted, inserted or reordered)`,
          };
        } else if (event.hash !== eventHash(event, event.prevHash)) {
          firstBroken = { id: event.id, reason: `event ${event.id} was changed after it was written` };
        }
        previous = event.hash ?? previous;
      }
    },
    end(recorded: { head: string | null; length: number | null }): ChainVerdict {
      if (firstBroken)
        return { ok: false, events, firstBrokenEventId: firstBroken.id, head: previous, reason: firstBroken.reason };
      if ((recorded.head ?? GENESIS_HASH) !== previous || (recorded.length ?? 0) !== events) {
        return {
          ok: false,
          events,
          firstBrokenEventId: null,
          head: previous,
          reason: 'the newest events were deleted, or the recorded chain head was changed',
        };
      }
      return { ok: true, events, firstBrokenEventId: null, head: previous, reason: null };
    },
  };
};
