// Browser test of the review queue (the "Review queue" menu link): Debian's Chromium driven by playwright-core,
// against the playground started with `strapi start` on a fresh seeded database. Run with `npm run test:e2e`
// (files run one after the other). Its own port, so that it never meets the server of admin.e2e.test.js.
// The screenshot of the queue goes to docs/screenshots/review-queue.png.
const assert = require('node:assert/strict');
const { after, before, describe, it } = require('node:test');

const {
  createAdminUser,
  dismissOverlays,
  documentIdBySlug: idBySlug,
  launchBrowser,
  login: loginAs,
  settledScreenshot,
} = require('./browser');
const { startE2eServer } = require('./server');

const ARTICLE = 'api::article.article';
const PORT = Number(process.env.E2E_QUEUE_PORT || 1342);

let server;
let browser;

const login = (email) => loginAs(browser, server.baseUrl, email);
const documentIdBySlug = (slug, locale) => idBySlug(server.baseUrl, slug, locale);

describe('review queue', { timeout: 600_000 }, () => {
  before(async () => {
    server = await startE2eServer({ port: PORT });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('lists the entries that need a person, filters them, and opens one in the Content Manager', async () => {
    const { context, page } = await login('admin@trust-labels.local');
    try {
      // The demo: "How we use AI" was verified, then its body edited (stale, en); the EU AI Act explainer is
      // AI-generated and not verified (en and fr). The Anthropic and council articles are verified or
      // human-written, so they are not in the queue.
      const stale = await documentIdBySlug('how-we-use-ai');
      const generated = await documentIdBySlug('eu-ai-act-transparency');

      await dismissOverlays(page);
      await page.getByRole('link', { name: 'Review queue', exact: true }).click();
      await page.waitForURL((url) => url.pathname.endsWith('/admin/plugins/trust-labels'));
      await dismissOverlays(page);
      await page.getByRole('heading', { name: 'Review queue' }).waitFor();
      const table = page.getByTestId('trust-queue');
      await table.waitFor();

      const counts = page.getByTestId('trust-queue-counts');
      await counts.waitFor();
      assert.equal(
        (await counts.textContent()).trim(),
        '1 entry needs re-verification, 2 AI-written entries are not verified.'
      );

      const staleRow = page.getByTestId(`trust-queue-row-${stale}-en`);
      await staleRow.getByText('How we use AI in our newsroom', { exact: true }).waitFor();
      await staleRow.getByText('Needs re-verification').waitFor();
      await staleRow.getByText('body', { exact: true }).waitFor();
      // The published version is still the verified one.
      await staleRow.getByText('Human Verified').waitFor();

      const generatedRow = page.getByTestId(`trust-queue-row-${generated}-en`);
      await generatedRow.getByText('Five things to know about the new EU AI Act transparency rules').waitFor();
      await generatedRow.getByText('Not verified').first().waitFor();
      await generatedRow.getByText('AI-generated').waitFor();
      await page
        .getByTestId(`trust-queue-row-${generated}-fr`)
        .getByText(/Cinq choses à savoir/)
        .waitFor();

      assert.equal(await table.locator('tbody tr').count(), 3);
      assert.equal(await table.getByText('City council approves the new cycling lanes').count(), 0);
      assert.equal(await table.getByText('Anthropic expands partnership with Google and Broadcom').count(), 0);

      await dismissOverlays(page);
      await settledScreenshot(page, 'review-queue.png');

      // Only the entries that changed since their verification.
      await page.getByRole('combobox', { name: 'Status', exact: true }).click();
      await page.getByRole('option', { name: 'Needs re-verification' }).click();
      await page.waitForURL((url) => url.searchParams.get('status') === 'stale');
      await generatedRow.waitFor({ state: 'detached' });
      await staleRow.waitFor();
      assert.equal(await table.locator('tbody tr').count(), 1);

      // Nothing is stale in French.
      await page.getByRole('combobox', { name: 'Locale', exact: true }).click();
      await page.getByRole('option', { name: /French/ }).click();
      await page.waitForURL((url) => url.searchParams.get('locale') === 'fr');
      await page.getByText('Nothing matches these filters.').waitFor();

      // The filters live in the URL; "Open" leads to the Content Manager's edit view, where the Trust panel
      // shows the entry as needing re-verification.
      await page.goto(`${server.baseUrl}/admin/plugins/trust-labels?status=stale`);
      await dismissOverlays(page);
      await staleRow.getByRole('link', { name: 'Open “How we use AI in our newsroom”' }).click();
      await page.waitForURL(
        (url) =>
          url.pathname.endsWith(`/content-manager/collection-types/${ARTICLE}/${stale}`) &&
          url.searchParams.get('plugins[i18n][locale]') === 'en'
      );
      const panel = page.getByTestId('trust-panel');
      await panel.waitFor();
      await panel.getByText('Needs re-verification').first().waitFor();
    } finally {
      await context.close();
    }
  });

  it('shows the review queue on the homepage: the count, the first entries, a link to the queue', async () => {
    const { context, page } = await login('editor@trust-labels.local');
    try {
      const stale = await documentIdBySlug('how-we-use-ai');
      const generated = await documentIdBySlug('eu-ai-act-transparency');
      await page.goto(`${server.baseUrl}/admin`);
      await dismissOverlays(page);
      const widget = page.getByTestId('trust-widget');
      await widget.waitFor();
      await widget.scrollIntoViewIfNeeded();
      assert.equal((await widget.getByTestId('trust-widget-total').textContent()).trim(), '3 entries need review');
      assert.equal(
        (await widget.getByTestId('trust-widget-counts').textContent()).trim(),
        '1 entry needs re-verification, 2 AI-written entries are not verified.'
      );
      // Published entries first, then the oldest: the stale one, then the AI-generated explainer in both locales.
      await widget.getByTestId(`trust-widget-entry-${stale}-en`).getByText('Needs re-verification').waitFor();
      await widget.getByTestId(`trust-widget-entry-${generated}-en`).getByText('Not verified').waitFor();
      await widget.getByTestId(`trust-widget-entry-${generated}-fr`).waitFor();

      // Strapi's widget frame: its title and the link to the queue page.
      const frame = page
        .locator('section, article, div')
        .filter({ has: page.getByRole('link', { name: 'Open the review queue' }) })
        .filter({ has: widget })
        .last();
      await dismissOverlays(page);
      await settledScreenshot(page, 'homepage-widget.png', { element: frame });

      // An entry opens in the Content Manager; the link opens the queue.
      await widget.getByRole('link', { name: 'How we use AI in our newsroom' }).click();
      await page.waitForURL((url) => url.pathname.endsWith(`/content-manager/collection-types/${ARTICLE}/${stale}`));
      await page.getByTestId('trust-panel').waitFor();
      await page.goBack();
      await page.getByRole('link', { name: 'Open the review queue' }).click();
      await page.waitForURL((url) => url.pathname.endsWith('/admin/plugins/trust-labels'));
      await page.getByTestId('trust-queue').waitFor();
    } finally {
      await context.close();
    }
  });

  it("does not show the widget to a user without the plugin's read permission", async () => {
    // Reads articles in the Content Manager, nothing of the plugin.
    await createAdminUser(server.baseUrl, {
      email: 'reader@trust-labels.local',
      roleName: 'Article reader',
      permissions: [
        {
          action: 'plugin::content-manager.explorer.read',
          subject: ARTICLE,
          properties: { fields: ['title'], locales: ['en'] },
          conditions: [],
        },
      ],
    });
    const { context, page } = await login('reader@trust-labels.local');
    try {
      await page.goto(`${server.baseUrl}/admin`);
      await dismissOverlays(page);
      await page.getByRole('heading', { name: /^Hello Rita/ }).waitFor();
      await page.getByText('reader@trust-labels.local').first().waitFor();
      // Strapi shows a widget's frame while it checks the permissions, then drops the widgets the user may not see.
      await page.getByText('Review queue', { exact: true }).waitFor({ state: 'detached', timeout: 15_000 });
      assert.equal(await page.getByTestId('trust-widget').count(), 0);
      assert.equal(await page.getByRole('link', { name: 'Open the review queue' }).count(), 0);
    } finally {
      await context.close();
    }
  });
});
