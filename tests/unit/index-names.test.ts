import { linkIndexName } from '../../server/src/database/indexes';

describe('the link tables’ index names (database/indexes.ts)', () => {
  it('names the index after its table', () => {
    expect(linkIndexName('articles_cmps')).toBe('articles_cmps_trust_labels_cmp_index');
  });

  it('stays within every database’s identifier limit, and differs between long tables that share a prefix', () => {
    const long = (suffix: string) => `a_very_long_collection_name_for_newsroom_archives_${suffix}_cmps`;
    const names = [long('one'), long('two')].map(linkIndexName);
    for (const name of names) expect(name.length).toBeLessThanOrEqual(60);
    expect(names[0]).not.toBe(names[1]);
    expect(linkIndexName(long('one'))).toBe(names[0]);
  });
});
