#!/usr/bin/env node
/* eslint-disable no-console */
// `npm run bench`: what the plugin costs on content API reads.
//
// Two setups of the same playground, each in its own Strapi process on its own fresh SQLite database with
// BENCH_ARTICLES (default 1,000) published articles of 3 sources each:
//   A. trust labels enabled for `article` (every response carries `trust`);
//   B. the plugin enabled only for `page` (articles carry no trust data).
// This process drives both with autocannon on 127.0.0.1 (GET /api/articles?pagination[pageSize]=100) in
// alternating rounds, A B B A A B …, so that a slow spell of the machine hits both setups alike and neither is
// always measured first (with A B A B, two identical setups measured 0.97-0.98, the first one slower), and prints:
//   - requests/s of each round and their medians, and the ratio A/B of the medians (target >= 0.85);
//   - the CPU time Strapi spends per request (process.cpuUsage of each Strapi process), a figure that other
//     load on the machine disturbs less than requests/s;
//   - the SQL queries per request (knex query events) at page sizes 100 and 10, on a page's first read and on
//     a repeated one: the count must not grow with the page size (no query per entry);
//   - then the time and SQL queries per document of a bulk verification of every article (admin API).
// Environment: BENCH_ARTICLES, BENCH_DURATION (s per round, default 3), BENCH_ROUNDS (default 12),
// BENCH_CONNECTIONS (default 10), BENCH_WARMUP (s of load on each setup before the rounds, default 15),
// BENCH_PROFILE=dir (CPU profile of each Strapi process's measured rounds),
// BENCH_CONTROL=1 (a control run: A is set up like B, so the ratio shows the harness's own error, about ±0.03).
const { fork } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const REPO_ROOT = path.resolve(__dirname, '..');
const PLAYGROUND_DIR = path.join(REPO_ROOT, 'playground');
const ARTICLES = Number(process.env.BENCH_ARTICLES || 1000);
const DURATION = Number(process.env.BENCH_DURATION || 3);
const ROUNDS = Number(process.env.BENCH_ROUNDS || 12);
// Under load a Strapi process keeps getting faster for 10-20 s (with trust, from 5.8 to 4.5 ms of CPU per
// request); measured rounds start once both setups have settled.
const WARMUP = Number(process.env.BENCH_WARMUP || 15);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 10);
const ARTICLE = 'api::article.article';
const LIST_URL = '/api/articles?pagination[pageSize]=100';

const CONTROL = process.env.BENCH_CONTROL === '1';
const SCENARIOS = {
  A: CONTROL
    ? { title: 'A. control: plugin enabled only for page, like B', config: { contentTypes: ['api::page.page'] }, withTrust: false }
    : { title: 'A. trust labels enabled for article', config: { contentTypes: [ARTICLE] }, withTrust: true },
  B: { title: 'B. plugin enabled only for page', config: { contentTypes: ['api::page.page'] }, withTrust: false },
};

// ---------------------------------------------------------------------------------------------------------
// Child: one Strapi process serving one scenario, answering the parent's messages.
// ---------------------------------------------------------------------------------------------------------

