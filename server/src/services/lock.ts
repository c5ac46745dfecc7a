import { currentScope, runInScope } from '../scope';

/**
 * One queue per document: verify, unverify, label edits and every document-service write to an enabled type
 * (with the recomputation of its status that follows) run one at a time for a given document, so a
 * verification can never be recorded for content that changed while it was being hashed. Re-entrant: code
 * that already holds a document's lock (an edit that writes through the document service) runs at once.
 * In-process only; see README "Several Strapi processes".
 */
const tails = new Map<string, Promise<void>>();

export const documentLockKey = (uid: string, documentId: string) => `${uid}::${documentId}`;

export async function withDocumentLock<T>(key: string, run: () => Promise<T>): Promise<T> {
  const holding = currentScope()?.held;
  if (holding?.has(key)) return run();

  const previous = tails.get(key) ?? Promise.resolve();
  let release!: () => void;
  const mine = new Promise<void>((resolve) => (release = resolve));
  const tail = previous.then(() => mine);
  tails.set(key, tail);

  await previous;
  try {
    return await runInScope({ held: new Set([...(holding ?? []), key]) }, run);
  } finally {
    release();
    if (tails.get(key) === tail) tails.delete(key);
  }
}
