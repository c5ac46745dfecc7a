import { bootTestApp, createTestDatabase, startChildStrapi, type ChildStrapi, type TestContext } from '../helpers';

// Settings live in the database: a change made through one Strapi process is seen by another process on the
// same PostgreSQL database at once, without a restart. (PostgreSQL whatever TEST_DB says: that is the
// deployment this guards, several Strapi instances behind a load balancer.)
describe('settings are shared by every Strapi process on one PostgreSQL database', () => {
  let t: TestContext;
  let other: ChildStrapi;

  beforeAll(async () => {
    const database = await createTestDatabase(undefined, 'postgres');
    t = await bootTestApp({ database });
    other = await startChildStrapi(database);
  });

  afterAll(async () => {
    await other?.stop();
    await t?.stop();
  });

  it('sees a settings change made through the other process, and the content API uses it', async () => {
    const admin = await t.admin('super-admin');
    // Admin sessions are stored in the shared database, so the same token works on both processes.
    const before = await other.http.get('/trust-labels/settings', { token: admin.token });
    expect(before.status).toBe(200);
    expect(before.body.data.siteName).toBe('this site');

    const put = await t.http.put(
      '/trust-labels/settings',
      { siteName: 'Bytevyte', showVerifierName: true },
      { token: admin.token }
    );
    expect(put.status).toBe(200);

    const after = await other.http.get('/trust-labels/settings', { token: admin.token });
    expect(after.body.data).toMatchObject({ siteName: 'Bytevyte', showVerifierName: true });

    await t.strapi
      .documents('api::article.article')
      .create({ locale: 'en', data: { title: 'Shared' }, status: 'published' });
    await t.grantPublic(['api::article.article.find']);
    const list = await other.http.get('/api/articles');
    expect(list.status).toBe(200);
    expect(list.body.data[0].trust.disclaimer).toBe(
      'While we strive for accuracy, Bytevyte can make mistakes. Please verify important information independently.'
    );

    // And back the other way.
    const back = await other.http.put('/trust-labels/settings', { siteName: 'Other process' }, { token: admin.token });
    expect(back.status).toBe(200);
    expect((await t.http.get('/trust-labels/settings', { token: admin.token })).body.data.siteName).toBe(
      'Other process'
    );
  });
});
