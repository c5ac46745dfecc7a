// The HTTP smoke suite run against a fresh Strapi app that has the packed plugin installed (see run.js). It
// drives the app only over HTTP, as its users do: the first admin registers, an Author is invited, content is
// written through the Content Manager, and the content API is read anonymously and with API tokens.
const assert = require('assert/strict');

const UID = 'api::post.post';
const CM = `/content-manager/collection-types/${UID}`;
const ADMIN_PASSWORD = 'Fresh-App-Password-1';

/**
 * @param {string} baseUrl e.g. http://127.0.0.1:1338
 * @param {{ hostChecks?: boolean, log?: (line: string) => void }} options hostChecks=false leaves out the checks of
 *   Strapi's own routes (for an app whose tree is broken on purpose, where Strapi's own errors are not the plugin's)
 * @returns {Promise<{ passed: string[], failed: Array<{ name: string, error: string }> }>}
 */
async function runSmoke(baseUrl, { hostChecks = true, log = console.log } = {}) {
  const passed = [];
  const failed = [];
  const statuses5xx = [];

  const send = async (method, path, { token, body } = {}) => {
    const headers = { accept: 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(new URL(path, baseUrl), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let json;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    if (res.status >= 500) statuses5xx.push(`${method} ${path} → ${res.status} ${text.slice(0, 200)}`);
    return { status: res.status, body: json, text, headers: res.headers };
  };
  const expectStatus = (res, status, what) =>
    assert.equal(res.status, status, `${what}: expected ${status}, got ${res.status} ${res.text.slice(0, 300)}`);

  const check = async (name, run) => {
    try {
      await run();
      passed.push(name);
      log(`  ok   ${name}`);
    } catch (error) {
      failed.push({ name, error: error instanceof Error ? error.message : String(error) });
      log(
        `  FAIL ${name}\n       ${String(error instanceof Error ? error.message : error)
          .split('\n')
          .join('\n       ')}`
      );
    }
  };

  // --- setup over HTTP -------------------------------------------------------------------------------------------
  const register = await send('POST', '/admin/register-admin', {
    body: { firstname: 'Fresh', lastname: 'Admin', email: 'admin@fresh.test', password: ADMIN_PASSWORD },
  });
  let admin = register.body?.data?.token;
  if (!admin) {
    const login = await send('POST', '/admin/login', { body: { email: 'admin@fresh.test', password: ADMIN_PASSWORD } });
    admin = login.body?.data?.token;
  }
  assert.ok(admin, `could not register or log in the first admin: ${register.status} ${register.text.slice(0, 300)}`);

  const createPost = async (title) => {
    const res = await send('POST', `${CM}?locale=en`, { token: admin, body: { title, body: `${title}: body text.` } });
    expectStatus(res, 201, 'Content Manager create');
    return res.body.data.documentId;
  };
  const publish = (documentId) =>
    send('POST', `${CM}/${documentId}/actions/publish?locale=en`, { token: admin, body: {} });
  const trustPath = (documentId, suffix = '') => `/trust-labels/documents/${UID}/${documentId}${suffix}?locale=en`;

  const documentId = await createPost('Fresh post');
  expectStatus(await publish(documentId), 200, 'first publish');

  // --- the plugin ---------------------------------------------------------------------------------------------------
  await check('anonymous badge of a type the Public role may not read: 403 from the plugin', async () => {
    const res = await send('GET', `/api/trust-labels/badge/${UID}/${documentId}.svg?locale=en`);
    expectStatus(res, 403, 'badge');
    assert.equal(res.body?.error?.name, 'ForbiddenError');
  });

  const publicRole = await (async () => {
    const roles = await send('GET', '/users-permissions/roles', { token: admin });
    expectStatus(roles, 200, 'users-permissions roles');
    const role = roles.body.roles.find((candidate) => candidate.type === 'public');
    const detail = await send('GET', `/users-permissions/roles/${role.id}`, { token: admin });
    return detail.body.role;
  })();
  const grant = await send('PUT', `/users-permissions/roles/${publicRole.id}`, {
    token: admin,
    body: {
      name: publicRole.name,
      description: publicRole.description,
      permissions: {
        [UID.split('.')[0]]: { controllers: { post: { find: { enabled: true }, findOne: { enabled: true } } } },
      },
    },
  });
  expectStatus(grant, 200, 'grant the Public role find on posts');

  await check('content API: trust on every entry without populate', async () => {
    const res = await send('GET', '/api/posts?locale=en');
    expectStatus(res, 200, 'GET /api/posts');
    const entry = res.body.data.find((candidate) => candidate.documentId === documentId);
    assert.ok(entry, 'the post is listed');
    assert.deepEqual(Object.keys(entry.trust).sort(), [
      'aiInvolvement',
      'disclaimer',
      'disclosure',
      'sources',
      'status',
      'verifiedAt',
      'verifiedBy',
    ]);
    assert.equal(entry.trust.status, 'unverified');
    assert.match(entry.trust.disclaimer, /can make mistakes/);
  });

  await check('labels edit: sources and AI involvement', async () => {
    const res = await send('PUT', trustPath(documentId), {
      token: admin,
      body: {
        aiInvolvement: 'assisted',
        sources: [{ title: 'Press release', url: 'https://example.com/press', accessedAt: '2026-11-24' }],
      },
    });
    expectStatus(res, 200, 'PUT labels');
    assert.equal(res.body.data.draft.aiInvolvement, 'assisted');
    assert.equal(res.body.data.draft.sources.length, 1);
  });

  await check('a javascript: source URL is a 400 ValidationError naming the field, and changes nothing', async () => {
    const res = await send('PUT', trustPath(documentId), {
      token: admin,
      body: { sources: [{ title: 'Bad', url: 'javascript:alert(1)' }] },
    });
    expectStatus(res, 400, 'PUT a javascript: URL');
    assert.equal(res.body.error.name, 'ValidationError');
    assert.deepEqual(res.body.error.details.errors[0].path, ['sources', 0, 'url']);
    const after = await send('GET', trustPath(documentId), { token: admin });
    assert.equal(after.body.data.draft.sources[0].url, 'https://example.com/press');
  });

  await check('plugin 404s: unknown document, type without trust labels', async () => {
    expectStatus(await send('GET', trustPath('doesnotexist000000000000'), { token: admin }), 404, 'unknown document');
    const res = await send('GET', `/trust-labels/documents/api::secret.secret/${documentId}`, { token: admin });
    expectStatus(res, 404, 'type without trust labels');
    assert.equal(res.body.error.name, 'NotFoundError');
  });

  await check('verify: draft and published version verified, shown in the content API', async () => {
    expectStatus(await publish(documentId), 200, 'publish the labelled draft');
    const res = await send('POST', trustPath(documentId, '/verify'), {
      token: admin,
      body: { note: 'Checked.', checks: ['accuracy', 'plausibility', 'sources'] },
    });
    expectStatus(res, 200, 'verify');
    assert.equal(res.body.data.draft.status, 'verified');
    assert.equal(res.body.data.published.status, 'verified');
    const live = await send('GET', `/api/posts/${documentId}?locale=en`);
    expectStatus(live, 200, 'GET one post');
    assert.equal(live.body.data.trust.status, 'verified');
    const badge = await send('GET', `/api/trust-labels/badge/${UID}/${documentId}.svg?locale=en`);
    expectStatus(badge, 200, 'badge');
    // The status, the AI mark's layer (AI-assisted: "AI-modified"), the disclosure in words.
    assert.match(badge.text, /aria-label="Human Verified · AI-modified · AI-assisted, reviewed by a person"/);
    // AI-assisted and verified: the W3C value ai-assisted, and a receipt of this exact content.
    // Nobody holds editorial responsibility (the default settings): verified AI text still needs the label.
    assert.deepEqual(live.body.data.trust.disclosure, { value: 'ai-assisted', labelRequired: true });
    const receipt = await send('GET', `/api/trust-labels/receipt/${UID}/${documentId}?locale=en`);
    expectStatus(receipt, 200, 'receipt');
    assert.equal(receipt.body.data.status, 'verified');
    assert.match(receipt.body.data.content.hash, /^[0-9a-f]{64}$/);
    assert.deepEqual(receipt.body.data.verification.checks, ['accuracy', 'plausibility', 'sources']);
  });

  await check('stale after a Content Manager edit of the title, live after publishing it', async () => {
    const edit = await send('PUT', `${CM}/${documentId}?locale=en`, {
      token: admin,
      body: { title: 'Fresh post, rewritten' },
    });
    expectStatus(edit, 200, 'Content Manager edit');
    const state = await send('GET', trustPath(documentId), { token: admin });
    assert.equal(state.body.data.draft.status, 'stale');
    assert.deepEqual(state.body.data.draft.changedFields, ['title']);
    assert.equal(state.body.data.published.status, 'verified');
    expectStatus(await publish(documentId), 200, 'publish the edit');
    const live = await send('GET', `/api/posts/${documentId}?locale=en`);
    assert.equal(live.body.data.trust.status, 'stale');
  });

  await check('publish gate: AI-generated, no disclaimer, not verified → 400 from the Content Manager', async () => {
    const gated = await createPost('Gated post');
    const labels = await send('PUT', trustPath(gated), {
      token: admin,
      body: { aiInvolvement: 'generated', disclaimerMode: 'off' },
    });
    expectStatus(labels, 200, 'labels of the gated post');
    const res = await publish(gated);
    expectStatus(res, 400, 'publish of the gated post');
    assert.equal(res.body.error.name, 'ValidationError');
    assert.match(res.body.error.message, /Cannot publish/);
  });

  await check('a role without verify gets 403 from the plugin route', async () => {
    const roles = await send('GET', '/admin/roles', { token: admin });
    const author = roles.body.data.find((role) => role.code === 'strapi-author');
    const invite = await send('POST', '/admin/users', {
      token: admin,
      body: { firstname: 'Fresh', lastname: 'Author', email: 'author@fresh.test', roles: [author.id] },
    });
    expectStatus(invite, 201, 'invite an Author');
    const registered = await send('POST', '/admin/register', {
      body: {
        registrationToken: invite.body.data.registrationToken,
        userInfo: { firstname: 'Fresh', lastname: 'Author', password: ADMIN_PASSWORD },
      },
    });
    expectStatus(registered, 200, 'Author registration');
    const res = await send('POST', trustPath(documentId, '/verify'), { token: registered.body.data.token, body: {} });
    expectStatus(res, 403, 'Author verify');
  });

  await check('content API writes cannot set trust', async () => {
    const token = await send('POST', '/admin/api-tokens', {
      token: admin,
      body: { name: 'full', type: 'full-access', lifespan: null },
    });
    expectStatus(token, 201, 'create a full-access token');
    const res = await send('PUT', `/api/posts/${documentId}?locale=en`, {
      token: token.body.data.accessKey,
      body: { data: { body: 'Edited through REST.', trust: { status: 'verified' } } },
    });
    assert.ok([200, 400].includes(res.status), `REST update with trust: ${res.status} ${res.text.slice(0, 200)}`);
    const live = await send('GET', `/api/posts/${documentId}?locale=en`);
    assert.notEqual(live.body.data.trust.status, 'verified');
  });

  // --- Strapi's own routes ------------------------------------------------------------------------------------------
  if (hostChecks) {
    await check('host routes: 403 for a type the Public role may not read, 404 for an unknown post', async () => {
      const forbidden = await send('GET', '/api/secrets');
      expectStatus(forbidden, 403, 'GET /api/secrets');
      assert.equal(forbidden.body.error.name, 'ForbiddenError');
      expectStatus(await send('GET', '/api/posts/doesnotexist000000000000?locale=en'), 404, 'GET an unknown post');
    });

    await check('host routes: a read-only token may not write (403)', async () => {
      const token = await send('POST', '/admin/api-tokens', {
        token: admin,
        body: { name: 'read', type: 'read-only', lifespan: null },
      });
      expectStatus(token, 201, 'create a read-only token');
      const res = await send('PUT', `/api/posts/${documentId}?locale=en`, {
        token: token.body.data.accessKey,
        body: { data: { title: 'x' } },
      });
      expectStatus(res, 403, 'read-only token update');
    });
  }

  await check('no request answered 5xx', async () => {
    assert.deepEqual(statuses5xx, []);
  });

  return { passed, failed };
}

module.exports = { runSmoke };
