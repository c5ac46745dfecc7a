import { startupError } from '../helpers';

// Each case boots the real playground with a bad plugin config and expects startup to fail with a message
// that names the problem.
describe('plugin config validation at startup', () => {
  it('refuses a content type uid that does not exist', async () => {
    const message = await startupError({ contentTypes: ['api::article.article', 'api::nope.nope'] });
    expect(message).toContain('trust-labels');
    expect(message).toContain('"api::nope.nope" is not a content type of this app');
  });

  it('refuses an attributeName that clashes with an existing attribute', async () => {
    const message = await startupError({ contentTypes: ['api::article.article'], attributeName: 'title' });
    expect(message).toContain('"api::article.article" already has an attribute named "title"');
  });

  it('refuses hashAttributes naming an attribute that does not exist', async () => {
    const message = await startupError({
      contentTypes: ['api::article.article'],
      hashAttributes: { 'api::article.article': ['title', 'subtitle'] },
    });
    expect(message).toContain('"api::article.article" has no attribute named "subtitle"');
  });

  it.each([
    ['contentTypes is missing', {}, 'contentTypes: is required'],
    [
      'contentTypes is a string',
      { contentTypes: 'api::article.article' },
      'contentTypes: must be an array of content type uids',
    ],
    ['contentTypes holds a number', { contentTypes: [42] }, 'contentTypes.0: must be a content type uid string'],
    [
      'attributeName is a number',
      { contentTypes: ['api::article.article'], attributeName: 7 },
      'attributeName: must be a string',
    ],
    [
      'hashAttributes is an array',
      { contentTypes: ['api::article.article'], hashAttributes: ['title'] },
      'hashAttributes: must be an object',
    ],
    ['an option is unknown', { contentTypes: ['api::article.article'], colour: 'red' }, 'unknown option(s) "colour"'],
  ])('refuses a wrong option type: %s', async (_case, config, expected) => {
    const message = await startupError(config);
    expect(message).toContain('Error regarding trust-labels config');
    expect(message).toContain(expected);
  });

  it('starts with a valid non-default config', async () => {
    const message = await startupError({
      contentTypes: ['api::article.article', 'api::page.page'],
      attributeName: 'trustLabel',
      hashAttributes: { 'api::article.article': ['title', 'body'] },
    });
    expect(message).toBeNull();
  });
});
