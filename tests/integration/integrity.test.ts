import { ARTICLE_UID, bootTestApp, createTestDatabase, trustPath, type AdminSession, type TestContext, type TestDatabase } from '../helpers';
import { ALL_CHECKS } from '../helpers/checks';

/**
 * GET /trust-labels/integrity finds every version whose stored status breaks the rule for its content as stored
 * (a write that bypassed the plugin: plain SQL here), POST repairs them with an audit event each, and a restart
 * repairs them too (integrityCheckOnStartup, on by default).
 */
describe('integrity check', () => {
  let database: TestDatabase;
  let t: TestContext;
  let editor: AdminSession;
  let author: AdminSession;

  const SOURCES = [{ title: 'Source', url: 'https://example.com/source' }];

  const boot = async (pluginConfig?: unknown) => {
    t = await bootTestApp({ database, pluginConfig });
    editor = await t.admin('editor', 'ivy');
    author = await t.admin('author', 'abe');
  };

  /** A published article, verified (draft and published version). */
  const verifiedArticle = async (title: string) => {
    const created = await t.strapi.documents(ARTICLE_UID).create({ locale: 'en', data: { title, body: 'Body' } as any });
    expect((await t.http.put(trustPath(created.documentId, '?locale=en'), { sources: SOURCES }, { token: editor.token })).status).toBe(200);
    await t.strapi.documents(ARTICLE_UID).publish({ documentId: created.documentId, locale: 'en' });
    const verify = await t.http.post(trustPath(created.documentId, '/verify?locale=en'), { checks: ALL_CHECKS }, { token: editor.token });
    expect(verify.body.data.published.status).toBe('verified');
    return created.documentId;
  };

  /** The stored rows of a document (draft first), for writes that bypass the plugin. */
  const rowsOf = async (documentId: string) =>
    (await t.strapi.db.query(ARTICLE_UID).findMany({ where: { documentId }, populate: ['trust'], orderBy: { id: 'asc' } })) as any[];
  const draftOf = async (documentId: string) => (await rowsOf(documentId)).find((row) => !row.publishedAt);

  const integrity = (method: 'get' | 'post', token = editor.token) =>
    method === 'get' ? t.http.get('/trust-labels/integrity', { token }) : t.http.post('/trust-labels/integrity', {}, { token });

  beforeAll(async () => {
    database = await createTestDatabase();
    await boot();
  });

  afterAll(async () => {
    await t?.stop();
  });

  it('reports no drift when every write went through the plugin', async () => {
    await verifiedArticle('Clean');
    const res = await integrity('get');
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ ok: true, drift: [] });
    expect(res.body.data.checkedVersions).toBeGreaterThanOrEqual(2);
  });

  it('finds a verified version whose content was changed by plain SQL, and POST makes it stale with an event', async () => {
    const documentId = await verifiedArticle('Edited behind the plugin');
    const draft = await draftOf(documentId);
    await t.strapi.db.query(ARTICLE_UID).update({ where: { id: draft.id }, data: { title: 'Changed by SQL' } });

    const found = await integrity('get');
    expect(found.body.data.ok).toBe(false);
    expect(found.body.data.drift).toContainEqual({ uid: ARTICLE_UID, documentId, locale: 'en', version: 'draft', stored: 'verified', expected: 'stale', reason: 'content' });

    const repaired = await integrity('post');
    expect(repaired.status).toBe(200);
    expect(repaired.body.data.ok).toBe(true);
    expect(repaired.body.data.fixed).toContainEqual({ uid: ARTICLE_UID, documentId, locale: 'en', version: 'draft', stored: 'verified', expected: 'stale', reason: 'content' });
    const state = await t.http.get(trustPath(documentId, '?locale=en'), { token: editor.token });
    expect(state.body.data.draft).toMatchObject({ status: 'stale', changedFields: ['title'] });
    expect(state.body.data.published.status).toBe('verified');
    const history = await t.http.get(trustPath(documentId, '/history?locale=en'), { token: editor.token });
    expect(history.body.data[0]).toMatchObject({ action: 'stale', actor: { name: 'Integrity check', type: 'system' } });
    expect(history.body.data[0].note).toMatch(/integrity check/);
  });

  it('finds a stale version whose content is back to what was verified (restore) and a verified one with no hash (unverify)', async () => {
    const restored = await verifiedArticle('Restored');
    const unhashed = await verifiedArticle('Unhashed');
    const restoredDraft = await draftOf(restored);
    await t.strapi.db.query('trust-labels.trust' as any).update({ where: { id: restoredDraft.trust.id }, data: { status: 'stale', changedFields: ['title'] } });
    const unhashedDraft = await draftOf(unhashed);
    await t.strapi.db.query('trust-labels.trust' as any).update({ where: { id: unhashedDraft.trust.id }, data: { verifiedHash: null } });

    const found = (await integrity('get')).body.data.drift;
    expect(found).toContainEqual({ uid: ARTICLE_UID, documentId: restored, locale: 'en', version: 'draft', stored: 'stale', expected: 'verified', reason: 'content' });
    expect(found).toContainEqual({ uid: ARTICLE_UID, documentId: unhashed, locale: 'en', version: 'draft', stored: 'verified', expected: 'unverified', reason: 'content' });
    expect((await integrity('post')).body.data.ok).toBe(true);

    const actions = async (documentId: string) =>
      (await t.http.get(trustPath(documentId, '/history?locale=en'), { token: editor.token })).body.data.map((event: any) => event.action);
    expect((await actions(restored))[0]).toBe('restore');
    expect((await actions(unhashed))[0]).toBe('repair');
    expect((await t.http.get(trustPath(unhashed, '?locale=en'), { token: editor.token })).body.data.draft).toMatchObject({ status: 'unverified', verifiedAt: null });
  });

  it('needs read to check and verify to repair', async () => {
    expect((await integrity('get', author.token)).status).toBe(200);
    expect((await integrity('post', author.token)).status).toBe(403);
    const nobody = await t.admin(await t.role('no trust labels', []), 'nia');
    expect((await integrity('get', nobody.token)).status).toBe(403);
  });

  it('repairs at startup by default, and not with integrityCheckOnStartup: false', async () => {
    const documentId = await verifiedArticle('Healed by a restart');
    const draft = await draftOf(documentId);
    await t.strapi.db.query(ARTICLE_UID).update({ where: { id: draft.id }, data: { title: 'Changed while nobody looked' } });

    await t.stop({ keepDatabase: true });
    await boot({ contentTypes: [ARTICLE_UID], integrityCheckOnStartup: false });
    expect((await integrity('get')).body.data.drift.map((item: any) => item.documentId)).toContain(documentId);

    await t.stop({ keepDatabase: true });
    await boot();
    expect((await integrity('get')).body.data).toMatchObject({ ok: true, drift: [] });
    expect((await t.http.get(trustPath(documentId, '?locale=en'), { token: editor.token })).body.data.draft.status).toBe('stale');
  });
});
