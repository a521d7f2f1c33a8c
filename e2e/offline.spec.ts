/**
 * Offline reading in Chromium with the network off (context.setOffline), through the built
 * site's real service worker: the offline page for what is not stored, with links to what is;
 * a paper page stored with its digest page. The seed site, and the paged site (two digests) on
 * a server of its own, for a paper outside the latest digest.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser } from '@playwright/test';
import { builtSite } from '../test/support/sites.ts';
import { startStaticServer, type StaticServer } from '../test/support/static-server.ts';
import { storedForOffline } from './service-worker.ts';

const MGNO = 'MgNO: Efficient Parameterization of Linear Operators via Multigrid';

/** A fresh profile's first visit to `path`, until the worker has stored what a first visit stores. */
async function firstVisit(browser: Browser, url: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await storedForOffline(page);
  return { context, page };
}

test('offline, a page not stored is the offline page, styled like the site, with links to what is stored', async ({ browser, baseURL }) => {
  const { context, page } = await firstVisit(browser, `${baseURL}/`);
  await context.setOffline(true);
  const response = await page.goto('/topics/neural-operators/');
  expect(response?.fromServiceWorker()).toBe(true);
  expect(response?.status()).toBe(503);
  // The address stays the one asked for: "Try again" is that page.
  await expect(page).toHaveURL(/\/topics\/neural-operators\/$/);
  await expect(page.locator('h1')).toHaveText('You are offline');
  await expect(page.getByRole('link', { name: 'Try again' })).toHaveAttribute('href', './');
  // The site's stylesheet and header, as on every page.
  await expect(page.locator('.site-header')).toBeVisible();
  expect(await page.evaluate(() => getComputedStyle(document.querySelector('.site-header')!).display)).not.toBe('inline');

  const stored = page.locator('[data-stored-list]');
  await expect(stored.getByRole('link', { name: 'The latest digest' })).toBeVisible();
  await expect(stored.getByRole('link', { name: 'Search', exact: true })).toBeVisible();
  // The latest digest's papers, and their digest page, stored with them.
  await expect(stored).toContainText('Papers (49)');
  await expect(stored.getByRole('link', { name: /17 March 2025/ })).toBeVisible();
  await expect(stored.getByRole('link', { name: 'Topics' })).toHaveCount(0);

  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations, colorScheme).toEqual([]);
  }

  // Each link works offline: a paper, and from it its digest.
  await stored.getByRole('link', { name: MGNO }).click();
  await expect(page.locator('h1')).toHaveText(MGNO);
  await page.getByRole('link', { name: '← Digest of 17 March 2025' }).click();
  await expect(page.locator('.paper-list > li')).toHaveCount(49);
  // Not a page: no offline page, the request fails.
  expect(
    await page.evaluate(() =>
      fetch('/never-stored.json').then(
        () => 'network',
        () => 'offline',
      ),
    ),
  ).toBe('offline');
  await context.close();
});

test.describe('a site of two digests', () => {
  let server: StaticServer;
  test.beforeAll(async () => {
    server = await startStaticServer(builtSite('paged').dist);
  });
  test.afterAll(async () => server.close());

  test("a paper read online is stored with its digest: its '← Digest' link works offline", async ({ browser }) => {
    const paper = `${server.origin}/papers/operator-study-0-a-neural-operator-for-navier-stokes-with-fourier-layers/`;
    const { context, page } = await firstVisit(browser, `${server.origin}/`);
    await page.goto(paper);
    const title = await page.locator('h1').innerText();
    const digest = page.getByRole('link', { name: '← Digest of 30 April 2025' });
    await expect(digest).toBeVisible();
    // The worker stores the digest once the page is stored.
    await expect
      .poll(() => page.evaluate(async (url) => (await caches.match(url)) !== undefined, `${server.origin}/digests/2025-04-30/`))
      .toBe(true);

    await context.setOffline(true);
    await page.reload();
    await expect(page.locator('h1')).toHaveText(title);
    await digest.click();
    await expect(page).toHaveURL(/\/digests\/2025-04-30\/$/);
    await expect(page.locator('h1')).toContainText('30 April 2025');
    // The offline page lists both digests, the newest first, and the paper read.
    await page.goto(`${server.origin}/topics/`);
    await expect(page.locator('h1')).toHaveText('You are offline');
    const digests = page
      .locator('[data-stored-list] > li')
      .filter({ hasText: /^Digests \(2\)/ })
      .getByRole('link');
    await expect(digests).toHaveCount(2);
    await expect(digests.first()).toContainText('1 May 2025');
    await expect(digests.last()).toContainText('30 April 2025');
    await expect(page.locator('[data-stored-list]').getByRole('link', { name: title })).toBeVisible();
    await context.close();
  });
});
