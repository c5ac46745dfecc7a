#!/usr/bin/env node
/* eslint-disable no-console */
// `npm run bench`: what the plugin costs on content API reads.
// Seeds BENCH_ARTICLES (default 1,000) published articles with 3 sources each into a fresh SQLite database,
// then measures GET /api/articles?pagination[pageSize]=100 with autocannon (in a child process, so the
// load generator does not share Strapi's event loop) for two setups of the same playground:
//   A. trust labels enabled for `article` (every response carries `trust`);
//   B. the plugin enabled only for `page` (articles carry no trust data).
// It prints requests/s for both, their ratio, and the SQL queries per request (knex query events) at two
// page sizes, to show that the query count does not grow with the page size. Then it bulk-verifies every
// article through the admin API and prints the time and the SQL queries per document.
const { execFile } = require('child_process');
const { promisify } = require('util');
const fs = require('fs');
const os = require('os');
const path = require('path');

const REPO_ROOT = path.resolve(__dirname, '..');
const PLAYGROUND_DIR = path.join(REPO_ROOT, 'playground');
const ARTICLES = Number(process.env.BENCH_ARTICLES || 1000);
const DURATION = Number(process.env.BENCH_DURATION || 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 10);
const ARTICLE = 'api::article.article';

const { ensurePluginBuilt, compilePlayground } = require('../scripts/lib/prepare');

async function boot(pluginConfig, databaseFile) {
  Object.assign(process.env, {
    NODE_ENV: 'production',
    DATABASE_CLIENT: 'sqlite',
    DATABASE_FILENAME: databaseFile,
    TRUST_LABELS_CONFIG: JSON.stringify(pluginConfig),
    TRUST_LABELS_SEED: 'false',
    STRAPI_TELEMETRY_DISABLED: 'true',
  });
  const { createStrapi } = require('@strapi/strapi');
  const app = createStrapi({ appDir: PLAYGROUND_DIR, distDir: path.join(PLAYGROUND_DIR, 'dist'), autoReload: false, serveAdminPanel: false });
  app.log.level = 'error';
  await app.load();
  await new Promise((resolve) => app.server.listen(0, '127.0.0.1', resolve));
  return { app, baseUrl: `http://127.0.0.1:${app.server.httpServer.address().port}` };
}

