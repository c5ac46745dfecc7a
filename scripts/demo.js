#!/usr/bin/env node
// `npm run demo`: installs dependencies if needed, builds the plugin, and starts the playground (SQLite,
// seeded articles in en and fr, demo admin users) at http://127.0.0.1:1337. Data is kept in
// playground/.tmp/data.db between runs; delete that file to start over.
//
// Each step says what it does and how long it took, and the long ones print a line every 15 s, so that a first
// run on a fresh clone is never silent.
const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');

const REPO_ROOT = path.resolve(__dirname, '..');
const PLAYGROUND_DIR = path.join(REPO_ROOT, 'playground');
const HOST = process.env.HOST || '127.0.0.1';
const PORT = Number(process.env.PORT || 1337);
const HEARTBEAT_MS = 15_000;

const { ensureInstalled, formatDuration } = require('./lib/install');

const startedAt = Date.now();
const elapsed = (since = startedAt) => formatDuration(Date.now() - since);
const say = (line) => console.log(`[demo ${elapsed()}] ${line}`);

/** Prints `describe()` every HEARTBEAT_MS until the returned function is called. */
const heartbeat = (describe) => {
  const timer = setInterval(() => say(describe()), HEARTBEAT_MS);
  return () => clearInterval(timer);
};

async function main() {
  say(
    `Trust Labels demo: install dependencies if needed, build the plugin, start the seeded playground at http://${HOST}:${PORT}`
  );
  await ensureInstalled(say);

  // Required only now: these modules live in node_modules, which npm ci has just filled.
  const { ensurePluginBuilt, pluginBuildIsStale } = require('./lib/prepare');
  if (pluginBuildIsStale()) {
    const since = Date.now();
    say('Building the plugin (strapi-plugin build: the admin and server bundles in dist/), about 15 s…');
    ensurePluginBuilt({ quiet: true });
    say(`Plugin built in ${elapsed(since)}.`);
  }

  const { DEMO_ADMINS, DEMO_PASSWORD } = loadDemoUsers();
  const since = Date.now();
  say('Starting Strapi (strapi develop: compiles the playground, seeds it on first start, serves the admin panel)…');
  const strapiBin = path.join(REPO_ROOT, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js');
  const child = spawn(process.execPath, [strapiBin, 'develop'], {
    cwd: PLAYGROUND_DIR,
    stdio: 'inherit',
    env: { ...process.env, HOST, PORT: String(PORT), TRUST_LABELS_SEED: 'true', STRAPI_TELEMETRY_DISABLED: 'true' },
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));

  const stop = heartbeat(() => '  Strapi is starting…');
  try {
    await waitForHealth();
  } finally {
    stop();
  }
  say(`Strapi answered in ${elapsed(since)}; the whole demo was ready in ${elapsed()}.`);
  printLogins(DEMO_ADMINS, DEMO_PASSWORD);
}

async function waitForHealth() {
  const deadline = Date.now() + 10 * 60 * 1000;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`http://${HOST}:${PORT}/_health`);
      if (res.status === 204 || res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error('Strapi did not answer on /_health within 10 minutes');
}

function printLogins(admins, password) {
  const lines = [
    'Trust Labels demo is running.',
    '',
    `Admin panel:  http://${HOST}:${PORT}/admin`,
    `Content API:  http://${HOST}:${PORT}/api/articles?locale=en`,
    `Reader pages: http://${HOST}:${PORT}/read  (labels drawn by strapi-plugin-trust-labels/client)`,
    `  bytevyte:   http://${HOST}:${PORT}/read/anthropic-google-broadcom?locale=en`,
    "  The edit view's Preview button shows the draft's reader page, labels included.",
    '',
    ...admins.map((admin) => `${admin.roleCode.replace('strapi-', '').padEnd(12)}${admin.email}`),
    `${'password'.padEnd(12)}${password}`,
    '',
    'Stop with Ctrl+C. Data is kept in playground/.tmp/data.db.',
  ];
  const width = Math.max(...lines.map((line) => line.length));
  const border = `+${'-'.repeat(width + 2)}+`;
  console.log(['', border, ...lines.map((line) => `| ${line.padEnd(width)} |`), border, ''].join('\n'));
}

function loadDemoUsers() {
  // The logins live in the playground's TypeScript seed; read them without compiling it.
  const source = fs.readFileSync(path.join(PLAYGROUND_DIR, 'src', 'seed', 'demo-users.ts'), 'utf8');
  const password = /DEMO_PASSWORD = '([^']+)'/.exec(source)?.[1];
  const admins = [...source.matchAll(/email: '([^']+)'.*?roleCode: '([^']+)'/g)].map((m) => ({
    email: m[1],
    roleCode: m[2],
  }));
  if (!password || admins.length === 0)
    throw new Error('could not read the demo logins from playground/src/seed/demo-users.ts');
  return { DEMO_ADMINS: admins, DEMO_PASSWORD: password };
}

main().catch((error) => {
  console.error(`[demo] ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
