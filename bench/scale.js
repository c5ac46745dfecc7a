// The scale part (BENCH_PARTS=scale), on PostgreSQL: what each route costs at 1,000 articles and at
// BENCH_SCALE_ARTICLES (100,000), and how that grows. SPEC.md "Scale": no request costs in proportion to the site.
//
// 1. BENCH_SCALE_BASE (1,000) articles are seeded through the plugin (3 sources each, AI involvement in turn), all
//    verified with the bulk route (timed: `bulk verify 1000 postgres`), then two in three unverified (audit events,
//    review records; a third of the site verified). Strapi restarts, and every route is
//    measured at that size.
// 2. The base is copied in SQL until the site has BENCH_SCALE_ARTICLES articles (bench/lib/scale-copy.js: versions,
//    trust rows, link rows, audit events; the audit log chained again by the plugin), ANALYZE. Strapi restarts and
//    every route is measured again.
// At each size the routes are measured once the integrity check begun at startup has completed (its duration is
// printed too). Printed per route: the median of BENCH_SCALE_TRIES (3) requests after one warm-up, at each size, the
// growth factor, and the target: startup and every per-page route within 1.5x of its 1k figure or under 300 ms, the
// CSV export under 64 MB of memory added at any size, the filtered list within 2x of the unfiltered one.
const { createPostgresDatabase } = require('./lib/databases');
const { startServer } = require('./lib/server');
const { fixed, median } = require('./lib/stats');

const ARTICLE = 'api::article.article';
const PER_PAGE_LIMIT = { factor: 1.5, ms: 300 };
const EXPORT_MB = 64;

/** The routes measured, by name: the path, and whether it needs the admin token. */
const routes = (targets) => ({
  'queue, first page': { path: '/trust-labels/queue?page=1&pageSize=25', admin: true },
  'report, one page (JSON)': { path: '/trust-labels/report?format=json&page=1&pageSize=25', admin: true },
  'integrity GET': { path: '/trust-labels/integrity', admin: true },
  'history of one document': {
    path: `/trust-labels/documents/${ARTICLE}/${targets.verified}/history?locale=en`,
    admin: true,
  },
  receipt: { path: `/api/trust-labels/receipt/${ARTICLE}/${targets.verified}?locale=en` },
  'statuses of a page of 100': {
    path: `/trust-labels/statuses/${ARTICLE}?locale=en&documentIds=${targets.page.join(',')}`,
    admin: true,
  },
  'list, pageSize 100': { path: '/api/articles?pagination[pageSize]=100' },
  'list filtered on trust.status, pageSize 100': {
    path: '/api/articles?pagination[pageSize]=100&filters[trust][status][$eq]=verified',
  },
});

async function timed(url, headers) {
  const started = process.hrtime.bigint();
  const res = await fetch(url, { headers });
  const bytes = (await res.arrayBuffer()).byteLength;
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, status: res.status, bytes };
}

