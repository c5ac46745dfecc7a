import path from 'path';

/**
 * The plugin is loaded from the repository root (its built `dist/`). TRUST_LABELS_CONFIG, a JSON object,
 * replaces the plugin config: the tests use it to start Strapi with bad configs, and the benchmark to
 * compare the plugin enabled for `article` with the plugin enabled only for `page`.
 */
// TRUST_LABELS_PLUGIN_ROOT: where the plugin is, for a copy of this app elsewhere (the benchmark's, bench/.app).
const pluginRoot =
  process.env.TRUST_LABELS_PLUGIN_ROOT ??
  path.resolve(__dirname, '..', '..', ...(path.basename(path.dirname(__dirname)) === 'dist' ? ['..'] : []));

export default ({ env }) => ({
  'users-permissions': {
    config: {
      jwtSecret: env('JWT_SECRET', 'playground-users-permissions-jwt-secret'),
    },
  },
  // GraphQL at /graphql: `trust` is queryable and filterable there too.
  graphql: {
    enabled: true,
    config: {
      defaultLimit: 25,
      maxLimit: 100,
      depthLimit: 10,
    },
  },
  'trust-labels': {
    // TRUST_LABELS_ENABLED=false starts the app without the plugin (a test checks what that leaves).
    enabled: env.bool('TRUST_LABELS_ENABLED', true),
    resolve: pluginRoot,
    config: env.json('TRUST_LABELS_CONFIG', {
      contentTypes: ['api::article.article'],
    }),
  },
});
