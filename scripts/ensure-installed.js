#!/usr/bin/env node
// Installs what a command needs on a fresh clone (see lib/install.js): the root dependencies, and with
// `--test-tools` also the tools in tests/ (`pretest:e2e` and `prebench` run it this way).
const { ensureInstalled, ensureTestTools } = require('./lib/install');

const say = (line) => console.log(`[install] ${line}`);
(async () => {
  await ensureInstalled(say);
  if (process.argv.includes('--test-tools')) await ensureTestTools(say);
})().catch((error) => {
  console.error(`[install] ${error.message}`);
  process.exit(1);
});
