import {
  ARTICLE_UID,
  BODY_PARSER_ERROR,
  bootTestApp,
  contentManagerOn,
  createArticle,
  expectingErrorLog,
  trustPath,
  type AdminSession,
  type TestContext,
} from '../helpers';
import { ALL_CHECKS } from '../helpers/checks';

/**
 * docs/editors.md#human-verification-that-never-lies (requiredSources, fourEyes) and docs/api.md#admin-api (RBAC on
 * verify / unverify / bulk, 404s, ValidationError with paths for bad input that changes nothing, never a 500).
 */

const CM = `/content-manager/collection-types/${ARTICLE_UID}`;
const AUDIT_UID = 'plugin::trust-labels.audit-event';
const A = {
  read: 'plugin::trust-labels.read',
  edit: 'plugin::trust-labels.edit',
  verify: 'plugin::trust-labels.verify',
};
const SOURCE = { title: 'A source', url: 'https://example.com/source' };
const SOURCE_2 = { title: 'Another source', url: 'https://example.org/another' };

let counter = 0;
const unique = (label: string) => `${label} ${++counter}`;

describe('verification rules, access control and input validation', () => {
  let t: TestContext;
  let admin: AdminSession;
  let otherAdmin: AdminSession;
  let editor: AdminSession;
  let author: AdminSession;
  let readOnly: AdminSession;

  beforeAll(async () => {
    t = await bootTestApp();
    admin = await t.admin('super-admin', 'root');
    otherAdmin = await t.admin('super-admin', 'second');
    editor = await t.admin('editor', 'editor');
    author = await t.admin('author', 'author');
    readOnly = await t.admin(
      [await t.role('Trust readers', [A.read, ...contentManagerOn(ARTICLE_UID, ['read', 'update'])])],
      'reader'
    );
  });

  afterAll(async () => {
    await t?.stop();
  });

  // ---- helpers ---------------------------------------------------------------------------------

  const putSettings = async (body: Record<string, unknown>) => {
    const res = await t.http.put('/trust-labels/settings', body, { token: admin.token });
    expect(res.status).toBe(200);
    return res.body.data;
  };

  const sourcedArticle = async (sources: unknown[] = [SOURCE]) => {
    const documentId = await createArticle(t.strapi, { title: unique('Article'), body: 'Body' });
    if (sources.length > 0) {
      const res = await t.http.put(trustPath(documentId, '?locale=en'), { sources }, { token: admin.token });
      expect(res.status).toBe(200);
    }
    return documentId;
  };

  const withChecks = (body: unknown) =>
    body && typeof body === 'object' && !Array.isArray(body) && !('checks' in body)
      ? { checks: ALL_CHECKS, ...body }
      : body;
  const verify = (documentId: string, session: AdminSession | null, body: unknown = {}, locale = 'en') =>
    // Every check confirmed, unless the test says otherwise (the default requiredChecks needs all three).
    t.http.post(trustPath(documentId, `/verify?locale=${locale}`), withChecks(body), { token: session?.token });
  const unverify = (documentId: string, session: AdminSession | null, body: unknown = {}, locale = 'en') =>
    t.http.post(trustPath(documentId, `/unverify?locale=${locale}`), body, { token: session?.token });

  /** Everything a verification could change: both stored trust rows and the document's audit events. */
  const snapshot = async (documentId: string) => {
    const rows: any[] = await t.strapi.db.query(ARTICLE_UID).findMany({
      where: { documentId },
      populate: ['trust'],
      orderBy: [{ id: 'asc' }],
    });
    const events = await t.strapi.db.query(AUDIT_UID as any).count({ where: { entryDocumentId: documentId } });
    return {
      trust: rows.map((row) => {
        const { id: _id, ...trust } = row.trust ?? {};
        return { locale: row.locale, published: Boolean(row.publishedAt), trust };
      }),
      events,
    };
  };

  const storedDraft = async (documentId: string) => {
    const row: any = await t.strapi.db
      .query(ARTICLE_UID)
      .findOne({ where: { documentId, locale: 'en', publishedAt: null }, populate: ['trust'] });
    return row.trust;
  };

  const expectValidationError = (res: any, path: Array<string | number>) => {
    expect(res.status).toBe(400);
    expect(res.body.data ?? null).toBeNull();
    expect(res.body.error?.name).toBe('ValidationError');
    expect(Array.isArray(res.body.error?.details?.errors)).toBe(true);
    const paths = res.body.error.details.errors.map((error: any) => JSON.stringify(error.path.map(String)));
    expect(paths).toContain(JSON.stringify(path.map(String)));
  };

  const expectForbidden = (res: any) => {
    expect(res.status).toBe(403);
    expect(['PolicyError', 'ForbiddenError']).toContain(res.body.error?.name);
    expect(res.body.data ?? null).toBeNull();
  };

  // ---- requiredSources ------------------------------------------------------------------------------

  describe('requiredSources', () => {
    it('with the default (1), verifying an entry without sources is a 400 naming requiredSources, and changes nothing', async () => {
      const documentId = await sourcedArticle([]);
      const before = await snapshot(documentId);
      const res = await verify(documentId, editor);
      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('ValidationError');
      expect(res.body.error.message).toContain('requiredSources');
      expect(res.body.error.details.errors[0].path).toEqual(['requiredSources']);
      expect(await snapshot(documentId)).toEqual(before);
      expect((await storedDraft(documentId)).status).toBe('unverified');
    });

    it('with requiredSources 2, one source is refused and two are enough', async () => {
      await putSettings({ requiredSources: 2 });
      try {
        const documentId = await sourcedArticle([SOURCE]);
        const before = await snapshot(documentId);
        const refused = await verify(documentId, editor);
        expect(refused.status).toBe(400);
        expect(refused.body.error.message).toContain('requiredSources');
        expect(await snapshot(documentId)).toEqual(before);

        const edit = await t.http.put(
          trustPath(documentId, '?locale=en'),
          { sources: [SOURCE, SOURCE_2] },
          { token: admin.token }
        );
        expect(edit.status).toBe(200);
        const accepted = await verify(documentId, editor);
        expect(accepted.status).toBe(200);
        expect(accepted.body.data.draft.status).toBe('verified');
      } finally {
        await putSettings({ requiredSources: 1 });
      }
    });

    it('with requiredSources 0, an entry without sources can be verified', async () => {
      await putSettings({ requiredSources: 0 });
      try {
        const documentId = await sourcedArticle([]);
        const res = await verify(documentId, editor);
        expect(res.status).toBe(200);
        expect(res.body.data.draft.status).toBe('verified');
      } finally {
        await putSettings({ requiredSources: 1 });
      }
    });
  });

  // ---- fourEyes -------------------------------------------------------------------------------

  describe('contentHash: verify what was reviewed', () => {
    it('verifies with the content hash the admin API showed, and answers 409 with nothing changed once the content changed', async () => {
      const documentId = await sourcedArticle();
      const seen = (await t.http.get(trustPath(documentId, '?locale=en'), { token: editor.token })).body.data.draft
        .contentHash;
      expect(seen).toMatch(/^[0-9a-f]{64}$/);
      // Someone edits the entry between the verifier's review and the click.
      const edit = await t.http.put(
        `${CM}/${documentId}?locale=en`,
        { title: unique('Edited meanwhile') },
        { token: admin.token }
      );
      expect(edit.status).toBe(200);
      const before = await snapshot(documentId);
      const conflict = await verify(documentId, editor, { contentHash: seen });
      expect(conflict.status).toBe(409);
      expect(conflict.body.error).toMatchObject({ name: 'ConflictError' });
      expect(conflict.body.error.details.contentHash).toMatch(/^[0-9a-f]{64}$/);
      expect(conflict.body.error.details.contentHash).not.toBe(seen);
      expect(await snapshot(documentId)).toEqual(before);
      const current = (await t.http.get(trustPath(documentId, '?locale=en'), { token: editor.token })).body.data.draft
        .contentHash;
      const ok = await verify(documentId, editor, { contentHash: current });
      expect(ok.status).toBe(200);
      expect(ok.body.data.draft).toMatchObject({ status: 'verified', contentHash: current });
    });

    it('refuses a contentHash that is not 64 hex digits', async () => {
      const documentId = await sourcedArticle();
      for (const contentHash of ['abc', 'G'.repeat(64), 42, null])
        expectValidationError(await verify(documentId, editor, { contentHash }), ['contentHash']);
    });
  });

  describe('fourEyes', () => {
    beforeAll(async () => {
      expect((await putSettings({ fourEyes: true })).fourEyes).toBe(true);
    });
    afterAll(async () => {
      await putSettings({ fourEyes: false });
    });

    it('refuses the admin who last updated the draft through the trust route, with a 400 naming fourEyes', async () => {
      const documentId = await createArticle(t.strapi, { title: unique('Four eyes') });
      const edit = await t.http.put(
        trustPath(documentId, '?locale=en'),
        { sources: [SOURCE] },
        { token: editor.token }
      );
      expect(edit.status).toBe(200);
      const before = await snapshot(documentId);

      const refused = await verify(documentId, editor);
      expect(refused.status).toBe(400);
      expect(refused.body.error.name).toBe('ValidationError');
      expect(refused.body.error.message).toContain('fourEyes');
      expect(refused.body.error.details.errors[0].path).toEqual(['fourEyes']);
      expect(await snapshot(documentId)).toEqual(before);

      const accepted = await verify(documentId, admin);
      expect(accepted.status).toBe(200);
      expect(accepted.body.data.draft).toMatchObject({ status: 'verified', verifiedBy: { id: admin.id } });
    });

    it('refuses the admin who last saved the draft in the Content Manager; another admin may verify', async () => {
      const documentId = await sourcedArticle([SOURCE]);
      const save = await t.http.put(
        `${CM}/${documentId}?locale=en`,
        { title: unique('Saved by root') },
        { token: admin.token }
      );
      expect(save.status).toBe(200);

      const refused = await verify(documentId, admin);
      expect(refused.status).toBe(400);
      expect(refused.body.error.message).toContain('fourEyes');
      expect((await storedDraft(documentId)).status).toBe('unverified');

      const accepted = await verify(documentId, otherAdmin);
      expect(accepted.status).toBe(200);
      expect(accepted.body.data.draft).toMatchObject({ status: 'verified', verifiedBy: { id: otherAdmin.id } });
    });

    it('a label edit that changes no hashed content (aiInvolvement, disclaimer) does not make its author the last updater', async () => {
      const documentId = await sourcedArticle([SOURCE]);
      const save = await t.http.put(
        `${CM}/${documentId}?locale=en`,
        { title: unique('Written by root') },
        { token: admin.token }
      );
      expect(save.status).toBe(200);
      // Another admin touches only labels that are not hashed: the content is still root's.
      const labels = await t.http.put(
        trustPath(documentId, '?locale=en'),
        { aiInvolvement: 'generated', disclaimerMode: 'off' },
        { token: otherAdmin.token }
      );
      expect(labels.status).toBe(200);

      const refused = await verify(documentId, admin);
      expect(refused.status).toBe(400);
      expect(refused.body.error.details.errors[0].code).toBe('trust.fourEyes');
      expect((await storedDraft(documentId)).status).toBe('unverified');

      // The label edit still shows the draft as changed (the Content Manager offers to publish it).
      const row: any = await t.strapi.db
        .query(ARTICLE_UID as any)
        .findOne({ where: { documentId, locale: 'en', publishedAt: null }, populate: ['updatedBy'] });
      expect(row.updatedBy.id).toBe(admin.id);
      expect(new Date(row.updatedAt).getTime()).toBeGreaterThan(new Date(save.body.data.updatedAt).getTime() - 1);

      const accepted = await verify(documentId, otherAdmin);
      expect(accepted.status).toBe(200);
    });

    it('applies to bulk verification too', async () => {
      const documentId = await createArticle(t.strapi, { title: unique('Bulk four eyes') });
      expect(
        (await t.http.put(trustPath(documentId, '?locale=en'), { sources: [SOURCE] }, { token: editor.token })).status
      ).toBe(200);
      const res = await t.http.post(
        '/trust-labels/bulk/verify',
        { uid: ARTICLE_UID, documentIds: [documentId], locale: 'en', checks: ALL_CHECKS },
        { token: editor.token }
      );
      expect(res.status).toBe(200);
      expect(res.body.data).toEqual([
        { documentId, ok: false, error: expect.stringContaining('fourEyes'), code: 'trust.fourEyes' },
      ]);
      expect((await storedDraft(documentId)).status).toBe('unverified');
    });

    it('is not checked when off', async () => {
      await putSettings({ fourEyes: false });
      try {
        const documentId = await createArticle(t.strapi, { title: unique('Self verified') });
        expect(
          (await t.http.put(trustPath(documentId, '?locale=en'), { sources: [SOURCE] }, { token: editor.token })).status
        ).toBe(200);
        expect((await verify(documentId, editor)).status).toBe(200);
      } finally {
        await putSettings({ fourEyes: true });
      }
    });
  });

  // ---- RBAC ---------------------------------------------------------------------------------------

  describe('RBAC', () => {
    let documentId: string;
    beforeAll(async () => {
      documentId = await sourcedArticle([SOURCE]);
    });

    const bulk = (action: 'verify' | 'unverify', session: AdminSession | null) =>
      t.http.post(
        `/trust-labels/bulk/${action}`,
        {
          uid: ARTICLE_UID,
          documentIds: [documentId],
          locale: 'en',
          ...(action === 'verify' ? { checks: ALL_CHECKS } : {}),
        },
        { token: session?.token }
      );

    it('an Author (read and edit, no verify) gets 403 on verify, unverify and bulk, and nothing changes', async () => {
      const before = await snapshot(documentId);
      expectForbidden(await verify(documentId, author));
      expectForbidden(await unverify(documentId, author));
      expectForbidden(await bulk('verify', author));
      expectForbidden(await bulk('unverify', author));
      expect(await snapshot(documentId)).toEqual(before);
    });

    it('a custom role with only read gets 403 on verify, unverify and bulk', async () => {
      const before = await snapshot(documentId);
      expectForbidden(await verify(documentId, readOnly));
      expectForbidden(await unverify(documentId, readOnly));
      expectForbidden(await bulk('verify', readOnly));
      expectForbidden(await bulk('unverify', readOnly));
      expect(await snapshot(documentId)).toEqual(before);
    });

    it('a custom role with only verify may verify and unverify', async () => {
      const verifier = await t.admin(
        [await t.role('Verifiers only', [A.verify, ...contentManagerOn(ARTICLE_UID, ['read', 'update'])])],
        'verifier'
      );
      const res = await verify(documentId, verifier);
      expect(res.status).toBe(200);
      expect(res.body.data.draft.status).toBe('verified');
      expect((await unverify(documentId, verifier)).status).toBe(200);
      expect((await storedDraft(documentId)).status).toBe('unverified');
    });

    it('without a token: 401 on every verification route', async () => {
      const before = await snapshot(documentId);
      for (const res of [
        await verify(documentId, null),
        await unverify(documentId, null),
        await bulk('verify', null),
        await bulk('unverify', null),
      ]) {
        expect(res.status).toBe(401);
        expect(res.body.error?.name).toBe('UnauthorizedError');
      }
      const bogus = await t.http.post(
        trustPath(documentId, '/verify?locale=en'),
        { checks: ALL_CHECKS },
        { token: 'not-a-jwt' }
      );
      expect(bogus.status).toBe(401);
      expect(await snapshot(documentId)).toEqual(before);
    });

    it('an API token (even full access) is not an admin session: 401', async () => {
      const token = await t.apiToken('full-access');
      const res = await t.http.post(trustPath(documentId, '/verify?locale=en'), { checks: ALL_CHECKS }, { token });
      expect(res.status).toBe(401);
      expect((await storedDraft(documentId)).status).toBe('unverified');
    });

    it.each([
      ['Editor', () => editor],
      ['Super Admin', () => admin],
    ])('%s may verify, unverify and bulk verify / unverify', async (_name, session) => {
      const verified = await verify(documentId, session());
      expect(verified.status).toBe(200);
      expect(verified.body.data.draft).toMatchObject({ status: 'verified', verifiedBy: { id: session().id } });

      const unverified = await unverify(documentId, session());
      expect(unverified.status).toBe(200);
      expect(unverified.body.data.draft.status).toBe('unverified');

      const bulkVerified = await bulk('verify', session());
      expect(bulkVerified.status).toBe(200);
      expect(bulkVerified.body.data).toEqual([{ documentId, ok: true }]);
      expect((await storedDraft(documentId)).status).toBe('verified');

      const bulkUnverified = await bulk('unverify', session());
      expect(bulkUnverified.status).toBe(200);
      expect(bulkUnverified.body.data).toEqual([{ documentId, ok: true }]);
      expect((await storedDraft(documentId)).status).toBe('unverified');
    });
  });

  // ---- 404 ------------------------------------------------------------------------------------------

  describe('404', () => {
    const page = () => t.strapi.documents('api::page.page' as any).create({ data: { title: 'About' } as any });

    it('for a documentId that does not exist', async () => {
      const missing = 'doesnotexist00000000000a';
      for (const res of [
        await verify(missing, editor),
        await unverify(missing, editor),
        await t.http.get(trustPath(missing, '/history?locale=en'), { token: editor.token }),
      ]) {
        expect(res.status).toBe(404);
        expect(res.body.error?.name).toBe('NotFoundError');
      }
      expect(await t.strapi.db.query(AUDIT_UID as any).count({ where: { entryDocumentId: missing } })).toBe(0);
    });

    it('for a locale the document does not have', async () => {
      const documentId = await sourcedArticle([SOURCE]);
      const res = await verify(documentId, editor, {}, 'de');
      expect(res.status).toBe(404);
      expect((await storedDraft(documentId)).status).toBe('unverified');
    });

    it('for api::page.page, which exists but is not enabled', async () => {
      const created: any = await page();
      for (const suffix of ['/verify', '/unverify']) {
        const res = await t.http.post(
          `/trust-labels/documents/api::page.page/${created.documentId}${suffix}`,
          {},
          { token: admin.token }
        );
        expect(res.status).toBe(404);
        expect(res.body.error?.name).toBe('NotFoundError');
      }
      const bulk = await t.http.post(
        '/trust-labels/bulk/verify',
        { uid: 'api::page.page', documentIds: [created.documentId] },
        { token: admin.token }
      );
      expect(bulk.status).toBe(404);
    });

    it('for a uid that does not exist', async () => {
      for (const uid of ['api::nope.nope', 'plugin::trust-labels.audit-event', 'admin::user']) {
        const res = await t.http.post(
          `/trust-labels/documents/${uid}/abc123/verify?locale=en`,
          { checks: ALL_CHECKS },
          { token: admin.token }
        );
        expect(res.status).toBe(404);
      }
      const bulk = await t.http.post(
        '/trust-labels/bulk/unverify',
        { uid: 'api::nope.nope', documentIds: ['abc'] },
        { token: admin.token }
      );
      expect(bulk.status).toBe(404);
      expect(bulk.body.error?.name).toBe('NotFoundError');
    });
  });

  // ---- bad input -------------------------------------------------------------------------------------

  describe('bad bodies: 400 ValidationError with paths, nothing changed', () => {
    let documentId: string;
    beforeAll(async () => {
      documentId = await sourcedArticle([SOURCE]);
    });

    it.each([
      ['note is a number', { note: 42 }, ['note']],
      ['note is an object', { note: { text: 'x' } }, ['note']],
      ['note is longer than 2000 characters', { note: 'n'.repeat(2001) }, ['note']],
      ['note has a control character', { note: 'bad \u0000 note' }, ['note']],
      ['an unknown key', { status: 'verified' }, ['status']],
      ['another unknown key', { note: 'fine', verifiedBy: 1 }, ['verifiedBy']],
    ])('verify and unverify refuse a body where %s', async (_label, body, path) => {
      const before = await snapshot(documentId);
      expectValidationError(await verify(documentId, editor, body), path);
      expectValidationError(await unverify(documentId, editor, body), path);
      expect(await snapshot(documentId)).toEqual(before);
    });

    it.each([
      ['an array', '[]'],
      ['a JSON string', '"verify"'],
      ['malformed JSON', '{"note": '],
    ])('verify refuses a body that is %s', async (_label, raw) => {
      const before = await snapshot(documentId);
      const res = await expectingErrorLog(t.strapi, BODY_PARSER_ERROR, () =>
        t.http.post(trustPath(documentId, '/verify?locale=en'), raw, { token: editor.token })
      );
      expect(res.status).toBe(400);
      expect(res.body.error?.name).toBe('ValidationError');
      expect(Array.isArray(res.body.error?.details?.errors)).toBe(true);
      expect(res.body.error.details.errors.every((error: any) => Array.isArray(error.path))).toBe(true);
      expect(await snapshot(documentId)).toEqual(before);
    });

    it('a note of exactly 2000 characters is accepted', async () => {
      const note = 'n'.repeat(2000);
      const res = await verify(documentId, editor, { note });
      expect(res.status).toBe(200);
      const history = await t.http.get(trustPath(documentId, '/history?locale=en'), { token: editor.token });
      expect(history.body.data[0]).toMatchObject({ action: 'verify', note });
      expect((await unverify(documentId, editor)).status).toBe(200);
    });

    it.each([
      ['a malformed locale', '<script>'],
      ['a locale with a SQL fragment', "en' OR 1=1 --"],
    ])('verify refuses %s with a 400 on path locale', async (_label, locale) => {
      const before = await snapshot(documentId);
      const res = await t.http.post(
        trustPath(documentId, `/verify?locale=${encodeURIComponent(locale)}`),
        {},
        { token: editor.token }
      );
      expectValidationError(res, ['locale']);
      expect(await snapshot(documentId)).toEqual(before);
    });

    it('verify refuses a repeated locale parameter (an array) with a 400', async () => {
      const res = await t.http.post(
        trustPath(documentId, '/verify?locale=en&locale=fr'),
        { checks: ALL_CHECKS },
        { token: editor.token }
      );
      expectValidationError(res, ['locale']);
    });

    const bulkCases: Array<[string, unknown, Array<string | number>]> = [
      ['documentIds is not an array', { uid: ARTICLE_UID, documentIds: 'abc' }, ['documentIds']],
      ['documentIds is empty', { uid: ARTICLE_UID, documentIds: [] }, ['documentIds']],
      [
        'documentIds has more than 1000 ids',
        { uid: ARTICLE_UID, documentIds: Array.from({ length: 1001 }, (_, i) => `id${i}`) },
        ['documentIds'],
      ],
      ['a documentId is not a string', { uid: ARTICLE_UID, documentIds: [{ $ne: null }] }, ['documentIds', 0]],
      ['uid is missing', { documentIds: ['abc'] }, ['uid']],
      ['uid is not a string', { uid: 7, documentIds: ['abc'] }, ['uid']],
      ['there is an unknown key', { uid: ARTICLE_UID, documentIds: ['abc'], status: 'verified' }, ['status']],
      ['locale is not a string', { uid: ARTICLE_UID, documentIds: ['abc'], locale: ['en'] }, ['locale']],
      ['locale is not a locale code', { uid: ARTICLE_UID, documentIds: ['abc'], locale: '<script>' }, ['locale']],
    ];

    it.each(bulkCases)('bulk verify and unverify refuse a body where %s', async (_label, body, path) => {
      const before = await snapshot(documentId);
      const withDoc =
        body &&
        typeof body === 'object' &&
        Array.isArray((body as any).documentIds) &&
        (body as any).documentIds.length === 1 &&
        typeof (body as any).documentIds[0] === 'string'
          ? { ...(body as object), documentIds: [documentId] }
          : body;
      expectValidationError(await t.http.post('/trust-labels/bulk/verify', withDoc, { token: editor.token }), path);
      expectValidationError(await t.http.post('/trust-labels/bulk/unverify', withDoc, { token: editor.token }), path);
      expect(await snapshot(documentId)).toEqual(before);
    });

    it('bulk refuses a body that is not an object', async () => {
      for (const raw of ['[]', '"x"', '{']) {
        const res = await expectingErrorLog(t.strapi, BODY_PARSER_ERROR, () =>
          t.http.post('/trust-labels/bulk/verify', raw, { token: editor.token })
        );
        expect(res.status).toBe(400);
        expect(res.body.error?.name).toBe('ValidationError');
      }
    });
  });

  // ---- bulk -------------------------------------------------------------------------------------

  describe('bulk verification', () => {
    it('verifies each document on its own: one without sources fails with a message, the others succeed', async () => {
      const first = await sourcedArticle([SOURCE]);
      const unsourced = await sourcedArticle([]);
      const third = await sourcedArticle([SOURCE, SOURCE_2]);
      const res = await t.http.post(
        '/trust-labels/bulk/verify',
        { uid: ARTICLE_UID, documentIds: [first, unsourced, third], locale: 'en', checks: ALL_CHECKS },
        { token: editor.token }
      );
      expect(res.status).toBe(200);
      expect(res.body.data).toEqual([
        { documentId: first, ok: true },
        {
          documentId: unsourced,
          ok: false,
          error: expect.stringContaining('requiredSources'),
          code: 'trust.requiredSources',
          values: { min: 1, count: 0 },
        },
        { documentId: third, ok: true },
      ]);
      expect((await storedDraft(first)).status).toBe('verified');
      expect((await storedDraft(unsourced)).status).toBe('unverified');
      expect((await storedDraft(unsourced)).verifiedHash).toBeNull();
      expect((await storedDraft(third)).status).toBe('verified');

      const history = await t.http.get(trustPath(third, '/history?locale=en'), { token: editor.token });
      expect(history.body.data[0]).toMatchObject({ action: 'verify', documentId: third, actor: { id: editor.id } });

      const undo = await t.http.post(
        '/trust-labels/bulk/unverify',
        { uid: ARTICLE_UID, documentIds: [first, third] },
        { token: editor.token }
      );
      expect(undo.status).toBe(200);
      expect(undo.body.data).toEqual([
        { documentId: first, ok: true },
        { documentId: third, ok: true },
      ]);
      expect((await storedDraft(first)).status).toBe('unverified');
      expect((await storedDraft(third)).status).toBe('unverified');
    });

    it('reports a documentId that does not exist as a failure, without stopping the others', async () => {
      const documentId = await sourcedArticle([SOURCE]);
      const res = await t.http.post(
        '/trust-labels/bulk/verify',
        { uid: ARTICLE_UID, documentIds: ['doesnotexist00000000000b', documentId], checks: ALL_CHECKS },
        { token: editor.token }
      );
      expect(res.status).toBe(200);
      expect(res.body.data).toEqual([
        { documentId: 'doesnotexist00000000000b', ok: false, error: expect.any(String), code: 'trust.forbidden' },
        { documentId, ok: true },
      ]);
      expect((await storedDraft(documentId)).status).toBe('verified');
    });

    it('treats hostile document ids as failures, not errors', async () => {
      const ids = ['../../etc/passwd', "' OR 1=1 --", '<script>alert(1)</script>', 'a'.repeat(64)];
      const res = await t.http.post(
        '/trust-labels/bulk/verify',
        { uid: ARTICLE_UID, documentIds: ids, checks: ALL_CHECKS },
        { token: editor.token }
      );
      expect(res.status).toBe(200);
      expect(res.body.data.map((result: any) => result.documentId)).toEqual(ids);
      expect(res.body.data.every((result: any) => result.ok === false && typeof result.error === 'string')).toBe(true);
    });
  });

  // ---- hostile input ----------------------------------------------------------------------------------

  describe('hostile input', () => {
    it('stores a <script> note verbatim and returns it as JSON data', async () => {
      const documentId = await sourcedArticle([SOURCE]);
      const note = '<script>alert("x")</script> & <img src=x onerror=alert(1)> \'; DROP TABLE articles; --\n\ttab';
      const res = await verify(documentId, editor, { note });
      expect(res.status).toBe(200);
      const history = await t.http.get(trustPath(documentId, '/history?locale=en'), { token: editor.token });
      expect(history.status).toBe(200);
      expect(history.headers.get('content-type')).toContain('application/json');
      expect(history.body.data[0]).toMatchObject({ action: 'verify', note });
      const stored: any = await t.strapi.db
        .query(AUDIT_UID as any)
        .findOne({ where: { entryDocumentId: documentId, action: 'verify' } });
      expect(stored.note).toBe(note);
      // the articles table is still there
      expect(await t.strapi.db.query(ARTICLE_UID).count({ where: { documentId } })).toBeGreaterThan(0);
    });

    it('never answers a 500 to odd paths, queries and bodies', async () => {
      const documentId = await sourcedArticle([SOURCE]);
      const requests = () => [
        t.http.post(
          `/trust-labels/documents/${ARTICLE_UID}/${encodeURIComponent('../../x')}/verify`,
          { checks: ALL_CHECKS },
          { token: editor.token }
        ),
        t.http.post(
          `/trust-labels/documents/${ARTICLE_UID}/${'x'.repeat(500)}/verify`,
          { checks: ALL_CHECKS },
          { token: editor.token }
        ),
        t.http.post(
          `/trust-labels/documents/${ARTICLE_UID}/${encodeURIComponent("' OR 1=1 --")}/unverify`,
          {},
          { token: editor.token }
        ),
        t.http.post(
          `/trust-labels/documents/${encodeURIComponent('<script>')}/${documentId}/verify`,
          { checks: ALL_CHECKS },
          { token: editor.token }
        ),
        t.http.post(trustPath(documentId, '/verify?locale[$ne]=x'), { checks: ALL_CHECKS }, { token: editor.token }),
        t.http.post(trustPath(documentId, '/verify?locale=' + 'e'.repeat(5000)), {}, { token: editor.token }),
        t.http.post(
          trustPath(documentId, '/verify?locale=en'),
          { note: null, checks: ALL_CHECKS },
          { token: editor.token }
        ),
        t.http.post(
          trustPath(documentId, '/verify?locale=en'),
          { note: 'x'.repeat(100000), checks: ALL_CHECKS },
          { token: editor.token }
        ),
        t.http.post(
          trustPath(documentId, '/verify?locale=en'),
          { __proto__: { polluted: true }, note: 'proto' },
          { token: editor.token }
        ),
        t.http.post(trustPath(documentId, '/verify?locale=en'), '{"constructor":{"prototype":{"polluted":true}}}', {
          token: editor.token,
        }),
        t.http.post(
          '/trust-labels/bulk/verify',
          { uid: ARTICLE_UID, documentIds: [null, 1, true] },
          { token: editor.token }
        ),
        t.http.post(
          '/trust-labels/bulk/verify',
          { uid: { $ne: null }, documentIds: [documentId] },
          { token: editor.token }
        ),
        t.http.post(
          '/trust-labels/bulk/verify',
          { uid: ARTICLE_UID, documentIds: [documentId], locale: '<b>' },
          { token: editor.token }
        ),
        t.http.post(
          '/trust-labels/bulk/verify',
          { uid: ARTICLE_UID, documentIds: [documentId], note: 5, checks: ALL_CHECKS },
          { token: editor.token }
        ),
        t.http.post('/trust-labels/bulk/verify', null, { token: editor.token }),
      ];
      // The body `null` is refused by Strapi's body parser, which logs it.
      const responses = await expectingErrorLog(t.strapi, BODY_PARSER_ERROR, () => Promise.all(requests()));
      responses.forEach((res) => {
        expect(res.status).toBeLessThan(500);
        expect(res.status).toBeGreaterThanOrEqual(200);
      });
      expect(({} as any).polluted).toBeUndefined();
    });
  });
});