async function seed(app, withTrust) {
  const role = await app.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
  await app.db.query('plugin::users-permissions.permission').create({ data: { action: `${ARTICLE}.find`, role: role.id } });
  const trust = withTrust ? app.plugin('trust-labels').service('trust') : null;
  const started = Date.now();
  for (let i = 0; i < ARTICLES; i += 1) {
    const body = `Article ${i}. `.repeat(40);
    const { documentId } = await app.documents(ARTICLE).create({ locale: 'en', data: { title: `Article ${i}`, slug: `article-${i}`, body } });
    if (trust) {
      await trust.editDraft(ARTICLE, documentId, 'en', {
        aiInvolvement: ['unknown', 'none', 'assisted', 'generated'][i % 4],
        sources: [1, 2, 3].map((n) => ({ title: `Source ${n} of article ${i}`, url: `https://example.com/${i}/${n}`, publisher: 'Example', accessedAt: '2026-11-01' })),
      });
    }
    await app.documents(ARTICLE).publish({ documentId, locale: 'en' });
    if ((i + 1) % 250 === 0) process.stdout.write(`  seeded ${i + 1}/${ARTICLES} (${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
  }
}

async function queriesPerRequest(app, url) {
  let count = 0;
  const onQuery = () => (count += 1);
  app.db.connection.on('query', onQuery);
  const res = await fetch(url);
  const body = await res.json();
  app.db.connection.removeListener('query', onQuery);
  if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}`);
  return { count, entries: body.data.length, hasTrust: body.data.every((entry) => entry.trust) };
}

// Asynchronous on purpose: Strapi runs in this process and must keep answering while autocannon runs.
async function loadTest(url) {
  const cli = path.join(path.dirname(require.resolve('autocannon/package.json')), 'autocannon.js');
  const { stdout } = await promisify(execFile)(process.execPath, [cli, '-j', '-c', String(CONNECTIONS), '-d', String(DURATION), url], {
    maxBuffer: 64 * 1024 * 1024,
  });
  const result = JSON.parse(stdout);
  return { rps: result.requests.average, latency: result.latency.average, errors: result.errors + result.non2xx };
}

// Bulk verification of every article through POST /trust-labels/bulk/verify, as an admin would from the list view.
async function bulkVerify(app, baseUrl) {
  const role = await app.db.query('admin::role').findOne({ where: { code: 'strapi-super-admin' } });
  const password = 'Bench-Password-1';
  await app.service('admin::user').create({ email: 'bench@trust-labels.local', firstname: 'Bench', lastname: 'Admin', password, isActive: true, registrationToken: null, roles: [role.id] });
  const login = await fetch(`${baseUrl}/admin/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'bench@trust-labels.local', password }) });
  const token = (await login.json()).data.token;
  const documentIds = [...new Set((await app.db.query(ARTICLE).findMany({ select: ['documentId'] })).map((row) => row.documentId))];
  let queries = 0;
  const onQuery = () => (queries += 1);
  app.db.connection.on('query', onQuery);
  const started = process.hrtime.bigint();
  const res = await fetch(`${baseUrl}/trust-labels/bulk/verify`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ uid: ARTICLE, documentIds, locale: 'en' }),
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  app.db.connection.removeListener('query', onQuery);
  const body = await res.json();
  if (res.status !== 200) throw new Error(`bulk verify answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
  const verified = body.data.filter((result) => result.ok).length;
  console.log(`  bulk verify: ${verified}/${documentIds.length} documents in ${seconds.toFixed(1)} s, ${(queries / documentIds.length).toFixed(1)} SQL queries per document`);
  return { documents: documentIds.length, verified, seconds, queriesPerDocument: queries / documentIds.length };
}

// BENCH_PROFILE=dir writes a CPU profile of each scenario's measured run (open it in Chrome DevTools).
async function startProfile(name) {
  const dir = process.env.BENCH_PROFILE;
  if (!dir) return async () => undefined;
  const inspector = require('inspector');
  const session = new inspector.Session();
  session.connect();
  const post = (method, params) => new Promise((resolve, reject) => session.post(method, params, (err, res) => (err ? reject(err) : resolve(res))));
  await post('Profiler.enable');
  await post('Profiler.start');
  return async () => {
    const { profile } = await post('Profiler.stop');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `${name.slice(0, 1)}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  };
}

async function scenario(name, pluginConfig, withTrust) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trust-bench-'));
  console.log(`\n${name}`);
  const { app, baseUrl } = await boot(pluginConfig, path.join(dir, 'bench.db'));
  try {
    await seed(app, withTrust);
    const url = `${baseUrl}/api/articles?pagination[pageSize]=100`;
    await queriesPerRequest(app, url); // first request warms Strapi's caches; not counted
    const big = await queriesPerRequest(app, url);
    const small = await queriesPerRequest(app, `${baseUrl}/api/articles?pagination[pageSize]=10`);
    if (process.env.BENCH_DEBUG_QUERIES) {
      for (const size of [1, 2, 10, 25, 50, 100]) {
        console.log(`  pageSize=${size}: ${(await queriesPerRequest(app, `${baseUrl}/api/articles?pagination[pageSize]=${size}`)).count} queries`);
      }
    }
    if (withTrust && !big.hasTrust) throw new Error('responses lack trust');
    await loadTest(url); // warm-up, discarded
    const stopProfile = await startProfile(name);
    const load = await loadTest(url);
    await stopProfile();
    console.log(`  ${load.rps.toFixed(1)} req/s, ${load.latency.toFixed(1)} ms mean latency, ${load.errors} errors`);
    console.log(`  SQL queries per request: ${big.count} at pageSize=100 (${big.entries} entries), ${small.count} at pageSize=10`);
    const bulk = withTrust ? await bulkVerify(app, baseUrl) : null;
    return { ...load, queries100: big.count, queries10: small.count, bulk };
  } finally {
    await app.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

(async () => {
  ensurePluginBuilt();
  await compilePlayground();
  console.log(`Benchmark: ${ARTICLES} articles x 3 sources, autocannon ${CONNECTIONS} connections x ${DURATION} s, GET /api/articles?pagination[pageSize]=100`);
  const withPlugin = await scenario('A. trust labels enabled for article', { contentTypes: [ARTICLE] }, true);
  const baseline = await scenario('B. plugin enabled only for page', { contentTypes: ['api::page.page'] }, false);
  const ratio = withPlugin.rps / baseline.rps;
  console.log('\nResult');
  console.log(`  with trust labels:   ${withPlugin.rps.toFixed(1)} req/s, ${withPlugin.queries100} queries/request (pageSize 100), ${withPlugin.queries10} (pageSize 10)`);
  console.log(`  without (page only): ${baseline.rps.toFixed(1)} req/s, ${baseline.queries100} queries/request (pageSize 100), ${baseline.queries10} (pageSize 10)`);
  console.log(`  ratio: ${ratio.toFixed(2)} (target >= 0.85)`);
  console.log(`  query count independent of page size: ${withPlugin.queries100 === withPlugin.queries10 ? 'yes' : 'NO'}`);
  const { bulk } = withPlugin;
  console.log(`  bulk verification: ${bulk.verified}/${bulk.documents} articles in ${bulk.seconds.toFixed(1)} s (${((bulk.seconds * 1000) / bulk.documents).toFixed(1)} ms and ${bulk.queriesPerDocument.toFixed(1)} queries per document)`);
  process.exit(0);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
