import { AsyncLocalStorage } from 'async_hooks';

/**
 * What the plugin's own writes carry down their async call chain: the document locks they hold (so that
 * nested writes to the same document do not wait for themselves, see services/lock.ts) and whether trust data
 * in a write comes from the plugin (see runTrustedWrite in utils.ts).
 *
 * One AsyncLocalStorage, enabled only while at least one scope is running. On Node 20 every enabled
 * AsyncLocalStorage copies its store onto every promise the process creates, in every request and not only
 * in the plugin's writes: two always-enabled storages cost about 5% of content API throughput (bench/).
 * Disabled between the plugin's writes, the storage costs reads nothing.
 */
export interface Scope {
  readonly held: ReadonlySet<string>;
  readonly trusted: boolean;
}

interface StoredScope extends Scope {
  readonly parent: StoredScope | undefined;
  /** False once its run has settled. */
  live: boolean;
}

const storage = new AsyncLocalStorage<StoredScope>();
let running = 0;

const liveScope = (): StoredScope | undefined => {
  let scope = running > 0 ? storage.getStore() : undefined;
  // Work started in a scope and not awaited can outlive it: it belongs to the nearest scope still running
  // (it holds that scope's locks, not those released since), or to none.
  while (scope && !scope.live) scope = scope.parent;
  return scope;
};

/** The scope of the current async call chain, or undefined outside every running scope. */
export const currentScope = (): Scope | undefined => liveScope();

/** Runs `run` in the current scope with `changes` applied. */
export const runInScope = async <T>(changes: Partial<Scope>, run: () => Promise<T>): Promise<T> => {
  const parent = liveScope();
  const scope: StoredScope = {
    held: changes.held ?? parent?.held ?? new Set(),
    trusted: changes.trusted ?? parent?.trusted ?? false,
    parent,
    live: true,
  };
  running += 1;
  try {
    return await storage.run(scope, run);
  } finally {
    scope.live = false;
    running -= 1;
    if (running === 0) storage.disable();
  }
};

/** Whether the storage is enabled; it must be off whenever none of the plugin's writes is running. */
export const scopeStorageEnabled = (): boolean => running > 0;
