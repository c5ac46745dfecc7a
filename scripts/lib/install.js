// Installs the repository's dependencies with `npm ci` when node_modules lacks them, saying what it does and
// printing a line every 15 s: on a fresh clone, `npm run demo` and `npm test` both start here. Plain CommonJS
// with nothing but Node, since nothing else is installed yet.
const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const HEARTBEAT_MS = 15_000;

const formatDuration = (ms) => {
  const seconds = Math.round(ms / 1000);
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
};

const TEST_TOOLS_DIR = path.join(REPO_ROOT, 'tests');

/** Top-level packages in `dir`/node_modules (scoped packages counted one by one). */
const countInstalled = (dir) => {
  const modules = path.join(dir, 'node_modules');
  if (!fs.existsSync(modules)) return 0;
  let count = 0;
  for (const entry of fs.readdirSync(modules)) {
    if (entry.startsWith('.')) continue;
    count += entry.startsWith('@') ? fs.readdirSync(path.join(modules, entry)).length : 1;
  }
  return count;
};

/** Runs `npm ci` in `dir`, printing a progress line every HEARTBEAT_MS. */
const npmCi = async (dir, say) => {
  const started = Date.now();
  const timer = setInterval(
    () =>
      say(
        `  npm ci: ${formatDuration(Date.now() - started)}, ${countInstalled(dir)} top-level packages in node_modules so far`
      ),
    HEARTBEAT_MS
  );
  try {
    await new Promise((resolve, reject) => {
      const child = spawn('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, stdio: 'inherit' });
      child.on('error', reject);
      child.on('exit', (code) =>
        code === 0
          ? resolve()
          : reject(new Error(`npm ci in ${path.relative(REPO_ROOT, dir) || '.'} exited with ${code}`))
      );
    });
  } finally {
    clearInterval(timer);
  }
  return formatDuration(Date.now() - started);
};

const isInstalled = () => fs.existsSync(path.join(REPO_ROOT, 'node_modules', '@strapi', 'strapi', 'package.json'));
const testToolsInstalled = () => fs.existsSync(path.join(TEST_TOOLS_DIR, 'node_modules', 'jest', 'package.json'));

/**
 * Runs `npm ci` at the root unless it has run: Strapi, the build tools and the database drivers, everything the
 * demo needs. `say` prints one line.
 */
const ensureInstalled = async (say = (line) => console.log(line)) => {
  if (isInstalled()) return false;
  say('Installing dependencies with npm ci (about 1,850 packages: Strapi, the plugin build tools, the database');
  say('drivers; better-sqlite3 compiles from source, then the plugin is built). About 2 minutes on a 2-core machine');
  say('with a warm npm cache; several more on a first install that downloads everything.');
  say(`Dependencies installed in ${await npmCi(REPO_ROOT, say)}.`);
  return true;
};

/**
 * Runs `npm ci` in tests/ unless it has run: the tools only the tests and the bench use (Jest, fast-check,
 * jsonld, playwright-core, autocannon), kept apart so that the demo does not install them.
 */
const ensureTestTools = async (say = (line) => console.log(line)) => {
  if (testToolsInstalled()) return false;
  say('Installing the test tools with npm ci in tests/ (Jest, fast-check, jsonld, playwright-core, autocannon;');
  say('about 300 packages, under a minute with a warm npm cache).');
  say(`Test tools installed in ${await npmCi(TEST_TOOLS_DIR, say)}.`);
  return true;
};

/** `require` for a test tool, from tests/node_modules (the bench and the browser tests use it). */
const requireTestTool = (name) => require(require.resolve(name, { paths: [TEST_TOOLS_DIR] }));

module.exports = { ensureInstalled, ensureTestTools, requireTestTool, formatDuration, REPO_ROOT, TEST_TOOLS_DIR };
