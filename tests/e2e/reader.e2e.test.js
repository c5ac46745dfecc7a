// Browser tests of what readers see (SPEC.md "What readers see"): the labels drawn by the front-end renderer
// (strapi-plugin-trust-labels/client, built in dist/client) in every state, the demo's reader page, and the edit
// view's Preview showing the draft with its labels. Accessibility: axe-core (tests/package.json) with the WCAG 2.1 A
// and AA rules, zero violations. Screenshots in English, French, Polish and Greek go to docs/screenshots/.
const assert = require('node:assert/strict');
const path = require('path');
const { after, before, describe, it } = require('node:test');

const { adminApi, dismissOverlays, documentIdBySlug, launchBrowser, login, settledScreenshot } = require('./browser');
const { REPO_ROOT, startE2eServer } = require('./server');

const ARTICLE = 'api::article.article';
const STATUSES = ['unverified', 'verified', 'stale'];
const INVOLVEMENTS = ['unknown', 'none', 'assisted', 'generated'];

/** axe-core's source (a test tool of tests/package.json: npm run test:e2e installs it). */
const axeSource = require('fs').readFileSync(
  require.resolve('axe-core/axe.min.js', { paths: [path.join(REPO_ROOT, 'tests')] }),
  'utf8'
);

/** Runs axe-core (WCAG 2.1 A and AA) on the page, or on one element, and answers its violations. */
async function axe(page, selector = null) {
  // Evaluated, not added as a <script>: the demo's pages have Strapi's Content-Security-Policy (no inline scripts).
  if (!(await page.evaluate(() => Boolean(window.axe)))) await page.evaluate(axeSource);
  return page.evaluate(
    async ({ selector }) => {
      const result = await window.axe.run(selector ? document.querySelector(selector) : document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      });
      return result.violations.map(
        (violation) =>
          `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`
      );
    },
    { selector }
  );
}

const client = () => require(path.join(REPO_ROOT, 'dist', 'client', 'index.js'));

const disclosureValue = (status, aiInvolvement) =>
  aiInvolvement === 'none'
    ? 'human-only'
    : aiInvolvement === 'unknown'
      ? null
      : status === 'verified'
        ? 'ai-assisted'
        : 'ai-autonomous';

/** The trust object of the bytevyte article, in one state, with the language's default disclaimer. */
const trustIn = ({ status, aiInvolvement, labelRequired, disclaimer }) => ({
  status,
  verifiedAt: status === 'verified' ? '2026-04-08T09:12:00.000Z' : null,
  verifiedBy: status === 'verified' ? 'Marie Dupont' : null,
  aiInvolvement,
  disclaimer,
  sources: [
    {
      title: 'Anthropic expands partnership with Google and Broadcom',
      url: 'https://www.anthropic.com/news',
      publisher: 'Anthropic',
      accessedAt: '2026-04-06',
    },
    {
      title: 'Google Cloud TPU documentation',
      url: 'https://cloud.google.com/tpu/docs',
      publisher: 'Google Cloud',
      accessedAt: '2026-04-07',
    },
  ],
  disclosure: { value: disclosureValue(status, aiInvolvement), labelRequired },
});

