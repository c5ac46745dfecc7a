#!/usr/bin/env node
// Builds strapi-plugin-trust-labels/client and /react (client/src) into dist/client and dist/react: ESM and CommonJS
// bundles (esbuild, minified, no dependencies but React for /react) and type declarations (tsc). Runs after
// `strapi-plugin build` in `npm run build` (which empties dist/). Prints each bundle's minified and gzipped size:
// the target for /client, every language's words included, is under 8 KB.
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { execFileSync } = require('child_process');

const root = path.join(__dirname, '..');
const esbuild = require(require.resolve('esbuild', { paths: [root] }));
const BUDGET = 8 * 1024;

const entries = [
  { name: 'client', entry: 'client/src/index.ts', external: [] },
  { name: 'react', entry: 'client/src/react.ts', external: ['react'] },
];

const main = async () => {
  // `strapi-plugin build` builds these exports too (it requires a `source` for every export); these bundles replace
  // its output: minified, React external, one declaration entry.
  for (const { name } of entries) fs.rmSync(path.join(root, 'dist', name), { recursive: true, force: true });
  for (const { name, entry, external } of entries) {
    for (const format of ['esm', 'cjs']) {
      await esbuild.build({
        entryPoints: [path.join(root, entry)],
        outfile: path.join(root, 'dist', name, format === 'esm' ? 'index.mjs' : 'index.js'),
        bundle: true,
        minify: true,
        format,
        platform: 'neutral',
        target: 'es2020',
        external,
        legalComments: 'none',
        logLevel: 'warning',
      });
    }
  }
  execFileSync(
    process.execPath,
    [require.resolve('typescript/bin/tsc', { paths: [root] }), '-p', path.join(root, 'client/tsconfig.json')],
    { stdio: 'inherit' }
  );
  fs.writeFileSync(path.join(root, 'dist/client/index.d.ts'), "export * from './types/client/src/index';\n");
  fs.writeFileSync(path.join(root, 'dist/react/index.d.ts'), "export * from '../client/types/client/src/react';\n");

  let over = false;
  for (const { name } of entries) {
    const code = fs.readFileSync(path.join(root, 'dist', name, 'index.mjs'));
    const gzipped = zlib.gzipSync(code, { level: 9 }).length;
    const budget = name === 'client' ? ` (target < ${BUDGET / 1024} KB)` : '';
    console.log(
      `strapi-plugin-trust-labels/${name}: ${(code.length / 1024).toFixed(1)} KB minified, ${(gzipped / 1024).toFixed(1)} KB gzipped${budget}`
    );
    if (name === 'client' && gzipped > BUDGET) over = true;
  }
  if (over) {
    console.error('The client module is over its size budget (docs/renderer.md "Size").');
    process.exitCode = 1;
  }
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
