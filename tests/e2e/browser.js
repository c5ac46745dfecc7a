// What the browser tests share: Debian's Chromium, a logged-in context for Strapi's admin, look-ups, and
// screenshots for the README and docs/.
const assert = require('node:assert/strict');
const path = require('path');

const { chromium } = require('playwright-core');

const PASSWORD = 'TrustLabels-Demo-1';
const TIMEOUT = 60_000;
const LAUNCH_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const launchBrowser = () =>
  chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: LAUNCH_ARGS });

const SHOTS = path.join(__dirname, '..', '..', 'docs', 'screenshots');

/**
 * A browser context as an editor's: a desktop window, English, and Strapi's guided tours switched off. (A tour step
 * can open while a test is on another page and hide the rest of the page from the accessibility tree, so that no
 * button can be found by its name.)
 */
async function newAdminContext(browser) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'en-US' });
  await context.addInitScript(() => {
    // Headless Chromium here almost never has an idle period: requestIdleCallback without a timeout waits for
    // seconds or minutes. Strapi's admin schedules updates of its bulk action bar with it, so the bar's actions
    // showed up to minutes after a row was selected (measured: no idle callback within 3 s, with no animation and no
    // request running). A browser in front of a person has idle periods; this gives the test the same, with the
    // shim Strapi itself uses where the browser has no requestIdleCallback.
    window.requestIdleCallback = (callback) =>
      window.setTimeout(() => callback({ didTimeout: false, timeRemaining: () => 50 }), 1);
    window.cancelIdleCallback = (handle) => window.clearTimeout(handle);
    if (!window.localStorage.getItem('STRAPI_GUIDED_TOUR')) {
      window.localStorage.setItem(
        'STRAPI_GUIDED_TOUR',
        JSON.stringify({ tours: {}, enabled: false, hidden: true, completedActions: [] })
      );
    }
  });
  return context;
}

