// Browser tests of the admin panel: Debian's Chromium driven by playwright-core, against the playground
// started with `strapi start` on a fresh seeded database. Run with `npm run test:e2e`.
// Screenshots of the side panel, the list view and the settings page go to docs/screenshots/.
const assert = require('node:assert/strict');
const path = require('path');
const { after, before, describe, it } = require('node:test');

const { dismissOverlays, documentIdBySlug: idBySlug, launchBrowser, login: loginAs, settledScreenshot } = require('./browser');
const { startE2eServer } = require('./server');

const ARTICLE = 'api::article.article';
// The review checks of the verify dialogs (side panel and bulk actions), by their accessible names.
const REVIEW_CHECKS = ['Accuracy: the facts are right', 'Plausibility: the claims make sense', 'Sources: the sources support the text'];

/**
 * Ticks every review check of a verify dialog. With `required`, first asserts that its Verify button stays disabled
 * until they are (all three are required by default).
 */
async function tickReviewChecks(dialog, { required = false } = {}) {
  const confirm = dialog.getByRole('button', { name: 'Verify', exact: true });
  await dialog.getByRole('checkbox', { name: REVIEW_CHECKS[0], exact: true }).waitFor();
  if (required) assert.equal(await confirm.isDisabled(), true, 'Verify is enabled before the checks are ticked');
  for (const name of REVIEW_CHECKS) await dialog.getByRole('checkbox', { name, exact: true }).check();
  assert.equal(await confirm.isEnabled(), true, 'Verify is still disabled after ticking the checks');
}

let server;
let browser;

const login = (email) => loginAs(browser, server.baseUrl, email);
const documentIdBySlug = (slug, locale) => idBySlug(server.baseUrl, slug, locale);

async function openArticle(page, documentId, locale = 'en') {
  await page.goto(`${server.baseUrl}/admin/content-manager/collection-types/${ARTICLE}/${documentId}?plugins[i18n][locale]=${locale}`);
  await dismissOverlays(page);
  const panel = page.getByTestId('trust-panel');
  await panel.waitFor();
  return panel;
}

