/**
 * Search over an index of two months (src/lib/site/search/buckets.ts), in the browser: the
 * newest month first, saying so, then the results of both; a word only the older month holds;
 * the topic counts of both; the older month missing; and offline. Runs against the paged
 * fixture site (two digests, 30 April and 1 May 2025) on a plain static server of its own.
 */
import { expect, test, type Page } from '@playwright/test';
import { builtSite } from '../test/support/sites.ts';
import { startStaticServer, type StaticServer } from '../test/support/static-server.ts';
import { storedForOffline } from './service-worker.ts';

const results = (page: Page) => page.locator('[data-search-page] .search-result');
const titles = (page: Page) => results(page).locator('.search-result-title');
const status = (page: Page) => page.locator('[data-search-page] [data-search-status]');
const box = (page: Page) => page.getByRole('searchbox', { name: 'Search papers' });
test.describe('an index of two months', () => {
  // The paged site: Operator Study 0–59 in the digest of 30 April 2025, 60–119 in that of 1 May.
  let server: StaticServer;
  test.beforeAll(async () => {
    server = await startStaticServer(builtSite('paged').dist);
  });
  test.afterAll(async () => server.close());
  const study = (i: number) => new RegExp(`^Operator Study ${i}: `);
  /** Holds the older month's requests until `release` is called. */
  async function holdOlder(page: Page): Promise<{ held: () => number; release: () => Promise<void> }> {
    let holding = true;
    const held: (() => Promise<void>)[] = [];
    await page.route('**/pagefind/2025-04/**', (route) => (holding ? void held.push(() => route.continue()) : route.continue()));
    return {
      held: () => held.length,
      release: async () => {
        holding = false;
        for (const release of held.splice(0)) await release();
      },
    };
  }

  test('the newest month shows first, saying older papers are being searched; then the results of both', async ({ page }) => {
    const months = new Set<string>();
    page.on('request', (r) => {
      const month = /\/pagefind\/(\d{4}-\d{2})\//.exec(r.url())?.[1];
      if (month) months.add(month);
    });
    // The older month is held until the newest month's answer is on the page.
    const older = await holdOlder(page);
    await page.goto(`${server.origin}/search/?q=Helmholtz+attention`);
    await expect(status(page)).toHaveText('1 paper of May 2025 matches “Helmholtz attention”; searching older papers…');
    await expect(titles(page)).toHaveText([study(105)]);
    await expect(page.locator('[data-search-results]')).toHaveAttribute('aria-busy', 'true');
    await expect.poll(older.held).toBeGreaterThan(0);
    await older.release();
    await expect(status(page)).toHaveText('2 papers match “Helmholtz attention”');
    await expect(titles(page)).toHaveCount(2);
    for (const i of [25, 105]) await expect(titles(page).filter({ hasText: study(i) })).toHaveCount(1);
    await expect(page.locator('[data-search-results]')).toHaveAttribute('aria-busy', 'false');
    expect([...months].sort()).toEqual(['2025-04', '2025-05']);
  });

  test('a word only older papers hold is found there, with no "no results" while they are searched', async ({ page }) => {
    const older = await holdOlder(page);
    // "multigrid" is the method of Operator Study 40–49 only, all of April.
    await page.goto(`${server.origin}/search/?q=multigrid`);
    await expect(status(page)).toHaveText('No paper of May 2025 matches “multigrid”; searching older papers…');
    await expect(page.locator('[data-search-page] .search-empty')).toHaveCount(0);
    await older.release();
    await expect(status(page)).toHaveText('10 papers match “multigrid”');
    await expect(titles(page)).toHaveCount(10);
    for (const title of await titles(page).allTextContents()) expect(title).toMatch(/^Operator Study 4\d: .* with multigrid$/);
    // The header panel on a paper page too.
    await page.goto(`${server.origin}/papers/operator-study-60-a-neural-operator-for-navier-stokes-with-low-rank-kernels/`);
    await box(page).pressSequentially('multigrid');
    const panel = page.locator('#search-panel');
    await expect(panel.getByRole('status')).toHaveText('10 papers match “multigrid”');
    await expect(panel.locator('.search-result')).toHaveCount(5);
  });

  test('the topic filter counts the papers of both months', async ({ page }) => {
    await page.goto(`${server.origin}/search/?q=operator`);
    await expect(status(page)).toHaveText(/^\d+ papers match “operator”$/);
    const topic = page.getByRole('combobox', { name: 'Topic' });
    await topic.focus();
    await expect(topic.locator('option', { hasText: /^Neural operators/ })).toHaveText(/\(120\)$/);
  });

  test('when the older months cannot load, the newest month’s results stand, and the page says so', async ({ browser }) => {
    // No service worker: page.route does not see what a worker fetches, should it take over before the older months load.
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.route('**/pagefind/2025-04/**', (route) => route.abort());
    await page.goto(`${server.origin}/search/?q=Helmholtz+attention`);
    await expect(status(page)).toHaveText('1 paper of May 2025 matches “Helmholtz attention”. Older papers could not be searched.');
    await expect(titles(page)).toHaveText([study(105)]);
    await context.close();
  });

  test('offline, after a first visit, a search finds the papers of both months', async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.origin}/search/?q=wave`);
    await expect(status(page)).toHaveText(/^\d+ papers match “wave”$/);
    await storedForOffline(page);
    await context.setOffline(true);
    // Study 4, 14, … 114 are about the wave equation: April and May.
    const response = await page.goto(`${server.origin}/search/?q=Helmholtz+attention`);
    expect(response?.fromServiceWorker()).toBe(true);
    await expect(status(page)).toHaveText('2 papers match “Helmholtz attention”');
    await page.goto(`${server.origin}/search/?q=multigrid`);
    await expect(status(page)).toHaveText('10 papers match “multigrid”');
    await context.close();
  });
});
