/**
 * Search, in the browser, with no server: Pagefind's index of the built site, the header box,
 * the /search/ page, lazy loading, and searching offline through the service worker.
 * Runs against dist/ on the plain static server (see playwright.config.ts).
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

const MGNO = 'MgNO: Efficient Parameterization of Linear Operators via Multigrid';
const LIPSCHITZ = 'Efficiently Computing Local Lipschitz Constants of Neural Networks via Bound Propagation';
const REGRESSION = /^A Nearly-Optimal Bound for Fast Regression with .+ Guarantee$/;
const PAPER = '/papers/mgno-efficient-parameterization-of-linear-operators-via-multigrid/';

const results = (page: Page) => page.locator('[data-search-page] pagefind-results .search-result');
const titles = (page: Page) => results(page).locator('.search-result-title');
const summary = (page: Page) => page.locator('[data-search-page] pagefind-summary');
const box = (page: Page) => page.getByRole('searchbox', { name: 'Search papers' });

/** The number of results once it has stayed the same for half a second (they render progressively). */
async function settledCount(page: Page): Promise<number> {
  let last = -1;
  for (;;) {
    const now = await results(page).count();
    if (now === last) return now;
    last = now;
    await page.waitForTimeout(500);
  }
}

async function searchFor(page: Page, q: string): Promise<void> {
  await page.goto(`/search/?q=${encodeURIComponent(q)}`);
  await expect(summary(page)).toContainText(q);
}

test('multigrid finds MgNO first, from a shareable URL', async ({ page }) => {
  await searchFor(page, 'multigrid');
  await expect(titles(page).first()).toHaveText(MGNO);
  await expect(box(page)).toHaveValue('multigrid');
  await expect(page).toHaveTitle(/multigrid/);
  // The result shows its digest, its topics and an excerpt with the word marked.
  const first = results(page).first();
  await expect(first.locator('.search-result-date')).toContainText('Digest of 17 March 2025');
  await expect(first.locator('.search-result-excerpt mark').first()).toHaveText(/multigrid/i);
  await first.getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`${PAPER}$`));
  await expect(page.locator('h1')).toHaveText(MGNO);
});

test('Lipschitz finds the local Lipschitz constants paper', async ({ page }) => {
  await searchFor(page, 'Lipschitz');
  await expect(titles(page).filter({ hasText: LIPSCHITZ })).toHaveCount(1);
});

test('ell_infty, math as the digests write it, finds the regression paper, and excerpts hold each formula once', async ({ page }) => {
  await searchFor(page, 'ell_infty');
  await expect(titles(page).filter({ hasText: REGRESSION })).toHaveCount(1);
  await expect(titles(page).filter({ hasText: LIPSCHITZ })).toHaveCount(1);
  const excerpts = await results(page).locator('.search-result-excerpt').allTextContents();
  expect(excerpts.length).toBeGreaterThan(0);
  for (const excerpt of excerpts) {
    expect(excerpt).toContain('ell_infty');
    // KaTeX's MathML and HTML renderings (ℓ∞, twice) never reach the index.
    expect(excerpt).not.toMatch(/[ℓ∞]|\\ell|ell_infty\s*ell_infty/);
  }
});

test('typing on the search page updates the results and the URL', async ({ page }) => {
  await page.goto('/search/');
  await expect(box(page)).toBeFocused();
  await box(page).fill('Lipschitz');
  await expect(titles(page).filter({ hasText: LIPSCHITZ })).toHaveCount(1);
  await expect(page).toHaveURL(/\/search\/\?q=Lipschitz$/);
  await box(page).fill('multigrid');
  await box(page).press('Enter');
  await expect(titles(page).first()).toHaveText(MGNO);
  await expect(page).toHaveURL(/\/search\/\?q=multigrid$/);
});

test('a topic filter narrows the results', async ({ page }) => {
  await searchFor(page, 'neural');
  await expect(results(page).first()).toBeVisible();
  // Results arrive one by one: count them once the list has stopped growing.
  const all = await settledCount(page);
  expect(all).toBeGreaterThan(1);
  const filter = page.locator('pagefind-filter-dropdown');
  await filter.getByRole('combobox', { name: 'Filter by topic' }).click();
  const option = filter.getByRole('option').first();
  const topic = ((await option.textContent()) ?? '').replace(/\s*\d+\s*$/, '').trim();
  expect(topic).not.toBe('');
  await option.click();
  await expect.poll(() => results(page).count()).toBeLessThan(all);
  await expect(results(page).first()).toBeVisible();
  for (const topics of await results(page).locator('.search-result-topics').allTextContents()) expect(topics).toContain(topic);
});

