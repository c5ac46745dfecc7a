// Starts the playground for the browser tests: builds the plugin and the admin panel, then runs
// `strapi start` on a fresh SQLite database with the demo seed (articles, Editor and Author users).
const { execFileSync, spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const PLAYGROUND_DIR = path.join(REPO_ROOT, 'playground');
const STRAPI_BIN = path.join(REPO_ROOT, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js');

async function startE2eServer({ port = Number(process.env.E2E_PORT || 1341), env = {} } = {}) {
  const { ensurePluginBuilt } = require('../../scripts/lib/prepare');
  ensurePluginBuilt({ quiet: true });
  execFileSync(process.execPath, [STRAPI_BIN, 'build'], {
    cwd: PLAYGROUND_DIR,
    stdio: 'pipe',
    env: { ...process.env, STRAPI_TELEMETRY_DISABLED: 'true' },
  });

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trust-e2e-'));
  const child = spawn(process.execPath, [STRAPI_BIN, 'start'], {
    cwd: PLAYGROUND_DIR,
    env: {
      ...process.env,
      // Development mode: the admin's refresh cookie is not marked Secure, so login works over http.
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_CLIENT: 'sqlite',
      DATABASE_FILENAME: path.join(dir, 'e2e.db'),
      TRUST_LABELS_SEED: 'true',
      // Every test logs in afresh; Strapi's login rate limit (5 per e-mail in 5 minutes) would refuse the sixth.
      ADMIN_RATE_LIMIT: 'false',
      STRAPI_TELEMETRY_DISABLED: 'true',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));

  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`strapi start exited with ${child.exitCode}:\n${output}`);
    try {
      const res = await fetch(`${baseUrl}/_health`);
      if (res.status === 204 || res.ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`Strapi did not start within 180 s:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }

  return {
    baseUrl,
    output: () => output,
    async stop() {
      if (child.exitCode === null) {
        await new Promise((resolve) => {
          child.once('exit', resolve);
          child.kill('SIGTERM');
        });
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

module.exports = { startE2eServer, REPO_ROOT };