async function serve(key) {
  const scenario = SCENARIOS[key];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trust-bench-'));
  Object.assign(process.env, {
    NODE_ENV: 'production',
    DATABASE_CLIENT: 'sqlite',
    DATABASE_FILENAME: path.join(dir, 'bench.db'),
    TRUST_LABELS_CONFIG: JSON.stringify(scenario.config),
    TRUST_LABELS_SEED: 'false',
    STRAPI_TELEMETRY_DISABLED: 'true',
  });
  const { createStrapi } = require('@strapi/strapi');
  const app = createStrapi({ appDir: PLAYGROUND_DIR, distDir: path.join(PLAYGROUND_DIR, 'dist'), autoReload: false, serveAdminPanel: false });
  app.log.level = 'error';
  await app.load();
  await new Promise((resolve) => app.server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${app.server.httpServer.address().port}`;

  await seed(app, key, scenario.withTrust);
  // Warms Strapi's caches; not counted. Another page, so that the pages counted below are read for the first time.
  await fetch(`${baseUrl}${LIST_URL}&pagination[page]=2`);
  // Each page twice: on SQLite the plugin re-reads trust on a page's first read after any change to the data,
  // and on a repeated read of unchanged data only checks the database state (see trust-loader.ts).
  const big = await queriesPerRequest(app, `${baseUrl}${LIST_URL}`);
  const bigAgain = await queriesPerRequest(app, `${baseUrl}${LIST_URL}`);
  const small = await queriesPerRequest(app, `${baseUrl}/api/articles?pagination[pageSize]=10`);
  const smallAgain = await queriesPerRequest(app, `${baseUrl}/api/articles?pagination[pageSize]=10`);
  if (scenario.withTrust && !big.hasTrust) throw new Error('responses lack trust');
  if (!scenario.withTrust && big.hasTrust) throw new Error('baseline responses carry trust');

  let profiler = null;
  const handlers = {
    cpu: () => process.cpuUsage(),
    'profile-start': async () => {
      if (!process.env.BENCH_PROFILE) return null;
      profiler = await startProfile();
      return null;
    },
    'profile-stop': async () => {
      if (profiler) await profiler(path.join(process.env.BENCH_PROFILE, `${key}.cpuprofile`));
      return null;
    },
    bulk: () => bulkVerify(app, baseUrl),
    exit: async () => {
      await app.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
      return null;
    },
  };
  process.on('message', async ({ id, type }) => {
    try {
      process.send({ id, value: await handlers[type]() });
      if (type === 'exit') process.exit(0);
    } catch (error) {
      process.send({ id, error: error.stack || String(error) });
    }
  });
  const queries = { 100: [big.count, bigAgain.count], 10: [small.count, smallAgain.count] };
  process.send({ type: 'ready', value: { baseUrl, queries, entries100: big.entries } });
}

async function seed(app, key, withTrust) {
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
    if ((i + 1) % 250 === 0) console.log(`  ${key}: seeded ${i + 1}/${ARTICLES} articles (${((Date.now() - started) / 1000).toFixed(0)} s)`);
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
  return { documents: documentIds.length, verified: body.data.filter((result) => result.ok).length, seconds, queriesPerDocument: queries / documentIds.length };
}

// BENCH_PROFILE=dir writes a CPU profile of each Strapi process over the measured rounds (open it in Chrome DevTools).
async function startProfile() {
  const inspector = require('inspector');
  const session = new inspector.Session();
  session.connect();
  const post = (method, params) => new Promise((resolve, reject) => session.post(method, params, (err, res) => (err ? reject(err) : resolve(res))));
  await post('Profiler.enable');
  await post('Profiler.start');
  return async (file) => {
    const { profile } = await post('Profiler.stop');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  };
}

// ---------------------------------------------------------------------------------------------------------
// Parent: starts both Strapi processes, then measures them in alternating rounds.
// ---------------------------------------------------------------------------------------------------------

function startServer(key) {
  const child = fork(__filename, [], { env: { ...process.env, BENCH_SERVE: key }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const waiting = new Map();
  let nextId = 0;
  const ready = new Promise((resolve, reject) => {
    child.on('message', (message) => {
      if (message.type === 'ready') return resolve(message.value);
      const pending = waiting.get(message.id);
      waiting.delete(message.id);
      if (message.error) pending?.reject(new Error(`${key}: ${message.error}`));
      else pending?.resolve(message.value);
    });
    child.on('exit', (code) => {
      const error = new Error(`Strapi process ${key} exited with code ${code}`);
      reject(error);
      for (const pending of waiting.values()) pending.reject(error);
    });
  });
  const call = (type) =>
    new Promise((resolve, reject) => {
      const id = (nextId += 1);
      waiting.set(id, { resolve, reject });
      child.send({ id, type });
    });
  return { key, ready, call, child };
}

function loadTest(url, duration) {
  const autocannon = require('autocannon');
  return new Promise((resolve, reject) => {
    autocannon({ url, connections: CONNECTIONS, duration }, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

async function measureRound(server, baseUrl) {
  const before = await server.call('cpu');
  const result = await loadTest(`${baseUrl}${LIST_URL}`, DURATION);
  const after = await server.call('cpu');
  const cpuMs = (after.user - before.user + after.system - before.system) / 1000;
  const errors = result.errors + result.non2xx + result.timeouts;
  if (errors > 0) throw new Error(`${server.key}: ${errors} failed requests`);
  return { rps: result.requests.average, latency: result.latency.average, cpuPerRequest: cpuMs / result.requests.total };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

(async () => {
  if (process.env.BENCH_SERVE) return serve(process.env.BENCH_SERVE);

  const { ensurePluginBuilt, compilePlayground } = require('../scripts/lib/prepare');
  ensurePluginBuilt();
  await compilePlayground();
  console.log(`Benchmark: ${ARTICLES} articles x 3 sources; GET ${LIST_URL}; autocannon ${CONNECTIONS} connections;`);
  console.log(`${ROUNDS} rounds of ${DURATION} s per setup, alternating A and B (A B, B A, A B, …).`);
  for (const { title } of Object.values(SCENARIOS)) console.log(`  ${title}`);
  console.log('\nSeeding (each setup in its own Strapi process and SQLite database)');

  const servers = {};
  const info = {};
  try {
    // One after the other: seeding is CPU-bound and the machine may have few cores.
    for (const key of Object.keys(SCENARIOS)) {
      servers[key] = startServer(key);
      info[key] = await servers[key].ready;
    }
    console.log(`\nWarm-up (${WARMUP} s each, not counted)`);
    for (const key of Object.keys(SCENARIOS)) await loadTest(`${info[key].baseUrl}${LIST_URL}`, WARMUP);

    const rounds = { A: [], B: [] };
    await Promise.all(Object.values(servers).map((server) => server.call('profile-start')));
    for (let round = 1; round <= ROUNDS; round += 1) {
      const order = round % 2 === 1 ? ['A', 'B'] : ['B', 'A'];
      for (const key of order) {
        const measured = await measureRound(servers[key], info[key].baseUrl);
        rounds[key].push(measured);
        console.log(`  round ${round} ${key}: ${measured.rps.toFixed(1)} req/s, ${measured.latency.toFixed(1)} ms mean latency, ${measured.cpuPerRequest.toFixed(2)} ms CPU per request`);
      }
      console.log(`  round ${round} ratio A/B: ${(rounds.A[round - 1].rps / rounds.B[round - 1].rps).toFixed(2)}`);
    }
    await Promise.all(Object.values(servers).map((server) => server.call('profile-stop')));

    const bulk = CONTROL ? null : await servers.A.call('bulk');
    const rps = { A: median(rounds.A.map((r) => r.rps)), B: median(rounds.B.map((r) => r.rps)) };
    const cpu = { A: median(rounds.A.map((r) => r.cpuPerRequest)), B: median(rounds.B.map((r) => r.cpuPerRequest)) };
    const ratio = rps.A / rps.B;
    console.log('\nResult (medians of the rounds)');
    const queriesOf = ({ queries }) => `${queries[100][0]} then ${queries[100][1]} (pageSize 100), ${queries[10][0]} then ${queries[10][1]} (pageSize 10)`;
    console.log(`  with trust labels:   ${rps.A.toFixed(1)} req/s, ${cpu.A.toFixed(2)} ms CPU/request`);
    console.log(`  without (page only): ${rps.B.toFixed(1)} req/s, ${cpu.B.toFixed(2)} ms CPU/request`);
    console.log(`  SQL queries per request, a page's first read then a repeated one: with ${queriesOf(info.A)}; without ${queriesOf(info.B)}`);
    const verdict = CONTROL ? 'control run, two identical setups: expect about 1.00' : `target >= 0.85: ${ratio >= 0.85 ? 'met' : 'NOT met'}`;
    console.log(`  ratio of requests/s: ${ratio.toFixed(2)} (${verdict})`);
    console.log(`  ratio of CPU per request (B/A): ${(cpu.B / cpu.A).toFixed(2)}`);
    const independent = info.A.queries[100].every((count, i) => count === info.A.queries[10][i]);
    console.log(`  query count independent of page size: ${independent ? 'yes' : 'NO'}`);
    if (bulk) console.log(`  bulk verification: ${bulk.verified}/${bulk.documents} articles in ${bulk.seconds.toFixed(1)} s (${((bulk.seconds * 1000) / bulk.documents).toFixed(1)} ms and ${bulk.queriesPerDocument.toFixed(1)} queries per document)`);
  } finally {
    await Promise.all(Object.values(servers).map((server) => server.call('exit').catch(() => server.child.kill())));
  }
  process.exit(0);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
