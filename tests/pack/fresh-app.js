// Writes a brand-new Strapi 5 app, as a user would have it, with the packed plugin as a dependency. Not the
// playground: its dependency tree is what plain `npm install` gives a user of that Strapi version.
const fs = require('fs');
const path = require('path');

/**
 * @param {string} dir the app folder (created)
 * @param {{ strapiVersion: string, tarball: string, extraDependencies?: Record<string, string> }} options
 */
function writeFreshApp(dir, { strapiVersion, tarball, extraDependencies = {} }) {
  const write = (file, text) => {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  };
  write(
    'package.json',
    JSON.stringify(
      {
        name: `fresh-strapi-${strapiVersion.replace(/\W/g, '-')}`,
        private: true,
        version: '0.0.0',
        scripts: { build: 'strapi build', start: 'strapi start' },
        dependencies: {
          '@strapi/strapi': strapiVersion,
          '@strapi/plugin-users-permissions': strapiVersion,
          'better-sqlite3': '12.4.1',
          react: '^18.3.1',
          'react-dom': '^18.3.1',
          'react-router-dom': '^6.30.3',
          'styled-components': '^6.1.19',
          'strapi-plugin-trust-labels': `file:${tarball}`,
          ...extraDependencies,
        },
        engines: { node: '>=20.0.0' },
      },
      null,
      2
    )
  );
  write(
    'config/server.js',
    "module.exports = ({ env }) => ({ host: '127.0.0.1', port: env.int('PORT', 1338), app: { keys: ['fresh-a', 'fresh-b'] }, logger: { updates: { enabled: false } } });\n"
  );
  write(
    'config/admin.js',
    "module.exports = () => ({ auth: { secret: 'fresh-admin-secret' }, apiToken: { salt: 'fresh-api-token-salt' }, transfer: { token: { salt: 'fresh-transfer-salt' } }, secrets: { encryptionKey: 'fresh-encryption-key-0123456789' }, autoOpen: false, flags: { nps: false, promoteEE: false } });\n"
  );
  write(
    'config/database.js',
    "const path = require('path');\nmodule.exports = () => ({ connection: { client: 'sqlite', connection: { filename: path.join(__dirname, '..', '.tmp', 'data.db') }, useNullAsDefault: true } });\n"
  );
  write(
    'config/plugins.js',
    "module.exports = () => ({\n  'users-permissions': { config: { jwtSecret: 'fresh-jwt-secret' } },\n  'trust-labels': { enabled: true, config: { contentTypes: ['api::post.post'] } },\n});\n"
  );
  const localized = { i18n: { localized: true } };
  const api = (name, schema) => {
    write(`src/api/${name}/content-types/${name}/schema.json`, JSON.stringify(schema, null, 2));
    for (const [kind, factory] of [
      ['routes', 'createCoreRouter'],
      ['controllers', 'createCoreController'],
      ['services', 'createCoreService'],
    ]) {
      write(
        `src/api/${name}/${kind}/${name}.js`,
        `const { factories } = require('@strapi/strapi');\nmodule.exports = factories.${factory}('api::${name}.${name}');\n`
      );
    }
  };
  api('post', {
    kind: 'collectionType',
    collectionName: 'posts',
    info: { singularName: 'post', pluralName: 'posts', displayName: 'Post' },
    options: { draftAndPublish: true },
    pluginOptions: localized,
    attributes: {
      title: { type: 'string', pluginOptions: localized },
      body: { type: 'text', pluginOptions: localized },
    },
  });
  // A type the Public role may not read: its routes must still answer 403 (and 404) with the plugin installed.
  api('secret', {
    kind: 'collectionType',
    collectionName: 'secrets',
    info: { singularName: 'secret', pluralName: 'secrets', displayName: 'Secret' },
    options: { draftAndPublish: false },
    attributes: { title: { type: 'string' } },
  });
  write('src/index.js', 'module.exports = { register() {}, bootstrap() {} };\n');
  write('src/admin/app.js', 'export default { config: { locales: ["fr"] }, bootstrap() {} };\n');
  write('public/uploads/.gitkeep', '');
}

module.exports = { writeFreshApp };
