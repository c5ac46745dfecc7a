import { bootTestApp, type TestContext } from '../helpers';

describe('the playground boots with the plugin', () => {
  let t: TestContext;

  beforeAll(async () => {
    t = await bootTestApp();
  });

  afterAll(async () => {
    await t?.stop();
  });

  it('loads trust-labels as a Strapi plugin with its default config', () => {
    const plugin = t.strapi.plugin('trust-labels');
    expect(plugin).toBeDefined();
    expect(t.strapi.config.get('plugin::trust-labels')).toEqual({
      contentTypes: ['api::article.article'],
      attributeName: 'trust',
      hashAttributes: {},
      integrityCheckOnStartup: true,
      integrityBatchSize: 500,
      integrityLeaseSeconds: 60,
    });
  });

  it('serves the content API over HTTP', async () => {
    const res = await t.http.get('/api/articles');
    // No public permission is granted on a fresh database.
    expect(res.status).toBe(403);
    expect(res.body.error.name).toBe('ForbiddenError');
  });

  it('logs in a real admin user with each built-in role', async () => {
    for (const role of ['super-admin', 'editor', 'author'] as const) {
      const session = await t.admin(role, role);
      const me = await t.http.get('/admin/users/me', { token: session.token });
      expect(me.status).toBe(200);
      expect(me.body.data.email).toBe(session.email);
      expect(me.body.data.roles.map((r: { code: string }) => r.code)).toEqual([
        { 'super-admin': 'strapi-super-admin', editor: 'strapi-editor', author: 'strapi-author' }[role],
      ]);
    }
  });

  it('registers the RBAC actions of the spec', async () => {
    const session = await t.admin('super-admin');
    const res = await t.http.get('/admin/permissions', { token: session.token });
    expect(res.status).toBe(200);
    const actions = res.body.data.sections.plugins.map((p: { action: string }) => p.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'plugin::trust-labels.read',
        'plugin::trust-labels.edit',
        'plugin::trust-labels.verify',
        'plugin::trust-labels.settings.read',
        'plugin::trust-labels.settings.update',
      ])
    );
  });

  it('creates API tokens that the content API accepts', async () => {
    const readOnly = await t.apiToken('read-only');
    const res = await t.http.get('/api/articles', { token: readOnly });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([]);
  });
});
