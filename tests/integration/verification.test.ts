import { hashOfVersion, loadVersions } from '../../server/src/database/versions';
import {
  ARTICLE_UID,
  bootTestApp,
  createArticle,
  ensureFrenchLocale,
  trustPath,
  type AdminSession,
  type TestContext,
} from '../helpers';
import { ALL_CHECKS } from '../helpers/checks';
import { contentManager } from '../helpers/content-manager';

/**
 * docs/editors.md#human-verification-that-never-lies: a verification is bound to a hash of the verified content; any
 * change to hashed content, by any path, turns that version `stale`; reverting the content makes it `verified` again;
 * label-only edits (aiInvolvement, disclaimer) do not; sources do. Draft and published versions of each locale are
 * judged on their own.
 */

const CM = `/content-manager/collection-types/${ARTICLE_UID}`;
const SOURCE = { title: 'A source', url: 'https://example.com/source' };

let counter = 0;
const unique = (label: string) => `${label} ${++counter} ${Math.random().toString(36).slice(2, 8)}`;

describe('verification is bound to the verified content', () => {
  let t: TestContext;
  let admin: AdminSession; // super admin: Content Manager writes
  let editor: AdminSession; // verifies through the trust-labels routes

  beforeAll(async () => {
    t = await bootTestApp();
    await ensureFrenchLocale(t.strapi);
    admin = await t.admin('super-admin', 'ada');
    editor = await t.admin('editor', 'eddie');
    await t.grantPublic(['api::article.article.find', 'api::article.article.findOne']);
  });

  afterAll(async () => {
    await t?.stop();
  });

  // ---- helpers ---------------------------------------------------------------------------------

  const state = async (documentId: string, locale = 'en') => {
    const res = await t.http.get(trustPath(documentId, `?locale=${locale}`), { token: admin.token });
    expect(res.status).toBe(200);
    return res.body.data as { draft: any; published: any };
  };

  const addSources = async (documentId: string, sources: unknown[] = [SOURCE], locale = 'en') => {
    const res = await t.http.put(trustPath(documentId, `?locale=${locale}`), { sources }, { token: admin.token });
    expect(res.status).toBe(200);
    return res.body.data;
  };

  const verify = async (documentId: string, locale = 'en', session = editor) => {
    const res = await t.http.post(
      trustPath(documentId, `/verify?locale=${locale}`),
      { checks: ALL_CHECKS },
      { token: session.token }
    );
    expect(res.status).toBe(200);
    expect(res.body.data.draft.status).toBe('verified');
    return res.body.data as { draft: any; published: any };
  };

  const {
    edit: cmEdit,
    publish: cmPublish,
    discard: cmDiscard,
  } = contentManager(() => ({ http: t.http, token: admin.token }));

  /** The stored trust rows (internal fields included) of the draft and the published version. */
  const storedTrust = async (documentId: string, locale = 'en') => {
    const rows: any[] = await t.strapi.db
      .query(ARTICLE_UID)
      .findMany({ where: { documentId, locale }, populate: ['trust'] });
    return {
      draft: rows.find((row) => !row.publishedAt)?.trust ?? null,
      published: rows.find((row) => row.publishedAt)?.trust ?? null,
      rows,
    };
  };

  /** A sourced article, optionally published, verified by the editor. */
  const verifiedArticle = async ({ publish = false, data = {} as Record<string, unknown> } = {}) => {
    const documentId = await createArticle(t.strapi, { title: unique('Verified'), body: 'Original body', ...data });
    await addSources(documentId);
    if (publish) await cmPublish(documentId);
    await verify(documentId);
    return documentId;
  };

  const contentApiTrust = async (documentId: string, locale = 'en') => {
    const res = await t.http.get(`/api/articles/${documentId}`, { query: { locale } });
    expect(res.status).toBe(200);
    expect(res.body.data.documentId).toBe(documentId);
    return res.body.data.trust;
  };

  // ---- verify ----------------------------------------------------------------------------------

  it('verify records the verifier, the time and the content hash on the draft', async () => {
    const documentId = await createArticle(t.strapi, { title: unique('Fresh'), body: 'Body' });
    await addSources(documentId);
    const before = Date.now();
    const data = await verify(documentId);
    expect(data.draft).toMatchObject({
      status: 'verified',
      changedFields: [],
      verifiedBy: { id: editor.id, name: 'eddie Tester' },
    });
    expect(new Date(data.draft.verifiedAt).getTime()).toBeGreaterThanOrEqual(before - 5000);
    expect(data.published).toBeNull();

    const stored = await storedTrust(documentId);
    expect(stored.draft.status).toBe('verified');
    expect(stored.draft.verifiedHash).toMatch(/^[0-9a-f]{64}$/);
    expect(Number(stored.draft.verifiedById)).toBe(editor.id);
  });

  // ---- any change to hashed content, by any path ----------------------------------------------------

  it('a write that returns trust (app code asking populate) returns the trust the write made, not the trust before it', async () => {
    // The Content Manager's own API shows no trust (see rbac.test.ts); app code may populate it.
    const articles = t.strapi.documents(ARTICLE_UID as any) as any;
    const documentId = await verifiedArticle({ publish: true });
    const saved = await articles.update({
      documentId,
      locale: 'en',
      data: { title: unique('Saved in code') },
      populate: ['trust'],
    });
    expect(saved.trust).toMatchObject({ status: 'stale', changedFields: ['title'] });
    expect(saved.trust.verifiedHash).toBe((await storedTrust(documentId)).draft.verifiedHash);

    const published = await articles.publish({ documentId, locale: 'en', populate: ['trust'] });
    expect(published.entries[0].trust).toMatchObject({ status: 'stale', changedFields: ['title'] });
    expect((await storedTrust(documentId)).published.status).toBe('stale');

    // Back to the verified content: the discard's answer says verified again.
    const documentId2 = await verifiedArticle({ publish: true });
    await cmEdit(documentId2, { title: 'Changed for a moment' });
    const discarded = await articles.discardDraft({ documentId: documentId2, locale: 'en', populate: ['trust'] });
    expect(discarded.entries[0].trust).toMatchObject({ status: 'verified', changedFields: [] });
  });

  it('a title edit in the Content Manager turns the draft stale, naming title', async () => {
    const documentId = await verifiedArticle();
    await cmEdit(documentId, { title: unique('Edited in the CM') });
    const { draft } = await state(documentId);
    expect(draft.status).toBe('stale');
    expect(draft.changedFields).toEqual(['title']);
    // who verified, and when, stays visible on a stale version
    expect(draft.verifiedBy).toMatchObject({ id: editor.id });
    expect(draft.verifiedAt).not.toBeNull();
    expect((await storedTrust(documentId)).draft.status).toBe('stale');
  });

  it('a Content Manager save that changes nothing keeps the draft verified', async () => {
    const documentId = await verifiedArticle();
    const row: any = await t.strapi.db
      .query(ARTICLE_UID)
      .findOne({ where: { documentId, locale: 'en', publishedAt: null } });
    await cmEdit(documentId, { title: row.title, body: row.body });
    expect((await state(documentId)).draft).toMatchObject({ status: 'verified', changedFields: [] });
  });

  it('an update through REST with a full-access API token turns the changed versions stale', async () => {
    const documentId = await verifiedArticle({ publish: true });
    expect((await state(documentId)).published.status).toBe('verified');
    const token = await t.apiToken('full-access');
    const newTitle = unique('Edited over REST');
    const res = await t.http.put(`/api/articles/${documentId}?locale=en`, { data: { title: newTitle } }, { token });
    expect(res.status).toBe(200);

    const { draft, published } = await state(documentId);
    expect(draft.status).toBe('stale');
    expect(draft.changedFields).toEqual(['title']);
    // Strapi's REST update of a draft-and-publish type updates the draft and publishes it: both changed.
    const { rows } = await storedTrust(documentId);
    expect(rows.find((row) => row.publishedAt).title).toBe(newTitle);
    expect(published.status).toBe('stale');
    expect(published.changedFields).toEqual(['title']);
    expect((await contentApiTrust(documentId)).status).toBe('stale');
  });

  it('an update from code through the document service turns the draft stale', async () => {
    const documentId = await verifiedArticle();
    await t.strapi
      .documents(ARTICLE_UID)
      .update({ documentId, locale: 'en', data: { body: 'Rewritten in code' } as any });
    const { draft } = await state(documentId);
    expect(draft.status).toBe('stale');
    expect(draft.changedFields).toEqual(['body']);
  });

  it('an update through the entity service (Strapi 4 API, still in Strapi 5) turns the draft stale', async () => {
    const documentId = await verifiedArticle();
    const row: any = await t.strapi.db
      .query(ARTICLE_UID)
      .findOne({ where: { documentId, locale: 'en', publishedAt: null } });
    await (t.strapi as any).entityService.update(ARTICLE_UID, row.id, { data: { title: unique('Entity service') } });
    expect((await state(documentId)).draft).toMatchObject({ status: 'stale', changedFields: ['title'] });
  });

  it('changing two fields names both', async () => {
    const documentId = await verifiedArticle();
    await cmEdit(documentId, { title: unique('Both'), slug: 'a-new-slug' });
    const { draft } = await state(documentId);
    expect(draft.status).toBe('stale');
    expect([...draft.changedFields].sort()).toEqual(['slug', 'title']);
  });

  // ---- draft and published ---------------------------------------------------------------------

  it('verifying an unchanged published article shows the badge in the content API at once', async () => {
    const documentId = await createArticle(t.strapi, { title: unique('Live'), body: 'Live body' }, { publish: true });
    await addSources(documentId);
    await cmPublish(documentId); // the sources are part of the hash: publish them so both versions are equal
    expect((await contentApiTrust(documentId)).status).toBe('unverified');

    const data = await verify(documentId);
    expect(data.published).toMatchObject({ status: 'verified', changedFields: [] });
    const trust = await contentApiTrust(documentId);
    expect(trust.status).toBe('verified');
    expect(trust.verifiedAt).toBe(data.draft.verifiedAt);

    const list = await t.http.get('/api/articles', { query: { 'filters[trust][status][$eq]': 'verified' } });
    expect(list.status).toBe(200);
    expect(list.body.data.map((entry: any) => entry.documentId)).toContain(documentId);
  });

  it('verifying a draft that differs from the published version leaves the published version alone until publish', async () => {
    const documentId = await createArticle(
      t.strapi,
      { title: unique('Published text'), body: 'Old body' },
      { publish: true }
    );
    await addSources(documentId);
    await cmEdit(documentId, { title: unique('Newer draft text') });

    const data = await verify(documentId);
    expect(data.draft.status).toBe('verified');
    expect(data.published).toMatchObject({ status: 'unverified', verifiedAt: null, verifiedBy: null });
    expect((await storedTrust(documentId)).published.verifiedHash).toBeNull();
    expect((await contentApiTrust(documentId)).status).toBe('unverified');

    await cmPublish(documentId);
    const after = await state(documentId);
    expect(after.draft.status).toBe('verified');
    expect(after.published).toMatchObject({ status: 'verified', changedFields: [], verifiedBy: { id: editor.id } });
    expect((await contentApiTrust(documentId)).status).toBe('verified');
  });

  it('publishing a stale draft yields a stale published version', async () => {
    const documentId = await verifiedArticle({ publish: true });
    expect((await state(documentId)).published.status).toBe('verified');
    await cmEdit(documentId, { title: unique('Changed after verification') });
    let current = await state(documentId);
    expect(current.draft.status).toBe('stale');
    expect(current.published.status).toBe('verified');

    await cmPublish(documentId);
    current = await state(documentId);
    expect(current.draft.status).toBe('stale');
    expect(current.published.status).toBe('stale');
    expect(current.published.changedFields).toEqual(['title']);
    expect((await contentApiTrust(documentId)).status).toBe('stale');
  });

  it('a Content Manager bulk publish of a stale draft yields a stale published version', async () => {
    const documentId = await verifiedArticle({ publish: true });
    await cmEdit(documentId, { title: unique('Bulk published change') });
    const res = await t.http.post(
      `${CM}/actions/bulkPublish?locale=en`,
      { documentIds: [documentId] },
      { token: admin.token }
    );
    expect(res.status).toBe(200);
    const current = await state(documentId);
    expect(current.draft.status).toBe('stale');
    expect(current.published).toMatchObject({ status: 'stale', changedFields: ['title'] });
  });

  it('publishing from code (document service) a verified draft yields a verified published version', async () => {
    const documentId = await createArticle(
      t.strapi,
      { title: unique('Code publish'), body: 'Body' },
      { publish: true }
    );
    await addSources(documentId);
    await verify(documentId);
    expect((await state(documentId)).published.status).toBe('unverified');
    await t.strapi.documents(ARTICLE_UID).publish({ documentId, locale: 'en' });
    expect((await state(documentId)).published).toMatchObject({ status: 'verified', changedFields: [] });
  });

  it('publishing an unverified draft yields an unverified published version', async () => {
    const documentId = await createArticle(t.strapi, { title: unique('Never verified') });
    await cmPublish(documentId);
    expect((await state(documentId)).published.status).toBe('unverified');
    expect((await contentApiTrust(documentId)).status).toBe('unverified');
  });

  it('discarding the draft restores the published version and its status to the draft', async () => {
    const documentId = await verifiedArticle({ publish: true });
    await cmEdit(documentId, { title: unique('To be discarded') });
    expect((await state(documentId)).draft.status).toBe('stale');

    await cmDiscard(documentId);
    const current = await state(documentId);
    expect(current.draft).toMatchObject({ status: 'verified', changedFields: [] });
    expect(current.published).toMatchObject({ status: 'verified', changedFields: [] });
  });

  it('a Content Manager publish that saves a changed form turns both versions stale', async () => {
    const documentId = await verifiedArticle({ publish: true });
    const newTitle = unique('Saved and published at once');
    const res = await t.http.post(
      `${CM}/${documentId}/actions/publish?locale=en`,
      { title: newTitle },
      { token: admin.token }
    );
    expect(res.status).toBe(200);
    const { rows } = await storedTrust(documentId);
    expect(rows.find((row) => row.publishedAt).title).toBe(newTitle);
    const current = await state(documentId);
    expect(current.draft).toMatchObject({ status: 'stale', changedFields: ['title'] });
    expect(current.published).toMatchObject({ status: 'stale', changedFields: ['title'] });
    expect((await contentApiTrust(documentId)).status).toBe('stale');
  });

  it("a published version without the draft's sources is not marked by verify", async () => {
    // published first, sources added to the draft afterwards: the versions differ by their sources only
    const documentId = await createArticle(
      t.strapi,
      { title: unique('Sources differ'), body: 'Same body' },
      { publish: true }
    );
    await addSources(documentId);
    const data = await verify(documentId);
    expect(data.draft.status).toBe('verified');
    expect(data.published.status).toBe('unverified');
    expect((await contentApiTrust(documentId)).status).toBe('unverified');
  });

  it('unpublishing a verified article keeps the draft verified', async () => {
    const documentId = await verifiedArticle({ publish: true });
    const res = await t.http.post(`${CM}/${documentId}/actions/unpublish?locale=en`, {}, { token: admin.token });
    expect(res.status).toBe(200);
    const current = await state(documentId);
    expect(current.published).toBeNull();
    expect(current.draft).toMatchObject({ status: 'verified', changedFields: [] });
  });

  it('relations are not hashed: changing the category keeps the draft verified', async () => {
    const category: any = await t.strapi
      .documents('api::category.category' as any)
      .create({ data: { name: unique('Category') } as any });
    const documentId = await verifiedArticle();
    await t.strapi
      .documents(ARTICLE_UID)
      .update({ documentId, locale: 'en', data: { category: category.documentId } as any });
    const row: any = await t.strapi.db
      .query(ARTICLE_UID)
      .findOne({ where: { documentId, locale: 'en', publishedAt: null }, populate: ['category'] });
    expect(row.category?.documentId).toBe(category.documentId);
    expect((await state(documentId)).draft).toMatchObject({ status: 'verified', changedFields: [] });
  });

  it('verify without a locale verifies the default locale (en)', async () => {
    const documentId = await createArticle(t.strapi, { title: unique('No locale given') });
    await addSources(documentId);
    const res = await t.http.post(trustPath(documentId, '/verify'), { checks: ALL_CHECKS }, { token: editor.token });
    expect(res.status).toBe(200);
    expect(res.body.data.draft.status).toBe('verified');
    expect((await storedTrust(documentId, 'en')).draft.status).toBe('verified');
  });

  // ---- labels and sources ---------------------------------------------------------------------------

  // Since 0.3 (CHANGELOG): the declared AI involvement is part of what is verified
  // (tests/integration/review-binding.test.ts); the disclaimer stays outside.
  it('changing aiInvolvement turns the draft stale, naming aiInvolvement', async () => {
    const documentId = await verifiedArticle();
    const res = await t.http.put(
      trustPath(documentId, '?locale=en'),
      { aiInvolvement: 'assisted' },
      { token: admin.token }
    );
    expect(res.status).toBe(200);
    expect(res.body.data.draft).toMatchObject({
      aiInvolvement: 'assisted',
      status: 'stale',
      changedFields: ['aiInvolvement'],
    });
  });

  it.each([
    ['the disclaimer mode', { disclaimerMode: 'off' }],
    ['a custom disclaimer', { disclaimerMode: 'custom', disclaimerText: 'Written with care.' }],
  ])('changing only %s keeps the draft verified', async (_label, labels) => {
    const documentId = await verifiedArticle();
    const before = await storedTrust(documentId);
    const res = await t.http.put(trustPath(documentId, '?locale=en'), labels, { token: admin.token });
    expect(res.status).toBe(200);
    expect(res.body.data.draft).toMatchObject({ ...labels, status: 'verified', changedFields: [] });
    const after = await storedTrust(documentId);
    expect(after.draft.status).toBe('verified');
    expect(after.draft.verifiedHash).toBe(before.draft.verifiedHash);
  });

  it('adding a source turns the draft stale, naming sources', async () => {
    const documentId = await verifiedArticle();
    const data = await addSources(documentId, [
      SOURCE,
      { title: 'Another source', url: 'https://example.org/another' },
    ]);
    expect(data.draft.status).toBe('stale');
    expect(data.draft.changedFields).toContain('sources');
    expect((await state(documentId)).draft.status).toBe('stale');
  });

  it('editing or reordering sources turns the draft stale too', async () => {
    const second = { title: 'Second', url: 'https://example.org/second' };
    const documentId = await createArticle(t.strapi, { title: unique('Two sources') });
    await addSources(documentId, [SOURCE, second]);
    await verify(documentId);
    const reordered = await addSources(documentId, [second, SOURCE]);
    expect(reordered.draft.status).toBe('stale');
    expect(reordered.draft.changedFields).toEqual(['sources']);
    const restored = await addSources(documentId, [SOURCE, second]);
    expect(restored.draft.status).toBe('verified');
  });

  it('reverting the content to the verified text makes it verified again (verified iff hashes equal)', async () => {
    const original = unique('Original title');
    const documentId = await verifiedArticle({ data: { title: original } });
    const verifiedHash = (await storedTrust(documentId)).draft.verifiedHash;

    await cmEdit(documentId, { title: unique('Temporary') });
    expect((await state(documentId)).draft.status).toBe('stale');
    await t.strapi.documents(ARTICLE_UID).update({ documentId, locale: 'en', data: { body: 'Another body' } as any });
    expect((await state(documentId)).draft).toMatchObject({ status: 'stale' });
    expect([...(await state(documentId)).draft.changedFields].sort()).toEqual(['body', 'title']);

    await cmEdit(documentId, { title: original });
    expect((await state(documentId)).draft).toMatchObject({ status: 'stale', changedFields: ['body'] });
    await cmEdit(documentId, { body: 'Original body' });
    const draft = (await state(documentId)).draft;
    expect(draft).toMatchObject({ status: 'verified', changedFields: [], verifiedBy: { id: editor.id } });

    const stored = await storedTrust(documentId);
    expect(stored.draft.verifiedHash).toBe(verifiedHash);
    const versions = await loadVersions(t.strapi, ARTICLE_UID, documentId, { locale: 'en', withContent: true });
    const draftVersion = versions.find((version) => !version.published)!;
    expect(hashOfVersion(t.strapi, ARTICLE_UID, draftVersion).hash).toBe(verifiedHash);
  });

  // ---- locales -----------------------------------------------------------------------------------

  it('locales are independent', async () => {
    const documentId = await verifiedArticle({ publish: true });
    await t.strapi
      .documents(ARTICLE_UID)
      .update({ documentId, locale: 'fr', data: { title: unique('Titre français') } as any });
    await addSources(documentId, [SOURCE], 'fr');

    const en = await state(documentId, 'en');
    const fr = await state(documentId, 'fr');
    expect(en.draft.status).toBe('verified');
    expect(en.published.status).toBe('verified');
    expect(fr.draft.status).toBe('unverified');

    await verify(documentId, 'fr');
    await t.strapi
      .documents(ARTICLE_UID)
      .update({ documentId, locale: 'fr', data: { title: unique('Titre modifié') } as any });
    expect((await state(documentId, 'fr')).draft).toMatchObject({ status: 'stale', changedFields: ['title'] });
    const enAfter = await state(documentId, 'en');
    expect(enAfter.draft).toMatchObject({ status: 'verified', changedFields: [] });
    expect(enAfter.published).toMatchObject({ status: 'verified', changedFields: [] });

    // and the other way round: editing en leaves fr as it was
    await verify(documentId, 'fr');
    await cmEdit(documentId, { title: unique('English edit') }, 'en');
    expect((await state(documentId, 'en')).draft.status).toBe('stale');
    expect((await state(documentId, 'fr')).draft.status).toBe('verified');
  });

  it('verifying one locale does not verify the other', async () => {
    const documentId = await createArticle(t.strapi, { title: unique('Bilingual') });
    await t.strapi
      .documents(ARTICLE_UID)
      .update({ documentId, locale: 'fr', data: { title: unique('Bilingue') } as any });
    await addSources(documentId, [SOURCE], 'en');
    await addSources(documentId, [SOURCE], 'fr');
    await verify(documentId, 'en');
    expect((await state(documentId, 'fr')).draft).toMatchObject({
      status: 'unverified',
      verifiedBy: null,
      verifiedAt: null,
    });
    expect((await storedTrust(documentId, 'fr')).draft.verifiedHash).toBeNull();
  });

  // ---- unverify ----------------------------------------------------------------------------------

  it('unverify sets both the draft and the published version to unverified', async () => {
    const documentId = await verifiedArticle({ publish: true });
    expect((await state(documentId)).published.status).toBe('verified');
    const res = await t.http.post(
      trustPath(documentId, '/unverify?locale=en'),
      { note: 'Withdrawn' },
      { token: editor.token }
    );
    expect(res.status).toBe(200);
    expect(res.body.data.draft).toMatchObject({
      status: 'unverified',
      verifiedAt: null,
      verifiedBy: null,
      changedFields: [],
    });
    expect(res.body.data.published).toMatchObject({ status: 'unverified', verifiedAt: null, verifiedBy: null });

    const stored = await storedTrust(documentId);
    for (const trust of [stored.draft, stored.published]) {
      expect(trust.status).toBe('unverified');
      expect(trust.verifiedHash).toBeNull();
    }
    expect((await contentApiTrust(documentId)).status).toBe('unverified');

    // after unverify, editing does not make anything stale: there is nothing verified to protect
    await cmEdit(documentId, { title: unique('After unverify') });
    expect((await state(documentId)).draft.status).toBe('unverified');
  });

  it('unverify also clears a stale version', async () => {
    const documentId = await verifiedArticle();
    await cmEdit(documentId, { title: unique('Stale first') });
    expect((await state(documentId)).draft.status).toBe('stale');
    const res = await t.http.post(trustPath(documentId, '/unverify?locale=en'), {}, { token: editor.token });
    expect(res.status).toBe(200);
    expect(res.body.data.draft).toMatchObject({ status: 'unverified', changedFields: [] });
  });

  it('re-verifying a stale draft makes it verified against the new content', async () => {
    const documentId = await verifiedArticle();
    const firstHash = (await storedTrust(documentId)).draft.verifiedHash;
    await cmEdit(documentId, { title: unique('Reworked') });
    await verify(documentId);
    const stored = await storedTrust(documentId);
    expect(stored.draft.status).toBe('verified');
    expect(stored.draft.verifiedHash).not.toBe(firstHash);
  });
});

