import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { parseDigest } from '../src/lib/ingest/digest/parse.ts';

// The browser tests read the seed fixture site (test/support/sites.ts), served by global-setup.ts.
const seed = parseDigest(readFileSync(new URL('../test/fixtures/seed/digests/2025-03-17.txt', import.meta.url), 'utf8'), 'seed');

test('home lists the latest digest in trending order, and paper 1 reads as the digest wrote it', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('h1')).toContainText('17 March 2025');
  const titles = page.locator('.paper-list > li h2');
  await expect(titles).toHaveCount(49);
  await expect(titles.first()).toHaveText(seed.papers[0]!.title);

  await titles.first().locator('a').click();
  await expect(page).toHaveURL(/\/papers\/snip-bridging-mathematical-symbolic-and-numeric-realms-with-unified-pre-training\/$/);
  await expect(page.locator('h1')).toHaveText(seed.papers[0]!.title);
  await expect(page.locator('.abstract')).toHaveText(seed.papers[0]!.abstract);
  await expect(page.locator('article .meta').nth(1)).toContainText('#1 in the digest of 17 March 2025');

  // Next is paper 2, previous from there is paper 1 again.
  await page.getByRole('link', { name: /→$/ }).click();
  await expect(page.locator('h1')).toHaveText(seed.papers[1]!.title);
  // Paper 2 has math (L^2), restored and typeset: its prose reads as the digest wrote it.
  await expect(page.locator('.abstract')).toContainText(seed.papers[1]!.abstract.slice(0, 200));
  await expect(page.locator('.abstract .katex').first()).toBeVisible();
  await page.getByRole('link', { name: /^←/ }).last().click();
  await expect(page.locator('h1')).toHaveText(seed.papers[0]!.title);
  // And the way back to the digest.
  await page.getByRole('link', { name: '← Digest of 17 March 2025' }).click();
  await expect(page.locator('.paper-list > li')).toHaveCount(49);
});

test('a missing page gets the 404 page with status 404', async ({ page }) => {
  const response = await page.goto('/papers/no-such-paper/');
  expect(response?.status()).toBe(404);
  await expect(page.locator('h1')).toHaveText('Page not found');
  await page.getByRole('link', { name: 'Read the latest digest' }).click();
  await expect(page.locator('.paper-list > li')).toHaveCount(49);
});

test('pages make no request to any other host, and load no script but the site\'s own small one', async ({ page }) => {
  const foreign: string[] = [];
  const scripts: string[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.hostname !== '127.0.0.1') foreign.push(r.url());
    if (r.resourceType() === 'script') scripts.push(r.url());
  });
  for (const path of ['/', `/papers/mgno-efficient-parameterization-of-linear-operators-via-multigrid/`, '/digests/2025-03-17/', '/digests/']) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
  }
  expect(foreign).toEqual([]);
  // The one script of every page binds the search shortcut and the offline worker; search itself loads on demand.
  expect([...new Set(scripts.map((s) => new URL(s).pathname))]).toEqual([expect.stringMatching(/^\/_astro\/SearchBox[^/]*\.js$/)]);
});

test('readable at 320 px: no horizontal scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  for (const path of ['/', '/papers/mgno-efficient-parameterization-of-linear-operators-via-multigrid/']) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});

// One test per page type and colour scheme: each is a few seconds even on a loaded machine.
const PAGE_TYPES = {
  home: '/',
  paper: '/papers/mgno-efficient-parameterization-of-linear-operators-via-multigrid/',
  'restored-math paper': '/papers/a-nearly-optimal-bound-for-fast-regression-with-ell-infty-guarantee/',
  digests: '/digests/',
  digest: '/digests/2025-03-17/',
  topics: '/topics/',
  topic: '/topics/neural-operators/',
  about: '/about/',
  search: '/search/',
  404: '/papers/no-such-paper/',
};
for (const colorScheme of ['light', 'dark'] as const) {
  for (const [type, path] of Object.entries(PAGE_TYPES)) {
    test(`axe finds no violations on the ${type} page (${colorScheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto(path);
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations, `${path} ${colorScheme}`).toEqual([]);
    });
  }
}

test('the Content-Security-Policy holds: no violation or error on any page type, search included', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`${page.url()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`${page.url()}: ${e.message}`));
  for (const path of ['/', '/papers/mgno-efficient-parameterization-of-linear-operators-via-multigrid/', '/topics/', '/digests/2025-03-17/', '/about/']) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
  }
  await page.goto('/search/?q=multigrid');
  await expect(page.getByRole('link', { name: /MgNO/ }).first()).toBeVisible();
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveCount(1);
  expect(problems).toEqual([]);
});

test('topic navigation: from a paper to its topic, to all topics, and back to a paper', async ({ page }) => {
  await page.goto('/papers/mgno-efficient-parameterization-of-linear-operators-via-multigrid/');
  const topic = page.getByRole('list', { name: 'Topics' }).getByRole('link').first();
  const name = (await topic.textContent())!.trim();
  await topic.click();
  await expect(page.locator('h1')).toHaveText(name);
  await expect(page.locator('link[rel="alternate"][type="application/rss+xml"]').first()).toHaveAttribute('href', /\/topics\/[a-z-]+\/rss\.xml$/);
  const papers = page.locator('.paper-list > li');
  const count = await papers.count();
  expect(count).toBeGreaterThanOrEqual(2);
  await expect(page.getByRole('link', { name: /^MgNO/ })).toBeVisible();
  await page.getByRole('link', { name: '← All topics' }).click();
  await expect(page.locator('h1')).toHaveText('Topics');
  const entry = page.locator('.topic-list > li').filter({ has: page.getByRole('link', { name, exact: true }) });
  await expect(entry).toContainText(`${count} papers`);
  await entry.getByRole('link', { name, exact: true }).click();
  await papers.first().locator('a').click();
  await expect(page.getByRole('list', { name: 'Topics' })).toContainText(name);
  // Related papers are listed, never the paper itself.
  const self = page.url();
  const related = page.locator('section[aria-labelledby="related"] a');
  for (const href of await related.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))) expect(href).not.toBe(self);
});
