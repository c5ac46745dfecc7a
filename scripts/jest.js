#!/usr/bin/env node
// `npm test` and friends: installs what is missing on a fresh clone (the root dependencies, then the test tools
// in tests/), then runs Jest from tests/node_modules with the arguments given. Jest lives there, not in the root
// package, so that `npm run demo` does not install it.
const path = require('path');
const { ensureInstalled, ensureTestTools, TEST_TOOLS_DIR } = require('./lib/install');

const say = (line) => console.log(`[npm test] ${line}`);
(async () => {
  await ensureInstalled(say);
  await ensureTestTools(say);
  // Jest's own bin reads process.argv: `node scripts/jest.js --runInBand` runs as `jest --runInBand`.
  require(path.join(TEST_TOOLS_DIR, 'node_modules', 'jest', 'bin', 'jest.js'));
})().catch((error) => {
  console.error(`[npm test] ${error.message}`);
  process.exit(1);
});