/** A new context with one page, logged in to the admin as one of the demo users. */
async function login(browser, baseUrl, email) {
  const context = await newAdminContext(browser);
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
  await page.goto(`${baseUrl}/admin/auth/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Login' }).click();
  await page.waitForURL((url) => !url.pathname.includes('/auth/login'));
  return { context, page };
}

/** Strapi's onboarding tour and product banners can cover the page; close them when they show. */
async function dismissOverlays(page) {
  // "Close the banner.": Strapi's product banner above the page; a modal opened later would leave it in screenshots.
  for (const name of ['Skip', 'Close', 'Close the banner.']) {
    const button = page.getByRole('button', { name, exact: true });
    if (
      await button
        .first()
        .isVisible()
        .catch(() => false)
    )
      await button
        .first()
        .click()
        .catch(() => undefined);
  }
}

/** The documentId of a demo article, by its slug, through the public content API. */
async function documentIdBySlug(baseUrl, slug, locale = 'en') {
  const res = await fetch(`${baseUrl}/api/articles?locale=${locale}&filters[slug][$eq]=${encodeURIComponent(slug)}`);
  const body = await res.json();
  assert.equal(body.data.length, 1, `article ${slug} not found`);
  return body.data[0].documentId;
}

/**
 * Takes docs/screenshots/<name> as a reader should see the screen: Strapi's banner and the notifications (toasts)
 * gone, the mouse away from anything that shows a tooltip, and animations ended.
 */
async function settledScreenshot(page, name, { fullPage = false, element = null, top = false, height = null } = {}) {
  // Strapi's product banner can show up after the page loaded; behind an open modal it takes no pointer events, so
  // its close button is pressed from the page's script.
  const closedBanner = await page.evaluate(() => {
    const button = [...document.querySelectorAll('button')].find((candidate) =>
      (candidate.getAttribute('aria-label') ?? candidate.textContent ?? '').trim().startsWith('Close the banner')
    );
    button?.click();
    return Boolean(button);
  });
  if (closedBanner) await page.waitForTimeout(300);
  await page.mouse.move(0, 0);
  // Notifications close by themselves after a few seconds; a screenshot waits for them rather than closing them.
  await page.waitForFunction(() => document.querySelectorAll('[data-sonner-toast]').length === 0, null, {
    timeout: 30_000,
  });
  // Modal and dialog animations of the design system take about 200 ms.
  await page
    .waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== 'running'), null, {
      timeout: 10_000,
    })
    .catch(() => undefined);
  await page.waitForTimeout(300);
  const viewport = page.viewportSize();
  // A taller window for a page whose interesting part ends below the fold (the edit view's side panel scrolls with
  // the page, inside Strapi's own scrolling container, which a full-page screenshot does not unroll).
  if (height) await page.setViewportSize({ width: viewport.width, height });
  if (top) {
    // Strapi scrolls an inner container, not the window: back to the top of each, outside dialogs.
    await page.evaluate(() => {
      window.scrollTo(0, 0);
      for (const element of document.querySelectorAll('*')) {
        if (element.scrollTop > 0 && !element.closest('[role="dialog"], [role="alertdialog"]')) element.scrollTop = 0;
      }
    });
    await page.waitForTimeout(200);
  }
  try {
    if (element) await element.screenshot({ path: path.join(SHOTS, name) });
    else await page.screenshot({ path: path.join(SHOTS, name), fullPage });
  } finally {
    if (height) await page.setViewportSize(viewport);
  }
}

const tokens = new Map();

/**
 * An admin API token for one of the demo users (POST /admin/login), for setup steps a test does over HTTP. One login
 * per user and server: Strapi limits the rate of admin logins.
 */
async function adminToken(baseUrl, email) {
  const key = `${baseUrl}|${email}`;
  if (!tokens.has(key)) tokens.set(key, await loginOverHttp(baseUrl, email));
  return tokens.get(key);
}

async function loginOverHttp(baseUrl, email) {
  const res = await fetch(`${baseUrl}/admin/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  assert.equal(res.status, 200, `login of ${email} failed: ${res.status}`);
  return (await res.json()).data.token;
}

/** A call to the admin API as one of the demo users; answers the parsed body, after checking the status. */
async function adminApi(baseUrl, email, method, route, body, { expected = 200 } = {}) {
  const token = await adminToken(baseUrl, email);
  const res = await fetch(`${baseUrl}${route}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  const allowed = Array.isArray(expected) ? expected : [expected];
  assert.ok(allowed.includes(res.status), `${method} ${route}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

/**
 * A new admin user with a role of its own holding only `permissions` (Strapi's role permissions format), created by
 * the Super Admin over HTTP; the demo password, so that `login` works for it.
 */
async function createAdminUser(baseUrl, { email, roleName, permissions }) {
  const superAdmin = 'admin@trust-labels.local';
  const role = await adminApi(
    baseUrl,
    superAdmin,
    'POST',
    '/admin/roles',
    { name: roleName, description: 'Created by a browser test' },
    { expected: [200, 201] }
  );
  await adminApi(baseUrl, superAdmin, 'PUT', `/admin/roles/${role.data.id}/permissions`, { permissions });
  const user = await adminApi(
    baseUrl,
    superAdmin,
    'POST',
    '/admin/users',
    { email, firstname: 'Rita', lastname: 'Reader', roles: [role.data.id] },
    { expected: [200, 201] }
  );
  const res = await fetch(`${baseUrl}/admin/register`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      registrationToken: user.data.registrationToken,
      userInfo: { firstname: 'Rita', lastname: 'Reader', password: PASSWORD },
    }),
  });
  assert.equal(res.status, 200, `registration of ${email}: ${res.status} ${await res.text()}`);
}

module.exports = {
  adminApi,
  adminToken,
  createAdminUser,
  dismissOverlays,
  documentIdBySlug,
  launchBrowser,
  login,
  newAdminContext,
  settledScreenshot,
  SHOTS,
};
