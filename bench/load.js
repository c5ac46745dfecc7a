// The load run: many concurrent clients mixing reads, verifies, Content Manager edits and publishes against one
// SQLite process, or two PostgreSQL processes on one database; then the rule is checked on every stored version.
const { createPostgresDatabase } = require('./lib/databases');
const { startServer } = require('./lib/server');
const { fixed, percentile } = require('./lib/stats');

const ARTICLE = 'api::article.article';
const CM = `/content-manager/collection-types/${ARTICLE}`;
const OPERATIONS = [
  ['read list', 45],
  ['read one', 15],
  ['verify', 15],
  ['edit', 15],
  ['publish', 10],
];

const pick = () => {
  let roll = Math.random() * 100;
  for (const [name, weight] of OPERATIONS) {
    if ((roll -= weight) < 0) return name;
  }
  return OPERATIONS[0][0];
};

async function loadRun(database, { clients, duration, articles }) {
  const processes = database === 'postgres' ? 2 : 1;
  console.log(
    `\n== load on ${database}: ${clients} clients for ${duration} s on ${processes} Strapi process${processes > 1 ? 'es' : ''}, ${articles} articles`
  );
  let created = null;
  const servers = [];
  try {
    const env = { BENCH_DATABASE: database, TRUST_LABELS_CONFIG: JSON.stringify({ contentTypes: [ARTICLE] }) };
    if (database === 'postgres') {
      created = await createPostgresDatabase('load');
      env.BENCH_DATABASE_NAME = created.name;
    }
    servers.push(startServer(`load-${database}-1`, env));
    const first = await servers[0].ready;
    await servers[0].call('seed', { kind: 'trust', count: articles });
    if (processes > 1) {
      servers.push(startServer(`load-${database}-2`, env));
      await servers[1].ready;
    }
    const bases = [first.baseUrl, ...(processes > 1 ? [(await servers[1].call('info')).baseUrl] : [])];
    const token = await servers[0].call('token');
    const documentIds = await servers[0].call('documents');
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };

    const latencies = Object.fromEntries(OPERATIONS.map(([name]) => [name, []]));
    const failures = { '5xx': 0, '4xx': 0, network: 0 };
    const examples5xx = [];
    const deadline = Date.now() + duration * 1000;
    const client = async (n) => {
      const base = bases[n % bases.length];
      while (Date.now() < deadline) {
        const operation = pick();
        const documentId = documentIds[Math.floor(Math.random() * documentIds.length)];
        const request =
          operation === 'read list'
            ? [
                `/api/articles?pagination[pageSize]=25&pagination[page]=${1 + Math.floor(Math.random() * 4)}`,
                { headers: {} },
              ]
            : operation === 'read one'
              ? [`/api/articles/${documentId}?locale=en`, { headers: {} }]
              : operation === 'verify'
                ? [
                    `/trust-labels/documents/${ARTICLE}/${documentId}/verify?locale=en`,
                    {
                      method: 'POST',
                      headers,
                      body: JSON.stringify({ checks: ['accuracy', 'plausibility', 'sources'] }),
                    },
                  ]
                : operation === 'edit'
                  ? [
                      `${CM}/${documentId}?locale=en`,
                      { method: 'PUT', headers, body: JSON.stringify({ title: `Edited ${Math.random()}` }) },
                    ]
                  : [`${CM}/${documentId}/actions/publish?locale=en`, { method: 'POST', headers, body: '{}' }];
        const started = performance.now();
        try {
          const res = await fetch(`${base}${request[0]}`, request[1]);
          const text = await res.text();
          latencies[operation].push(performance.now() - started);
          if (res.status >= 500) {
            failures['5xx'] += 1;
            if (examples5xx.length < 5) examples5xx.push(`${operation} ${res.status} ${text.slice(0, 160)}`);
          } else if (res.status >= 400) failures['4xx'] += 1;
        } catch {
          failures.network += 1;
        }
      }
    };
    const started = Date.now();
    await Promise.all(Array.from({ length: clients }, (_, n) => client(n)));
    const seconds = (Date.now() - started) / 1000;

    const crashes = servers.filter((server) => !server.alive()).length;
    const check = crashes === 0 ? await servers[0].call('check') : { checked: 0, drift: NaN };
    const total = Object.values(latencies).reduce((sum, list) => sum + list.length, 0);
    console.log(`  ${fixed(total / seconds, 1)} operations/s in all`);
    for (const [name] of OPERATIONS) {
      const list = latencies[name];
      console.log(
        `  ${name.padEnd(10)} ${String(list.length).padStart(6)} ops, p50 ${fixed(percentile(list, 50), 0)} ms, p99 ${fixed(percentile(list, 99), 0)} ms`
      );
    }
    console.log(
      `load ${database}: 5xx ${failures['5xx']}, violations ${check.drift} of ${check.checked} versions, crashes ${crashes} (4xx ${failures['4xx']}, network errors ${failures.network})`
    );
    for (const example of examples5xx) console.log(`    5xx: ${example}`);
    console.log(`verify p99 ${database} at ${clients} clients: ${fixed(percentile(latencies.verify, 99), 0)} ms`);
    return { failures, check, crashes, verifyP99: percentile(latencies.verify, 99) };
  } finally {
    for (const server of servers) await server.stop();
    if (created) await created.drop().catch(() => undefined);
  }
}

module.exports = { loadRun };
