import path from 'path';

import type { Core } from '@strapi/strapi';

/**
 * The demo's reader pages: each seeded article as a reader sees it, with the labels the plugin's front-end renderer
 * (strapi-plugin-trust-labels/client) draws from the content API's `trust` object, the way any front end would: a
 * request to the public content API, then `renderTrustLabels`. No front-end framework.
 *
 * - GET /read                          the articles, per locale, with links
 * - GET /read/:slug?locale=fr          one published article
 * - GET /read/:slug?status=draft&secret=…  its draft: what the edit view's Preview shows (config/admin.ts). The
 *   secret (PREVIEW_SECRET) keeps drafts from the public, as Strapi's Preview documentation advises.
 */

export const PREVIEW_SECRET = process.env.PREVIEW_SECRET ?? 'playground-preview-secret';

const pluginRoot =
  process.env.TRUST_LABELS_PLUGIN_ROOT ??
  path.resolve(__dirname, '..', '..', ...(path.basename(path.dirname(__dirname)) === 'dist' ? ['..'] : []));

/** The built renderer (npm run build puts it in dist/client), loaded as a front end would load the package's export. */
const renderer = (): {
  renderTrustLabels: (trust: unknown, options: { locale?: string; headingLevel?: number }) => string;
  TRUST_LABELS_CSS: string;
  escapeHtml: (value: unknown) => string;
} =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the built CommonJS bundle, from a path
  require(path.join(pluginRoot, 'dist', 'client', 'index.js'));

const LOCALES = ['en', 'fr'];

const page = ({
  title,
  lang,
  body,
  disclosure,
}: {
  title: string;
  lang: string;
  body: string;
  disclosure?: string | null;
}) => {
  const { TRUST_LABELS_CSS, escapeHtml } = renderer();
  return (
    `<!doctype html><html lang="${escapeHtml(lang)}"><head><meta charset="utf-8">` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    (disclosure ? `<meta name="ai-disclosure" content="${escapeHtml(disclosure)}">` : '') +
    `<title>${escapeHtml(title)}</title><style>` +
    'body{margin:0;background:#fff;color:#1f2328;font:18px/1.6 Georgia,"DejaVu Serif",serif}' +
    'main{max-width:42rem;margin:0 auto;padding:2rem 1.25rem 4rem}h1{line-height:1.25;font-size:2rem;margin:0 0 1rem}' +
    '.site{font:600 15px/1.4 system-ui,sans-serif;color:#57606a;margin:0 0 2rem}.site a{color:inherit}' +
    '.draft{font:600 15px/1.4 system-ui,sans-serif;background:#fff8c5;border:1px solid #d4a72c;padding:.5rem .75rem;margin:0 0 1.5rem}' +
    'a{color:#0550ae}.trust-labels{font-size:16px}' +
    `${TRUST_LABELS_CSS}</style></head><body><main>${body}</main></body></html>`
  );
};

const send = (ctx: any, status: number, html: string) => {
  ctx.status = status;
  ctx.type = 'text/html; charset=utf-8';
  ctx.set('Cache-Control', 'no-store');
  ctx.body = html;
};

export function registerReaderPages(strapi: Core.Strapi) {
  const api = () => `http://127.0.0.1:${strapi.config.get('server.port')}/api`;

  const list = async (ctx: any) => {
    const { escapeHtml } = renderer();
    const sections: string[] = [];
    for (const locale of LOCALES) {
      const res = await fetch(`${api()}/articles?locale=${locale}&sort=id:asc&fields[0]=title&fields[1]=slug`);
      const body: any = await res.json();
      const items = (body.data ?? [])
        .filter((article: any) => article.slug)
        .map(
          (article: any) =>
            `<li><a href="/read/${encodeURIComponent(article.slug)}?locale=${locale}">${escapeHtml(article.title)}</a></li>`
        );
      sections.push(`<h2>${locale === 'fr' ? 'Français' : 'English'}</h2><ul lang="${locale}">${items.join('')}</ul>`);
    }
    send(
      ctx,
      200,
      page({
        title: 'Trust Labels demo: articles',
        lang: 'en',
        body: `<h1>Articles as readers see them</h1>${sections.join('')}`,
      })
    );
  };

  const read = async (ctx: any) => {
    const { renderTrustLabels, escapeHtml } = renderer();
    const slug = String(ctx.params.slug ?? '');
    const locale = LOCALES.includes(String(ctx.query.locale)) ? String(ctx.query.locale) : 'en';
    const draft = ctx.query.status === 'draft';
    if (draft && ctx.query.secret !== PREVIEW_SECRET) {
      send(
        ctx,
        401,
        page({
          title: 'Preview',
          lang: 'en',
          body: '<h1>Preview</h1><p>Drafts are shown only from the admin panel’s Preview.</p>',
        })
      );
      return;
    }
    const query = new URLSearchParams({
      locale,
      'filters[slug][$eq]': slug,
      status: draft ? 'draft' : 'published',
      populate: '*',
    });
    const res = await fetch(`${api()}/articles?${query}`);
    const body: any = await res.json();
    const article = body.data?.[0];
    if (!article) {
      send(
        ctx,
        404,
        page({ title: 'Not found', lang: locale, body: '<h1>Not found</h1><p><a href="/read">All articles</a></p>' })
      );
      return;
    }
    const paragraphs = String(article.body ?? '')
      .split(/\n\s*\n/)
      .filter((text) => text.trim() !== '')
      .map((text) => `<p>${escapeHtml(text)}</p>`)
      .join('');
    const labels = renderTrustLabels(article.trust, { locale, headingLevel: 2 });
    send(
      ctx,
      200,
      page({
        title: article.title,
        lang: locale,
        disclosure: article.trust?.disclosure?.value ?? null,
        body:
          '<p class="site"><a href="/read">bytevyte</a> · Trust Labels demo</p>' +
          (draft ? `<p class="draft">${locale === 'fr' ? 'Aperçu du brouillon' : 'Preview of the draft'}</p>` : '') +
          `<article><h1>${escapeHtml(article.title)}</h1>${paragraphs}${labels}</article>`,
      })
    );
  };

  strapi.server.routes([
    { method: 'GET', path: '/read', handler: list, config: { auth: false } },
    { method: 'GET', path: '/read/:slug', handler: read, config: { auth: false } },
  ] as any);
}
