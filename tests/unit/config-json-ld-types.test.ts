import config from '../../server/src/config';
import { pluginConfigSchema } from '../../shared/config-schema';

describe('config option jsonLdTypes', () => {
  it('is optional and accepts schema.org Article types and CreativeWork per enabled type', () => {
    expect(pluginConfigSchema.parse({ contentTypes: ['api::article.article'] })).not.toHaveProperty('jsonLdTypes');
    expect(() =>
      config.validator({
        ...config.default,
        contentTypes: ['api::article.article', 'api::page.page'],
        jsonLdTypes: { 'api::article.article': 'NewsArticle', 'api::page.page': 'CreativeWork' },
      })
    ).not.toThrow();
  });

  it('throws synchronously, naming the option, for a wrong type or an unlisted uid', () => {
    expect(() => config.validator({ contentTypes: ['api::a.a'], jsonLdTypes: 'NewsArticle' })).toThrow(
      'jsonLdTypes: must be an object mapping content type uids to schema.org types'
    );
    expect(() => config.validator({ contentTypes: ['api::a.a'], jsonLdTypes: { 'api::a.a': 'Recipe' } })).toThrow(
      /^jsonLdTypes\.api::a\.a: must be one of the schema\.org types Article, /
    );
    expect(() => config.validator({ contentTypes: ['api::a.a'], jsonLdTypes: { 'api::b.b': 'Article' } })).toThrow(
      'jsonLdTypes.api::b.b: names "api::b.b", which is not listed in contentTypes'
    );
  });
});
