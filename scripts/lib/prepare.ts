import { execFileSync } from 'child_process';
import fs from 'fs';
import path from 'path';

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const PLAYGROUND_DIR = path.join(REPO_ROOT, 'playground');
const SOURCE_ENTRIES = ['server', 'admin', 'shared', 'strapi-server.ts', 'package.json'];
const BUILT_FILES = ['dist/server/index.js', 'dist/admin/index.js'];

const newestMtime = (entry: string): number => {
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs
    .readdirSync(entry)
    .filter((name) => name !== 'dist' && name !== 'node_modules')
    .reduce((newest, name) => Math.max(newest, newestMtime(path.join(entry, name))), stat.mtimeMs);
};

/** True when dist/ is missing or older than any plugin source file. */
export const pluginBuildIsStale = (): boolean => {
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

/** Builds the plugin with `strapi-plugin build` unless dist/ is already newer than every source file. */
export const ensurePluginBuilt = ({ quiet = false } = {}) => {
  if (!pluginBuildIsStale()) return;
  if (!quiet) console.log('Building the plugin (strapi-plugin build)…');
  execFileSync(process.execPath, [path.join(path.dirname(require.resolve('@strapi/sdk-plugin/package.json')), 'bin', 'strapi-plugin.js'), 'build'], {
    cwd: REPO_ROOT,
    stdio: quiet ? 'pipe' : 'inherit',
  });
};

/** Compiles the playground's TypeScript (config and src) into playground/dist. */
export const compilePlayground = async () => {
  const { compileStrapi } = await import('@strapi/strapi');
  await compileStrapi({ appDir: PLAYGROUND_DIR });
};
