// Browser tests of the admin panel: Debian's Chromium driven by playwright-core, against the playground
// started with `strapi start` on a fresh seeded database. Run with `npm run test:e2e`.
// Screenshots of the side panel, the list view and the settings page go to docs/screenshots/.
const assert = require('node:assert/strict');
const { after, before, describe, it } = require('node:test');

const {
  adminApi,
  dismissOverlays,
  documentIdBySlug: idBySlug,
  launchBrowser,
  login: loginAs,
  settledScreenshot,
} = require('./browser');
const { mcpRequest } = require('../helpers/mcp');
const { startE2eServer } = require('./server');

const ARTICLE = 'api::article.article';
// The review checks of the verify dialogs (side panel and bulk actions), by their accessible names.
const REVIEW_CHECKS = [
  'Accuracy: the facts are right',
  'Plausibility: the claims make sense',
  'Sources: the sources support the text',
];
const REVIEW_CHECKS_FR = [
  'Exactitude : les faits sont justes',
  'Plausibilité : les affirmations sont cohérentes',
  'Sources : les sources étayent le texte',
];

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

/** A minimal MCP client over Strapi's endpoint (tests/helpers/mcp.js), with the admin token an agent uses. */
function mcpClient(baseUrl, token) {
  let protocolVersion = '2025-06-18';
  let id = 0;
  const rpc = async (method, params = {}) => {
    const { status, message, text } = await mcpRequest(baseUrl, token, {
      id: (id += 1),
      method,
      params,
      protocolVersion,
    });
    assert.equal(status, 200, `MCP ${method}: ${status} ${text}`);
    assert.equal(message.error, undefined, `MCP ${method}: ${JSON.stringify(message.error)}`);
    return message.result;
  };
  return {
    async initialize() {
      const result = await rpc('initialize', {
        protocolVersion,
        capabilities: {},
        clientInfo: { name: 'trust-labels-browser-test', version: '1.0.0' },
      });
      protocolVersion = result.protocolVersion;
    },
    callTool: (name, args) => rpc('tools/call', { name, arguments: args }),
  };
}

let server;
let browser;

const login = (email) => loginAs(browser, server.baseUrl, email);
const documentIdBySlug = (slug, locale) => idBySlug(server.baseUrl, slug, locale);

async function openArticle(page, documentId, locale = 'en') {
  await page.goto(
    `${server.baseUrl}/admin/content-manager/collection-types/${ARTICLE}/${documentId}?plugins[i18n][locale]=${locale}`
  );
  await dismissOverlays(page);
  const panel = page.getByTestId('trust-panel');
  await panel.waitFor();
  return panel;
}

/** Opens the labels modal from the Trust panel ("Edit labels"). */
async function openLabelsModal(page, panel) {
  await panel.getByRole('button', { name: /^(Edit labels|Modifier les labels)$/ }).click();
  const modal = page.getByTestId('trust-labels-modal');
  await modal.waitFor();
  return modal;
}

/**
 * Picks the 15th of the month the date picker opens on (the current month); answers that day as YYYY-MM-DD, the
 * format the server stores. The 15th appears once in the calendar's six weeks.
 */