/** Waits until the check begun at startup has completed (GET /trust-labels/integrity): its duration. */
async function waitForStartupCheck(baseUrl, headers, since) {
  for (;;) {
    const res = await fetch(`${baseUrl}/trust-labels/integrity`, { headers });
    const { data } = await res.json();
    if (
      res.status === 200 &&
      data.running === null &&
      data.completedAt &&
      Date.parse(data.completedAt) >= since - 60_000
    )
      return { ms: data.durationMs, note: `${data.checkedVersions} versions, ok: ${data.ok}` };
    if (Date.now() - since > 15 * 60_000) return { ms: NaN, note: 'still running after 15 minutes' };
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

/** Starts Strapi on the database, measures every route, stops it. */
async function measureSize(env, label, tries) {
  const server = startServer(`scale-${label}`, env);
  try {
    await server.ready;
    const startup = await server.call('startup');
    const { baseUrl } = await server.call('info');
    const headers = { authorization: `Bearer ${await server.call('token')}` };
    const targets = await server.call('scale-targets');
    const figures = {
      'startup to listening': { ms: startup.startupMs, note: `${fixed(startup.rssMb, 0)} MB after startup` },
    };
    // The integrity check that starts once the server listens runs in the background: the routes are measured after
    // it, as a server runs between restarts (while it runs, it shares the process's CPU and memory with them).
    const since = Date.now();
    figures['integrity check after startup'] = await waitForStartupCheck(baseUrl, headers, since);
    for (const [name, route] of Object.entries(routes(targets))) {
      const first = await timed(`${baseUrl}${route.path}`, route.admin ? headers : {});
      if (first.status !== 200) {
        figures[name] = { ms: NaN, note: `answered ${first.status}` };
        continue;
      }
      const times = [];
      for (let i = 0; i < tries; i += 1)
        times.push((await timed(`${baseUrl}${route.path}`, route.admin ? headers : {})).ms);
      figures[name] = { ms: median(times), note: `${fixed(first.bytes / 1024, 0)} kB` };
    }
    // The whole-site export: its time, and the memory the server held on top of what it held before (sampled).
    await server.call('memory-start');
    const csv = await timed(`${baseUrl}/trust-labels/report?format=csv`, headers);
    const memory = await server.call('memory-stop');
    figures['CSV export'] = {
      ms: csv.status === 200 ? csv.ms : NaN,
      memoryMb: memory.rssAddedMb,
      note: `${fixed(csv.bytes / 2 ** 20, 1)} MB of CSV, +${fixed(memory.rssAddedMb, 0)} MB RSS (+${fixed(memory.heapAddedMb, 0)} MB heap)`,
    };
    return figures;
  } finally {
    await server.stop();
  }
}

/** A bulk verify's figures (serve.js `bulk`): time, CPU, and the statements each document costs. */
function printBulk(bulk, database) {
  console.log(
    `  ${bulk.verified}/${bulk.documents} verified, ${fixed(bulk.queriesPerDocument, 1)} statements per document, ${fixed(bulk.cpuSeconds, 2)} s of Strapi's CPU`
  );
  for (const { sql, perDocument } of bulk.statements.filter((statement) => statement.perDocument >= 0.5))
    console.log(`    ${fixed(perDocument, 1)} x ${sql.slice(0, 110)}`);
  console.log(`bulk verify ${bulk.documents} ${database}: ${fixed(bulk.seconds, 1)} s (target <= 5 s)`);
}

async function scaleRun({ base, articles, tries }) {
  console.log(`\n== scale on postgres: ${base} articles seeded through the plugin, then copied in SQL to ${articles}`);
  const created = await createPostgresDatabase('scale');
  const env = {
    BENCH_DATABASE: 'postgres',
    BENCH_DATABASE_NAME: created.name,
    TRUST_LABELS_CONFIG: JSON.stringify({ contentTypes: [ARTICLE] }),
  };
  try {
    const seeder = startServer('scale-seed', env);
    try {
      await seeder.ready;
      await seeder.call('seed', { kind: 'trust', count: base });
      // Every article verified in one bulk request (the figure the writes part gives on SQLite), then two in three
      // unverified: a third of the site stays verified, with a history of verify and unverify events.
      const bulk = await seeder.call('bulk');
      printBulk(bulk, 'postgres');
      const verified = await seeder.call('unverify-share', { keep: 3 });
      console.log(`  seeded ${base}, ${verified} left verified`);
    } finally {
      await seeder.stop();
    }
    const small = await measureSize(env, 'small', tries);

    const copier = startServer('scale-copy', env);
    try {
      await copier.ready;
      const copied = await copier.call('scale-copy', { articles });
      console.log(
        `  copied in SQL: +${copied.documents} documents in ${fixed(copied.seconds, 1)} s (${copied.versions} versions, ${copied.events} audit events); chained ${copied.chained} events in ${fixed(copied.chainSeconds, 1)} s`
      );
    } finally {
      await copier.stop();
    }
    const large = await measureSize(env, 'large', tries);

    console.log(`\n  ${'what'.padEnd(46)} ${`${base}`.padStart(10)} ${`${articles}`.padStart(10)}  growth  target`);
    for (const name of Object.keys(small)) {
      const a = small[name];
      const b = large[name];
      const growth = b.ms / a.ms;
      let target;
      if (name === 'CSV export')
        target = `memory < ${EXPORT_MB} MB: ${b.memoryMb < EXPORT_MB && a.memoryMb < EXPORT_MB ? 'met' : 'NOT met'}`;
      // Whole-site work by nature, after the server listens: reported, no target.
      else if (name === 'integrity check after startup') target = 'in the background: no target';
      else
        target = `<= ${PER_PAGE_LIMIT.factor}x or < ${PER_PAGE_LIMIT.ms} ms: ${growth <= PER_PAGE_LIMIT.factor || b.ms < PER_PAGE_LIMIT.ms ? 'met' : 'NOT met'}`;
      console.log(
        `  ${name.padEnd(46)} ${`${fixed(a.ms, 1)} ms`.padStart(10)} ${`${fixed(b.ms, 1)} ms`.padStart(10)}  ${`${fixed(growth, 1)}x`.padStart(6)}  ${target}`
      );
      console.log(`  ${''.padEnd(46)} ${a.note ?? ''} | ${b.note ?? ''}`);
    }
    const filteredName = 'list filtered on trust.status, pageSize 100';
    const ratio = large[filteredName].ms / large['list, pageSize 100'].ms;
    console.log(
      `filtered list / list at ${articles}: ${fixed(ratio)} (target <= 2: ${ratio <= 2 ? 'met' : 'NOT met'})`
    );
    console.log(
      `startup at ${articles} postgres: ${fixed(large['startup to listening'].ms / 1000, 1)} s (${fixed(large['startup to listening'].ms / small['startup to listening'].ms, 1)}x the ${base} figure)`
    );
    return { small, large };
  } finally {
    // BENCH_SCALE_KEEP=1 keeps the large site's database, to examine a query's plan on it (its name is printed).
    if (process.env.BENCH_SCALE_KEEP === '1') console.log(`  kept the database ${created.name}`);
    else await created.drop().catch(() => undefined);
  }
}

module.exports = { scaleRun, printBulk };
