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

/** Top-level packages in node_modules (scoped packages counted one by one). */
const countInstalled = () => {
  const dir = path.join(REPO_ROOT, 'node_modules');
  if (!fs.existsSync(dir)) return 0;
  let count = 0;
  for (const entry of fs.readdirSync(dir)) {
    if (entry.startsWith('.')) continue;
    count += entry.startsWith('@') ? fs.readdirSync(path.join(dir, entry)).length : 1;
  }
  return count;
};

const isInstalled = () => fs.existsSync(path.join(REPO_ROOT, 'node_modules', '@strapi', 'strapi', 'package.json'));

/** Runs `npm ci` unless dependencies are installed. `say` prints one line. */
const ensureInstalled = async (say = (line) => console.log(line)) => {
  if (isInstalled()) return false;
  const started = Date.now();
  say('Installing dependencies with npm ci (about 2,000 packages; better-sqlite3 compiles from source, then the');
  say('plugin is built). On a fresh clone this takes about 3 minutes on a 2-core machine with a warm npm cache.');
  const timer = setInterval(
    () => say(`  npm ci: ${formatDuration(Date.now() - started)}, ${countInstalled()} top-level packages in node_modules so far`),
    HEARTBEAT_MS
  );
  try {
    await new Promise((resolve, reject) => {
      const child = spawn('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: REPO_ROOT, stdio: 'inherit' });
      child.on('error', reject);
      child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`npm ci exited with ${code}`))));
    });
  } finally {
    clearInterval(timer);
  }
  say(`Dependencies installed in ${formatDuration(Date.now() - started)}.`);
  return true;
};

module.exports = { ensureInstalled, formatDuration, REPO_ROOT };
