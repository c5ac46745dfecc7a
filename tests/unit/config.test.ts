import config from '../../server/src/config';
import { checkConfigAgainstSchemas } from '../../server/src/validation/config-against-schemas';
import { pluginConfigSchema } from '../../shared/config-schema';

const article = { attributes: { title: { type: 'string' }, body: { type: 'richtext' } } };
const lookup = (uid: string) => (uid === 'api::article.article' ? article : undefined);

describe('config validator (synchronous, types only)', () => {
  it('accepts the minimal config and fills defaults', () => {
    expect(() => config.validator({ ...config.default, contentTypes: ['api::article.article'] })).not.toThrow();
    expect(pluginConfigSchema.parse({ contentTypes: ['api::article.article'] })).toEqual({
      contentTypes: ['api::article.article'],
      attributeName: 'trust',
      hashAttributes: {},
      disclosureHeader: false,
      integrityCheckOnStartup: true,
      integrityBatchSize: 500,
      integrityLeaseSeconds: 60,
    });
  });

  it("bounds the integrity check's batch size and lease", () => {
    expect(() => config.validator({ contentTypes: ['api::article.article'], integrityBatchSize: 0 })).toThrow(
      /^integrityBatchSize: /
    );
    expect(() => config.validator({ contentTypes: ['api::article.article'], integrityBatchSize: 2.5 })).toThrow(
      /^integrityBatchSize: must be a whole number/
    );
    expect(() => config.validator({ contentTypes: ['api::article.article'], integrityLeaseSeconds: '60' })).toThrow(
      /^integrityLeaseSeconds: must be a number/
    );
  });

  it('throws synchronously, naming the option', () => {
    expect(() => config.validator({ contentTypes: 'api::article.article' })).toThrow(/^contentTypes: /);
    expect(() => config.validator({ contentTypes: [] })).toThrow(
      'contentTypes: must name at least one content type uid'
    );
    expect(() => config.validator({ contentTypes: ['article'] })).toThrow('contentTypes.0: must be a content type uid');
    expect(() => config.validator({ contentTypes: ['api::a.a', 'api::a.a'] })).toThrow(
      'contentTypes.1: lists "api::a.a" twice'
    );
    expect(() => config.validator({ contentTypes: ['api::a.a'], attributeName: '' })).toThrow(
      'attributeName: must be a valid attribute name'
    );
    expect(() => config.validator({ contentTypes: ['api::a.a'], attributeName: '1abc' })).toThrow('attributeName:');
    expect(() => config.validator({ contentTypes: ['api::a.a'], hashAttributes: { 'api::a.a': 'title' } })).toThrow(
      'hashAttributes.api::a.a: must be an array of attribute names'
    );
    expect(() => config.validator({ contentTypes: ['api::a.a'], hashAttributes: { 'api::b.b': ['x'] } })).toThrow(
      'hashAttributes.api::b.b: names "api::b.b", which is not listed in contentTypes'
    );
    expect(() => config.validator(null)).toThrow();
  });
});

describe('checkConfigAgainstSchemas', () => {
  const parse = (input: unknown) => pluginConfigSchema.parse(input);

  it('finds nothing wrong with a matching config', () => {
    expect(checkConfigAgainstSchemas(parse({ contentTypes: ['api::article.article'] }), lookup)).toEqual([]);
  });

  it('reports unknown uids, clashes and unknown hash attributes together', () => {
    const problems = checkConfigAgainstSchemas(
      parse({
        contentTypes: ['api::article.article', 'api::ghost.ghost'],
        attributeName: 'title',
        hashAttributes: { 'api::article.article': ['body', 'summary'], 'api::ghost.ghost': ['x'] },
      }),
      lookup
    );
    expect(problems).toEqual([
      'attributeName: "api::article.article" already has an attribute named "title"; choose another attributeName',
      'contentTypes.1: "api::ghost.ghost" is not a content type of this app',
      'hashAttributes.api::article.article.1: "api::article.article" has no attribute named "summary"',
    ]);
  });

  it('refuses hashing the trust attribute itself', () => {
    const withTrust = { attributes: { ...article.attributes, trust: { type: 'component' } } };
    expect(
      checkConfigAgainstSchemas(
        parse({ contentTypes: ['api::article.article'], hashAttributes: { 'api::article.article': ['trust'] } }),
        () => withTrust
      )
    ).toContain(
      'attributeName: "api::article.article" already has an attribute named "trust"; choose another attributeName'
    );
  });
});
