// One Strapi process of the benchmark (bench/.app), started by server.js, answering its parent's messages.
// Environment: BENCH_DATABASE (sqlite or postgres), BENCH_DATABASE_NAME, TRUST_LABELS_CONFIG, BENCH_KEY.
const fs = require('fs');
const os = require('os');
const path = require('path');

const { APP_DIR, REPO_ROOT, publicTrustOf, sourcesOf } = require('./app');

const ARTICLE = 'api::article.article';
const HANDMADE = 'api::handmade.handmade';
const INROW = 'api::inrow.inrow';
const PASSWORD = 'Bench-Password-1';
const CHECKS = ['accuracy', 'plausibility', 'sources'];

async function main() {
  const key = process.env.BENCH_KEY;
  const database = process.env.BENCH_DATABASE;
  let tmpDir = null;
  if (database === 'sqlite') {
    tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trust-bench-'));
    Object.assign(process.env, {
      DATABASE_CLIENT: 'sqlite',
      DATABASE_FILENAME: process.env.BENCH_DATABASE_FILE || path.join(tmpDir, 'bench.db'),
    });
  } else {
    Object.assign(process.env, {
      DATABASE_CLIENT: 'postgres',
      DATABASE_HOST: process.env.TEST_PG_HOST || '127.0.0.1',
      DATABASE_PORT: process.env.TEST_PG_PORT || '5432',
      DATABASE_USERNAME: process.env.TEST_PG_USER || 'postgres',
      DATABASE_PASSWORD: process.env.TEST_PG_PASSWORD || '',
      DATABASE_NAME: process.env.BENCH_DATABASE_NAME,
      DATABASE_POOL_MAX: process.env.BENCH_POOL_MAX || '10',
    });
  }
  Object.assign(process.env, {
    NODE_ENV: 'production',
    TRUST_LABELS_SEED: 'false',
    STRAPI_TELEMETRY_DISABLED: 'true',
    TRUST_LABELS_PLUGIN_ROOT: REPO_ROOT,
  });

  // Startup: from here (Strapi not yet required) until the server listens, as a deployment waits for it.
  const startedAt = process.hrtime.bigint();
  const { createStrapi } = require('@strapi/strapi');
  const app = createStrapi({
    appDir: APP_DIR,
    distDir: path.join(APP_DIR, 'dist'),
    autoReload: false,
    serveAdminPanel: false,
  });
  app.log.level = 'error';
  await app.load();
  await new Promise((resolve) => app.server.listen(0, '127.0.0.1', resolve));
  const startupMs = Number(process.hrtime.bigint() - startedAt) / 1e6;
  const baseUrl = `http://127.0.0.1:${app.server.httpServer.address().port}`;
  let memorySampler = null;

  let writer = null;
  let token = null;
  const adminToken = async () => {
    if (token) return token;
    const email = `bench-${key}-${process.pid}@trust-labels.local`.toLowerCase();
    const role = await app.db.query('admin::role').findOne({ where: { code: 'strapi-super-admin' } });
    await app.service('admin::user').create({
      email,
      firstname: 'Bench',
      lastname: key,
      password: PASSWORD,
      isActive: true,
      registrationToken: null,
      roles: [role.id],
    });
    const login = await fetch(`${baseUrl}/admin/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    token = (await login.json()).data.token;
    return token;
  };
  /** The SQL statements `run` issues (knex query events): their number, and with `shapes` how often each statement ran. */
  const countQueries = async (run, { shapes = null } = {}) => {
    let count = 0;
    const onQuery = (query) => {
      count += 1;
      if (shapes) {
        const shape = String(query.sql).replace(/\s+/g, ' ').slice(0, 160);
        shapes.set(shape, (shapes.get(shape) ?? 0) + 1);
      }
    };
    app.db.connection.on('query', onQuery);
    try {
      await run();
    } finally {
      app.db.connection.removeListener('query', onQuery);
    }
    return count;
  };

  const handlers = {
    /**
     * `kind`: trust (articles with labels), plain (articles, plugin not on them), handmade (the hand-built component),
     * inrow (the public trust object in a JSON attribute of the entry).
     */
    async seed({ kind, count }) {
      const role = await app.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
      for (const uid of [ARTICLE, HANDMADE, INROW]) {
        for (const action of ['find', 'findOne']) {
          const exists = await app.db
            .query('plugin::users-permissions.permission')
            .findOne({ where: { action: `${uid}.${action}`, role: role.id } });
          if (!exists)
            await app.db
              .query('plugin::users-permissions.permission')
              .create({ data: { action: `${uid}.${action}`, role: role.id } });
        }
      }
      await app.documents('api::page.page').create({ data: { title: 'Written by the background writer' } });
      const labels = app.plugin('trust-labels').service('trust');
      const started = Date.now();
      for (let i = 0; i < count; i += 1) {
        const body = `Article ${i}. `.repeat(40);
        if (kind === 'inrow') {
          const { documentId } = await app.documents(INROW).create({
            locale: 'en',
            data: { title: `Article ${i}`, slug: `article-${i}`, body, trust: publicTrustOf(i) },
          });
          await app.documents(INROW).publish({ documentId, locale: 'en' });
        } else if (kind === 'handmade') {
          const { documentId } = await app.documents(HANDMADE).create({
            locale: 'en',
            data: {
              title: `Article ${i}`,
              slug: `article-${i}`,
              body,
              labels: { aiInvolvement: ['unknown', 'none', 'assisted', 'generated'][i % 4], sources: sourcesOf(i) },
            },
          });
          await app.documents(HANDMADE).publish({ documentId, locale: 'en' });
        } else {
          const { documentId } = await app
            .documents(ARTICLE)
            .create({ locale: 'en', data: { title: `Article ${i}`, slug: `article-${i}`, body } });
          if (kind === 'trust')
            await labels.editDraft(ARTICLE, documentId, 'en', {
              aiInvolvement: ['unknown', 'none', 'assisted', 'generated'][i % 4],
              sources: sourcesOf(i),
            });
          await app.documents(ARTICLE).publish({ documentId, locale: 'en' });
        }
        if ((i + 1) % 500 === 0)
          process.send({
            type: 'log',
            value: `  ${key}: seeded ${i + 1}/${count} (${Math.round((Date.now() - started) / 1000)} s)`,
          });
      }
      // Production PostgreSQL gathers planner statistics (autovacuum); a test server may run without it. Without them
      // PostgreSQL plans every query of every setup on guesses (for example, scanning the link tables).
      if (database === 'postgres') await app.db.connection.raw('ANALYZE');
      return null;
    },
    info: () => ({ baseUrl }),
    cpu: () => process.cpuUsage(),
    /**
     * SQL queries (knex query events) of one GET, and whether its entries carry trust. A first GET warms what may be
     * reused (Strapi's caches, the plugin's settings: at most once a second, docs/install-and-configure.md#settings).
     */
    async queries({ url }) {
      await fetch(`${baseUrl}${url}`);
      let body = null;
      const count = await countQueries(async () => {
        body = await (await fetch(`${baseUrl}${url}`)).json();
      });
      return { count, entries: body.data.length, trust: body.data.every((entry) => entry.trust) };
    },
    /** A write to the database every `intervalMs`, so that no read can be answered from an earlier one. */
    'writer-start': ({ intervalMs }) => {
      let n = 0;
      writer = setInterval(() => {
        app.db
          .connection('pages')
          .update({ title: `Written ${(n += 1)}` })
          .catch(() => undefined);
      }, intervalMs);
      return null;
    },
    'writer-stop': () => {
      clearInterval(writer);
      writer = null;
      return null;
    },
    token: () => adminToken(),
    /** POST /trust-labels/bulk/verify of every article, as an admin would from the list view. */
    async bulk() {
      const documentIds = [
        ...new Set((await app.db.query(ARTICLE).findMany({ select: ['documentId'] })).map((row) => row.documentId)),
      ];
      const authorization = `Bearer ${await adminToken()}`;
      let res;
      const shapes = new Map();
      const cpuBefore = process.cpuUsage();
      const started = process.hrtime.bigint();
      const queries = await countQueries(
        async () => {
          res = await fetch(`${baseUrl}/trust-labels/bulk/verify`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization },
            body: JSON.stringify({ uid: ARTICLE, documentIds, locale: 'en', checks: CHECKS }),
          });
        },
        { shapes }
      );
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const cpu = process.cpuUsage(cpuBefore);
      const body = await res.json();
      if (res.status !== 200)
        throw new Error(`bulk verify answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
      // What each document costs in statements, most frequent first (where a verification's time goes).
      const statements = [...shapes]
        .sort((a, b) => b[1] - a[1])
        .map(([sql, n]) => ({ sql, perDocument: n / documentIds.length }));
      return {
        documents: documentIds.length,
        verified: body.data.filter((result) => result.ok).length,
        seconds,
        cpuSeconds: (cpu.user + cpu.system) / 1e6,
        queriesPerDocument: queries / documentIds.length,
        statements,
      };
    },
    /** `count` sequential verifies of one article (each after an unverify), over HTTP: their latencies in ms. */
    async 'verify-latencies'({ count }) {
      const authorization = `Bearer ${await adminToken()}`;
      const { documentId } = await app.db
        .query(ARTICLE)
        .findOne({ where: { publishedAt: { $null: true } }, select: ['documentId'] });
      const url = (action) => `${baseUrl}/trust-labels/documents/${ARTICLE}/${documentId}/${action}?locale=en`;
      const post = (action) =>
        fetch(url(action), {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization },
          body: JSON.stringify(action === 'verify' ? { checks: CHECKS } : {}),
        });
      const latencies = [];
      for (let i = 0; i < count; i += 1) {
        await post('unverify');
        const started = process.hrtime.bigint();
        const res = await post('verify');
        latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
        if (res.status !== 200) throw new Error(`verify answered ${res.status}`);
      }
      return latencies;
    },
    /** Grows the database to `versions` article versions (draft + published), then times the startup run (check, repair if needed). */
    async integrity({ versions }) {
      const existing = await app.db.query(ARTICLE).count();
      const labels = app.plugin('trust-labels').service('trust');
      for (let i = existing; i < versions; i += 2) {
        const { documentId } = await app
          .documents(ARTICLE)
          .create({ locale: 'en', data: { title: `Extra ${i}`, body: 'Body' } });
        await labels.editDraft(ARTICLE, documentId, 'en', { sources: sourcesOf(i) });
        await app.documents(ARTICLE).publish({ documentId, locale: 'en' });
      }
      const started = process.hrtime.bigint();
      const report = await app.plugin('trust-labels').service('integrity').repair();
      return {
        checked: report.checkedVersions,
        ok: report.ok,
        seconds: Number(process.hrtime.bigint() - started) / 1e9,
      };
    },
    /** The rule for every stored version (the integrity check, without repair): how many versions break it. */
    async check() {
      const report = await app.plugin('trust-labels').service('integrity').check();
      return { checked: report.checkedVersions, drift: report.drift.length };
    },
    /** POST /trust-labels/bulk/unverify of all articles but every `keep`-th (in documentId order), in batches of 500. */
    async 'unverify-share'({ keep }) {
      const documentIds = [
        ...new Set(
          (await app.db.query(ARTICLE).findMany({ select: ['documentId'], orderBy: { documentId: 'asc' } })).map(
            (row) => row.documentId
          )
        ),
      ];
      const chosen = documentIds.filter((_, i) => i % keep !== 0);
      const authorization = `Bearer ${await adminToken()}`;
      for (let i = 0; i < chosen.length; i += 500) {
        const res = await fetch(`${baseUrl}/trust-labels/bulk/unverify`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization },
          body: JSON.stringify({ uid: ARTICLE, documentIds: chosen.slice(i, i + 500), locale: 'en' }),
        });
        if (res.status !== 200) throw new Error(`bulk unverify answered ${res.status}`);
      }
      return documentIds.length - chosen.length;
    },
    /** How long the startup took (bench/scale.js) and the memory the process held once listening. */
    startup: () => ({ startupMs, rssMb: process.memoryUsage().rss / 2 ** 20 }),
    /** Samples this process's memory every 5 ms until `memory-stop`, which answers the peak added (MB). */
    'memory-start': () => {
      const before = process.memoryUsage();
      const peak = { rss: before.rss, heap: before.heapUsed + before.external + before.arrayBuffers };
      memorySampler = {
        before,
        peak,
        timer: setInterval(() => {
          const now = process.memoryUsage();
          peak.rss = Math.max(peak.rss, now.rss);
          peak.heap = Math.max(peak.heap, now.heapUsed + now.external + now.arrayBuffers);
        }, 5),
      };
      return null;
    },
    'memory-stop': () => {
      clearInterval(memorySampler.timer);
      const { before, peak } = memorySampler;
      memorySampler = null;
      return {
        rssAddedMb: (peak.rss - before.rss) / 2 ** 20,
        heapAddedMb: (peak.heap - before.heapUsed - before.external - before.arrayBuffers) / 2 ** 20,
      };
    },
    /** The site copied in SQL until it has `articles` articles (bench/lib/scale-copy.js), its audit log chained again. */
    async 'scale-copy'({ articles }) {
      const { copySite } = require('./scale-copy');
      const copied = await copySite(app.db.connection, { articles });
      // The copies' events were inserted unchained: the plugin's own migration chains the whole log, in id order.
      const started = Date.now();
      await app.db
        .connection('strapi_core_store_settings')
        .where('key', 'plugin_trust-labels_audit-chain-migrated')
        .del();
      const chained = await app.plugin('trust-labels').service('audit').chainUnchainedEvents();
      // What autovacuum does on a production server (this machine's runs without it): statistics, and the visibility
      // map without which PostgreSQL will not answer from an index alone (the trust indexes hold the row id for that).
      await app.db.connection.raw('VACUUM ANALYZE');
      return { ...copied, chained, chainSeconds: (Date.now() - started) / 1000 };
    },
    /** A verified article, its documentId (for history and the receipt), and the documentIds of one page of the list. */
    async 'scale-targets'() {
      const verified = await app.db
        .connection('trust_labels_audit_events')
        .where({ action: 'verify', uid: ARTICLE })
        .orderBy('id', 'desc')
        .first('entry_document_id');
      const page = await app.db
        .connection('articles')
        .whereNotNull('published_at')
        .orderBy('id', 'desc')
        .limit(100)
        .select('document_id');
      return { verified: verified.entry_document_id, page: page.map((row) => row.document_id) };
    },
    /** documentIds of the articles, for the load run. */
    async documents() {
      return [
        ...new Set((await app.db.query(ARTICLE).findMany({ select: ['documentId'] })).map((row) => row.documentId)),
      ];
    },
    async exit() {
      clearInterval(writer);
      await new Promise((resolve) => setTimeout(resolve, 100));
      await app.destroy();
      if (tmpDir) fs.rmSync(tmpDir, { recursive: true, force: true });
      return null;
    },
  };

  process.on('message', async ({ id, type, args }) => {
    try {
      process.send({ id, value: await handlers[type](args ?? {}) });
      if (type === 'exit') process.exit(0);
    } catch (error) {
      process.send({ id, error: error.stack || String(error) });
    }
  });
  process.send({ type: 'ready', value: { baseUrl } });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
