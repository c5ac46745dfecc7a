import {
  ARTICLE_UID,
  bootTestApp,
  contentManagerOn,
  createTestDatabase,
  ensureFrenchLocale,
  runIntegrityCheck,
  trustPath,
  waitForIntegrityCheck,
  type AdminSession,
  type TestContext,
  type TestDatabase,
} from '../helpers';
import { ALL_CHECKS } from '../helpers/checks';

/**
 * The integrity check finds every version whose stored status breaks the rule for its content as stored (a write
 * that bypassed the plugin: plain SQL here), and every trust row whose review record is not its verify event's;
 * a repairing check (POST) repairs them with an audit event each, and a restart repairs them too
 * (integrityCheckOnStartup, on by default). The check runs in the background: GET answers at once with the last
 * completed one, POST runs one (`repair: false`: without repairing) and answers its result. Results are scoped to
 * what the user may read.
 */
describe('integrity check', () => {
  let database: TestDatabase;
  let t: TestContext;
  let editor: AdminSession;
  let author: AdminSession;

  const SOURCES = [{ title: 'Source', url: 'https://example.com/source' }];

  const boot = async (pluginConfig?: unknown) => {
    const since = Date.now();
    t = await bootTestApp({ database, pluginConfig });
    const startupCheck = (pluginConfig as any)?.integrityCheckOnStartup !== false;
    if (startupCheck) await waitForIntegrityCheck(t.strapi, since);
    editor = await t.admin('editor', 'ivy');
    author = await t.admin('author', 'abe');
  };

  /** A published article, verified (draft and published version). */
  const verifiedArticle = async (title: string) => {
    const created = await t.strapi
      .documents(ARTICLE_UID)
      .create({ locale: 'en', data: { title, body: 'Body' } as any });
    expect(
      (await t.http.put(trustPath(created.documentId, '?locale=en'), { sources: SOURCES }, { token: editor.token }))
        .status
    ).toBe(200);
    await t.strapi.documents(ARTICLE_UID).publish({ documentId: created.documentId, locale: 'en' });
    const verify = await t.http.post(
      trustPath(created.documentId, '/verify?locale=en'),
      { checks: ALL_CHECKS },
      { token: editor.token }
    );
    expect(verify.body.data.published.status).toBe('verified');
    return created.documentId;
  };

  /** The stored rows of a document (draft first), for writes that bypass the plugin. */
  const rowsOf = async (documentId: string) =>
    (await t.strapi.db
      .query(ARTICLE_UID)
      .findMany({ where: { documentId }, populate: ['trust'], orderBy: { id: 'asc' } })) as any[];
  const draftOf = async (documentId: string) => (await rowsOf(documentId)).find((row) => !row.publishedAt);

  const integrity = (method: 'get' | 'post', token = editor.token) =>
    method === 'get'
      ? t.http.get('/trust-labels/integrity', { token })
      : t.http.post('/trust-labels/integrity', {}, { token });
  /** Runs a check without repair; GET then answers the same. */
  const check = async (token = editor.token) => {
    const result = await runIntegrityCheck(t.http, token);
    const get = await integrity('get', token);
    expect(get.status).toBe(200);
    expect(get.body.data).toEqual(result);
    return get;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    await boot();
  });

  afterAll(async () => {
    await t?.stop();
  });

  it('the startup check ran after the server listened; GET answers with it at once', async () => {
    const res = await integrity('get');
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ ok: true, drift: [], repair: true, running: null, chain: { ok: true } });
    expect(Date.parse(res.body.data.completedAt)).toBeGreaterThanOrEqual(Date.parse(res.body.data.startedAt));
  });

  it('reports no drift when every write went through the plugin', async () => {
    await verifiedArticle('Clean');
    const res = await check();
    expect(res.body.data).toMatchObject({ ok: true, drift: [], driftTotal: 0, repair: false, running: null });
    expect(res.body.data.checkedVersions).toBeGreaterThanOrEqual(2);
  });

  it('POST refuses a body it does not understand (400 with a code)', async () => {
    const bad = await t.http.post('/trust-labels/integrity', { repair: 'yes' }, { token: editor.token });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.errors[0]).toMatchObject({ path: ['repair'], code: 'trust.invalidType' });
    const unknown = await t.http.post('/trust-labels/integrity', { everything: true }, { token: editor.token });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details.errors[0]).toMatchObject({ code: 'trust.unknownKey' });
  });

  it('finds a verified version whose content was changed by plain SQL, and POST makes it stale with an event', async () => {
    const documentId = await verifiedArticle('Edited behind the plugin');
    const draft = await draftOf(documentId);
    await t.strapi.db.query(ARTICLE_UID).update({ where: { id: draft.id }, data: { title: 'Changed by SQL' } });

    const found = await check();
    expect(found.body.data.ok).toBe(false);
    expect(found.body.data.drift).toContainEqual({
      uid: ARTICLE_UID,
      documentId,
      locale: 'en',
      version: 'draft',
      stored: 'verified',
      expected: 'stale',
      reason: 'content',
    });

    const repaired = await integrity('post');
    expect(repaired.status).toBe(200);
    expect(repaired.body.data.ok).toBe(true);
    expect(repaired.body.data.fixed).toContainEqual({
      uid: ARTICLE_UID,
      documentId,
      locale: 'en',
      version: 'draft',
      stored: 'verified',
      expected: 'stale',
      reason: 'content',
    });
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
    await t.strapi.db
      .query('trust-labels.trust' as any)
      .update({ where: { id: restoredDraft.trust.id }, data: { status: 'stale', changedFields: ['title'] } });
    const unhashedDraft = await draftOf(unhashed);
    await t.strapi.db
      .query('trust-labels.trust' as any)
      .update({ where: { id: unhashedDraft.trust.id }, data: { verifiedHash: null } });

    const found = (await check()).body.data.drift;
    expect(found).toContainEqual({
      uid: ARTICLE_UID,
      documentId: restored,
      locale: 'en',
      version: 'draft',
      stored: 'stale',
      expected: 'verified',
      reason: 'content',
    });
    expect(found).toContainEqual({
      uid: ARTICLE_UID,
      documentId: unhashed,
      locale: 'en',
      version: 'draft',
      stored: 'verified',
      expected: 'unverified',
      reason: 'content',
    });
    expect((await integrity('post')).body.data.ok).toBe(true);

    const actions = async (documentId: string) =>
      (await t.http.get(trustPath(documentId, '/history?locale=en'), { token: editor.token })).body.data.map(
        (event: any) => event.action
      );
    expect((await actions(restored))[0]).toBe('restore');
    expect((await actions(unhashed))[0]).toBe('repair');
    expect(
      (await t.http.get(trustPath(unhashed, '?locale=en'), { token: editor.token })).body.data.draft
    ).toMatchObject({ status: 'unverified', verifiedAt: null });
  });

  it('needs read to check and verify to repair', async () => {
    expect((await integrity('get', author.token)).status).toBe(200);
    expect((await integrity('post', author.token)).status).toBe(403);
    const nobody = await t.admin(await t.role('no trust labels', []), 'nia');
    expect((await integrity('get', nobody.token)).status).toBe(403);
  });

  it('a review record forged by SQL on the trust row is drift (reason record), never shown publicly, and POST restores it from the verify event', async () => {
    await t.grantPublic([`${ARTICLE_UID}.find`]);
    const created = await t.strapi
      .documents(ARTICLE_UID)
      .create({ locale: 'en', data: { title: 'Record rewritten', body: 'Body' } as any });
    const documentId = created.documentId;
    const put = await t.http.put(
      trustPath(documentId, '?locale=en'),
      { aiInvolvement: 'assisted', sources: SOURCES },
      { token: editor.token }
    );
    expect(put.status).toBe(200);
    await t.strapi.documents(ARTICLE_UID).publish({ documentId, locale: 'en' });
    expect(
      (await t.http.post(trustPath(documentId, '/verify?locale=en'), { checks: ALL_CHECKS }, { token: editor.token }))
        .status
    ).toBe(200);
    const genuine = (await rowsOf(documentId)).map((row) => row.trust);
    const [verifyEvent] = (await t.http.get(trustPath(documentId, '/history?locale=en'), { token: editor.token })).body
      .data;
    expect(verifyEvent).toMatchObject({ action: 'verify', aiInvolvement: 'assisted' });
    expect(new Date(genuine[0].verifiedAt).getTime()).toBe(new Date(verifyEvent.at).getTime());

    // Someone with database access rewrites the review record of both versions.
    for (const row of await rowsOf(documentId)) {
      await t.strapi.db
        .connection('components_trust_labels_trusts')
        .where('id', row.trust.id)
        .update({
          verified_at: new Date('2020-01-01T00:00:00.000Z'),
          verified_by_name: 'Forged Reviewer',
          checks: JSON.stringify(['sources']),
        });
    }

    // Never shown: the receipt and JSON-LD take the review record from the verify event.
    const receipt = await t.http.get(`/api/trust-labels/receipt/${ARTICLE_UID}/${documentId}`, {
      query: { locale: 'en' },
    });
    expect(receipt.status).toBe(200);
    expect(receipt.body.data).toMatchObject({ status: 'verified', checks: ALL_CHECKS });
    expect(new Date(receipt.body.data.verifiedAt).getTime()).toBe(new Date(verifyEvent.at).getTime());
    expect(receipt.text).not.toMatch(/Forged|2020-01-01/);
    const jsonLd = await t.http.get(`/api/trust-labels/json-ld/${ARTICLE_UID}/${documentId}`, {
      query: { locale: 'en' },
    });
    expect(jsonLd.status).toBe(200);
    expect(new Date(jsonLd.body.mainEntityOfPage.lastReviewed).getTime()).toBe(new Date(verifyEvent.at).getTime());
    expect(jsonLd.text).not.toMatch(/Forged|2020-01-01/);

    // Found by a check, shown by GET.
    const found = (await check()).body.data;
    expect(found.ok).toBe(false);
    for (const version of ['draft', 'published']) {
      expect(found.drift).toContainEqual({
        uid: ARTICLE_UID,
        documentId,
        locale: 'en',
        version,
        stored: 'verified',
        expected: 'verified',
        reason: 'record',
      });
    }

    // Repaired from the event, with an audit event that names what was restored.
    const repaired = await integrity('post');
    expect(repaired.status).toBe(200);
    expect(repaired.body.data).toMatchObject({ ok: true, drift: [] });
    expect(repaired.body.data.fixed.filter((item: any) => item.documentId === documentId)).toHaveLength(2);
    const restored = (await rowsOf(documentId)).map((row) => row.trust);
    for (const [index, trust] of restored.entries()) {
      expect(new Date(trust.verifiedAt).getTime()).toBe(new Date(verifyEvent.at).getTime());
      expect(trust).toMatchObject({
        status: 'verified',
        verifiedByName: genuine[index].verifiedByName,
        checks: ALL_CHECKS,
      });
    }
    const history = (await t.http.get(trustPath(documentId, '/history?locale=en'), { token: editor.token })).body.data;
    expect(history[0]).toMatchObject({ action: 'repair', actor: { name: 'Integrity check', type: 'system' } });
    expect(history[0].note).toMatch(/review record/);
    expect([...history[0].changedFields].sort()).toEqual(['checks', 'verifiedAt', 'verifiedByName']);
    expect((await check()).body.data).toMatchObject({ ok: true, drift: [] });
  });

  it('scopes ok, counts and drift to the versions the user may read (a role limited to one locale)', async () => {
    await ensureFrenchLocale(t.strapi);
    const french = await t.strapi
      .documents(ARTICLE_UID)
      .create({ locale: 'fr', data: { title: 'Article français', body: 'Corps' } as any });
    expect(
      (await t.http.put(trustPath(french.documentId, '?locale=fr'), { sources: SOURCES }, { token: editor.token }))
        .status
    ).toBe(200);
    expect(
      (
        await t.http.post(
          trustPath(french.documentId, '/verify?locale=fr'),
          { checks: ALL_CHECKS },
          { token: editor.token }
        )
      ).status
    ).toBe(200);
    const frenchDraft = (await rowsOf(french.documentId)).find((row) => !row.publishedAt);
    await t.strapi.db.query(ARTICLE_UID).update({ where: { id: frenchDraft.id }, data: { title: 'Changé en SQL' } });

    const englishOnly = await t.admin(
      await t.role('English readers', [
        { action: 'plugin::trust-labels.read' },
        ...contentManagerOn(ARTICLE_UID, ['read'], { locales: ['en'] }),
      ]),
      'eno'
    );
    const frenchOnly = await t.admin(
      await t.role('French readers', [
        { action: 'plugin::trust-labels.read' },
        ...contentManagerOn(ARTICLE_UID, ['read'], { locales: ['fr'] }),
      ]),
      'fro'
    );

    const all = (await check()).body.data;
    expect(all.ok).toBe(false);
    expect(all.drift).toContainEqual(
      expect.objectContaining({ documentId: french.documentId, locale: 'fr', reason: 'content' })
    );
    const count = (locale: string) => t.strapi.db.query(ARTICLE_UID).count({ where: { locale } });

    const en = (await integrity('get', englishOnly.token)).body.data;
    expect(en).toMatchObject({ ok: true, drift: [], driftTotal: 0 });
    expect(en.checkedVersions).toBe(await count('en'));
    expect(en.chain).toEqual(all.chain);

    const fr = (await integrity('get', frenchOnly.token)).body.data;
    expect(fr.ok).toBe(false);
    expect(fr.drift).toEqual(all.drift.filter((item: any) => item.locale === 'fr'));
    expect(fr.drift.length).toBeGreaterThan(0);
    expect(fr.checkedVersions).toBe(await count('fr'));
    expect(all.checkedVersions).toBe((await count('en')) + (await count('fr')));

    expect((await integrity('post')).body.data.ok).toBe(true);
  });

  it('repairs at startup by default, and not with integrityCheckOnStartup: false', async () => {
    const documentId = await verifiedArticle('Healed by a restart');
    const draft = await draftOf(documentId);
    await t.strapi.db
      .query(ARTICLE_UID)
      .update({ where: { id: draft.id }, data: { title: 'Changed while nobody looked' } });

    await t.stop({ keepDatabase: true });
    await boot({ contentTypes: [ARTICLE_UID], integrityCheckOnStartup: false });
    expect((await check()).body.data.drift.map((item: any) => item.documentId)).toContain(documentId);

    await t.stop({ keepDatabase: true });
    await boot();
    const after = (await integrity('get')).body.data;
    expect(after).toMatchObject({ ok: true, drift: [], repair: true });
    expect(after.fixed.map((item: any) => item.documentId)).toContain(documentId);
    expect(
      (await t.http.get(trustPath(documentId, '?locale=en'), { token: editor.token })).body.data.draft.status
    ).toBe('stale');
  });
});
