// What changed since a verification: the content as it was hashed then against the content now, field by field;
// word by word for text, item by item for lists (sources). Pure: no Strapi.
import { canonicalJson } from './hash';

type Change<T> = { type: 'equal' | 'insert' | 'delete'; value: T };

interface FieldDiff {
  field: string;
  before: unknown;
  after: unknown;
  /** Words (text) or items (lists) kept, inserted and deleted, in order. */
  changes: Array<Change<unknown>>;
}

/**
 * The shortest edit script between two sequences (Myers' O(ND) algorithm), as runs of equal, deleted and inserted
 * items. `same` compares two items.
 */
export const diffSequences = <T>(
  a: T[],
  b: T[],
  same: (x: T, y: T) => boolean = (x, y) => x === y
): Array<Change<T>> => {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d += 1) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && same(a[x], b[y])) {
        x += 1;
        y += 1;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  // Walk back through the saved frontiers.
  const changes: Array<Change<T>> = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d -= 1) {
    const frontier = trace[d];
    const k = x - y;
    const previousK = k === -d || (k !== d && frontier[offset + k - 1] < frontier[offset + k + 1]) ? k + 1 : k - 1;
    const previousX = frontier[offset + previousK];
    const previousY = previousX - previousK;
    while (x > previousX && y > previousY) {
      changes.push({ type: 'equal', value: a[x - 1] });
      x -= 1;
      y -= 1;
    }
    if (d > 0) {
      if (x === previousX) changes.push({ type: 'insert', value: b[y - 1] });
      else changes.push({ type: 'delete', value: a[x - 1] });
    }
    x = previousX;
    y = previousY;
  }
  return changes.reverse();
};

/** Words and the spaces and punctuation between them, so that joining the tokens gives the text back. */
export const tokenize = (text: string): string[] => text.match(/\s+|[\p{L}\p{N}_'’-]+|[^\s\p{L}\p{N}_'’-]/gu) ?? [];

/** Consecutive changes of one type joined (for text: runs of words). */
const merge = (changes: Array<Change<string>>): Array<Change<string>> => {
  const merged: Array<Change<string>> = [];
  for (const change of changes) {
    const last = merged[merged.length - 1];
    if (last && last.type === change.type) last.value += change.value;
    else merged.push({ ...change });
  }
  return merged;
};

const textOf = (value: unknown): string | null => {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  return null;
};

/** The changes of one field: word level when both sides are text, item level for lists, else old value → new value. */
export const diffValues = (before: unknown, after: unknown): Array<Change<unknown>> => {
  const beforeText = textOf(before);
  const afterText = textOf(after);
  if (beforeText !== null && afterText !== null) return merge(diffSequences(tokenize(beforeText), tokenize(afterText)));
  if (Array.isArray(before) || Array.isArray(after)) {
    return diffSequences(
      Array.isArray(before) ? before : [],
      Array.isArray(after) ? after : [],
      (x, y) => canonicalJson(x) === canonicalJson(y)
    );
  }
  return [
    { type: 'delete', value: before },
    { type: 'insert', value: after },
  ];
};

/** Every field whose content differs between what was verified and what is there now, in the order of `fields`. */
export const diffContent = (
  verified: Record<string, unknown>,
  current: Record<string, unknown>,
  fields: string[]
): FieldDiff[] =>
  fields
    .filter((field) => canonicalJson(verified[field]) !== canonicalJson(current[field]))
    .map((field) => ({
      field,
      before: verified[field] ?? null,
      after: current[field] ?? null,
      changes: diffValues(verified[field], current[field]),
    }));
