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

test("pages make no request to any other host, and load no script but the site's own small ones", async ({ page }) => {
  const foreign: string[] = [];
  let scripts: string[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.hostname !== '127.0.0.1') foreign.push(r.url());
    if (r.resourceType() === 'script') scripts.push(url.pathname);
  });
  const paper = `/papers/mgno-efficient-parameterization-of-linear-operators-via-multigrid/`;
  for (const path of ['/', paper, '/digests/2025-03-17/', '/digests/']) {
    scripts = [];
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    // The one script of every page binds the search shortcut and the offline worker; search itself
    // loads on demand; paper pages add the copy code (src/scripts/copy.ts).
    const expected = [expect.stringMatching(/^\/_astro\/SearchBox[^/]*\.js$/)];
    if (path === paper) expected.push(expect.stringMatching(/^\/_astro\/CopyButton[^/]*\.js$/));
    expect(new Set(scripts), path).toEqual(new Set(expected));
  }
  expect(foreign).toEqual([]);
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
  feeds: '/feeds/',
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
  for (const path of [
    '/',
    '/papers/mgno-efficient-parameterization-of-linear-operators-via-multigrid/',
    '/topics/',
    '/digests/2025-03-17/',
    '/about/',
  ]) {
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
  const topic = page.locator('article').getByRole('list', { name: 'Topics' }).getByRole('link').first();
  const name = (await topic.textContent())!.trim();
  await topic.click();
  await expect(page.locator('h1')).toHaveText(name);
  await expect(page.locator('link[rel="alternate"][type="application/rss+xml"]').first()).toHaveAttribute(
    'href',
    /\/topics\/[a-z-]+\/rss\.xml$/,
  );
  const papers = page.locator('.paper-list > li');
  const count = await papers.count();
  expect(count).toBeGreaterThanOrEqual(2);
  await expect(page.getByRole('link', { name: /^MgNO/ })).toBeVisible();
  await page.getByRole('link', { name: '← All topics' }).click();
  await expect(page.locator('h1')).toHaveText('Topics');
  const entry = page.locator('.topic-list > li').filter({ has: page.getByRole('link', { name, exact: true }) });
  await expect(entry).toContainText(`${count} papers`);
  await entry.getByRole('link', { name, exact: true }).click();
  await papers.first().locator('h2 a').click();
  await expect(page.locator('article').getByRole('list', { name: 'Topics' })).toContainText(name);
  // Related papers are listed, never the paper itself.
  const self = page.url();
  const related = page.locator('section[aria-labelledby="related"] a');
  for (const href of await related.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))) expect(href).not.toBe(self);
});

test('on a phone, the home list takes at most about 200 px a paper, and each item leads to its paper and its topics', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 667 });
  await page.goto('/');
  const items = page.locator('main .paper-list > li');
  await expect(items).toHaveCount(49);
  const heights = await items.evaluateAll((lis) => lis.map((li) => li.getBoundingClientRect().height));
  const average = heights.reduce((a, b) => a + b, 0) / heights.length;
  expect(average, `average ${average.toFixed(0)} px`).toBeLessThanOrEqual(200);
  // The tallest has a title of five lines: each title wraps within the screen, never clipped.
  expect(Math.max(...heights), 'the tallest item').toBeLessThanOrEqual(320);
  const overflowing = await items.evaluateAll((lis) =>
    lis.flatMap((li) => {
      const right = li.getBoundingClientRect().right;
      return [...li.querySelectorAll('h2, .excerpt, .chips li, .paper-links li')]
        .filter((e) => e.getBoundingClientRect().right > right + 0.5)
        .map((e) => e.textContent?.slice(0, 40));
    }),
  );
  expect(overflowing, 'titles, excerpts, chips and links inside the item').toEqual([]);
  // The excerpt is one line.
  const excerpt = items.first().locator('.excerpt');
  const lines = await excerpt.evaluate((p) => p.getBoundingClientRect().height / parseFloat(getComputedStyle(p).lineHeight));
  expect(lines).toBeLessThan(1.5);
  // The way to the paper from the list itself.
  const links = items.first().locator('.paper-links').getByRole('link');
  await expect(links).toHaveText(['Find on arXiv', 'Google Scholar']);
  await expect(links.first()).toHaveAttribute('href', /^https:\/\/arxiv\.org\/search\/\?query=SNIP/);
});

test('the topic filter works without JavaScript: a topic link lists exactly the papers of that topic', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/');
  const filter = page.getByRole('navigation', { name: 'Topics of this list' }).getByRole('link').first();
  const label = (await filter.textContent())!.trim();
  const count = Number(/(\d+)$/.exec(label)![1]);
  const href = (await filter.getAttribute('href'))!;
  const slug = href.split('/').at(-2)!;
  const onHome = await page.locator(`main .paper-list > li[data-topics~="${slug}"] h2`).allTextContents();
  expect(onHome).toHaveLength(count);
  await filter.click();
  await expect(page).toHaveURL(new RegExp(`/topics/${slug}/$`));
  const listed = await page.locator('main .paper-list > li h2').allTextContents();
  expect(listed.sort()).toEqual(onHome.sort());
  await context.close();
});

test('a paper page leads to the paper: a title search on arXiv and Google Scholar when its id is unknown', async ({ page }) => {
  await page.goto('/papers/mgno-efficient-parameterization-of-linear-operators-via-multigrid/');
  const links = page.getByRole('list', { name: 'This paper elsewhere' }).getByRole('link');
  await expect(links).toHaveText(['Find on arXiv', 'Google Scholar']);
  const arxiv = new URL((await links.first().getAttribute('href'))!);
  expect(arxiv.searchParams.get('searchtype')).toBe('title');
  expect(arxiv.searchParams.get('query')).toMatch(/^MgNO: Efficient Parameterization/);
  // No publication date is claimed: the digest's date is not the paper's.
  await expect(page.locator('meta[name="citation_publication_date"]')).toHaveCount(0);
  // Related papers, each with the way to it.
  const related = page.locator('section[aria-labelledby="related"] .paper-list > li');
  expect(await related.count()).toBeGreaterThanOrEqual(3);
  await expect(related.first().locator('.paper-links').getByRole('link')).toHaveCount(2);
});

test("the feeds page lists the site's feed and every topic's, and the footer leads to it", async ({ page }) => {
  await page.goto('/');
  await page.getByRole('contentinfo').getByRole('link', { name: 'Feeds by topic' }).click();
  await expect(page.locator('h1')).toHaveText('Feeds');
  await expect(page.locator('.feed-list > li')).toHaveCount(15);
  const response = await page.request.get((await page.locator('.feed-list > li a').first().getAttribute('href'))!);
  expect(response.headers()['content-type']).toMatch(/xml/);
  expect(await response.text()).toContain('<rss version="2.0"');
});