describe('admin panel', { timeout: 600_000 }, () => {
  before(async () => {
    server = await startE2eServer();
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('lets an Editor add sources, set a custom disclaimer, verify, and see the badge withdrawn after a title edit', async () => {
    const { context, page } = await login('editor@trust-labels.local');
    try {
      const documentId = await documentIdBySlug('how-we-use-ai');
      const panel = await openArticle(page, documentId);
      await assert.doesNotReject(panel.getByText('Needs re-verification').first().waitFor());

      // Two sources: the first with a javascript: URL, rejected inline before anything is sent.
      for (let i = 0; i < 2; i += 1) await panel.getByRole('button', { name: 'Add a source' }).click();
      const sources = panel.getByTestId('trust-source');
      assert.equal(await sources.count(), 3);
      await sources.nth(1).getByLabel('Title').fill('AI Act, Article 50');
      await sources.nth(1).getByLabel('URL').fill('javascript:alert(1)');
      await sources.nth(2).getByLabel('Title').fill('Newsroom AI guidelines');
      await sources.nth(2).getByLabel('URL').fill('https://example.org/guidelines');
      await sources.nth(2).getByLabel('Publisher').fill('Example Press');
      await panel.getByRole('button', { name: 'Save trust labels' }).click();
      await panel.getByText('url must start with http:// or https://').waitFor();
      await sources.nth(1).getByLabel('URL').fill('https://eur-lex.europa.eu/eli/reg/2024/1689/oj');

      // Custom disclaimer with a live preview.
      await panel.getByRole('combobox', { name: 'Disclaimer' }).click();
      await page.getByRole('option', { name: 'Custom text' }).click();
      await panel.getByLabel('Custom disclaimer').fill('Drafted with AI help at {siteName}, checked by our editors.');
      await panel.getByTestId('trust-disclaimer-preview').getByText('Drafted with AI help at Bytevyte, checked by our editors.').waitFor();
      await panel.getByRole('button', { name: 'Save trust labels' }).click();
      await page.getByText('Trust labels saved').first().waitFor();

      const res = await fetch(`${server.baseUrl}/api/articles/${documentId}?locale=en&status=draft`);
      const saved = (await res.json()).data.trust;
      assert.equal(saved.sources.length, 3);
      assert.equal(saved.sources[1].url, 'https://eur-lex.europa.eu/eli/reg/2024/1689/oj');
      assert.equal(saved.disclaimer, 'Drafted with AI help at Bytevyte, checked by our editors.');

      // Verify, with a confirmation: the review checks (required) and a note.
      await panel.getByRole('button', { name: 'Verify', exact: true }).click();
      const dialog = page.getByRole('alertdialog');
      await tickReviewChecks(dialog, { required: true });
      await dialog.getByLabel('Note').fill('Checked all three sources.');
      await settledScreenshot(page, 'verify-dialog.png');
      await dialog.getByRole('button', { name: 'Verify', exact: true }).click();
      await panel.getByTestId('trust-status-badge').and(page.locator('[data-status="verified"]')).waitFor();
      await panel.getByText('Verified by Eddie Editor').waitFor();
      await panel.getByTestId('trust-checked').getByText('Checked: accuracy, plausibility, sources').waitFor();
      // One action at a time: a verified draft offers Unverify only.
      await panel.getByRole('button', { name: 'Unverify', exact: true }).waitFor();
      assert.equal(await panel.getByRole('button', { name: 'Verify', exact: true }).count(), 0);
      await settledScreenshot(page, 'side-panel-verified.png', { fullPage: true });

      // Editing the title makes the verification stale, and the panel names the field.
      await page.locator('input[name="title"]').fill('How we use AI in the newsroom (2026 update)');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await panel.getByTestId('trust-changed-fields').getByText('title').waitFor();
      await panel.getByText('Needs re-verification').first().waitFor();
      assert.equal(await panel.getByRole('button', { name: 'Unverify', exact: true }).count(), 0);
      await settledScreenshot(page, 'side-panel-stale.png', { fullPage: true });

      // "Show changes": the title word by word since the verification, "our" deleted, "the" and "(2026 update)" inserted.
      await panel.getByRole('button', { name: 'Show changes' }).click();
      const changes = page.getByRole('dialog', { name: 'Changes since the last verification' });
      const title = changes.getByTestId('trust-diff-title');
      await title.getByRole('heading', { name: 'Title' }).waitFor();
      await title.locator('del', { hasText: /^our$/ }).waitFor();
      await title.locator('ins', { hasText: /^the$/ }).waitFor();
      await title.locator('ins', { hasText: '(2026 update)' }).waitFor();
      await settledScreenshot(page, 'diff-modal.png');
      await changes.getByRole('button', { name: 'Close', exact: true }).click();
      await changes.waitFor({ state: 'hidden' });
    } finally {
      await context.close();
    }
  });

  it('refreshes the entry after a label save: Publish becomes enabled without a reload', async () => {
    const { context, page } = await login('editor@trust-labels.local');
    try {
      // Published and unchanged since: nothing to publish.
      const panel = await openArticle(page, await documentIdBySlug('city-council-cycling-lanes'));
      const publish = page.getByRole('button', { name: 'Publish', exact: true });
      await publish.waitFor();
      assert.equal(await publish.isDisabled(), true);
      await panel.getByRole('combobox', { name: 'AI involvement' }).click();
      await page.getByRole('option', { name: 'AI-assisted' }).click();
      await panel.getByRole('button', { name: 'Save trust labels' }).click();
      await page.getByText('Trust labels saved').first().waitFor();
      // The draft now differs from the published version: the edit view knows it at once.
      await page.waitForFunction(() => {
        const button = [...document.querySelectorAll('button')].find((candidate) => candidate.textContent?.trim() === 'Publish');
        return Boolean(button) && !button.disabled && button.getAttribute('aria-disabled') !== 'true';
      }, undefined, { timeout: 15_000 });
    } finally {
      await context.close();
    }
  });

  it('shows an Author the labels but no Verify button', async () => {
    const { context, page } = await login('author@trust-labels.local');
    try {
      await page.goto(`${server.baseUrl}/admin/content-manager/collection-types/${ARTICLE}/create?plugins[i18n][locale]=en`);
      await dismissOverlays(page);
      await page.locator('input[name="title"]').fill('Written by an author');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.waitForURL((url) => !url.pathname.endsWith('/create'));
      const panel = page.getByTestId('trust-panel');
      await panel.waitFor();
      await panel.getByRole('button', { name: 'Save trust labels' }).waitFor();
      assert.equal(await panel.getByRole('button', { name: 'Verify', exact: true }).count(), 0);
      assert.equal(await panel.getByRole('button', { name: 'Unverify', exact: true }).count(), 0);
      await panel.getByText('Not verified').first().waitFor();
    } finally {
      await context.close();
    }
  });

  it('shows the Trust column in the list view, and bulk-verifies selected entries', async () => {
    const { context, page } = await login('editor@trust-labels.local');
    try {
      await page.goto(`${server.baseUrl}/admin/content-manager/collection-types/${ARTICLE}?plugins[i18n][locale]=en`);
      await dismissOverlays(page);
      await page.locator('thead').getByText('Trust', { exact: true }).waitFor();
      const target = await documentIdBySlug('eu-ai-act-transparency');
      const cell = page.getByTestId(`trust-cell-${target}`);
      await cell.locator('[data-status="unverified"]').waitFor();

      const row = page.getByRole('row').filter({ has: cell });
      const checkbox = row.getByRole('checkbox');
      const bulkVerify = page.getByRole('button', { name: 'Verify', exact: true });
      // The list may re-render while its rows load, dropping a selection made a moment before: let its requests
      // settle, then select again until the bulk action bar shows, at most three times.
      await page.waitForLoadState('networkidle').catch(() => undefined);
      for (let attempt = 1; attempt <= 3; attempt += 1) {
        if (await checkbox.isChecked()) await checkbox.uncheck();
        await checkbox.check();
        if (await bulkVerify.waitFor({ timeout: 15_000 }).then(() => true, () => attempt === 3)) break;
      }
      await bulkVerify.click();
      const dialog = page.getByRole('alertdialog');
      await tickReviewChecks(dialog);
      await dialog.getByRole('button', { name: 'Verify', exact: true }).click();
      await page.getByText('1 of 1 done.').first().waitFor();
      await cell.locator('[data-status="verified"]').waitFor();
      await dismissOverlays(page);
      await settledScreenshot(page, 'list-view.png');
    } finally {
      await context.close();
    }
  });

  it('saves a French disclaimer in Settings → Trust Labels', async () => {
    const { context, page } = await login('admin@trust-labels.local');
    try {
      await page.goto(`${server.baseUrl}/admin/settings/trust-labels`);
      await dismissOverlays(page);
      await page.getByRole('heading', { name: 'Trust Labels' }).waitFor();
      await page.getByRole('combobox', { name: 'Locale' }).click();
      await page.getByRole('option', { name: /French/ }).click();
      const generated = page.getByLabel('Disclaimer when AI involvement is “AI-generated”');
      await generated.fill('Article généré par IA chez {siteName}, relu par la rédaction.');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByText('Settings saved').first().waitFor();
      await page.evaluate(() => window.scrollTo(0, 0));
      await settledScreenshot(page, 'settings.png', { fullPage: true });

      // Readers of the French AI-generated article now get the new default text.
      const res = await fetch(`${server.baseUrl}/api/articles?locale=fr&filters[trust][aiInvolvement][$eq]=generated`);
      const body = await res.json();
      assert.ok(body.data.length >= 1);
      await page.reload();
      await page.getByRole('combobox', { name: 'Locale' }).click();
      await page.getByRole('option', { name: /French/ }).click();
      assert.equal(await page.getByLabel('Disclaimer when AI involvement is “AI-generated”').inputValue(), 'Article généré par IA chez {siteName}, relu par la rédaction.');
    } finally {
      await context.close();
    }
  });
});
