import { AsyncLocalStorage } from 'async_hooks';

import { currentScope, runInScope, scopeStorageEnabled } from '../../server/src/scope';
import { withDocumentLock } from '../../server/src/services/lock';
import { isTrustedWrite, runTrustedWrite } from '../../server/src/utils';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Own symbol keys of a new promise: on Node 20 each enabled AsyncLocalStorage adds one to every promise. */
const symbolsOnNewPromise = () => {
  let count = 0;
  const probe = async () => {
    count = Object.getOwnPropertySymbols(new Promise(() => undefined)).length;
  };
  return probe().then(() => count);
};

/**
 * Whether this Node's AsyncLocalStorage marks promises (Node 20 and 22, by async hooks). Node 24's
 * AsyncContextFrame does not, and costs nothing per storage; the promise check below does not apply there.
 */
const storageMarksPromises = (() => {
  const probe = new AsyncLocalStorage<number>();
  let marked = false;
  probe.run(1, () => {
    marked = Object.getOwnPropertySymbols(Promise.resolve()).some((symbol) => symbol.description === 'kResourceStore');
  });
  probe.disable();
  return marked;
})();
const ifStorageMarksPromises = storageMarksPromises ? it : it.skip;

describe('plugin scope (locks held, trusted writes)', () => {
  // Measured before any test here has run a scope.
  let baseline = 0;
  beforeAll(async () => {
    baseline = await symbolsOnNewPromise();
  });

  it('is seen down the async call chain, and not outside it', async () => {
    expect(currentScope()).toBeUndefined();
    await runInScope({ trusted: true }, async () => {
      await sleep(1);
      expect(currentScope()?.trusted).toBe(true);
      await runInScope({ held: new Set(['k']) }, async () => {
        await sleep(1);
        expect(currentScope()).toMatchObject({ held: new Set(['k']), trusted: true });
      });
      expect(currentScope()?.held.has('k')).toBe(false);
    });
    expect(currentScope()).toBeUndefined();
    expect(isTrustedWrite()).toBe(false);
  });

  it('keeps a scope while another one that started with it has ended', async () => {
    const seen: Array<boolean | undefined> = [];
    await Promise.all([
      runTrustedWrite(async () => {
        await sleep(1);
      }),
      runInScope({ trusted: false }, async () => {
        await sleep(20);
        seen.push(currentScope()?.trusted);
        seen.push(isTrustedWrite());
      }),
      runTrustedWrite(async () => {
        await sleep(30);
        seen.push(isTrustedWrite());
      }),
    ]);
    expect(seen).toEqual([false, false, true]);
    expect(scopeStorageEnabled()).toBe(false);
  });

  it('does not lend a released lock, or trust, to work that outlived its scope', async () => {
    let outlived: Promise<unknown> = Promise.resolve();
    await withDocumentLock('doc-a', async () =>
      runTrustedWrite(async () => {
        outlived = (async () => {
          await sleep(20);
          return { held: currentScope()?.held.has('doc-a') ?? false, trusted: isTrustedWrite() };
        })();
      })
    );
    // Another write runs meanwhile, so the storage is enabled again when the stray work looks.
    const [stray] = await Promise.all([outlived, withDocumentLock('doc-b', () => sleep(40))]);
    expect(stray).toEqual({ held: false, trusted: false });
  });

  ifStorageMarksPromises('leaves nothing on the promises of the process once the plugin writes are done', async () => {
    await withDocumentLock('doc-c', async () => {
      await runTrustedWrite(async () => {
        await sleep(1);
        // While a write runs, promises carry the store (this is what the storage costs)...
        expect(await symbolsOnNewPromise()).toBeGreaterThan(baseline);
      });
    });
    // ...and afterwards, after all the writes of the tests above, they do not: reads pay nothing for it.
    expect(scopeStorageEnabled()).toBe(false);
    expect(await symbolsOnNewPromise()).toBe(baseline);
  });
});
