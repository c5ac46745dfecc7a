// Shared by the demo script, the benchmark and the Jest global setup. Plain CommonJS so that
// `npm run demo` works with nothing but Node.
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const PLAYGROUND_DIR = path.join(REPO_ROOT, 'playground');
const SOURCE_ENTRIES = ['server', 'admin', 'shared', 'client', 'strapi-server.ts', 'package.json'];
const BUILT_FILES = ['dist/server/index.js', 'dist/admin/index.js', 'dist/client/index.js', 'dist/react/index.js'];

/** @param {string} entry */
const newestMtime = (entry) => {
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs
    .readdirSync(entry)
    .filter((name) => name !== 'dist' && name !== 'node_modules')
    .reduce((newest, name) => Math.max(newest, newestMtime(path.join(entry, name))), stat.mtimeMs);
};

/** True when dist/ is missing or older than any plugin source file. */
const pluginBuildIsStale = () => {
  const built = BUILT_FILES.map((file) => path.join(REPO_ROOT, file));
  if (!built.every((file) => fs.existsSync(file))) return true;
  const builtAt = Math.min(...built.map((file) => fs.statSync(file).mtimeMs));
  const sourcesAt = Math.max(
    ...SOURCE_ENTRIES.map((entry) => path.join(REPO_ROOT, entry))
      .filter((entry) => fs.existsSync(entry))
      .map(newestMtime)
  );
  return sourcesAt > builtAt;
};

/** Builds the plugin into dist/ as `npm run build` does: `strapi-plugin build`, then the client and React modules. */
const buildPlugin = ({ quiet = false } = {}) => {
  if (!quiet) console.log('Building the plugin (strapi-plugin build)…');
  // The package's `exports` hide bin/, so it is found next to its package.json.
  const cli = path.join(
    path.dirname(require.resolve('@strapi/sdk-plugin/package.json', { paths: [REPO_ROOT] })),
    'bin',
    'strapi-plugin.js'
  );
  execFileSync(process.execPath, [cli, 'build'], { cwd: REPO_ROOT, stdio: quiet ? 'pipe' : 'inherit' });
  execFileSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'build-client.js')], {
    cwd: REPO_ROOT,
    stdio: quiet ? 'pipe' : 'inherit',
  });
};

/** Builds the plugin unless dist/ is already newer than every source file. */
const ensurePluginBuilt = ({ quiet = false } = {}) => {
  if (pluginBuildIsStale()) buildPlugin({ quiet });
};

/** Compiles the playground's TypeScript (config and src) into playground/dist. */
const compilePlayground = async () => {
  const { compileStrapi } = require('@strapi/strapi');
  await compileStrapi({ appDir: PLAYGROUND_DIR });
};

module.exports = { REPO_ROOT, PLAYGROUND_DIR, pluginBuildIsStale, buildPlugin, ensurePluginBuilt, compilePlayground };
