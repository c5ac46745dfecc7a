import crypto from 'crypto';

import { ACTIONS } from '../../shared/constants';
import { ALL_CHECKS } from '../helpers/checks';
import { mcpRequest } from '../helpers/mcp';
import {
  ARTICLE_UID,
  bootTestApp,
  contentManagerOn,
  createArticle,
  expectingErrorLog,
  trustPath,
  type AdminSession,
  type TestContext,
} from '../helpers';

/**
 * The MCP tools (issue 17), through Strapi's real MCP endpoint (POST /mcp, JSON-RPC) with the token an agent uses: an
 * admin token. trust_labels_get reads, trust_labels_suggest records a suggestion that an editor accepts or dismisses
 * over the admin API; nothing verifies. An agent's writes through Strapi's own tools (update_…, publish_…) pass the
 * plugin's protection and publish gate like any write.
 */

const SOURCE_A = { title: 'Source A', url: 'https://example.com/a' };
const SOURCE_B = { title: 'Source B', url: 'https://example.com/b', publisher: 'Example', accessedAt: '2026-11-30' };

describe('MCP tools', () => {
  let t: TestContext;
  let owner: AdminSession;
  let editor: AdminSession;
  /** The agent: an admin token with trust read, and the Content Manager on articles (read, update, publish). */
  let agentToken: string;
  let protocolVersion = '2025-06-18';
  let nextId = 1;

  const createAdminToken = async (
    permissions: Array<{ action: string; subject?: string | null; properties?: Record<string, unknown> }>
  ) => {
    const user = await t.strapi.db.query('admin::user').findOne({ where: { id: owner.id }, populate: ['roles'] });
    const token = await t.strapi.service('admin::api-token-admin').create(
      {
        name: `agent ${crypto.randomBytes(4).toString('hex')}`,
        description: 'MCP agent',
        lifespan: null,
        adminPermissions: permissions.map((permission) => ({
          subject: null,
          properties: {},
          conditions: [],
          ...permission,
        })),
      },
      user
    );
    return token.accessKey as string;
  };

  /** One JSON-RPC request to /mcp (tests/helpers/mcp.js). */
  const rpc = (token: string, method: string, params: Record<string, unknown> = {}) =>
    mcpRequest(t.baseUrl, token, { id: nextId++, method, params, protocolVersion });

  const listTools = async (token = agentToken): Promise<string[]> => {
    const { status, message } = await rpc(token, 'tools/list');
    expect(status).toBe(200);
    return message.result.tools.map((tool: { name: string }) => tool.name);
  };

  /** tools/call: the tool's result (isError, content, structuredContent), or the JSON-RPC error. */
  const callTool = async (name: string, args: Record<string, unknown>, token = agentToken) => {
    const { status, message } = await rpc(token, 'tools/call', { name, arguments: args });
    expect(status).toBe(200);
    return message.error
      ? { isError: true, rpcError: message.error, text: JSON.stringify(message.error) }
      : { ...message.result, text: message.result.content?.[0]?.text ?? '' };
  };

  const adminState = async (documentId: string) => {
    const res = await t.http.get(trustPath(documentId, '?locale=en'), { token: editor.token });
    expect(res.status).toBe(200);
    return res.body.data;
  };

  const labelled = async (labels: Record<string, unknown>, { verify = false, publish = false } = {}) => {
    const documentId = await createArticle(t.strapi, {
      title: `Article ${crypto.randomBytes(3).toString('hex')}`,
      body: 'Some text.',
    });
    expect((await t.http.put(trustPath(documentId, '?locale=en'), labels, { token: editor.token })).status).toBe(200);
    if (verify)
      expect(
        (await t.http.post(trustPath(documentId, '/verify?locale=en'), { checks: ALL_CHECKS }, { token: editor.token }))
          .status
      ).toBe(200);
    if (publish) await t.strapi.documents(ARTICLE_UID).publish({ documentId, locale: 'en' });
    return documentId;
  };

  beforeAll(async () => {
    t = await bootTestApp({ env: { PLAYGROUND_MCP: 'true' } });
    owner = await t.admin('super-admin', 'owner');
    editor = await t.admin('editor', 'editor');
    agentToken = await createAdminToken([
      { action: ACTIONS.read },
      ...(contentManagerOn(ARTICLE_UID, ['read', 'update', 'publish'], { locales: ['en'] }) as any[]),
    ]);
    const init = await rpc(agentToken, 'initialize', {
      protocolVersion,
      capabilities: {},
      clientInfo: { name: 'trust-labels-test-agent', version: '1.0.0' },
    });
    expect(init.status).toBe(200);
    protocolVersion = init.message.result.protocolVersion;
  });

  afterAll(async () => {
    await t?.stop();
  });

  it('refuses a request without an admin token', async () => {
    const res = await fetch(`${t.baseUrl}/mcp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: {} }),
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  });

  it('lists trust_labels_get and trust_labels_suggest, and no tool of ours that verifies, unverifies or changes settings', async () => {
    const names = await listTools();
    expect(names).toEqual(
      expect.arrayContaining(['trust_labels_get', 'trust_labels_suggest', 'update_article', 'publish_article'])
    );
    const ours = names.filter((name) => name.includes('trust'));
    expect(ours.sort()).toEqual(['trust_labels_get', 'trust_labels_suggest']);
    expect(names.filter((name) => /verif|setting/i.test(name))).toEqual([]);
  });

  it("lists no trust tool for a token without the plugin's read permission", async () => {
    const token = await createAdminToken(
      contentManagerOn(ARTICLE_UID, ['read', 'update'], { locales: ['en'] }) as any[]
    );
    const names = await listTools(token);
    expect(names).toContain('update_article');
    expect(names.filter((name) => name.startsWith('trust_labels'))).toEqual([]);
  });

  it('trust_labels_get answers the admin state of the draft and the published version', async () => {
    const documentId = await labelled(
      { aiInvolvement: 'assisted', sources: [SOURCE_A] },
      { verify: true, publish: true }
    );
    const result = await callTool('trust_labels_get', { uid: ARTICLE_UID, documentId, locale: 'en' });
    expect(result.isError).toBeFalsy();
    const expected = await adminState(documentId);
    expect(result.structuredContent.data).toEqual(expected);
    expect(result.structuredContent.data.draft).toMatchObject({
      status: 'verified',
      aiInvolvement: 'assisted',
      suggestion: null,
    });
    expect(result.structuredContent.data.published).toMatchObject({ status: 'verified' });
  });

  it("Strapi's own get_article shows no raw trust row (hashes, admin ids, the text as verified)", async () => {
    const documentId = await labelled(
      { aiInvolvement: 'assisted', sources: [SOURCE_A] },
      { verify: true, publish: true }
    );
    const result = await callTool('get_article', { documentId, locale: 'en' });
    expect(result.isError).toBeFalsy();
    expect(result.text).toContain(documentId);
    expect(result.text).not.toMatch(/verifiedContent|verifiedHash|verifiedById|sourcesJson/);
  });

  it('trust_labels_get needs the Content Manager permission on the entry and locale, and an enabled uid', async () => {
    const documentId = await labelled({ aiInvolvement: 'assisted' });
    const fr = await callTool('trust_labels_get', { uid: ARTICLE_UID, documentId, locale: 'fr' });
    expect(fr.isError).toBe(true);
    expect(fr.text).toMatch(/Forbidden|not found|Not Found/i);
    const page = await callTool('trust_labels_get', { uid: 'api::page.page', documentId, locale: 'en' });
    expect(page.isError).toBe(true);
    expect(page.text).toContain('NotFoundError');
    const missing = await callTool('trust_labels_get', {
      uid: ARTICLE_UID,
      documentId: 'doesnotexist000000000000',
      locale: 'en',
    });
    expect(missing.isError).toBe(true);
    expect(missing.text).toContain('NotFoundError');
  });

  describe('trust_labels_suggest', () => {
    it('records a suggestion the admin state shows; status, labels and content hash stay as they were', async () => {
      const documentId = await labelled(
        { aiInvolvement: 'assisted', sources: [SOURCE_A] },
        { verify: true, publish: true }
      );
      const before = await adminState(documentId);
      const history = (await t.http.get(trustPath(documentId, '/history?locale=en'), { token: editor.token })).body.data
        .length;

      const result = await callTool('trust_labels_suggest', {
        uid: ARTICLE_UID,
        documentId,
        locale: 'en',
        aiInvolvement: 'generated',
        sources: [SOURCE_A, SOURCE_B],
      });
      expect(result.isError).toBeFalsy();
      expect(result.structuredContent.recorded).toBe(true);
      // The source already on the draft is dropped, with a word for the agent.
      expect(result.structuredContent.notes.join(' ')).toContain(SOURCE_A.url);
      expect(result.structuredContent.suggestion).toMatchObject({
        aiInvolvement: 'generated',
        sources: [{ title: SOURCE_B.title, url: SOURCE_B.url, publisher: 'Example', accessedAt: '2026-11-30' }],
        suggestedBy: { id: owner.id },
      });

      const after = await adminState(documentId);
      expect(after.draft.suggestion).toMatchObject({ aiInvolvement: 'generated', sources: [{ url: SOURCE_B.url }] });
      expect(after.published.suggestion).toBeNull();
      const { suggestion: _drafted, ...draftWithout } = after.draft;
      const { suggestion: _none, ...beforeWithout } = before.draft;
      expect(draftWithout).toEqual(beforeWithout);
      expect(after.draft).toMatchObject({
        status: 'verified',
        aiInvolvement: 'assisted',
        contentHash: before.draft.contentHash,
      });
      expect(after.published).toEqual(before.published);
      // No audit event: nothing changed.
      expect(
        (await t.http.get(trustPath(documentId, '/history?locale=en'), { token: editor.token })).body.data
      ).toHaveLength(history);

      // Never in the content API.
      await t.grantPublic(['api::article.article.findOne']);
      const api = await t.http.get(`/api/articles/${documentId}`, { query: { locale: 'en' } });
      expect(api.status).toBe(200);
      expect(api.body.data.trust).toMatchObject({ status: 'verified', aiInvolvement: 'assisted' });
      expect(api.text).not.toContain('suggestion');
      expect(api.text).not.toContain(SOURCE_B.url);
    });

    it('refuses a suggestion that would lower the disclosure the editor set', async () => {
      const documentId = await labelled({ aiInvolvement: 'assisted' });
      for (const aiInvolvement of ['none', 'unknown', 'assisted']) {
        const result = await callTool('trust_labels_suggest', {
          uid: ARTICLE_UID,
          documentId,
          locale: 'en',
          aiInvolvement,
        });
        expect(result.isError).toBe(true);
        expect(result.text).toContain('Nothing was recorded');
        expect(JSON.parse(result.text).error.notes.join(' ')).toContain(`aiInvolvement "${aiInvolvement}" dropped`);
      }
      expect((await adminState(documentId)).draft).toMatchObject({ aiInvolvement: 'assisted', suggestion: null });

      // With a source, the source is recorded and the lower value dropped, with a note.
      const mixed = await callTool('trust_labels_suggest', {
        uid: ARTICLE_UID,
        documentId,
        locale: 'en',
        aiInvolvement: 'none',
        sources: [SOURCE_B],
      });
      expect(mixed.isError).toBeFalsy();
      expect(mixed.structuredContent.suggestion).toMatchObject({
        aiInvolvement: null,
        sources: [{ url: SOURCE_B.url }],
      });
      expect(mixed.structuredContent.notes.join(' ')).toContain('aiInvolvement "none" dropped');
    });

    it("an editor's accept applies it as a label edit (audit event, a verified draft becomes stale) and clears it", async () => {
      const documentId = await labelled(
        { aiInvolvement: 'assisted', sources: [SOURCE_A] },
        { verify: true, publish: true }
      );
      expect(
        (
          await callTool('trust_labels_suggest', {
            uid: ARTICLE_UID,
            documentId,
            locale: 'en',
            aiInvolvement: 'generated',
            sources: [SOURCE_B],
          })
        ).isError
      ).toBeFalsy();

      const res = await t.http.post(trustPath(documentId, '/suggestion/accept?locale=en'), {}, { token: editor.token });
      expect(res.status).toBe(200);
      expect(res.body.data.draft).toMatchObject({ aiInvolvement: 'generated', suggestion: null, status: 'stale' });
      expect(res.body.data.draft.sources.map((source: { url: string }) => source.url)).toEqual([
        SOURCE_A.url,
        SOURCE_B.url,
      ]);
      // Sources are hashed: the draft changed, the published version did not.
      expect(res.body.data.published).toMatchObject({
        status: 'verified',
        aiInvolvement: 'assisted',
        suggestion: null,
      });

      const history = await t.http.get(trustPath(documentId, '/history?locale=en'), { token: editor.token });
      expect(history.body.data[0]).toMatchObject({ action: 'stale' });
      expect(history.body.data.find((event: any) => event.action === 'edit')).toMatchObject({
        actor: { id: editor.id, type: 'admin' },
      });

      // Nothing left to accept.
      expect(
        (await t.http.post(trustPath(documentId, '/suggestion/accept?locale=en'), {}, { token: editor.token })).status
      ).toBe(404);
    });

    it('accept never lowers labels an editor raised after the suggestion', async () => {
      const documentId = await labelled({ aiInvolvement: 'none' });
      expect(
        (
          await callTool('trust_labels_suggest', {
            uid: ARTICLE_UID,
            documentId,
            locale: 'en',
            aiInvolvement: 'assisted',
          })
        ).isError
      ).toBeFalsy();
      expect(
        (await t.http.put(trustPath(documentId, '?locale=en'), { aiInvolvement: 'generated' }, { token: editor.token }))
          .status
      ).toBe(200);
      const res = await t.http.post(trustPath(documentId, '/suggestion/accept?locale=en'), {}, { token: editor.token });
      expect(res.status).toBe(200);
      expect(res.body.data.draft).toMatchObject({ aiInvolvement: 'generated', suggestion: null });
    });

    it('dismiss clears it and changes no label', async () => {
      const documentId = await labelled({ aiInvolvement: 'unknown' });
      expect(
        (
          await callTool('trust_labels_suggest', {
            uid: ARTICLE_UID,
            documentId,
            locale: 'en',
            aiInvolvement: 'generated',
            sources: [SOURCE_A],
          })
        ).isError
      ).toBeFalsy();
      const res = await t.http.post(
        trustPath(documentId, '/suggestion/dismiss?locale=en'),
        {},
        { token: editor.token }
      );
      expect(res.status).toBe(200);
      expect(res.body.data.draft).toMatchObject({ aiInvolvement: 'unknown', sources: [], suggestion: null });
    });

    it('accept and dismiss need the edit action and the Content Manager update permission', async () => {
      const documentId = await labelled({ aiInvolvement: 'unknown' });
      expect(
        (await callTool('trust_labels_suggest', { uid: ARTICLE_UID, documentId, locale: 'en', sources: [SOURCE_A] }))
          .isError
      ).toBeFalsy();
      const readerRole = await t.role('trust reader', [
        ACTIONS.read,
        ...contentManagerOn(ARTICLE_UID, ['read', 'update']),
      ]);
      const reader = await t.admin([readerRole], 'reader');
      expect(
        (await t.http.post(trustPath(documentId, '/suggestion/accept?locale=en'), {}, { token: reader.token })).status
      ).toBe(403);
      const noUpdateRole = await t.role('no update', [
        ACTIONS.read,
        ACTIONS.edit,
        ...contentManagerOn(ARTICLE_UID, ['read']),
      ]);
      const noUpdate = await t.admin([noUpdateRole], 'noupdate');
      expect(
        (await t.http.post(trustPath(documentId, '/suggestion/dismiss?locale=en'), {}, { token: noUpdate.token }))
          .status
      ).toBe(403);
      expect((await adminState(documentId)).draft.suggestion).toMatchObject({ sources: [{ url: SOURCE_A.url }] });
    });

    it('bad input is a tool error, never a 500, and the server stays up', async () => {
      const documentId = await labelled({ aiInvolvement: 'unknown' });
      const base = { uid: ARTICLE_UID, documentId, locale: 'en' };
      const scheme = await callTool('trust_labels_suggest', {
        ...base,
        sources: [{ title: 'x', url: 'javascript:alert(1)' }],
      });
      expect(scheme.isError).toBe(true);
      expect(scheme.text).toContain('trust.url.scheme');
      const duplicate = await callTool('trust_labels_suggest', {
        ...base,
        sources: [SOURCE_A, { ...SOURCE_A, title: 'again' }],
      });
      expect(duplicate.isError).toBe(true);
      expect(duplicate.text).toContain('trust.url.duplicate');
      const control = await callTool('trust_labels_suggest', {
        ...base,
        sources: [{ title: 'a\u0000b', url: 'https://example.com/c' }],
      });
      expect(control.isError).toBe(true);
      expect(control.text).toContain('trust.text.control');
      const empty = await callTool('trust_labels_suggest', { ...base });
      expect(empty.isError).toBe(true);
      expect(empty.text).toContain('trust.emptyBody');
      // Refused by the tool's input schema: an unknown value, and keys an agent may not set.
      expect((await callTool('trust_labels_suggest', { ...base, aiInvolvement: 'bogus' })).isError).toBe(true);
      expect(
        (await callTool('trust_labels_suggest', { ...base, status: 'verified', sources: [SOURCE_A] })).isError
      ).toBe(true);
      expect(
        (await callTool('trust_labels_suggest', { ...base, disclaimerMode: 'off', sources: [SOURCE_A] })).isError
      ).toBe(true);
      const locale = await callTool('trust_labels_get', { ...base, locale: '../../etc' });
      expect(locale.isError).toBe(true);
      expect(locale.text).toContain('trust.locale');

      expect((await adminState(documentId)).draft).toMatchObject({
        aiInvolvement: 'unknown',
        sources: [],
        suggestion: null,
        disclaimerMode: 'default',
      });
      const ok = await callTool('trust_labels_get', base);
      expect(ok.isError).toBeFalsy();
    });
  });

  describe("an agent's writes through Strapi's own MCP tools", () => {
    it('cannot write trust: update_article refuses trust in its data, and the labels and status stay as they were', async () => {
      const documentId = await labelled({ aiInvolvement: 'generated', sources: [SOURCE_A] });
      const before = await adminState(documentId);
      const result = await callTool('update_article', {
        documentId,
        locale: 'en',
        data: {
          title: 'Agent title',
          trust: {
            status: 'verified',
            aiInvolvement: 'none',
            disclaimerMode: 'off',
            verifiedHash: before.draft.contentHash,
          },
        },
      });
      // Strapi's tool has no `trust` in its data schema (the attribute is not visible); the plugin's document-service
      // middleware would drop it anyway (protect-trust.ts, covered for every other path by the security tests).
      expect(result.isError).toBe(true);
      expect(result.text).toContain('trust');
      const after = await adminState(documentId);
      expect(after.draft).toEqual(before.draft);
    });

    it('an edit through update_article makes a verified draft stale', async () => {
      const documentId = await labelled(
        { aiInvolvement: 'assisted', sources: [SOURCE_A] },
        { verify: true, publish: true }
      );
      const result = await callTool('update_article', {
        documentId,
        locale: 'en',
        data: { title: 'Rewritten by an agent' },
      });
      expect(result.isError).toBeFalsy();
      const state = await adminState(documentId);
      expect(state.draft).toMatchObject({ status: 'stale', changedFields: ['title'] });
      expect(state.published).toMatchObject({ status: 'verified' });
      const history = await t.http.get(trustPath(documentId, '/history?locale=en'), { token: editor.token });
      expect(history.body.data[0]).toMatchObject({ action: 'stale', actor: { id: owner.id, type: 'api-token' } });
      expect(history.body.data[0].actor.name).toContain('MCP agent');

      // Publishing the stale draft through publish_article: the published version is stale too, never verified.
      const published = await callTool('publish_article', { documentId, locale: 'en' });
      expect(published.isError).toBeFalsy();
      expect((await adminState(documentId)).published).toMatchObject({ status: 'stale' });
    });

    it('publish_article passes the publish gate: an AI-generated entry without a disclaimer or a verification is refused', async () => {
      const documentId = await labelled({ aiInvolvement: 'generated', disclaimerMode: 'off' });
      // Strapi's MCP server logs the tool's refusal as an error: expected here.
      const refused = await expectingErrorLog(
        t.strapi,
        /Tool "publish_article" threw an error during execution: Cannot publish/,
        () => callTool('publish_article', { documentId, locale: 'en' })
      );
      expect(refused.isError).toBe(true);
      expect(refused.text).toMatch(/AI-generated/);
      expect(
        await t.strapi.db.query(ARTICLE_UID).count({ where: { documentId, publishedAt: { $notNull: true } } })
      ).toBe(0);

      const allowed = await labelled({ aiInvolvement: 'generated' });
      expect((await callTool('publish_article', { documentId: allowed, locale: 'en' })).isError).toBeFalsy();
      expect(
        await t.strapi.db.query(ARTICLE_UID).count({ where: { documentId: allowed, publishedAt: { $notNull: true } } })
      ).toBe(1);
    });

    it('no MCP tool verifies: the agent token cannot verify through the admin API either (no verify permission)', async () => {
      const documentId = await labelled({ aiInvolvement: 'assisted', sources: [SOURCE_A] });
      const res = await t.http.post(
        trustPath(documentId, '/verify?locale=en'),
        { checks: ALL_CHECKS },
        { token: agentToken }
      );
      expect(res.status).toBe(403);
      expect((await adminState(documentId)).draft.status).toBe('unverified');
    });

    it('a token may never verify, unverify, repair, change settings, edit labels or accept a suggestion, even one given every permission of the plugin', async () => {
      const documentId = await labelled({ aiInvolvement: 'assisted', sources: [SOURCE_A] });
      const verified = await labelled({ aiInvolvement: 'assisted', sources: [SOURCE_A] }, { verify: true });
      const powerful = await createAdminToken([
        ...['read', 'edit', 'verify', 'settings.read', 'settings.update'].map((action) => ({
          action: `plugin::trust-labels.${action}`,
        })),
        ...(contentManagerOn(ARTICLE_UID, ['read', 'update', 'publish'], { locales: ['en'] }) as any[]),
      ]);
      const refused = [
        await t.http.post(trustPath(documentId, '/verify?locale=en'), { checks: ALL_CHECKS }, { token: powerful }),
        await t.http.post(trustPath(verified, '/unverify?locale=en'), {}, { token: powerful }),
        await t.http.post(
          '/trust-labels/bulk/verify',
          { uid: ARTICLE_UID, documentIds: [documentId], locale: 'en', checks: ALL_CHECKS },
          { token: powerful }
        ),
        await t.http.post('/trust-labels/integrity', {}, { token: powerful }),
        await t.http.put('/trust-labels/settings', { siteName: 'Taken over' }, { token: powerful }),
        // Nor declare the disclosure, nor accept its own suggestion: an agent suggests, a person decides.
        await t.http.put(trustPath(documentId, '?locale=en'), { aiInvolvement: 'none' }, { token: powerful }),
        await t.http.post(trustPath(documentId, '/suggestion/accept?locale=en'), {}, { token: powerful }),
        await t.http.post(trustPath(documentId, '/suggestion/dismiss?locale=en'), {}, { token: powerful }),
      ];
      for (const res of refused) expect([res.status, res.body.error?.name]).toEqual([403, 'ForbiddenError']);
      expect((await adminState(documentId)).draft).toMatchObject({ status: 'unverified', aiInvolvement: 'assisted' });
      expect((await adminState(verified)).draft.status).toBe('verified');
      // What it may do: read.
      expect((await t.http.get(trustPath(documentId, '?locale=en'), { token: powerful })).status).toBe(200);
    });
  });
});
