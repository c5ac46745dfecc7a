#!/usr/bin/env node
// `npm run test:pack`: the plugin as users get it. Packs it with `npm pack`, installs the tarball with plain
// `npm install` into brand-new Strapi apps of several versions (PACK_STRAPI_VERSIONS, default the oldest supported,
// one in the middle and the newest), and in each: checks that the install left one copy of @strapi/utils, uses the
// front-end exports (/client, /react) from the app (frontend.js), builds
// the admin panel with the plugin, starts Strapi and runs the HTTP smoke suite (smoke.js). Last, the newest app gets
// a different top-level @strapi/utils on purpose (PACK_FOREIGN_UTILS), as an app that lists its own would, and the
// plugin's routes and its publish gate must still answer 400, 403 and 404.
//
// PACK_KEEP=1 keeps the apps (their folder is printed). Exits 1 on the first failed app.
const { spawn, spawnSync, execFileSync } = require('child_process');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');

const { buildPlugin } = require('../../scripts/lib/prepare');
const { writeFreshApp } = require('./fresh-app');
const { checkFrontEndExports } = require('./frontend');
const { runSmoke } = require('./smoke');

const REPO = path.resolve(__dirname, '..', '..');
const VERSIONS = (process.env.PACK_STRAPI_VERSIONS || '5.30.0,5.42.0,5.54.0')
  .split(',')
  .map((v) => v.trim())
  .filter(Boolean);
const FOREIGN_UTILS = process.env.PACK_FOREIGN_UTILS || '5.55.0';
const NODE_ONLY =
  /from ['"](node:)?(fs|path|crypto|os|child_process|async_hooks|module)['"]|require\(['"](node:)?(fs|path|crypto|os|child_process|async_hooks|module)['"]\)/;

const started = Date.now();
const say = (line) => console.log(`[pack ${Math.round((Date.now() - started) / 1000)}s] ${line}`);

const run = (command, args, { cwd, logFile, env } = {}) =>
  new Promise((resolve, reject) => {
    const out = logFile ? fs.openSync(logFile, 'a') : 'inherit';
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', out, out] });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (logFile) fs.closeSync(out);
      if (code === 0) resolve();
      else reject(new Error(`${command} ${args.join(' ')} exited with ${code}${logFile ? ` (log: ${logFile})` : ''}`));
    });
  });

const tail = (file, lines = 40) =>
  fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n') : '';

/** Paths of every installed @strapi/utils, with their versions. */
const installedCopies = (appDir, name) => {
  const found = [];
  const walk = (dir, depth) => {
    if (depth > 8 || !fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir)) {
      if (entry.startsWith('.')) continue;
      const full = path.join(dir, entry);
      if (entry.startsWith('@')) {
        for (const scoped of fs.readdirSync(full)) visit(path.join(full, scoped), `${entry}/${scoped}`, depth);
      } else visit(full, entry, depth);
    }
  };
  const visit = (pkgDir, pkgName, depth) => {
    if (pkgName === name && fs.existsSync(path.join(pkgDir, 'package.json'))) {
      found.push(
        `${path.relative(appDir, pkgDir)}@${JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8')).version}`
      );
    }
    walk(path.join(pkgDir, 'node_modules'), depth + 1);
  };
  walk(path.join(appDir, 'node_modules'), 0);
  return found;
};

const waitForHealth = async (baseUrl, child, logFile) => {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Strapi exited with ${child.exitCode}:\n${tail(logFile)}`);
    try {
      const res = await fetch(`${baseUrl}/_health`);
      if (res.status === 204) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`Strapi did not answer /_health within 180 s:\n${tail(logFile)}`);
};

/** A port nothing listens on now: with a fixed one, a server left running by anyone would answer the smoke suite. */
const freePort = () =>
  new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/** Starts `strapi start` in the app on a free port, runs the smoke suite, stops it. Resolves to the failures. */
const smokeApp = async (appDir, options) => {
  const port = await freePort();
  const logFile = path.join(appDir, `start-${port}.log`);
  fs.rmSync(path.join(appDir, '.tmp'), { recursive: true, force: true });
  const child = spawn(
    process.execPath,
    [path.join(appDir, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js'), 'start'],
    {
      cwd: appDir,
      env: { ...process.env, PORT: String(port), NODE_ENV: 'production', STRAPI_TELEMETRY_DISABLED: 'true' },
      stdio: ['ignore', fs.openSync(logFile, 'w'), fs.openSync(logFile, 'a')],
    }
  );
  try {
    const baseUrl = `http://127.0.0.1:${port}`;
    await waitForHealth(baseUrl, child, logFile);
    const { failed } = await runSmoke(baseUrl, { ...options, log: (line) => console.log(line) });
    if (child.exitCode !== null) failed.push({ name: 'Strapi kept running', error: `exited with ${child.exitCode}` });
    if (failed.length > 0) console.log(`--- end of ${logFile}\n${tail(logFile)}`);
    return failed;
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', resolve)));
  }
};

