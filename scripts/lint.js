#!/usr/bin/env node
// `npm run lint`: Prettier's check and ESLint over the repository (configs: .prettierrc.json, .prettierignore,
// eslint.config.js). Both live with the test tools in tests/ (tests/package.json), installed on first use like Jest.
// `npm run lint -- --fix` writes Prettier's formatting and ESLint's fixes instead of checking.
const { spawnSync } = require('child_process');
const path = require('path');
const { ensureInstalled, ensureTestTools, TEST_TOOLS_DIR } = require('./lib/install');

const REPO_ROOT = path.resolve(__dirname, '..');
const say = (line) => console.log(`[npm run lint] ${line}`);
const bin = (name) => path.join(TEST_TOOLS_DIR, 'node_modules', '.bin', name);
const run = (name, args) => spawnSync(bin(name), args, { cwd: REPO_ROOT, stdio: 'inherit' }).status ?? 1;

(async () => {
  await ensureInstalled(say);
  await ensureTestTools(say);
  const fix = process.argv.includes('--fix');
  const prettier = run('prettier', [fix ? '--write' : '--check', '--log-level', fix ? 'warn' : 'log', '.']);
  const eslint = run('eslint', [...(fix ? ['--fix'] : []), '--max-warnings', '0', '.']);
  if (prettier !== 0) say(fix ? 'Prettier failed' : 'Prettier: files above are not formatted (npm run lint -- --fix)');
  if (eslint !== 0) say('ESLint found problems (above)');
  process.exit(prettier === 0 && eslint === 0 ? 0 : 1);
})().catch((error) => {
  console.error(`[npm run lint] ${error.message}`);
  process.exit(1);
});