describe('hashAttributes limits the hashed attributes', () => {
  let t: TestContext;
  let admin: AdminSession;

  beforeAll(async () => {
    t = await bootTestApp({
      pluginConfig: { contentTypes: ['api::article.article'], hashAttributes: { 'api::article.article': ['title'] } },
    });
    admin = await t.admin('super-admin');
  });

  afterAll(async () => {
    await t?.stop();
  });

  const draftState = async (documentId: string) => {
    const res = await t.http.get(trustPath(documentId, '?locale=en'), { token: admin.token });
    expect(res.status).toBe(200);
    return res.body.data.draft;
  };

  const verifiedArticle = async () => {
    const documentId = await createArticle(t.strapi, {
      title: unique('Hashed title'),
      body: 'Unhashed body',
      slug: 'slug',
    });
    expect(
      (await t.http.put(trustPath(documentId, '?locale=en'), { sources: [SOURCE] }, { token: admin.token })).status
    ).toBe(200);
    const res = await t.http.post(
      trustPath(documentId, '/verify?locale=en'),
      { checks: ALL_CHECKS },
      { token: admin.token }
    );
    expect(res.status).toBe(200);
    expect(res.body.data.draft.status).toBe('verified');
    return documentId;
  };

  it('editing an attribute that is not hashed (body, slug) keeps the draft verified', async () => {
    const documentId = await verifiedArticle();
    const res = await t.http.put(
      `${CM}/${documentId}?locale=en`,
      { body: 'A completely different body', slug: 'other' },
      { token: admin.token }
    );
    expect(res.status).toBe(200);
    expect(await draftState(documentId)).toMatchObject({ status: 'verified', changedFields: [] });
  });

  it('editing the hashed title makes the draft stale', async () => {
    const documentId = await verifiedArticle();
    const res = await t.http.put(
      `${CM}/${documentId}?locale=en`,
      { title: unique('Another title') },
      { token: admin.token }
    );
    expect(res.status).toBe(200);
    expect(await draftState(documentId)).toMatchObject({ status: 'stale', changedFields: ['title'] });
  });

  it('sources are still hashed', async () => {
    const documentId = await verifiedArticle();
    const res = await t.http.put(
      trustPath(documentId, '?locale=en'),
      { sources: [SOURCE, { title: 'More', url: 'https://example.org/more' }] },
      { token: admin.token }
    );
    expect(res.status).toBe(200);
    expect(res.body.data.draft).toMatchObject({ status: 'stale', changedFields: ['sources'] });
  });
});
