#!/usr/bin/env node
// `pretest`: on a fresh clone, `npm test` installs the dependencies first (see lib/install.js).
require('./lib/install')
  .ensureInstalled((line) => console.log(`[npm test] ${line}`))
  .catch((error) => {
    console.error(`[npm test] ${error.message}`);
    process.exit(1);
  });
