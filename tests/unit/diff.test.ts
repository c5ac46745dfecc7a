import fc from 'fast-check';

import { diffContent, diffSequences, diffValues, tokenize } from '../../server/src/domain/diff';

const apply = <T>(changes: Array<{ type: string; value: T }>, side: 'before' | 'after') =>
  changes
    .filter((change) => change.type === 'equal' || change.type === (side === 'before' ? 'delete' : 'insert'))
    .map((change) => change.value);

describe('diff of what changed since a verification', () => {
  it('is a shortest edit script that rebuilds both sides', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 30 }),
        fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 30 }),
        (a, b) => {
          const changes = diffSequences(a, b);
          expect(apply(changes, 'before')).toEqual(a);
          expect(apply(changes, 'after')).toEqual(b);
        }
      )
    );
    expect(diffSequences([1, 2, 3], [1, 3]).filter((change) => change.type !== 'equal')).toEqual([
      { type: 'delete', value: 2 },
    ]);
  });

  it('diffs text word by word, keeping spaces and punctuation', () => {
    expect(tokenize('Hello, wide world!')).toEqual(['Hello', ',', ' ', 'wide', ' ', 'world', '!']);
    expect(diffValues('The council voted 7 to 2.', 'The council voted 8 to 1.')).toEqual([
      { type: 'equal', value: 'The council voted ' },
      { type: 'delete', value: '7' },
      { type: 'insert', value: '8' },
      { type: 'equal', value: ' to ' },
      { type: 'delete', value: '2' },
      { type: 'insert', value: '1' },
      { type: 'equal', value: '.' },
    ]);
  });

  it('diffs lists item by item, and names only the fields that changed', () => {
    const a = { title: 'T', url: 'https://a.example/' };
    const b = { title: 'U', url: 'https://b.example/' };
    const diff = diffContent({ title: 'Same', sources: [a, b] }, { title: 'Same', sources: [b] }, ['title', 'sources']);
    expect(diff).toEqual([
      {
        field: 'sources',
        before: [a, b],
        after: [b],
        changes: [
          { type: 'delete', value: a },
          { type: 'equal', value: b },
        ],
      },
    ]);
  });

  it('finds one inserted word in a long text', () => {
    const list = Array.from({ length: 20000 }, (_, i) => `word${i % 97}`);
    const changes = diffValues(list.join(' '), [...list.slice(0, 5000), 'inserted', ...list.slice(5000)].join(' '));
    expect(changes.filter((change) => change.type !== 'equal')).toEqual([{ type: 'insert', value: 'inserted ' }]);
  });
});