test('a query with no match says so', async ({ page }) => {
  await searchFor(page, 'zqxjvbwk');
  await expect(summary(page)).toHaveText(/No paper matches zqxjvbwk/);
  await expect(results(page)).toHaveCount(0);
});

test('/ focuses the header box on a paper page, but not while typing in it', async ({ page }) => {
  await page.goto(PAPER);
  await expect(box(page)).not.toBeFocused();
  await page.keyboard.press('/');
  await expect(box(page)).toBeFocused();
  await page.keyboard.type('a/b');
  await expect(box(page)).toHaveValue('a/b');
});

test('a paper page loads no Pagefind script until the reader focuses the box, then shows results as they type', async ({ page }) => {
  const scripts: string[] = [];
  const foreign: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).hostname !== '127.0.0.1') foreign.push(r.url());
    if (r.resourceType() === 'script' || r.url().includes('/pagefind/')) scripts.push(new URL(r.url()).pathname);
  });
  await page.goto(PAPER);
  await page.waitForLoadState('networkidle');
  expect(scripts).toEqual(['/site.js']);
  await box(page).focus();
  await expect.poll(() => scripts).toContain('/pagefind/pagefind-component-ui.js');
  await box(page).pressSequentially('Lipschitz');
  const panel = page.locator('#search-panel');
  await expect(panel.locator('.search-result-title').filter({ hasText: LIPSCHITZ })).toBeVisible();
  await expect(panel.getByRole('link', { name: /All results for/ })).toHaveAttribute('href', '/search/?q=Lipschitz');
  await box(page).press('Escape');
  await expect(panel).toBeHidden();
  // Enter goes to the search page, as the plain form does.
  await box(page).press('Enter');
  await expect(page).toHaveURL(/\/search\/\?q=Lipschitz$/);
  await expect(titles(page).filter({ hasText: LIPSCHITZ })).toHaveCount(1);
  expect(foreign).toEqual([]);
});

test('with no script, the box submits to the search page, which says search needs JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(PAPER);
  await box(page).fill('multigrid');
  await box(page).press('Enter');
  await expect(page).toHaveURL(/\/search\/\?q=multigrid$/);
  await expect(page.locator('main')).toContainText('needs JavaScript', { useInnerText: true });
  await context.close();
});

test('after a first visit, the same searches and the pages read work with the network off', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`/search/?q=multigrid`);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
  });
  await expect(titles(page).first()).toHaveText(MGNO);
  await page.goto(PAPER);
  await expect(page.locator('h1')).toHaveText(MGNO);

  await context.setOffline(true);
  // The network is cut for the service worker too: what it has not stored fails.
  expect(await page.evaluate(() => fetch('/never-stored/').then(() => 'network', () => 'offline'))).toBe('offline');
  for (const [q, title] of [['multigrid', MGNO], ['Lipschitz', LIPSCHITZ], ['ell_infty', REGRESSION]] as const) {
    const response = await page.goto(`/search/?q=${q}`);
    expect(response?.fromServiceWorker()).toBe(true);
    await expect(titles(page).filter({ hasText: title })).toHaveCount(1);
  }
  await page.reload();
  await expect(titles(page).filter({ hasText: REGRESSION })).toHaveCount(1);
  // A page read before, and the latest digest's papers, precached.
  await page.goto(PAPER);
  await expect(page.locator('h1')).toHaveText(MGNO);
  await page.goto('/');
  await page.locator('.paper-list > li h2 a').nth(5).click();
  await expect(page.locator('article h1')).toBeVisible();
  await context.close();
});

test('on a 390×844 phone, a reader can search and open a result', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/');
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  await box(page).click();
  await box(page).pressSequentially('multigrid');
  const panel = page.locator('#search-panel');
  const link = panel.getByRole('link', { name: MGNO });
  await expect(link).toBeVisible();
  expect(await overflow()).toBeLessThanOrEqual(0);
  await link.click();
  await expect(page.locator('h1')).toHaveText(MGNO);

  await searchFor(page, 'Lipschitz');
  expect(await overflow()).toBeLessThanOrEqual(0);
  await titles(page).filter({ hasText: LIPSCHITZ }).getByRole('link').click();
  await expect(page.locator('h1')).toHaveText(LIPSCHITZ);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe finds no violations on the search page with results, and the header panel (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await searchFor(page, 'multigrid');
    await expect(results(page).first()).toBeVisible();
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    await page.goto(PAPER);
    await box(page).pressSequentially('multigrid');
    await expect(page.locator('#search-panel .search-result').first()).toBeVisible();
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  });
}
