#!/usr/bin/env node

// `npm run bench`: what the plugin costs, and how it holds under load. Figures, not pass/fail: the read figures print
// their targets next to them; every target is in docs/performance.md. The machine is small and shared; repeat a run
// before trusting a figure.
//
// 1. Reads (bench/reads.js), on SQLite and on PostgreSQL: six setups of the benchmark app (bench/lib/app.js), each
//    its own Strapi process and database, seeded with BENCH_ARTICLES (1,000) published articles of 3 sources:
//      A trust labels on article; B the plugin only on page (the baseline); C a hand-made component with the same
//      fields, read with populate (what a user would build without the plugin); D set up like B (the control: its
//      ratio to B is the harness's own error); E B plus A's trust bytes built in memory (the floor); F B plus the same
//      trust object in a JSON attribute of each article (in the row: the cheapest storage).
//    While a setup is measured, a writer changes its database every BENCH_WRITE_EVERY_MS (5) ms, so that no read can
//    be answered from an earlier one (only there: writers on the idle setups would take the measured one's CPU). After BENCH_WARMUP (15) s of load on each, autocannon measures them in rounds whose order rotates
//    (BENCH_ROUNDS of BENCH_DURATION s, BENCH_CONNECTIONS connections), at pageSize 100 and 10. Printed:
//      read ratio <db>: A/B requests/s (no target), read ratio control <db>, read ratio floor <db>, read ratio in-row
//      <db> with A/F (target >= 0.90: the plugin within 10 % of the cheapest storage), hand-made component ratio <db>:
//      A/C (target >= 1.5), queries per request <db>: A vs B (target: B + 1 at most).
// 2. Writes, on SQLite (the A process): bulk verify 1000 sqlite (target <= 5 s; with the statements each document
//    costs, and the CPU Strapi spent), verify p99 sqlite (sequential,
//    target <= 50 ms), and the integrity check of BENCH_INTEGRITY_VERSIONS (10,000) versions (target < 2 s).
// 3. Load (bench/load.js): BENCH_LOAD_CLIENTS (50) clients mixing reads, verifies, edits and publishes for
//    BENCH_LOAD_DURATION (60) s, on one SQLite process and on two PostgreSQL processes on one database; then the rule
//    is checked on every version. Targets: 0 5xx, 0 violations, 0 crashes, verify p99 <= 1 s on SQLite.
// 4. Scale (bench/scale.js), on PostgreSQL, only when asked (BENCH_PARTS=scale): every route at BENCH_SCALE_BASE
//    (1,000) articles and at BENCH_SCALE_ARTICLES (100,000), copied in SQL from the first; their growth and targets.
// BENCH_PARTS=reads,writes,load,scale and BENCH_DATABASES=sqlite,postgres choose what runs (reads,writes,load by default).
const { prepareBenchApp } = require('./lib/app');
const { fixed, percentile } = require('./lib/stats');
const { loadRun } = require('./load');
const { readBenchmark } = require('./reads');
const { printBulk, scaleRun } = require('./scale');

const env = (name, fallback) => Number(process.env[name] || fallback);
const OPTIONS = {
  articles: env('BENCH_ARTICLES', 1000),
  duration: env('BENCH_DURATION', 3),
  rounds: env('BENCH_ROUNDS', 10),
  warmup: env('BENCH_WARMUP', 15),
  connections: env('BENCH_CONNECTIONS', 10),
  writeEveryMs: env('BENCH_WRITE_EVERY_MS', 5),
};
const PARTS = new Set((process.env.BENCH_PARTS || 'reads,writes,load').split(','));
const DATABASES = (process.env.BENCH_DATABASES || 'sqlite,postgres').split(',');

async function writes(server) {
  console.log('\n== writes on sqlite (process A)');
  printBulk(await server.call('bulk'), 'sqlite');
  const latencies = await server.call('verify-latencies', { count: env('BENCH_VERIFY_COUNT', 200) });
  console.log(`  sequential verify over HTTP: p50 ${fixed(percentile(latencies, 50), 1)} ms of ${latencies.length}`);
  console.log(`verify p99 sqlite: ${fixed(percentile(latencies, 99), 1)} ms`);
  const integrity = await server.call('integrity', { versions: env('BENCH_INTEGRITY_VERSIONS', 10000) });
  console.log(
    `integrity check at startup ${integrity.checked} versions sqlite: ${fixed(integrity.seconds, 2)} s (ok: ${integrity.ok})`
  );
}

(async () => {
  const { ensurePluginBuilt } = require('../scripts/lib/prepare');
  ensurePluginBuilt();
  await prepareBenchApp();
  let sqliteA = null;
  try {
    if (PARTS.has('reads') || PARTS.has('writes')) {
      for (const database of DATABASES) {
        if (!PARTS.has('reads') && database !== 'sqlite') continue;
        const { servers } = await readBenchmark(
          database,
          PARTS.has('reads') ? OPTIONS : { ...OPTIONS, rounds: 2, duration: 1, warmup: 1 }
        );
        if (database === 'sqlite') sqliteA = servers.A;
      }
    }
    if (PARTS.has('writes') && sqliteA) await writes(sqliteA);
    if (sqliteA) await sqliteA.stop();
    sqliteA = null;
    if (PARTS.has('load')) {
      for (const database of DATABASES) {
        await loadRun(database, {
          clients: env('BENCH_LOAD_CLIENTS', 50),
          duration: env('BENCH_LOAD_DURATION', 60),
          articles: env('BENCH_LOAD_ARTICLES', 200),
        });
      }
    }
    if (PARTS.has('scale')) {
      await scaleRun({
        base: env('BENCH_SCALE_BASE', 1000),
        articles: env('BENCH_SCALE_ARTICLES', 100000),
        tries: env('BENCH_SCALE_TRIES', 3),
      });
    }
  } finally {
    if (sqliteA) await sqliteA.stop();
  }
  process.exit(0);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