(async () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'trust-labels-pack-'));
  let ok = false;
  try {
    say('building and packing the plugin');
    buildPlugin({ quiet: true });
    const tarball = path.join(
      work,
      execFileSync('npm', ['pack', '--silent', '--ignore-scripts', '--pack-destination', work], {
        cwd: REPO,
        encoding: 'utf8',
      })
        .trim()
        .split('\n')
        .pop()
    );
    const listing = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' })
      .split('\n')
      .map((line) => line.replace(/^package\//, ''));
    say(
      `packed ${path.basename(tarball)} (${Math.round(fs.statSync(tarball).size / 1024)} kB, ${listing.filter(Boolean).length} files)`
    );
    for (const required of [
      'dist/server/index.js',
      'dist/admin/index.mjs',
      'dist/client/index.mjs',
      'dist/client/index.js',
      'dist/client/index.d.ts',
      'dist/react/index.mjs',
      'dist/react/index.js',
      'dist/react/index.d.ts',
      'package.json',
      'README.md',
      'LICENSE',
      'CHANGELOG.md',
    ]) {
      if (!listing.includes(required)) throw new Error(`the tarball lacks ${required}`);
    }
    const stray = listing.filter((file) => /^(playground|tests|node_modules|server|admin|shared)\//.test(file));
    if (stray.length > 0)
      throw new Error(`the tarball must hold only dist/ and docs, not ${stray.slice(0, 5).join(', ')}`);
    const adminFiles = fs.readdirSync(path.join(REPO, 'dist', 'admin')).filter((file) => /\.m?js$/.test(file));
    const nodeOnly = adminFiles.filter((file) =>
      NODE_ONLY.test(fs.readFileSync(path.join(REPO, 'dist', 'admin', file), 'utf8'))
    );
    if (nodeOnly.length > 0) throw new Error(`the admin bundle imports a Node-only module: ${nodeOnly.join(', ')}`);
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
    if (pkg.dependencies && Object.keys(pkg.dependencies).length > 0) {
      throw new Error(
        `the plugin must not add dependencies to the host app: ${Object.keys(pkg.dependencies).join(', ')}`
      );
    }

    const apps = VERSIONS.map((version) => ({ version, dir: path.join(work, `strapi-${version}`) }));
    for (const app of apps) writeFreshApp(app.dir, { strapiVersion: app.version, tarball });
    say(
      `installing the tarball into fresh Strapi ${VERSIONS.join(', ')} apps with npm install, in parallel (better-sqlite3 compiles in each: a few minutes)`
    );
    await Promise.all(
      apps.map(async (app) => {
        await run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], {
          cwd: app.dir,
          logFile: path.join(app.dir, 'install.log'),
        });
        say(`  installed Strapi ${app.version}`);
      })
    );

    for (const app of apps) {
      say(`Strapi ${app.version}: one copy of @strapi/utils?`);
      const copies = installedCopies(app.dir, '@strapi/utils');
      console.log(`  ${copies.join('\n  ')}`);
      if (copies.length !== 1)
        throw new Error(`Strapi ${app.version}: expected one @strapi/utils, found ${copies.length}`);
      const designSystem = installedCopies(app.dir, '@strapi/design-system');
      if (designSystem.length !== 1)
        throw new Error(`Strapi ${app.version}: expected one @strapi/design-system, found ${designSystem.join(', ')}`);

      say(`Strapi ${app.version}: the client and react exports, from the app (require, import, react-dom/server)`);
      const frontEnd = checkFrontEndExports(app.dir);
      if (frontEnd.length > 0)
        throw new Error(`Strapi ${app.version}: ${frontEnd.map((f) => `${f.name}: ${f.error}`).join('; ')}`);

      say(`Strapi ${app.version}: building the admin panel with the plugin`);
      const buildLog = path.join(app.dir, 'build.log');
      await run(
        process.execPath,
        [path.join(app.dir, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js'), 'build'],
        {
          cwd: app.dir,
          logFile: buildLog,
          env: { NODE_ENV: 'production', STRAPI_TELEMETRY_DISABLED: 'true' },
        }
      ).catch((error) => {
        throw new Error(`${error.message}\n${tail(buildLog)}`);
      });
      // A JavaScript app builds its admin into build/, a TypeScript one into dist/build/.
      const outputs = [path.join(app.dir, 'build'), path.join(app.dir, 'dist', 'build')].filter((dir) =>
        fs.existsSync(dir)
      );
      const built =
        outputs.length > 0 &&
        spawnSync('grep', ['-rlsF', 'trust-labels', ...outputs], { encoding: 'utf8' }).stdout.trim();
      if (!built)
        throw new Error(
          `Strapi ${app.version}: the admin build (${outputs.join(', ') || 'none'}) does not contain the plugin`
        );

      say(`Strapi ${app.version}: HTTP smoke suite`);
      const failed = await smokeApp(app.dir, { hostChecks: true });
      if (failed.length > 0)
        throw new Error(
          `Strapi ${app.version}: ${failed.length} smoke check(s) failed: ${failed.map((f) => f.name).join('; ')}`
        );
    }

    const newest = apps[apps.length - 1];
    say(`Strapi ${newest.version} with its own top-level @strapi/utils ${FOREIGN_UTILS} (a second copy on purpose)`);
    await run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', `@strapi/utils@${FOREIGN_UTILS}`], {
      cwd: newest.dir,
      logFile: path.join(newest.dir, 'install-foreign.log'),
    });
    const copies = installedCopies(newest.dir, '@strapi/utils');
    console.log(`  ${copies.join('\n  ')}`);
    if (new Set(copies.map((copy) => copy.split('@').pop())).size < 2)
      throw new Error('the foreign @strapi/utils did not give two versions');
    // Strapi's own errors are broken in such an app (its packages no longer share one copy): only the plugin's
    // routes and the publish gate are checked.
    const failed = await smokeApp(newest.dir, { hostChecks: false });
    if (failed.length > 0)
      throw new Error(
        `foreign @strapi/utils: ${failed.length} smoke check(s) failed: ${failed.map((f) => f.name).join('; ')}`
      );

    ok = true;
    say('all packed-install checks passed');
  } catch (error) {
    console.error(`\npack test FAILED: ${error instanceof Error ? error.message : error}`);
  } finally {
    if (process.env.PACK_KEEP === '1') say(`apps kept in ${work}`);
    else fs.rmSync(work, { recursive: true, force: true });
  }
  process.exit(ok ? 0 : 1);
})();
