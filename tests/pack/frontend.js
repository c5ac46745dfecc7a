// The packed tarball's front-end exports, used from an app as a front end would: `strapi-plugin-trust-labels/client`
// with `require` and with `import`, and `strapi-plugin-trust-labels/react` rendered with react-dom/server, whose
// output must equal the string renderer's. Run with the app folder as the working directory, so that the package
// resolves through the app's node_modules and the package's `exports`.
const assert = require('assert/strict');
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const TRUST = {
  status: 'verified',
  verifiedAt: '2026-04-08T09:12:00.000Z',
  verifiedBy: 'Ada <Lovelace>',
  aiInvolvement: 'generated',
  disclaimer: 'While we strive for accuracy, bytevyte can make mistakes.',
  sources: [
    {
      title: 'EUR-Lex',
      url: 'https://eur-lex.europa.eu/eli/reg/2024/1689/oj',
      publisher: 'EU',
      accessedAt: '2026-04-06',
    },
  ],
  disclosure: { value: 'ai-assisted', labelRequired: false },
};

const SCRIPTS = {
  'client (require)': `
    const { renderTrustLabels, TRUST_LABELS_CSS } = require('strapi-plugin-trust-labels/client');
    process.stdout.write(JSON.stringify({ html: renderTrustLabels(TRUST, { locale: 'pl' }), css: TRUST_LABELS_CSS.length }));`,
  'client (import)': `
    import('strapi-plugin-trust-labels/client').then(({ renderTrustLabels, TRUST_LABELS_CSS }) =>
      process.stdout.write(JSON.stringify({ html: renderTrustLabels(TRUST, { locale: 'pl' }), css: TRUST_LABELS_CSS.length })));`,
  'react (require)': `
    const React = require('react');
    const { renderToStaticMarkup } = require('react-dom/server');
    const { TrustLabels } = require('strapi-plugin-trust-labels/react');
    process.stdout.write(JSON.stringify({ html: renderToStaticMarkup(React.createElement(TrustLabels, { trust: TRUST, locale: 'pl' })), css: 1 }));`,
  'react (import)': `
    Promise.all([import('react'), import('react-dom/server'), import('strapi-plugin-trust-labels/react')]).then(([React, server, { TrustLabels }]) =>
      process.stdout.write(JSON.stringify({ html: server.renderToStaticMarkup(React.createElement(TrustLabels, { trust: TRUST, locale: 'pl' })), css: 1 })));`,
};

/** Runs every script in the app and checks the outputs; answers the names of the checks that failed, with why. */
function checkFrontEndExports(appDir, { log = console.log } = {}) {
  const failed = [];
  const pkgDir = path.join(appDir, 'node_modules', 'strapi-plugin-trust-labels');
  for (const file of [
    'dist/client/index.js',
    'dist/client/index.mjs',
    'dist/client/index.d.ts',
    'dist/react/index.js',
    'dist/react/index.mjs',
    'dist/react/index.d.ts',
  ]) {
    if (!fs.existsSync(path.join(pkgDir, file)))
      failed.push({ name: `front-end export file ${file}`, error: 'missing from the installed package' });
  }
  // Dependency-free: the client bundle imports nothing; the React one only react.
  for (const [file, allowed] of [
    ['dist/client/index.mjs', []],
    ['dist/client/index.js', []],
    ['dist/react/index.mjs', ['react']],
    ['dist/react/index.js', ['react']],
  ]) {
    const full = path.join(pkgDir, file);
    if (!fs.existsSync(full)) continue;
    const source = fs.readFileSync(full, 'utf8');
    const imported = [...source.matchAll(/(?:from\s*|require\(|import\()\s*["']([^"']+)["']/g)].map(
      (match) => match[1]
    );
    const stray = imported.filter((name) => !allowed.includes(name));
    if (stray.length > 0) failed.push({ name: `${file} is dependency-free`, error: `imports ${stray.join(', ')}` });
  }
  const outputs = {};
  for (const [name, script] of Object.entries(SCRIPTS)) {
    try {
      const out = execFileSync(process.execPath, ['-e', `const TRUST = ${JSON.stringify(TRUST)};${script}`], {
        cwd: appDir,
        encoding: 'utf8',
      });
      outputs[name] = JSON.parse(out);
      assert.match(outputs[name].html, /^<section class="trust-labels" lang="pl" ai-disclosure="ai-assisted">/);
      assert.ok(
        outputs[name].html.includes('Zweryfikowane przez człowieka') && outputs[name].html.includes('Źródła'),
        'Polish words'
      );
      assert.ok(outputs[name].html.includes('Ada &lt;Lovelace&gt;'), 'escaped');
      assert.ok(outputs[name].css > 0);
      log(`  ok: ${name}`);
    } catch (error) {
      failed.push({
        name: `front-end export ${name}`,
        error: error instanceof Error ? error.message.split('\n').slice(0, 6).join('\n') : String(error),
      });
    }
  }
  const htmls = new Set(Object.values(outputs).map((output) => output.html));
  if (htmls.size > 1)
    failed.push({ name: "React output equals the string renderer's", error: [...htmls].join('\n---\n') });
  return failed;
}

module.exports = { checkFrontEndExports };
