// Content API reads: what trust costs, on one database (sqlite or postgres). See bench/run.js for the protocol.
const { createPostgresDatabase } = require('./lib/databases');
const { startServer } = require('./lib/server');
const { fixed, median } = require('./lib/stats');

const ARTICLE = 'api::article.article';
const LIST = (pageSize) => `/api/articles?pagination[pageSize]=${pageSize}`;
const HANDMADE_LIST = (pageSize) =>
  `/api/handmades?pagination[pageSize]=${pageSize}&populate[labels][populate]=sources`;
const IN_ROW_LIST = (pageSize) => `/api/inrows?pagination[pageSize]=${pageSize}`;

/** The four setups, each its own Strapi process and database, seeded alike. */
const SETUPS = {
  A: { title: 'A: trust labels on article', config: { contentTypes: [ARTICLE] }, seed: 'trust', url: LIST },
  B: {
    title: 'B: plugin only on page (baseline)',
    config: { contentTypes: ['api::page.page'] },
    seed: 'plain',
    url: LIST,
  },
  C: {
    title: 'C: a hand-made component with the same fields, read with populate',
    config: { contentTypes: ['api::page.page'] },
    seed: 'handmade',
    url: HANDMADE_LIST,
  },
  D: { title: 'D: control, set up like B', config: { contentTypes: ['api::page.page'] }, seed: 'plain', url: LIST },
  E: {
    title: 'E: floor, B plus a trust object of the same size per article built in memory (no query, no plugin)',
    config: { contentTypes: ['api::page.page'] },
    seed: 'plain',
    url: LIST,
    env: { BENCH_TRUST_BYTES: 'true' },
  },
  F: {
    title:
      "F: in the row, B plus the same trust object stored in a JSON attribute of the entry (read by Strapi's own SELECT, not filterable)",
    config: { contentTypes: ['api::page.page'] },
    seed: 'inrow',
    url: IN_ROW_LIST,
  },
};

