import { withDocumentLock } from '../../server/src/services/lock';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('withDocumentLock', () => {
  it('runs work on one key one at a time, in arrival order', async () => {
    const log: string[] = [];
    const task = (name: string, ms: number) =>
      withDocumentLock('doc-1', async () => {
        log.push(`start ${name}`);
        await sleep(ms);
        log.push(`end ${name}`);
        return name;
      });
    const results = await Promise.all([task('a', 20), task('b', 1), task('c', 5)]);
    expect(results).toEqual(['a', 'b', 'c']);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });

  it('lets different keys run side by side', async () => {
    const log: string[] = [];
    await Promise.all([
      withDocumentLock('x', async () => {
        log.push('x start');
        await sleep(20);
        log.push('x end');
      }),
      withDocumentLock('y', async () => {
        log.push('y start');
        log.push('y end');
      }),
    ]);
    expect(log.indexOf('y end')).toBeLessThan(log.indexOf('x end'));
  });

  it('is re-entrant for the holder, so nested writes do not deadlock', async () => {
    const result = await withDocumentLock('doc-2', () => withDocumentLock('doc-2', async () => 'inner'));
    expect(result).toBe('inner');
  });

  it('releases the lock when the work throws', async () => {
    await expect(withDocumentLock('doc-3', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(withDocumentLock('doc-3', async () => 'after')).resolves.toBe('after');
  });
});