async function pickDay15(page, input) {
  await input.click();
  const cell = page.locator('[role="grid"] td[role="gridcell"]').filter({ hasText: /^15$/ });
  await cell.click();
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-15`;
}

describe('admin panel', { timeout: 600_000 }, () => {
  before(async () => {
    // With Strapi's MCP server on, for the test of an AI agent's suggestion.
    server = await startE2eServer({ env: { PLAYGROUND_MCP: 'true' } });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('lets an Editor edit the labels in a modal with live validation, verify, and see the badge withdrawn after a title edit', async () => {
    const { context, page } = await login('editor@trust-labels.local');
    try {
      const documentId = await documentIdBySlug('how-we-use-ai');
      const panel = await openArticle(page, documentId);
      await assert.doesNotReject(panel.getByText('Needs re-verification').first().waitFor());
      // The panel holds a summary, not the form: the labels are edited in the modal.
      await panel.getByTestId('trust-labels-summary').getByText('Our editorial charter').waitFor();
      assert.equal(await panel.getByRole('combobox', { name: 'AI involvement' }).count(), 0);

      const modal = await openLabelsModal(page, panel);
      await modal
        .getByText(
          'Labels are saved on their own, as soon as you click “Save labels”: the entry’s Save button does not save them.'
        )
        .waitFor();
      const saveLabels = modal.getByRole('button', { name: 'Save labels' });
      assert.equal(await saveLabels.isDisabled(), true, 'Save labels is enabled before anything changed');

      // Two sources: the first with a javascript: URL, refused while typing, before anything is sent.
      for (let i = 0; i < 2; i += 1) await modal.getByRole('button', { name: 'Add a source' }).click();
      const sources = modal.getByTestId('trust-source');
      assert.equal(await sources.count(), 3);
      await sources.nth(1).getByLabel('Title').fill('AI Act, Article 50');
      await sources.nth(1).getByLabel('URL').fill('javascript:alert(1)');
      await sources.nth(1).getByText('Must start with http:// or https://.').waitFor();
      assert.equal(await saveLabels.isDisabled(), true, 'Save labels is enabled with an invalid URL');
      await sources.nth(2).getByLabel('Title').fill('Newsroom AI guidelines');
      await sources.nth(2).getByLabel('URL').fill('https://example.org/guidelines');
      await sources.nth(2).getByLabel('Publisher').fill('Example Press');

      // The accessed date with the design system's date picker, in the admin's format (English: MM/DD/YYYY).
      const accessed = sources.nth(2).getByLabel('Accessed on');
      assert.equal(await accessed.getAttribute('placeholder'), 'MM/DD/YYYY');
      const day = await pickDay15(page, accessed);
      assert.equal(await accessed.inputValue(), `${day.slice(5, 7)}/15/${day.slice(0, 4)}`);

      // A custom disclaimer with a live preview; still not savable while the URL is wrong.
      await modal.getByRole('combobox', { name: 'Disclaimer' }).click();
      await page.getByRole('option', { name: 'Custom text' }).click();
      await modal.getByLabel('Custom disclaimer').fill('Drafted with AI help at {siteName}, checked by our editors.');
      await modal
        .getByTestId('trust-disclaimer-preview')
        .getByText('Drafted with AI help at Bytevyte, checked by our editors.')
        .waitFor();
      assert.equal(await saveLabels.isDisabled(), true);
      // The screenshot shows the refused URL and the picked date: the second and third sources.
      await accessed.scrollIntoViewIfNeeded();
      await settledScreenshot(page, 'labels-modal.png', { top: true });

      await sources.nth(1).getByLabel('URL').fill('https://eur-lex.europa.eu/eli/reg/2024/1689/oj');
      await sources.nth(1).getByText('Must start with http:// or https://.').waitFor({ state: 'detached' });
      await page.waitForFunction(() => {
        const button = [...document.querySelectorAll('[data-testid="trust-labels-modal"] button')].find(
          (b) => b.textContent?.trim() === 'Save labels'
        );
        return Boolean(button) && !button.disabled;
      });
      await saveLabels.click();
      await page.getByText('Trust labels saved').first().waitFor();
      await modal.waitFor({ state: 'detached' });

      const res = await fetch(`${server.baseUrl}/api/articles/${documentId}?locale=en&status=draft`);
      const saved = (await res.json()).data.trust;
      assert.equal(saved.sources.length, 3);
      assert.equal(saved.sources[1].url, 'https://eur-lex.europa.eu/eli/reg/2024/1689/oj');
      assert.equal(saved.sources[2].accessedAt, day, 'the date picker stores the calendar day as YYYY-MM-DD');
      assert.equal(saved.disclaimer, 'Drafted with AI help at Bytevyte, checked by our editors.');
      const summary = panel.getByTestId('trust-labels-summary');
      await summary.getByText('3 sources').waitFor();
      await summary.getByText('Newsroom AI guidelines').waitFor();
      await summary.getByText('Drafted with AI help at Bytevyte, checked by our editors.').waitFor();

      // Verify, with a confirmation: the review checks (required) and a note.
      await panel.getByRole('button', { name: 'Verify', exact: true }).click();
      const dialog = page.getByRole('alertdialog');
      await tickReviewChecks(dialog, { required: true });
      await dialog.getByLabel('Note').fill('Checked all three sources.');
      await settledScreenshot(page, 'verify-dialog.png', { top: true });
      await dialog.getByRole('button', { name: 'Verify', exact: true }).click();
      await panel.getByTestId('trust-status-badge').and(page.locator('[data-status="verified"]')).waitFor();
      await panel.getByText('Verified by Eddie Editor').waitFor();
      await panel.getByTestId('trust-checked').getByText('Checked: accuracy, plausibility, sources').waitFor();
      // One action at a time: a verified draft offers Unverify only.
      await panel.getByRole('button', { name: 'Unverify', exact: true }).waitFor();
      assert.equal(await panel.getByRole('button', { name: 'Verify', exact: true }).count(), 0);
      await settledScreenshot(page, 'side-panel-verified.png', { top: true, height: 1400 });

      // Editing the title makes the verification stale, and the panel names the field.
      await page.locator('input[name="title"]').fill('How we use AI in the newsroom (2026 update)');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await panel.getByTestId('trust-changed-fields').getByText('title').waitFor();
      await panel.getByText('Needs re-verification').first().waitFor();
      assert.equal(await panel.getByRole('button', { name: 'Unverify', exact: true }).count(), 0);
      await settledScreenshot(page, 'side-panel-stale.png', { top: true, height: 1400 });

      // "Show changes": the title word by word since the verification, "our" deleted, "the" and "(2026 update)" inserted.
      await panel.getByRole('button', { name: 'Show changes' }).click();
      const changes = page.getByRole('dialog', { name: 'Changes since the last verification' });
      const title = changes.getByTestId('trust-diff-title');
      await title.getByRole('heading', { name: 'Title' }).waitFor();
      await title.locator('del', { hasText: /^our$/ }).waitFor();
      await title.locator('ins', { hasText: /^the$/ }).waitFor();
      await title.locator('ins', { hasText: '(2026 update)' }).waitFor();
      await settledScreenshot(page, 'diff-modal.png', { top: true });
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
      const modal = await openLabelsModal(page, panel);
      await modal.getByRole('combobox', { name: 'AI involvement' }).click();
      await page.getByRole('option', { name: 'AI-assisted' }).click();
      await modal.getByRole('button', { name: 'Save labels' }).click();
      await page.getByText('Trust labels saved').first().waitFor();
      await modal.waitFor({ state: 'detached' });
      await panel.getByTestId('trust-summary-ai').getByText('AI-assisted').waitFor();
      // The verification covered the declared AI involvement: its change withdraws the draft's badge.
      await panel.getByText('Needs re-verification').first().waitFor();
      // The draft now differs from the published version: the edit view knows it at once.
      await page.waitForFunction(
        () => {
          const button = [...document.querySelectorAll('button')].find(
            (candidate) => candidate.textContent?.trim() === 'Publish'
          );
          return Boolean(button) && !button.disabled && button.getAttribute('aria-disabled') !== 'true';
        },
        undefined,
        { timeout: 15_000 }
      );
    } finally {
      await context.close();
    }
  });

  it('shows an Author the labels but no Verify button', async () => {
    const { context, page } = await login('author@trust-labels.local');
    try {
      await page.goto(
        `${server.baseUrl}/admin/content-manager/collection-types/${ARTICLE}/create?plugins[i18n][locale]=en`
      );
      await dismissOverlays(page);
      await page.locator('input[name="title"]').fill('Written by an author');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.waitForURL((url) => !url.pathname.endsWith('/create'));
      const panel = page.getByTestId('trust-panel');
      await panel.waitFor();
      await panel.getByRole('button', { name: 'Edit labels' }).waitFor();
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
        if (
          await bulkVerify.waitFor({ timeout: 15_000 }).then(
            () => true,
            () => attempt === 3
          )
        )
          break;
      }
      await bulkVerify.click();
      const dialog = page.getByRole('alertdialog');
      await tickReviewChecks(dialog);
      await dialog.getByRole('button', { name: 'Verify', exact: true }).click();
      await page.getByText('1 of 1 done.').first().waitFor();
      await cell.locator('[data-status="verified"]').waitFor();
    } finally {
      await context.close();
    }
  });

  it("keeps Strapi's own Status column on screen at 1,440 px", async () => {
    const { context, page } = await login('editor@trust-labels.local');
    try {
      assert.deepEqual(page.viewportSize(), { width: 1440, height: 1000 });
      await page.goto(`${server.baseUrl}/admin/content-manager/collection-types/${ARTICLE}?plugins[i18n][locale]=en`);
      await dismissOverlays(page);
      const header = (name) => page.locator('thead th').filter({ hasText: name });
      await header(/^Trust$/).waitFor();
      const council = page.getByTestId(`trust-cell-${await documentIdBySlug('city-council-cycling-lanes')}`);
      await council.locator('[data-status="verified"]').waitFor();
      // The cell says in words what the icons show. (An earlier test changed the draft's AI involvement, which the
      // verification covered: the draft needs re-verification, the published version is still the verified one.)
      assert.equal(
        await council.getAttribute('aria-label'),
        'Draft: Needs re-verification · Published version: Human Verified'
      );
      const stale = page.getByTestId(`trust-cell-${await documentIdBySlug('how-we-use-ai')}`);
      await stale.getByTestId('trust-status-badge-published').waitFor();

      // The Trust column is about as wide as its header.
      const trust = await header(/^Trust$/).boundingBox();
      assert.ok(trust.width <= 80, `the Trust column is ${trust.width} px wide`);

      // Strapi puts its Status column last, after every injected column. With its default four list fields and the
      // entries in two locales ("Available in" alone is about 300 px), Strapi's own columns are wider than the
      // window even without the Trust column; with three fields, Status fits next to the Trust column.
      await page.getByRole('button', { name: 'View settings' }).click();
      await page.getByRole('checkbox', { name: 'slug', exact: true }).click();
      // The category's relation column too, when the list shows it (its width follows the data of earlier tests).
      const category = page.getByRole('checkbox', { name: 'category', exact: true });
      if ((await category.count()) > 0 && (await category.isChecked())) await category.click();
      await page.keyboard.press('Escape');
      await header(/^slug$/).waitFor({ state: 'detached' });
      const status = await header(/^status$/i).boundingBox();
      const visibleRight = await page.evaluate(
        () => document.querySelector('table').parentElement.getBoundingClientRect().right
      );
      assert.ok(
        status.x + status.width <= visibleRight,
        `the Status column ends at ${status.x + status.width} px, the table's visible area at ${visibleRight} px`
      );
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
      await settledScreenshot(page, 'settings.png', { top: true, height: 1800 });

      // Readers of the French AI-generated article now get the new default text.
      const res = await fetch(`${server.baseUrl}/api/articles?locale=fr&filters[trust][aiInvolvement][$eq]=generated`);
      const body = await res.json();
      assert.ok(body.data.length >= 1);
      // Away and back within the admin: the page mounts again and reads the settings from the server. (A full reload
      // sometimes left the page without its heading for a minute in this suite, after many logins.)
      await page.getByRole('link', { name: 'Overview', exact: true }).click();
      await page.waitForURL((url) => !url.pathname.endsWith('/settings/trust-labels'));
      await page.getByRole('link', { name: 'Trust Labels', exact: true }).click();
      await page.getByRole('heading', { name: 'Trust Labels' }).waitFor();
      await page.getByRole('combobox', { name: 'Locale' }).click();
      await page.getByRole('option', { name: /French/ }).click();
      assert.equal(
        await page.getByLabel('Disclaimer when AI involvement is “AI-generated”').inputValue(),
        'Article généré par IA chez {siteName}, relu par la rédaction.'
      );
    } finally {
      await context.close();
    }
  });

  it('speaks French to a French-speaking admin: the panel, the modal, the date picker and a refusal of the server', async () => {
    const admin = 'admin@trust-labels.local';
    const api = (method, route, body) => adminApi(server.baseUrl, admin, method, route, body);
    await api('PUT', '/admin/users/me', { preferedLanguage: 'fr' });
    // The panel loads while no source is required; the rule changes behind its back, so that the refusal comes from
    // the server (the verify dialog itself refuses when it knows a source is missing).
    await api('PUT', '/trust-labels/settings', { requiredSources: 0 });
    const { context, page } = await login(admin);
    try {
      const documentId = await documentIdBySlug('how-we-use-ai');
      const panel = await openArticle(page, documentId, 'fr');
      await panel.getByText('Non vérifié').first().waitFor();
      await panel.getByTestId('trust-summary-sources').getByText('Aucune source').waitFor();
      // The disclosure in the words the SVG badge uses (shared/disclosure.ts): nothing declared, in French.
      await panel.getByTestId('trust-summary-disclosure').getByText('Usage de l’IA non déclaré').waitFor();
      const badge = await (
        await fetch(`${server.baseUrl}/api/trust-labels/badge/${ARTICLE}/${documentId}.svg?locale=fr`)
      ).text();
      assert.match(badge, /aria-label="[^"]* · Usage de l’IA non déclaré"/);

      const modal = await openLabelsModal(page, panel);
      await modal.getByText(/^Les labels sont enregistrés à part/).waitFor();
      await modal.getByRole('button', { name: 'Ajouter une source' }).click();
      const source = modal.getByTestId('trust-source').first();
      await source.getByLabel('URL').fill('ftp://example.org/file');
      await source.getByText('Doit commencer par http:// ou https://.').waitFor();
      const accessed = source.getByLabel('Consultée le');
      assert.equal(await accessed.getAttribute('placeholder'), 'DD/MM/YYYY');
      const day = await pickDay15(page, accessed);
      assert.equal(await accessed.inputValue(), `15/${day.slice(5, 7)}/${day.slice(0, 4)}`);
      assert.equal(await modal.getByRole('button', { name: 'Enregistrer les labels' }).isDisabled(), true);
      await modal.getByRole('button', { name: 'Annuler', exact: true }).click();
      await modal.waitFor({ state: 'detached' });

      await api('PUT', '/trust-labels/settings', { requiredSources: 1 });
      await panel.getByRole('button', { name: 'Vérifier', exact: true }).click();
      const dialog = page.getByRole('alertdialog');
      for (const name of REVIEW_CHECKS_FR) await dialog.getByRole('checkbox', { name, exact: true }).check();
      await dialog.getByRole('button', { name: 'Vérifier', exact: true }).click();
      await page
        .getByText('Cette entrée a 0 source(s) ; il en faut au moins 1 avant de pouvoir la vérifier.')
        .first()
        .waitFor();
      // Not the server's English message, which names the setting.
      assert.equal(await page.getByText(/requiredSources/).count(), 0);
      await panel.getByText('Non vérifié').first().waitFor();
    } finally {
      await context.close();
      await api('PUT', '/admin/users/me', { preferedLanguage: 'en' });
      await api('PUT', '/trust-labels/settings', { requiredSources: 1 });
    }
  });
  it("shows an AI agent's suggestion (MCP) in the panel: Accept adds it to the labels, Dismiss leaves them as they were", async () => {
    const admin = 'admin@trust-labels.local';
    const documentId = await documentIdBySlug('anthropic-google-broadcom');
    // An admin token, the credentials Strapi's MCP server gives agents: the plugin's read, the article's read and update.
    const token = await adminApi(
      server.baseUrl,
      admin,
      'POST',
      '/admin/admin-tokens',
      {
        name: 'browser-test agent',
        description: 'An AI agent of the browser tests',
        lifespan: null,
        adminPermissions: [
          { action: 'plugin::trust-labels.read', subject: null, properties: {}, conditions: [] },
          ...['read', 'update'].map((action) => ({
            action: `plugin::content-manager.explorer.${action}`,
            subject: ARTICLE,
            properties: { locales: ['en'] },
            conditions: [],
          })),
        ],
      },
      { expected: [200, 201] }
    );
    const agent = mcpClient(server.baseUrl, token.data.accessKey);
    await agent.initialize();
    const suggest = async (args) => {
      const result = await agent.callTool('trust_labels_suggest', { uid: ARTICLE, documentId, locale: 'en', ...args });
      assert.ok(!result.isError, `trust_labels_suggest failed: ${JSON.stringify(result)}`);
    };
    const state = async () =>
      (await adminApi(server.baseUrl, admin, 'GET', `/trust-labels/documents/${ARTICLE}/${documentId}?locale=en`)).data
        .draft;
    const before = await state();
    const accepted = { title: 'Agent source: company announcement', url: 'https://example.org/agent/announcement' };
    const dismissed = { title: 'Agent source: a blog post', url: 'https://example.org/agent/blog' };

    await suggest({ sources: [accepted] });
    const { context, page } = await login('editor@trust-labels.local');
    try {
      const panel = await openArticle(page, documentId);
      const notice = panel.getByTestId('trust-suggestion');
      await notice.getByText('Suggested by an AI agent').waitFor();
      await notice.getByText('1 source to add').waitFor();
      await settledScreenshot(page, 'panel-suggestion.png', { element: panel });
      await notice.getByTestId('trust-suggestion-accept').click();
      await notice.waitFor({ state: 'detached' });
      await panel.getByTestId('trust-summary-sources').getByText(accepted.title).waitFor();
      const after = await state();
      assert.equal(after.suggestion, null);
      assert.deepEqual(
        after.sources.map((source) => source.url),
        [...before.sources.map((source) => source.url), accepted.url]
      );

      await suggest({ sources: [dismissed] });
      await page.reload();
      await dismissOverlays(page);
      await notice.waitFor();
      await notice.getByTestId('trust-suggestion-dismiss').click();
      await notice.waitFor({ state: 'detached' });
      const final = await state();
      assert.equal(final.suggestion, null);
      assert.deepEqual(
        final.sources.map((source) => source.url),
        after.sources.map((source) => source.url)
      );
      assert.equal(await panel.getByText(dismissed.title).count(), 0);
    } finally {
      await context.close();
    }
  });

  it('says in the Verify dialog that readers still see the AI label when nobody holds editorial responsibility, and asks for public interest in the labels dialog', async () => {
    const { context, page } = await login('editor@trust-labels.local');
    try {
      // AI-generated, not verified, and the demo names nobody as holding editorial responsibility.
      const documentId = await documentIdBySlug('eu-ai-act-transparency');
      // Earlier tests may have verified it (the bulk action of the list view): start from an unverified draft.
      await adminApi(
        server.baseUrl,
        'admin@trust-labels.local',
        'POST',
        `/trust-labels/documents/${ARTICLE}/${documentId}/unverify?locale=en`,
        {}
      );
      const panel = await openArticle(page, documentId);
      await panel.getByRole('button', { name: 'Verify', exact: true }).click();
      const dialog = page.getByRole('alertdialog');
      const warning = dialog.getByTestId('trust-label-stays');
      await warning.getByText('Readers will still see an AI label.').waitFor();
      await warning
        .getByText(/only when a person reviewed it and a person or organisation holds editorial responsibility/)
        .waitFor();
      await dialog.getByText(/as declared \(AI-generated\)/).waitFor();
      await settledScreenshot(page, 'verify-dialog-label-stays.png', { top: true });
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'detached' });

      // The entry answers for itself: not of public interest (its type says yes).
      const modal = await openLabelsModal(page, panel);
      const field = modal.getByRole('combobox', { name: 'Of public interest' });
      await field.waitFor();
      assert.equal((await field.textContent())?.trim(), 'As the content type: yes');
      await field.click();
      await page.getByRole('option', { name: 'No (e.g. advertising, fiction, a product page)' }).click();
      await settledScreenshot(page, 'labels-modal-public-interest.png', { top: true });
      await modal.getByRole('button', { name: 'Save labels' }).click();
      await page.getByText('Trust labels saved').first().waitFor();
      await modal.waitFor({ state: 'detached' });
      const draft = (await (await fetch(`${server.baseUrl}/api/articles/${documentId}?locale=en&status=draft`)).json())
        .data.trust;
      assert.deepEqual(draft.disclosure, { value: 'ai-autonomous', labelRequired: false });

      // Not of public interest: the label does not depend on a review, and the dialog no longer warns.
      await panel.getByRole('button', { name: 'Verify', exact: true }).click();
      await page.getByRole('alertdialog').getByRole('checkbox', { name: REVIEW_CHECKS[0], exact: true }).waitFor();
      assert.equal(await page.getByRole('alertdialog').getByTestId('trust-label-stays').count(), 0);
      await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).click();

      // Back to the type's answer, as the demo had it.
      const again = await openLabelsModal(page, panel);
      await again.getByRole('combobox', { name: 'Of public interest' }).click();
      await page.getByRole('option', { name: 'As the content type: yes' }).click();
      await again.getByRole('button', { name: 'Save labels' }).click();
      await again.waitFor({ state: 'detached' });
    } finally {
      await context.close();
    }
  });
});
