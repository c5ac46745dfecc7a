#!/usr/bin/env bash
# Packs the plugin with `npm pack`, installs the tarball into a brand-new Strapi 5.54.0 app (not the
# playground), and checks that the app starts with the plugin loaded (./strapi-server) and that its admin
# panel builds with the plugin's admin bundle (./strapi-admin).
set -euo pipefail

repo="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d -t trust-labels-pack-XXXXXX)"
trap 'rm -rf "$work"' EXIT

echo "== pack-smoke: building and packing the plugin"
cd "$repo"
npx --no-install strapi-plugin build >/dev/null
tarball="$(npm pack --silent --pack-destination "$work" | tail -n 1)"
echo "packed $tarball ($(du -h "$work/$tarball" | cut -f1))"
tar -tzf "$work/$tarball" | sed 's#^package/##' | grep -E '^(dist/server/index.js|dist/admin/index.mjs|package.json|README.md)$' | sort
# Node-only modules must not reach the admin bundle (they break Vite builds of the host app's admin).
if grep -lE "from ['\"](node:)?(fs|path|crypto|os|child_process|async_hooks)['\"]|require\(['\"](node:)?(fs|path|crypto|os|child_process|async_hooks)['\"]\)" "$repo"/dist/admin/*.js "$repo"/dist/admin/*.mjs; then
  echo "the admin bundle imports a Node-only module (files above)" >&2
  exit 1
fi
if tar -tzf "$work/$tarball" | grep -qE '^package/(playground|tests|node_modules)/'; then
  echo "the tarball must not contain playground/, tests/ or node_modules/" >&2
  exit 1
fi

app="$work/app"
mkdir -p "$app/config" "$app/src/api/post/content-types/post" "$app/src/api/post/"{routes,controllers,services} "$app/public/uploads" "$app/src/admin"
cd "$app"
cat > package.json <<JSON
{
  "name": "fresh-strapi-app",
  "private": true,
  "version": "0.0.0",
  "scripts": { "build": "strapi build", "start": "strapi start" },
  "dependencies": {
    "@strapi/strapi": "5.54.0",
    "@strapi/plugin-users-permissions": "5.54.0",
    "better-sqlite3": "12.4.1",
    "react": "^18.3.1",
    "react-dom": "^18.3.1",
    "react-router-dom": "^6.30.3",
    "styled-components": "^6.1.19",
    "strapi-plugin-trust-labels": "file:../$tarball"
  }
}
JSON
cat > config/server.js <<'JS'
module.exports = ({ env }) => ({ host: '127.0.0.1', port: env.int('PORT', 1338), app: { keys: ['a', 'b'] }, logger: { updates: { enabled: false } } });
JS
cat > config/admin.js <<'JS'
module.exports = () => ({ auth: { secret: 's' }, apiToken: { salt: 's' }, transfer: { token: { salt: 's' } }, secrets: { encryptionKey: 'smoke-encryption-key-0123456789' }, autoOpen: false });
JS
cat > config/database.js <<'JS'
module.exports = () => ({ connection: { client: 'sqlite', connection: { filename: '.tmp/data.db' }, useNullAsDefault: true } });
JS
cat > config/plugins.js <<'JS'
module.exports = () => ({
  'users-permissions': { config: { jwtSecret: 'smoke' } },
  'trust-labels': { enabled: true, config: { contentTypes: ['api::post.post'] } },
});
JS
cat > src/api/post/content-types/post/schema.json <<'JSON'
{ "kind": "collectionType", "collectionName": "posts", "info": { "singularName": "post", "pluralName": "posts", "displayName": "Post" },
  "options": { "draftAndPublish": true }, "attributes": { "title": { "type": "string" } } }
JSON
cat > src/api/post/routes/post.js <<'JS'
const { factories } = require('@strapi/strapi');
module.exports = factories.createCoreRouter('api::post.post');
JS
cat > src/api/post/controllers/post.js <<'JS'
const { factories } = require('@strapi/strapi');
module.exports = factories.createCoreController('api::post.post');
JS
cat > src/api/post/services/post.js <<'JS'
const { factories } = require('@strapi/strapi');
module.exports = factories.createCoreService('api::post.post');
JS
echo "module.exports = { register() {}, bootstrap() {} };" > src/index.js

echo "== pack-smoke: installing the tarball into a fresh Strapi 5.54.0 app (better-sqlite3 compiles: ~2 min)"
npm install --no-audit --no-fund --loglevel=error >/dev/null

echo "== pack-smoke: starting the app"
node -e "
const { createStrapi } = require('@strapi/strapi');
(async () => {
  const app = createStrapi({ appDir: process.cwd(), distDir: process.cwd() });
  app.log.level = 'error';
  await app.load();
  const plugin = app.plugin('trust-labels');
  if (!plugin) throw new Error('trust-labels plugin not loaded');
  const config = app.config.get('plugin::trust-labels');
  if (JSON.stringify(config.contentTypes) !== JSON.stringify(['api::post.post'])) throw new Error('unexpected config ' + JSON.stringify(config));
  const actions = app.service('admin::permission').actionProvider.values().map((a) => a.actionId).filter((id) => id.startsWith('plugin::trust-labels.'));
  if (actions.length !== 5) throw new Error('expected 5 RBAC actions, got ' + actions.join(','));
  console.log('plugin loaded; RBAC actions: ' + actions.join(', '));
  await app.destroy();
  process.exit(0);
})().catch((e) => { console.error(e); process.exit(1); });
"

echo "== pack-smoke: building the admin panel with the plugin"
npx --no-install strapi build >/dev/null 2>build.log || { cat build.log >&2; exit 1; }
if ! grep -rqs "trust-labels" dist/build build 2>/dev/null; then
  echo "the admin build does not contain the trust-labels admin bundle" >&2
  exit 1
fi
echo "pack-smoke: OK"