function loadTest(url, { duration, connections }) {
  const autocannon = require('../scripts/lib/install').requireTestTool('autocannon');
  return new Promise((resolve, reject) => {
    autocannon({ url, connections, duration }, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

/**
 * One measurement of one setup. The writer runs on that setup's database only while it is measured: writers on the
 * idle setups would take CPU from the measured one (two cores run every process and the databases), which is noise.
 */
async function measure(server, baseUrl, url, options) {
  await server.call('writer-start', { intervalMs: options.writeEveryMs });
  const before = await server.call('cpu');
  const result = await loadTest(`${baseUrl}${url}`, options).finally(() => server.call('writer-stop'));
  const after = await server.call('cpu');
  const errors = result.errors + result.non2xx + result.timeouts;
  if (errors > 0) throw new Error(`${server.key}: ${errors} failed requests on ${url}`);
  return {
    rps: result.requests.average,
    cpuPerRequest: (after.user - before.user + after.system - before.system) / 1000 / result.requests.total,
  };
}

/**
 * Rounds over `keys`, the order rotated each round so that none is always first, at one page size. Returns the
 * requests/s and CPU per request of each round, by setup.
 */
async function rounds(servers, info, keys, pageSize, options) {
  const measured = Object.fromEntries(keys.map((key) => [key, []]));
  for (let round = 0; round < options.rounds; round += 1) {
    const order = keys.map((_, i) => keys[(i + round) % keys.length]);
    if (round % 2 === 1) order.reverse();
    const line = [];
    for (const key of order) {
      const result = await measure(servers[key], info[key].baseUrl, SETUPS[key].url(pageSize), options);
      measured[key].push(result);
      line.push(`${key} ${fixed(result.rps, 1)}`);
    }
    console.log(`    round ${round + 1} (pageSize ${pageSize}): ${line.join(', ')} req/s`);
  }
  return measured;
}

/**
 * Seeds the setups on `database`, measures them (each with a writer changing its database every `writeEveryMs`
 * while it is measured), prints the figures and returns them.
 */
async function readBenchmark(database, options) {
  console.log(
    `\n== reads on ${database}: ${options.articles} articles x 3 sources, ${options.rounds} rounds of ${options.duration} s, ${options.connections} connections`
  );
  for (const key of Object.keys(SETUPS)) console.log(`  ${SETUPS[key].title}`);
  const servers = {};
  const info = {};
  const dropLater = [];
  try {
    for (const [key, setup] of Object.entries(SETUPS)) {
      const env = { BENCH_DATABASE: database, TRUST_LABELS_CONFIG: JSON.stringify(setup.config), ...setup.env };
      if (database === 'postgres') {
        const created = await createPostgresDatabase(key.toLowerCase());
        dropLater.push(created);
        env.BENCH_DATABASE_NAME = created.name;
      }
      servers[key] = startServer(`${database}-${key}`, env);
      info[key] = await servers[key].ready;
      await servers[key].call('seed', { kind: setup.seed, count: options.articles });
    }
    const queries = {};
    for (const key of ['A', 'B', 'E', 'F'])
      queries[key] = await servers[key].call('queries', { url: SETUPS[key].url(100) });
    if (!queries.A.trust || queries.B.trust || !queries.E.trust || !queries.F.trust)
      throw new Error('A, E and F must carry trust and B must not');
    const small = {
      A: await servers.A.call('queries', { url: LIST(10) }),
      B: await servers.B.call('queries', { url: LIST(10) }),
    };

    console.log(`  warm-up: ${options.warmup} s of load on each setup (not counted)`);
    for (const key of Object.keys(SETUPS))
      await measure(servers[key], info[key].baseUrl, SETUPS[key].url(100), { ...options, duration: options.warmup });

    const big = await rounds(servers, info, ['A', 'B', 'C', 'D', 'E', 'F'], 100, options);
    const ten = await rounds(servers, info, ['A', 'B', 'E', 'F'], 10, options);

    const rps = (set, key) => median(set[key].map((r) => r.rps));
    // The same ratio within each round (both setups measured minutes apart at most): its spread shows how far one
    // run's median can be trusted on this machine.
    const spread = (set, key) => {
      const ratios = set[key].map((r, i) => r.rps / set.B[i].rps);
      return `${fixed(Math.min(...ratios))}–${fixed(Math.max(...ratios))}`;
    };
    const cpu = (set, key) => median(set[key].map((r) => r.cpuPerRequest));
    const figures = {
      ratio: rps(big, 'A') / rps(big, 'B'),
      ratio10: rps(ten, 'A') / rps(ten, 'B'),
      control: rps(big, 'D') / rps(big, 'B'),
      floor: rps(big, 'E') / rps(big, 'B'),
      floor10: rps(ten, 'E') / rps(ten, 'B'),
      overFloor: rps(big, 'A') / rps(big, 'E'),
      inRow: rps(big, 'F') / rps(big, 'B'),
      inRow10: rps(ten, 'F') / rps(ten, 'B'),
      overInRow: rps(big, 'A') / rps(big, 'F'),
      overInRow10: rps(ten, 'A') / rps(ten, 'F'),
      handmade: rps(big, 'A') / rps(big, 'C'),
      cpuRatio: cpu(big, 'B') / cpu(big, 'A'),
      cpuFloor: cpu(big, 'B') / cpu(big, 'E'),
      cpuOverFloor: cpu(big, 'E') / cpu(big, 'A'),
      queries: { A: queries.A.count, B: queries.B.count, A10: small.A.count, B10: small.B.count },
      rps: {
        A: rps(big, 'A'),
        B: rps(big, 'B'),
        C: rps(big, 'C'),
        D: rps(big, 'D'),
        E: rps(big, 'E'),
        F: rps(big, 'F'),
      },
    };
    console.log(
      `\n  medians: A ${fixed(figures.rps.A, 1)}, B ${fixed(figures.rps.B, 1)}, C ${fixed(figures.rps.C, 1)}, D ${fixed(figures.rps.D, 1)}, E ${fixed(figures.rps.E, 1)}, F ${fixed(figures.rps.F, 1)} req/s; CPU per request (the server's own, steadier than requests/s) B/A ${fixed(figures.cpuRatio)}, B/E ${fixed(figures.cpuFloor)} (the bytes alone), E/A ${fixed(figures.cpuOverFloor)} (the plugin over the bytes)`
    );
    console.log(
      `  by round, pageSize 100: A/B ${spread(big, 'A')}, D/B ${spread(big, 'D')}, F/B ${spread(big, 'F')}; pageSize 10: A/B ${spread(ten, 'A')}, F/B ${spread(ten, 'F')}`
    );
    // Targets (docs/performance.md): the plugin against the cheapest storage of the same values (A/F), against a
    // hand-made component (A/C), and one query more than B at most. A/B has none: the bytes alone cost 4–18 % (E/B),
    // so a target on it would ask for less data, not less work.
    console.log(`read ratio ${database}: ${fixed(figures.ratio)} (A/B, no target)`);
    console.log(`read ratio ${database} pageSize 10: ${fixed(figures.ratio10)} (A/B, no target)`);
    console.log(`read ratio control ${database}: ${fixed(figures.control)}`);
    console.log(
      `read ratio floor ${database}: ${fixed(figures.floor)} (pageSize 10: ${fixed(figures.floor10)}); A/E: ${fixed(figures.overFloor)}`
    );
    console.log(
      `read ratio in-row ${database}: ${fixed(figures.inRow)} (pageSize 10: ${fixed(figures.inRow10)}); A/F: ${fixed(figures.overInRow)} (target >= 0.90; pageSize 10: ${fixed(figures.overInRow10)})`
    );
    console.log(`hand-made component ratio ${database}: ${fixed(figures.handmade)} (A/C, target >= 1.5)`);
    console.log(`queries per request ${database}: ${figures.queries.A} vs ${figures.queries.B} (target: A <= B + 1)`);
    console.log(
      `queries per request ${database} pageSize 10: ${figures.queries.A10} vs ${figures.queries.B10} (target: A <= B + 1)`
    );
    return { servers, figures };
  } finally {
    // The A server stays up for the write benchmarks on SQLite; the caller stops it.
    for (const [key, server] of Object.entries(servers))
      if (!(database === 'sqlite' && key === 'A')) await server.stop();
    for (const created of dropLater) await created.drop().catch(() => undefined);
  }
}

module.exports = { readBenchmark };