/** A reader's page around some labels: an article's end, in a language, with the renderer's CSS. */
const pageWith = (lang, title, labels) => {
  const { TRUST_LABELS_CSS } = client();
  return (
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${title}</title><style>` +
    'body{margin:0;background:#fff;color:#1f2328;font:18px/1.6 Georgia,"DejaVu Serif",serif}' +
    'main{max-width:40rem;margin:0 auto;padding:1.5rem 1.25rem}h1{font-size:1.6rem;line-height:1.25;margin:0 0 .5rem}' +
    `.trust-labels{font-size:16px}${TRUST_LABELS_CSS}</style></head><body><main>${labels}</main></body></html>`
  );
};

/** The label's parts are on screen at once: no hover, focus or click needed. */
async function expectVisibleWithoutInteraction(page, { ai, verified }) {
  await page.mouse.move(0, 0);
  const visible = async (selector) => {
    if ((await page.locator(selector).count()) === 0) return false;
    const box = await page.locator(selector).first().boundingBox();
    return Boolean(box && box.width > 0 && box.height > 0) && (await page.locator(selector).first().isVisible());
  };
  assert.equal(await visible('.trust-labels__ai .trust-labels__mark'), ai, 'AI mark');
  assert.equal(await visible('.trust-labels__ai-layer'), ai, 'AI label layer');
  assert.equal(await visible('.trust-labels__verified'), verified, 'Human Verified');
  if (ai) {
    // The mark is at least 16 px high at this text size: recognisable, as the Code of Practice asks.
    const box = await page.locator('.trust-labels__mark').first().boundingBox();
    assert.ok(box.height >= 16, `mark height ${box.height}`);
  }
}

let server;
let browser;

describe('what readers see', () => {
  before(async () => {
    server = process.env.E2E_BASE_URL
      ? { baseUrl: process.env.E2E_BASE_URL, stop: async () => undefined }
      : await startE2eServer({ port: 1342 });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the label in every state: visible without interaction, and no WCAG 2.1 A/AA violation', async () => {
    const { renderTrustLabels } = client();
    const { DEFAULT_DISCLAIMERS } = loadWords();
    const context = await browser.newContext({ viewport: { width: 900, height: 900 } });
    const page = await context.newPage();
    try {
      for (const status of STATUSES) {
        for (const aiInvolvement of INVOLVEMENTS) {
          for (const labelRequired of [false, true]) {
            const state = `${status}/${aiInvolvement}/${labelRequired ? 'required' : 'not required'}`;
            const html = renderTrustLabels(
              trustIn({
                status,
                aiInvolvement,
                labelRequired,
                disclaimer: DEFAULT_DISCLAIMERS.en.assisted.replace('{siteName}', 'bytevyte'),
              }),
              { locale: 'en' }
            );
            await page.setContent(pageWith('en', state, `<h1>${state}</h1>${html}`));
            await expectVisibleWithoutInteraction(page, {
              ai: aiInvolvement === 'assisted' || aiInvolvement === 'generated' || labelRequired,
              verified: status === 'verified',
            });
            assert.deepEqual(await axe(page), [], state);
          }
        }
      }
    } finally {
      await context.close();
    }
  });

  it('screenshots in English, French, Polish and Greek (docs/screenshots/reader-labels-*.png)', async () => {
    const { renderTrustLabels } = client();
    const { DEFAULT_DISCLAIMERS, READER_WORDS } = loadWords();
    const titles = {
      en: 'Anthropic expands partnership with Google and Broadcom',
      fr: 'Anthropic élargit son partenariat avec Google et Broadcom',
      pl: 'Anthropic rozszerza partnerstwo z Google i Broadcom',
      el: 'Η Anthropic επεκτείνει τη συνεργασία της με την Google και την Broadcom',
    };
    const context = await browser.newContext({ viewport: { width: 760, height: 600 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    try {
      for (const lang of ['en', 'fr', 'pl', 'el']) {
        const disclaimer = DEFAULT_DISCLAIMERS[lang].assisted.replace('{siteName}', 'bytevyte');
        // The bytevyte article, reviewed; then an AI-generated text nobody reviewed, whose label is required.
        const verified = renderTrustLabels(
          trustIn({ status: 'verified', aiInvolvement: 'assisted', labelRequired: false, disclaimer }),
          { locale: lang }
        );
        const required = renderTrustLabels(
          trustIn({
            status: 'unverified',
            aiInvolvement: 'generated',
            labelRequired: true,
            disclaimer: DEFAULT_DISCLAIMERS[lang].generated,
          }),
          { locale: lang, omit: ['sources'] }
        );
        await page.setContent(
          pageWith(
            lang,
            titles[lang],
            `<h1>${titles[lang]}</h1>${verified}<div style="height:1.5rem"></div>${required}`
          )
        );
        for (const word of [
          READER_WORDS[lang].aiModified,
          READER_WORDS[lang].aiGenerated,
          READER_WORDS[lang].sources,
          READER_WORDS[lang].humanVerified,
        ]) {
          assert.ok(await page.getByText(word, { exact: false }).first().isVisible(), `${lang}: ${word}`);
        }
        assert.deepEqual(await axe(page), [], lang);
        await page
          .locator('main')
          .screenshot({ path: path.join(REPO_ROOT, 'docs', 'screenshots', `reader-labels-${lang}.png`) });
      }
    } finally {
      await context.close();
    }
  });

  it("the demo's reader page shows the seeded bytevyte article with its disclaimer, Sources and ✔ Human Verified", async () => {
    const context = await browser.newContext({ viewport: { width: 1000, height: 700 } });
    const page = await context.newPage();
    try {
      const list = await page.goto(`${server.baseUrl}/read`);
      assert.equal(list.status(), 200);
      await page.getByRole('link', { name: 'Anthropic expands partnership with Google and Broadcom' }).click();
      await page.waitForURL(/\/read\/anthropic-google-broadcom\?locale=en/);
      const labels = page.locator('section.trust-labels');
      assert.equal(await labels.getAttribute('ai-disclosure'), 'ai-assisted');
      assert.ok(
        await labels.locator('.trust-labels__disclaimer').getByText('While we strive for accuracy').isVisible()
      );
      assert.ok(await labels.getByRole('heading', { name: 'Sources' }).isVisible());
      assert.ok((await labels.locator('ol.trust-labels__sources > li').count()) >= 2);
      assert.match(await labels.locator('.trust-labels__verified').innerText(), /✔ Human Verified · \w+ \d+, \d{4}/);
      await expectVisibleWithoutInteraction(page, { ai: true, verified: true });
      assert.deepEqual(await axe(page), []);
      await page.screenshot({ path: path.join(REPO_ROOT, 'docs', 'screenshots', 'reader-page.png'), fullPage: true });
      // Drafts only with the preview secret.
      assert.equal((await fetch(`${server.baseUrl}/read/anthropic-google-broadcom?status=draft`)).status, 401);
    } finally {
      await context.close();
    }
  });

  it("the edit view's Preview shows the draft's page with its labels", async () => {
    const email = 'editor@trust-labels.local';
    const documentId = await documentIdBySlug(server.baseUrl, 'eu-ai-act-transparency');
    // A change only the draft has: its disclaimer.
    const draftDisclaimer = 'Draft disclaimer, not published yet.';
    await adminApi(server.baseUrl, email, 'PUT', `/trust-labels/documents/${ARTICLE}/${documentId}?locale=en`, {
      disclaimerMode: 'custom',
      disclaimerText: draftDisclaimer,
    });
    const published = await (await fetch(`${server.baseUrl}/read/eu-ai-act-transparency?locale=en`)).text();
    assert.ok(!published.includes(draftDisclaimer), 'the published page shows the draft');
    const { context, page } = await login(browser, server.baseUrl, email);
    try {
      await page.goto(
        `${server.baseUrl}/admin/content-manager/collection-types/${ARTICLE}/${documentId}/preview?plugins[i18n][locale]=en&status=draft`
      );
      await dismissOverlays(page);
      const frame = page.frameLocator('iframe').first();
      await frame.locator('section.trust-labels').waitFor({ timeout: 60_000 });
      assert.ok(await frame.getByText('Preview of the draft').isVisible());
      assert.equal(await frame.locator('.trust-labels__disclaimer').innerText(), draftDisclaimer);
      assert.ok(await frame.locator('.trust-labels__ai-layer').isVisible());
      assert.ok(await frame.getByRole('heading', { name: 'Sources' }).isVisible());
      await settledScreenshot(page, 'preview-labels.png');
    } finally {
      await context.close();
    }
  });
});

/** The words table and default disclaimers from shared/reader-words.ts (TypeScript, compiled on the fly by esbuild). */
function loadWords() {
  const esbuild = require(require.resolve('esbuild', { paths: [REPO_ROOT] }));
  const out = esbuild.buildSync({
    entryPoints: [path.join(REPO_ROOT, 'shared', 'reader-words.ts')],
    bundle: true,
    format: 'cjs',
    platform: 'neutral',
    write: false,
  });
  const module = { exports: {} };
  new Function('module', 'exports', out.outputFiles[0].text)(module, module.exports);
  return module.exports;
}
