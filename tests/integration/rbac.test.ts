import { bootTestApp, contentManagerOn, type AdminSession, type TestContext } from '../helpers';
import { ALL_CHECKS } from '../helpers/checks';

/**
 * docs/install-and-configure.md#permissions-rbac and docs/api.md#admin-api: every route enforces its RBAC action on the
 * server; default grants on the first start (Editor: read, edit, verify; Author: read, edit); changes made by admins
 * are kept across restarts. And "Permissions" (0.2): the plugin's actions combine with the Content Manager's, with its
 * conditions ("Is creator") and locale restrictions, on every route.
 */

const ARTICLE = 'api::article.article';
const A = {
  read: 'plugin::trust-labels.read',
  edit: 'plugin::trust-labels.edit',
  verify: 'plugin::trust-labels.verify',
  settingsRead: 'plugin::trust-labels.settings.read',
  settingsUpdate: 'plugin::trust-labels.settings.update',
};

describe('RBAC of the admin routes', () => {
  let t: TestContext;
  let superAdmin: AdminSession;
  let documentId: string;

  const docPath = () => `/trust-labels/documents/${ARTICLE}/${documentId}`;
  const getDoc = (token?: string) => t.http.get(docPath(), { token, query: { locale: 'en' } });
  const putDoc = (body: unknown, token?: string) => t.http.put(docPath(), body, { token, query: { locale: 'en' } });
  const getSettings = (token?: string) => t.http.get('/trust-labels/settings', { token });
  const putSettings = (body: unknown, token?: string) => t.http.put('/trust-labels/settings', body, { token });

  const storedDraft = async () => {
    const res = await getDoc(superAdmin.token);
    expect(res.status).toBe(200);
    return res.body.data.draft;
  };
  const storedSettings = async () => {
    const res = await getSettings(superAdmin.token);
    expect(res.status).toBe(200);
    return res.body.data;
  };

  const builtInRoleId = async (code: string) => {
    const role: any = await t.strapi.db.query('admin::role').findOne({ where: { code } });
    expect(role).toBeTruthy();
    return role.id as number;
  };

  /** The trust-labels actions held by an admin role, read from the permission table. */
  const pluginActions = async (roleId: number) => {
    const permissions: any[] = await t.strapi.db.query('admin::permission').findMany({ where: { role: roleId } });
    return permissions
      .map((p) => p.action as string)
      .filter((action) => action.startsWith('plugin::trust-labels.'))
      .sort();
  };

  const expectForbidden = (res: any) => {
    expect(res.status).toBe(403);
    // Strapi's admin::hasPermissions policy answers a PolicyError; a plugin check would answer ForbiddenError.
    expect(['PolicyError', 'ForbiddenError']).toContain(res.body.error?.name);
    expect(res.body.data ?? null).toBeNull();
  };
  const expectUnauthorized = (res: any) => {
    expect(res.status).toBe(401);
    expect(res.body.error?.name).toBe('UnauthorizedError');
    expect(res.body.data ?? null).toBeNull();
  };

  const createArticle = async (title: string) => {
    const doc: any = await t.strapi.documents(ARTICLE as any).create({
      locale: 'en',
      data: { title } as any,
      status: 'published',
    });
    return doc.documentId as string;
  };

  /** An article created in the Content Manager by `session` (its creator), in en (and fr when asked). */
  const createAs = async (session: AdminSession, title: string, { fr = false } = {}) => {
    const res = await t.http.post(
      `/content-manager/collection-types/${ARTICLE}?locale=en`,
      { title },
      { token: session.token }
    );
    expect(res.status).toBe(201);
    const id = res.body.data.documentId as string;
    if (fr)
      expect(
        (
          await t.http.put(
            `/content-manager/collection-types/${ARTICLE}/${id}?locale=fr`,
            { title: `${title} (fr)` },
            { token: session.token }
          )
        ).status
      ).toBe(200);
    return id;
  };
  const docPathOf = (id: string) => `/trust-labels/documents/${ARTICLE}/${id}`;

  // The plugin's actions, with the Content Manager's read and update on articles in both locales.
  const withContentManager = (actions: string[], options?: Parameters<typeof contentManagerOn>[2]) => [
    ...actions,
    ...contentManagerOn(ARTICLE, ['read', 'update'], options),
  ];

  beforeAll(async () => {
    t = await bootTestApp();
    superAdmin = await t.admin('super-admin');
    await t.strapi.plugin('i18n').service('locales').create({ code: 'fr', name: 'French (fr)' });
    documentId = await createArticle('RBAC article');
  });

  afterAll(async () => {
    await t?.stop();
  });

  describe('default grants', () => {
    it('gives the Editor role read, edit and verify', async () => {
      expect(await pluginActions(await builtInRoleId('strapi-editor'))).toEqual([A.edit, A.read, A.verify].sort());
    });

    it('gives the Author role read and edit', async () => {
      expect(await pluginActions(await builtInRoleId('strapi-author'))).toEqual([A.edit, A.read].sort());
    });

    it('grants subject-less permissions without conditions', async () => {
      const permissions: any[] = await t.strapi.db.query('admin::permission').findMany({
        where: { role: await builtInRoleId('strapi-author'), action: { $startsWith: 'plugin::trust-labels.' } },
      });
      for (const permission of permissions) {
        expect(permission.subject ?? null).toBeNull();
        expect(permission.conditions ?? []).toEqual([]);
      }
    });
  });

  describe('Author (Content Manager: own entries only, "Is creator")', () => {
    let author: AdminSession;
    let own: string;
    beforeAll(async () => {
      author = await t.admin('author', 'author');
      own = await createAs(author, 'Written by the author');
    });

    it('can read and edit the labels of an entry they created', async () => {
      const read = await t.http.get(docPathOf(own), { token: author.token, query: { locale: 'en' } });
      expect(read.status).toBe(200);
      expect(read.body.data.draft.status).toBe('unverified');
      const res = await t.http.put(
        docPathOf(own),
        { aiInvolvement: 'assisted' },
        { token: author.token, query: { locale: 'en' } }
      );
      expect(res.status).toBe(200);
      expect(res.body.data.draft.aiInvolvement).toBe('assisted');
    });

    it("gets 403 on someone else's entry, as in the Content Manager, and changes nothing", async () => {
      const before = await storedDraft();
      expectForbidden(
        await t.http.get(`/content-manager/collection-types/${ARTICLE}/${documentId}?locale=en`, {
          token: author.token,
        })
      );
      expectForbidden(await getDoc(author.token));
      expectForbidden(
        await putDoc(
          { aiInvolvement: 'generated', sources: [{ title: 'x', url: 'https://example.com/x' }] },
          author.token
        )
      );
      expectForbidden(await t.http.get(`${docPath()}/history`, { token: author.token, query: { locale: 'en' } }));
      expect(await storedDraft()).toEqual(before);
    });

    it("sees only their own entries in the list column's statuses and in the report", async () => {
      const statuses = await t.http.get(`/trust-labels/statuses/${ARTICLE}`, {
        token: author.token,
        query: { locale: 'en', documentIds: `${own},${documentId}` },
      });
      expect(statuses.status).toBe(200);
      expect(Object.keys(statuses.body.data)).toEqual([own]);
      const report = await t.http.get('/trust-labels/report', { token: author.token });
      expect(report.status).toBe(200);
      const listed = new Set(
        report.body.data.flatMap((group: any) => group.entries.map((entry: any) => entry.documentId))
      );
      expect([...listed]).toEqual([own]);
    });

    it('gets 403 on GET and PUT settings, and changes nothing', async () => {
      const before = await storedSettings();
      expectForbidden(await getSettings(author.token));
      expectForbidden(await putSettings({ siteName: 'Hacked by author' }, author.token));
      expect(await storedSettings()).toEqual(before);
    });
  });

  describe('Editor', () => {
    let editor: AdminSession;
    beforeAll(async () => {
      editor = await t.admin('editor', 'editor');
    });

    it('can read and edit a document', async () => {
      const get = await getDoc(editor.token);
      expect(get.status).toBe(200);
      const put = await putDoc(
        { aiInvolvement: 'generated', sources: [{ title: 'Src', url: 'https://example.com/s' }] },
        editor.token
      );
      expect(put.status).toBe(200);
      const draft = await storedDraft();
      expect(draft.aiInvolvement).toBe('generated');
      expect(draft.sources).toEqual([
        { title: 'Src', url: 'https://example.com/s', publisher: null, accessedAt: null },
      ]);
    });

    it('gets 403 on the settings routes (not granted by default)', async () => {
      const before = await storedSettings();
      expectForbidden(await getSettings(editor.token));
      expectForbidden(await putSettings({ siteName: 'Hacked by editor' }, editor.token));
      expect(await storedSettings()).toEqual(before);
    });
  });

  describe('custom roles', () => {
    it('a role without any trust-labels action gets 403 on every route', async () => {
      const roleId = await t.role('No trust', ['admin::users.read']);
      const user = await t.admin(roleId, 'notrust');
      const before = await storedDraft();
      const beforeSettings = await storedSettings();
      expectForbidden(await getDoc(user.token));
      expectForbidden(await putDoc({ aiInvolvement: 'none' }, user.token));
      expectForbidden(await getSettings(user.token));
      expectForbidden(await putSettings({ siteName: 'x' }, user.token));
      expect(await storedDraft()).toEqual(before);
      expect(await storedSettings()).toEqual(beforeSettings);
    });

    it('the diff and the review queue show only the fields the Content Manager lets the role read', async () => {
      // Content Manager read limited to `slug` (title and body hidden), update on everything, the plugin's read.
      const roleId = await t.role('Slug only', [
        A.read,
        {
          action: 'plugin::content-manager.explorer.read',
          subject: ARTICLE,
          properties: { locales: ['en', 'fr'], fields: ['slug'] },
        },
        ...contentManagerOn(ARTICLE, ['update']),
      ]);
      const user = await t.admin(roleId, 'slugonly');
      const id = await createAs(superAdmin, 'Secret title before');
      const labels = await t.http.put(
        docPathOf(id),
        { sources: [{ title: 'S', url: 'https://example.com/s' }], aiInvolvement: 'generated' },
        { token: superAdmin.token, query: { locale: 'en' } }
      );
      expect(labels.status).toBe(200);
      expect(
        (
          await t.http.post(
            `${docPathOf(id)}/verify`,
            { checks: ALL_CHECKS },
            { token: superAdmin.token, query: { locale: 'en' } }
          )
        ).status
      ).toBe(200);
      const edit = await t.http.put(
        `/content-manager/collection-types/${ARTICLE}/${id}?locale=en`,
        { title: 'Secret title after', slug: 'new-slug' },
        { token: superAdmin.token }
      );
      expect(edit.status).toBe(200);

      // The Content Manager itself hides the title from this role.
      const cm = await t.http.get(`/content-manager/collection-types/${ARTICLE}/${id}`, {
        token: user.token,
        query: { locale: 'en' },
      });
      expect(cm.status).toBe(200);
      expect(cm.body.data.title).toBeUndefined();

      const diff = await t.http.get(`${docPathOf(id)}/diff`, { token: user.token, query: { locale: 'en' } });
      expect(diff.status).toBe(200);
      expect(diff.body.data.draft.fields.map((f: any) => f.field).sort()).toEqual(['slug']);
      expect(diff.text).not.toContain('Secret title');
      // An admin who may read every field sees the title's change.
      const full = await t.http.get(`${docPathOf(id)}/diff`, { token: superAdmin.token, query: { locale: 'en' } });
      expect(full.body.data.draft.fields.map((f: any) => f.field).sort()).toEqual(['slug', 'title']);

      const queue = await t.http.get('/trust-labels/queue', { token: user.token, query: { pageSize: 100 } });
      expect(queue.status).toBe(200);
      const entry = queue.body.data.find((item: any) => item.documentId === id);
      expect(entry).toMatchObject({ status: 'stale', title: null });
      expect(queue.text).not.toContain('Secret title');
      const adminQueue = await t.http.get('/trust-labels/queue', { token: superAdmin.token, query: { pageSize: 100 } });
      expect(adminQueue.body.data.find((item: any) => item.documentId === id).title).toBe('Secret title after');
    });

    it("the Content Manager's own API never shows trust data: only the plugin's routes do, with the plugin's read", async () => {
      const id = await createAs(superAdmin, 'Verified, then read in the Content Manager');
      expect(
        (
          await t.http.put(
            docPathOf(id),
            { sources: [{ title: 'S', url: 'https://example.com/s' }] },
            { token: superAdmin.token, query: { locale: 'en' } }
          )
        ).status
      ).toBe(200);
      expect(
        (
          await t.http.post(
            `${docPathOf(id)}/verify`,
            { checks: ALL_CHECKS },
            { token: superAdmin.token, query: { locale: 'en' } }
          )
        ).status
      ).toBe(200);
      // Content Manager read and update, but not the plugin's read; and a role whose Content Manager read is title only.
      const noPluginRead = await t.admin(
        await t.role('CM without trust read', contentManagerOn(ARTICLE, ['read', 'update'])),
        'cmonly'
      );
      const titleOnly = await t.admin(
        await t.role('Title only', [
          A.read,
          {
            action: 'plugin::content-manager.explorer.read',
            subject: ARTICLE,
            properties: { locales: ['en', 'fr'], fields: ['title'] },
          },
        ]),
        'titleonly'
      );
      for (const session of [noPluginRead, titleOnly, superAdmin]) {
        const one = await t.http.get(`/content-manager/collection-types/${ARTICLE}/${id}`, {
          token: session.token,
          query: { locale: 'en' },
        });
        expect(one.status).toBe(200);
        expect(one.body.data.title).toBe('Verified, then read in the Content Manager');
        expect(one.body.data.trust).toBeUndefined();
        expect(one.text).not.toMatch(/verifiedContent|verifiedHash|sourcesJson/);
        const list = await t.http.get(`/content-manager/collection-types/${ARTICLE}`, {
          token: session.token,
          query: { locale: 'en', pageSize: 100 },
        });
        expect(list.status).toBe(200);
        expect(list.text).not.toMatch(/verifiedContent|verifiedHash|sourcesJson/);
      }
      // A Content Manager save answers without trust too, and leaves trust as the plugin keeps it.
      const save = await t.http.put(
        `/content-manager/collection-types/${ARTICLE}/${id}?locale=en`,
        { title: 'Saved again' },
        { token: noPluginRead.token }
      );
      expect(save.status).toBe(200);
      expect(save.body.data.trust).toBeUndefined();
      const state = await t.http.get(docPathOf(id), { token: superAdmin.token, query: { locale: 'en' } });
      expect(state.body.data.draft).toMatchObject({ status: 'stale', changedFields: ['title'] });
      expectForbidden(await t.http.get(docPathOf(id), { token: noPluginRead.token, query: { locale: 'en' } }));
    });

    it('a role with no permissions at all gets 403', async () => {
      const roleId = await t.role('Empty', []);
      const user = await t.admin(roleId, 'empty');
      expectForbidden(await getDoc(user.token));
      expectForbidden(await putDoc({ aiInvolvement: 'none' }, user.token));
    });

    it('a role with only read can GET but gets 403 on PUT, which changes nothing', async () => {
      const roleId = await t.role('Read only', withContentManager([A.read]));
      const user = await t.admin(roleId, 'reader');
      const res = await getDoc(user.token);
      expect(res.status).toBe(200);
      const before = await storedDraft();
      expect(res.body.data.draft).toEqual(before);
      expectForbidden(await putDoc({ aiInvolvement: 'none', disclaimerMode: 'off' }, user.token));
      expect(await storedDraft()).toEqual(before);
      expectForbidden(await getSettings(user.token));
    });

    it('a role with only edit can PUT but gets 403 on GET', async () => {
      const roleId = await t.role('Edit only', withContentManager([A.edit]));
      const user = await t.admin(roleId, 'editonly');
      expectForbidden(await getDoc(user.token));
      const res = await putDoc({ aiInvolvement: 'none' }, user.token);
      expect(res.status).toBe(200);
      expect((await storedDraft()).aiInvolvement).toBe('none');
    });

    it('a role with only verify can neither read nor edit', async () => {
      const roleId = await t.role('Verify only', withContentManager([A.verify]));
      const user = await t.admin(roleId, 'verifyonly');
      const before = await storedDraft();
      expectForbidden(await getDoc(user.token));
      expectForbidden(await putDoc({ aiInvolvement: 'unknown' }, user.token));
      expect(await storedDraft()).toEqual(before);
    });

    it("the plugin's read, edit and verify without any Content Manager access: 403 on every document route", async () => {
      const roleId = await t.role('Plugin only', [A.read, A.edit, A.verify]);
      const user = await t.admin(roleId, 'pluginonly');
      const before = await storedDraft();
      expectForbidden(await getDoc(user.token));
      expectForbidden(await putDoc({ aiInvolvement: 'generated' }, user.token));
      expectForbidden(
        await t.http.post(`${docPath()}/verify`, { checks: ALL_CHECKS }, { token: user.token, query: { locale: 'en' } })
      );
      expectForbidden(await t.http.post(`${docPath()}/unverify`, {}, { token: user.token, query: { locale: 'en' } }));
      expectForbidden(await t.http.get(`${docPath()}/history`, { token: user.token, query: { locale: 'en' } }));
      const bulk = await t.http.post(
        '/trust-labels/bulk/verify',
        { uid: ARTICLE, documentIds: [documentId], locale: 'en', checks: ALL_CHECKS },
        { token: user.token }
      );
      expect(bulk.status).toBe(200);
      expect(bulk.body.data).toEqual([
        { documentId, ok: false, error: expect.stringContaining('Forbidden'), code: 'trust.forbidden' },
      ]);
      expect((await t.http.get('/trust-labels/report', { token: user.token })).body.data).toEqual([]);
      expect(await storedDraft()).toEqual(before);
    });

    it('a role limited to the en locale acts on en and gets 403 on fr', async () => {
      const both = await createAs(superAdmin, 'Two locales', { fr: true });
      const roleId = await t.role('English only', withContentManager([A.read, A.edit, A.verify], { locales: ['en'] }));
      const user = await t.admin(roleId, 'englishonly');
      expect((await t.http.get(docPathOf(both), { token: user.token, query: { locale: 'en' } })).status).toBe(200);
      expect(
        (await t.http.put(docPathOf(both), { aiInvolvement: 'none' }, { token: user.token, query: { locale: 'en' } }))
          .status
      ).toBe(200);
      expectForbidden(await t.http.get(docPathOf(both), { token: user.token, query: { locale: 'fr' } }));
      expectForbidden(
        await t.http.put(
          docPathOf(both),
          { aiInvolvement: 'generated' },
          { token: user.token, query: { locale: 'fr' } }
        )
      );
      expectForbidden(
        await t.http.post(
          `${docPathOf(both)}/verify`,
          { checks: ALL_CHECKS },
          { token: user.token, query: { locale: 'fr' } }
        )
      );
      const fr = await t.http.get(docPathOf(both), { token: superAdmin.token, query: { locale: 'fr' } });
      expect(fr.body.data.draft.aiInvolvement).toBe('unknown');
    });

    it('settings.read allows GET settings but not PUT', async () => {
      const roleId = await t.role('Settings reader', [A.settingsRead]);
      const user = await t.admin(roleId, 'settingsreader');
      const before = await storedSettings();
      const res = await getSettings(user.token);
      expect(res.status).toBe(200);
      expect(res.body.data).toEqual(before);
      expectForbidden(await putSettings({ siteName: 'Changed by a reader' }, user.token));
      expect(await storedSettings()).toEqual(before);
      expectForbidden(await getDoc(user.token));
    });

    it('settings.update allows PUT settings but not GET', async () => {
      const roleId = await t.role('Settings updater', [A.settingsUpdate]);
      const user = await t.admin(roleId, 'settingsupdater');
      expectForbidden(await getSettings(user.token));
      const res = await putSettings({ siteName: 'Updated by updater' }, user.token);
      expect(res.status).toBe(200);
      expect((await storedSettings()).siteName).toBe('Updated by updater');
    });

    it('a user with several roles gets the union of their actions', async () => {
      const readRole = await t.role('Union read', withContentManager([A.read]));
      const settingsRole = await t.role('Union settings', [A.settingsRead]);
      const user = await t.admin([readRole, settingsRole], 'union');
      expect((await getDoc(user.token)).status).toBe(200);
      expect((await getSettings(user.token)).status).toBe(200);
      expectForbidden(await putDoc({ aiInvolvement: 'none' }, user.token));
    });
  });

  describe('unauthenticated and non-admin callers', () => {
    it('get 401 on every route without a token, and change nothing', async () => {
      const before = await storedDraft();
      const beforeSettings = await storedSettings();
      expectUnauthorized(await getDoc());
      expectUnauthorized(await putDoc({ aiInvolvement: 'generated' }));
      expectUnauthorized(await getSettings());
      expectUnauthorized(await putSettings({ siteName: 'anon' }));
      expect(await storedDraft()).toEqual(before);
      expect(await storedSettings()).toEqual(beforeSettings);
    });

    it('get 401 with a garbage or forged token', async () => {
      for (const token of ['garbage', 'eyJhbGciOiJIUzI1NiJ9.eyJpZCI6MX0.invalidsignature']) {
        expectUnauthorized(await getDoc(token));
        expectUnauthorized(await putDoc({ aiInvolvement: 'generated' }, token));
        expectUnauthorized(await getSettings(token));
      }
    });

    it('get 401 with a full-access API token (content API credentials are not admin credentials)', async () => {
      const token = await t.apiToken('full-access');
      expectUnauthorized(await getDoc(token));
      expectUnauthorized(await putDoc({ aiInvolvement: 'generated' }, token));
      expectUnauthorized(await putSettings({ siteName: 'api token' }, token));
    });

    it('get 401 with a users-permissions JWT', async () => {
      const authenticated: any = await t.strapi.db
        .query('plugin::users-permissions.role')
        .findOne({ where: { type: 'authenticated' } });
      const user = await t.strapi.plugin('users-permissions').service('user').add({
        username: 'endUser',
        email: 'end-user@trust-labels.test',
        password: 'End-User-Password-1',
        provider: 'local',
        confirmed: true,
        blocked: false,
        role: authenticated.id,
      });
      const jwt = t.strapi.plugin('users-permissions').service('jwt').issue({ id: user.id });
      expectUnauthorized(await getDoc(jwt));
      expectUnauthorized(await putDoc({ aiInvolvement: 'generated' }, jwt));
      expectUnauthorized(await getSettings(jwt));
    });

    it('an admin whose account was deactivated gets 401', async () => {
      const editor = await t.admin('editor', 'deactivated');
      expect((await getDoc(editor.token)).status).toBe(200);
      await t.strapi.db.query('admin::user').update({ where: { id: editor.id }, data: { isActive: false } });
      expectUnauthorized(await getDoc(editor.token));
    });
  });

  describe('Super Admin', () => {
    it('can do everything', async () => {
      expect((await getDoc(superAdmin.token)).status).toBe(200);
      const put = await putDoc(
        { aiInvolvement: 'assisted', disclaimerMode: 'custom', disclaimerText: 'By {siteName}' },
        superAdmin.token
      );
      expect(put.status).toBe(200);
      expect(put.body.data.draft.disclaimerMode).toBe('custom');
      expect((await getSettings(superAdmin.token)).status).toBe(200);
      const settings = await putSettings({ siteName: 'Super Site' }, superAdmin.token);
      expect(settings.status).toBe(200);
      expect(settings.body.data.siteName).toBe('Super Site');
      expect((await storedDraft()).disclaimer).toBe('By Super Site');
    });
  });

  describe('permissions removed by an admin stay removed across restarts', () => {
    const removeWithAdminApi = async (roleId: number, action: string) => {
      const current = await t.http.get(`/admin/roles/${roleId}/permissions`, { token: superAdmin.token });
      expect(current.status).toBe(200);
      const permissions = current.body.data
        .filter((p: any) => p.action !== action)
        .map((p: any) => ({
          action: p.action,
          subject: p.subject ?? null,
          properties: p.properties ?? {},
          conditions: p.conditions ?? [],
        }));
      expect(permissions.length).toBe(current.body.data.length - 1);
      const res = await t.http.put(`/admin/roles/${roleId}/permissions`, { permissions }, { token: superAdmin.token });
      expect(res.status).toBe(200);
    };

    it('removes Author edit and Editor verify through Settings → Roles, then restarts', async () => {
      const authorRole = await builtInRoleId('strapi-author');
      const editorRole = await builtInRoleId('strapi-editor');
      await removeWithAdminApi(authorRole, A.edit);
      await removeWithAdminApi(editorRole, A.verify);
      expect(await pluginActions(authorRole)).toEqual([A.read]);
      expect(await pluginActions(editorRole)).toEqual([A.edit, A.read].sort());

      // The change applies at once (on an entry the Author created, which the Content Manager lets them edit).
      const author = await t.admin('author', 'author-before-restart');
      const own = await createAs(author, 'Author entry before the restart');
      expectForbidden(
        await t.http.put(docPathOf(own), { aiInvolvement: 'none' }, { token: author.token, query: { locale: 'en' } })
      );
      expect((await t.http.get(docPathOf(own), { token: author.token, query: { locale: 'en' } })).status).toBe(200);

      await t.stop({ keepDatabase: true });
      t = await bootTestApp({ database: t.database });
      superAdmin = await t.admin('super-admin', 'super-after-restart');

      expect(await pluginActions(await builtInRoleId('strapi-author'))).toEqual([A.read]);
      expect(await pluginActions(await builtInRoleId('strapi-editor'))).toEqual([A.edit, A.read].sort());

      const authorAfter = await t.admin('author', 'author-after-restart');
      const ownAfter = await createAs(authorAfter, 'Author entry after the restart');
      expect(
        (await t.http.get(docPathOf(ownAfter), { token: authorAfter.token, query: { locale: 'en' } })).status
      ).toBe(200);
      const before = await storedDraft();
      expectForbidden(
        await t.http.put(
          docPathOf(ownAfter),
          { aiInvolvement: 'none' },
          { token: authorAfter.token, query: { locale: 'en' } }
        )
      );
      expectForbidden(await putDoc({ aiInvolvement: 'none' }, authorAfter.token));
      expect(await storedDraft()).toEqual(before);

      const editorAfter = await t.admin('editor', 'editor-after-restart');
      expect((await putDoc({ aiInvolvement: 'unknown' }, editorAfter.token)).status).toBe(200);
    });

    it('does not duplicate the default grants on a second restart', async () => {
      await t.stop({ keepDatabase: true });
      t = await bootTestApp({ database: t.database });
      superAdmin = await t.admin('super-admin', 'super-after-second-restart');
      const permissions: any[] = await t.strapi.db.query('admin::permission').findMany({
        where: {
          action: { $startsWith: 'plugin::trust-labels.' },
          role: { code: { $in: ['strapi-author', 'strapi-editor'] } },
        },
        populate: ['role'],
      });
      const pairs = permissions.map((p) => `${p.role.code} ${p.action}`).sort();
      expect(pairs).toEqual([`strapi-author ${A.read}`, `strapi-editor ${A.edit}`, `strapi-editor ${A.read}`].sort());
    });

    it('the settings survive a restart too', async () => {
      expect((await storedSettings()).siteName).toBe('Super Site');
    });
  });
});
