// The benchmark's Strapi app: a copy of the playground in bench/.app (inside the repository, so that it resolves the
// repository's node_modules), plus one content type the playground does not have: `handmade`, an article whose
// trust labels are an ordinary Strapi component with the same fields as the plugin's, read with `populate`. That
// is what a Strapi user would build by hand without the plugin, and what the plugin's read path is compared with.
const fs = require('fs');
const path = require('path');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const PLAYGROUND_DIR = path.join(REPO_ROOT, 'playground');
const APP_DIR = path.join(REPO_ROOT, 'bench', '.app');

const COPIED = ['config', 'src', 'public', 'package.json', 'tsconfig.json', 'favicon.png'];

const write = (file, value) => {
  fs.mkdirSync(path.dirname(path.join(APP_DIR, file)), { recursive: true });
  fs.writeFileSync(path.join(APP_DIR, file), typeof value === 'string' ? value : JSON.stringify(value, null, 2));
};

// The 3 sources the seed gives article i, and the public trust object A answers for it (its disclaimer and
// disclosure of A's size). Setup E builds this object in memory per article (the middleware below embeds these two
// functions' source), setup F stores it in the article's row (serve.js): one definition, so both carry A's bytes.
const sourcesOf = (i) =>
  [1, 2, 3].map((n) => ({
    title: `Source ${n} of article ${i}`,
    url: `https://example.com/${i}/${n}`,
    publisher: 'Example',
    accessedAt: '2026-11-01',
  }));

const publicTrustOf = (i) => {
  const aiInvolvement = ['unknown', 'none', 'assisted', 'generated'][i % 4];
  return {
    status: 'unverified',
    verifiedAt: null,
    verifiedBy: null,
    aiInvolvement,
    disclaimer:
      aiInvolvement === 'none'
        ? null
        : 'While we strive for accuracy, this site can make mistakes. Please verify important information independently.',
    sources: sourcesOf(i),
    disclosure: {
      value: aiInvolvement === 'none' ? 'human-only' : aiInvolvement === 'unknown' ? null : 'ai-autonomous',
      labelRequired: aiInvolvement === 'assisted' || aiInvolvement === 'generated',
    },
  };
};

const TRUST_BYTES_MIDDLEWARE = `
const sourcesOf: (i: number) => unknown[] = ${sourcesOf.toString()};
const publicTrustOf: (i: number) => unknown = ${publicTrustOf.toString()};
export default () => async (ctx: any, next: () => Promise<unknown>) => {
  await next();
  if (ctx.path !== '/api/articles' || !Array.isArray(ctx.body?.data)) return;
  for (const entry of ctx.body.data) entry.trust = publicTrustOf(Number(String(entry.title).replace('Article ', '')));
};
`;

async function prepareBenchApp() {
  fs.rmSync(APP_DIR, { recursive: true, force: true });
  fs.mkdirSync(APP_DIR, { recursive: true });
  for (const entry of COPIED) {
    fs.cpSync(path.join(PLAYGROUND_DIR, entry), path.join(APP_DIR, entry), {
      recursive: true,
      filter: (source) => !/[\\/](dist|\.tmp|types)([\\/]|$)/.test(path.relative(PLAYGROUND_DIR, source)),
    });
  }
  write('src/components/handmade/source.json', {
    collectionName: 'components_handmade_sources',
    info: { displayName: 'Source' },
    attributes: {
      title: { type: 'text' },
      url: { type: 'text' },
      publisher: { type: 'string' },
      accessedAt: { type: 'date' },
    },
  });
  write('src/components/handmade/labels.json', {
    collectionName: 'components_handmade_labels',
    info: { displayName: 'Labels' },
    attributes: {
      status: { type: 'enumeration', enum: ['unverified', 'verified', 'stale'], default: 'unverified' },
      verifiedAt: { type: 'datetime' },
      aiInvolvement: { type: 'enumeration', enum: ['unknown', 'none', 'assisted', 'generated'], default: 'unknown' },
      disclaimerMode: { type: 'enumeration', enum: ['default', 'custom', 'off'], default: 'default' },
      disclaimerText: { type: 'text' },
      verifiedByName: { type: 'string' },
      sources: { type: 'component', component: 'handmade.source', repeatable: true },
    },
  });
  const article = JSON.parse(
    fs.readFileSync(path.join(PLAYGROUND_DIR, 'src/api/article/content-types/article/schema.json'), 'utf8')
  );
  const { category: _category, ...attributes } = article.attributes;
  write('src/api/handmade/content-types/handmade/schema.json', {
    ...article,
    collectionName: 'handmades',
    info: { singularName: 'handmade', pluralName: 'handmades', displayName: 'Handmade' },
    attributes: {
      ...attributes,
      labels: {
        type: 'component',
        component: 'handmade.labels',
        repeatable: false,
        pluginOptions: { i18n: { localized: true } },
      },
    },
  });
  // Setup F: an article whose public trust object is stored in its own row, as a JSON attribute, so that Strapi's
  // own SELECT of the page reads it: no query of anyone's own, no join. The cheapest any storage of these values
  // can be; it gives up filtering on trust fields (the content API offers `filters[trust][status]`,
  // docs/front-end.md#what-api-consumers-get).
  write('src/api/inrow/content-types/inrow/schema.json', {
    ...article,
    collectionName: 'inrows',
    info: { singularName: 'inrow', pluralName: 'inrows', displayName: 'In row' },
    attributes: { ...attributes, trust: { type: 'json', pluginOptions: { i18n: { localized: true } } } },
  });
  for (const type of ['handmade', 'inrow']) {
    for (const [kind, factory] of [
      ['routes', 'createCoreRouter'],
      ['controllers', 'createCoreController'],
      ['services', 'createCoreService'],
    ]) {
      write(
        `src/api/${type}/${kind}/${type}.ts`,
        `import { factories } from '@strapi/strapi';\nexport default factories.${factory}('api::${type}.${type}');\n`
      );
    }
  }
  // Setup E's middleware (bench/reads.js): with BENCH_TRUST_BYTES=true, every article of a content API list gets a
  // trust object of the same shape and size as A's, built in memory: no query, no plugin. What answering these
  // bytes costs at the least, whoever builds them.
  write('src/middlewares/trust-bytes.ts', `${TRUST_BYTES_MIDDLEWARE}`);
  const middlewares = fs.readFileSync(path.join(APP_DIR, 'config/middlewares.ts'), 'utf8');
  write(
    'config/middlewares.ts',
    middlewares.replace(
      "'strapi::public',",
      "'strapi::public',\n  ...(env.bool('BENCH_TRUST_BYTES', false) ? ['global::trust-bytes'] : []),"
    )
  );
  const { compileStrapi } = require('@strapi/strapi');
  await compileStrapi({ appDir: APP_DIR });
  return APP_DIR;
}

module.exports = { REPO_ROOT, APP_DIR, prepareBenchApp, sourcesOf, publicTrustOf };
