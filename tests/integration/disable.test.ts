import {
  ARTICLE_UID,
  bootTestApp,
  createTestDatabase,
  trustPath,
  waitForIntegrityCheck,
  type TestContext,
  type TestDatabase,
} from '../helpers';
import { ALL_CHECKS } from '../helpers/checks';

/**
 * docs/install-and-configure.md#disabling-or-removing-the-plugin: one start without it drops the entries' trust data
 * (Strapi's schema sync), but not the audit log, which is listed in Strapi's persisted_tables. Enabled again, the
 * history is there and its chain still holds.
 */
describe('starting once without the plugin', () => {
  let database: TestDatabase;
  let t: TestContext | null = null;

  afterAll(async () => {
    await t?.stop();
  });

  it('keeps the audit log and its chain; the entries start unverified again', async () => {
    database = await createTestDatabase();
    t = await bootTestApp({ database });
    let admin = await t.admin('super-admin', 'dee');
    const created = await t.strapi
      .documents(ARTICLE_UID)
      .create({ locale: 'en', data: { title: 'Kept record', body: 'Body' } as any });
    const documentId = created.documentId;
    expect(
      (
        await t.http.put(
          trustPath(documentId, '?locale=en'),
          { sources: [{ title: 'S', url: 'https://example.com/s' }] },
          { token: admin.token }
        )
      ).status
    ).toBe(200);
    expect(
      (
        await t.http.post(
          trustPath(documentId, '/verify?locale=en'),
          { note: 'Before the pause', checks: ALL_CHECKS },
          { token: admin.token }
        )
      ).status
    ).toBe(200);
    await t.stop({ keepDatabase: true });

    t = await bootTestApp({ database, env: { TRUST_LABELS_ENABLED: 'false' } });
    expect(t.strapi.plugin('trust-labels')).toBeUndefined();
    const tables = new Set(
      (
        await Promise.all(
          ['trust_labels_audit_events', 'trust_labels_audit_chain', 'components_trust_labels_trusts'].map(
            async (name) => ((await t!.strapi.db.getSchemaConnection().hasTable(name)) ? name : null)
          )
        )
      ).filter(Boolean)
    );
    expect([...tables].sort()).toEqual(['trust_labels_audit_chain', 'trust_labels_audit_events']);
    await t.stop({ keepDatabase: true });

    const since = Date.now();
    t = await bootTestApp({ database });
    admin = await t.admin('super-admin', 'dee-again');
    // GET answers with the startup check (in the background), which walked the chain.
    await waitForIntegrityCheck(t.strapi, since);
    const history = await t.http.get(trustPath(documentId, '/history?locale=en'), { token: admin.token });
    expect(history.body.data.map((event: any) => event.action)).toEqual(['verify', 'edit']);
    expect(history.body.data[0].note).toBe('Before the pause');
    const integrity = await t.http.get('/trust-labels/integrity', { token: admin.token });
    expect(integrity.body.data.chain).toMatchObject({ ok: true, events: 2 });
    expect((await t.http.get(trustPath(documentId, '?locale=en'), { token: admin.token })).body.data.draft.status).toBe(
      'unverified'
    );
  });
});
