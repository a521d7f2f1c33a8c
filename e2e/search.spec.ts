/**
 * Search, in the browser, with no server: Pagefind's index of the built site, this site's own
 * renderer (src/scripts/search/), the /search/ page and the header's panel, lazy loading, and
 * searching offline through the service worker.
 * Runs against the seed fixture site on the plain static server (see playwright.config.ts); an
 * index of several months is search-months.spec.ts's.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { storedForOffline } from './service-worker.ts';

const MGNO = 'MgNO: Efficient Parameterization of Linear Operators via Multigrid';
const LIPSCHITZ = 'Efficiently Computing Local Lipschitz Constants of Neural Networks via Bound Propagation';
const REGRESSION = /^A Nearly-Optimal Bound for Fast Regression with .+ Guarantee$/;
const BANDITS = 'Contextual Bandits with Online Neural Regression';
const QUANTIZATION = [
  'A Survey of Quantization Methods for Efficient Neural Network Inference',
  'NUPES : Non-Uniform Post-Training Quantization via Power Exponent Search',
];
const PAPER = '/papers/mgno-efficient-parameterization-of-linear-operators-via-multigrid/';

const results = (page: Page) => page.locator('[data-search-page] .search-result');
const titles = (page: Page) => results(page).locator('.search-result-title');
const status = (page: Page) => page.locator('[data-search-page] [data-search-status]');
const box = (page: Page) => page.getByRole('searchbox', { name: 'Search papers' });
const pageBox = (page: Page) => page.getByRole('searchbox', { name: 'Words from a title or abstract' });

async function searchFor(page: Page, q: string, topic = ''): Promise<void> {
  await page.goto(`/search/?${new URLSearchParams(topic ? { q, topic } : { q })}`);
  await expect(status(page)).toContainText(q);
}

test('multigrid finds MgNO first, from a shareable URL, with an excerpt that does not repeat the title', async ({ page }) => {
  await searchFor(page, 'multigrid');
  await expect(titles(page).first()).toHaveText(MGNO);
  await expect(pageBox(page)).toHaveValue('multigrid');
  await expect(page).toHaveTitle(/multigrid/);
  await expect(status(page)).toHaveText(/^\d+ papers? match(es)? “multigrid”$/);
  // The result shows its digest, its topics and an excerpt of the abstract with the word marked.
  const first = results(page).first();
  await expect(first.locator('.search-result-date')).toContainText('Digest of 17 March 2025');
  await expect(first.locator('.search-result-excerpt mark').first()).toHaveText(/multigrid/i);
  expect(await first.locator('.search-result-excerpt').textContent()).not.toContain('Efficient Parameterization of Linear Operators');
  await first.getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`${PAPER}$`));
  await expect(page.locator('h1')).toHaveText(MGNO);
});

test('Lipschitz finds the local Lipschitz constants paper', async ({ page }) => {
  await searchFor(page, 'Lipschitz');
  await expect(titles(page).filter({ hasText: LIPSCHITZ })).toHaveCount(1);
});

test('math is shown as the reader sees it, and found as the symbol or as the digests write it', async ({ page }) => {
  for (const q of ['ell_infty', 'ℓ∞']) {
    await searchFor(page, q);
    await expect(titles(page).filter({ hasText: REGRESSION })).toHaveCount(1);
    await expect(titles(page).filter({ hasText: LIPSCHITZ })).toHaveCount(1);
  }
  const excerpts = await results(page).locator('.search-result-excerpt').allTextContents();
  expect(excerpts.length).toBeGreaterThan(1);
  for (const excerpt of excerpts) {
    // Unicode math, once: no TeX spelling, no control word, no formula written twice.
    expect(excerpt).toContain('ℓ∞');
    expect(excerpt).not.toMatch(/ell_infty|mathbb|\\|ℓ∞\s*ℓ∞/);
  }
  // "sim3" is the damaged spelling of a formula: found, and shown as ∼3.
  await searchFor(page, 'sim3');
  await expect(results(page).first()).toBeVisible();
  expect((await results(page).locator('.search-result-excerpt').allTextContents()).join(' ')).not.toMatch(/\bsim3\b/);
});

test('spellings people type: British or American, with or without the letter’s mark', async ({ page }) => {
  for (const q of ['quantisation', 'quantization']) {
    await searchFor(page, q);
    for (const title of QUANTIZATION) await expect(titles(page).filter({ hasText: title })).toHaveCount(1);
    for (const mark of await results(page).locator('mark').allTextContents()) expect(mark.length).toBeGreaterThan(2);
  }
  for (const q of ['Lojasiewicz', 'Łojasiewicz']) {
    await searchFor(page, q);
    await expect(titles(page)).toHaveText([BANDITS]);
  }
  // A British spelling in an abstract is found by the American one, and marked.
  await searchFor(page, 'optimizers');
  await expect(results(page).first()).toBeVisible();
  const learningRates = results(page).filter({ hasText: 'Learning Rates as a Function of Batch Size' });
  // Ten results a page: the others come with "Show more results".
  for (let round = 0; (await learningRates.count()) === 0 && round < 3; round++) {
    const shown = await results(page).count();
    await page.getByRole('button', { name: 'Show more results' }).click();
    await expect(results(page)).not.toHaveCount(shown);
  }
  await expect(learningRates).toHaveCount(1);
  await expect(learningRates.locator('mark').filter({ hasText: 'optimisers' })).not.toHaveCount(0);
});

test('the first result shows with its own fragment, before the rest of its page are fetched', async ({ page }) => {
  // Fragments after the first are held until the first result is on the page.
  const held: (() => Promise<void>)[] = [];
  let fragments = 0;
  await page.route('**/pagefind/*/fragment/*', async (route) => {
    if (fragments++ === 0) return route.continue();
    held.push(() => route.continue());
  });
  await page.goto('/search/?q=optimizers');
  await expect(results(page)).toHaveCount(1);
  await expect(status(page)).toHaveText(/^\d+ papers match “optimizers”$/);
  await expect.poll(() => held.length).toBe(9);
  await expect(results(page)).toHaveCount(1);
  for (const release of held.splice(0)) await release();
  await expect(results(page)).toHaveCount(10);
  await expect(page.getByRole('button', { name: 'Show more results' })).toBeVisible();
});

test('a typo finds nothing, says so, and suggests the word the index holds', async ({ page }) => {
  await searchFor(page, 'difusion');
  await expect(status(page)).toHaveText('No paper matches “difusion”.');
  await expect(results(page)).toHaveCount(0);
  const suggestion = page.locator('[data-search-page] .search-suggestion');
  await expect(suggestion).toHaveText('Did you mean diffusion?');
  await suggestion.getByRole('link').click();
  await expect(page).toHaveURL(/\/search\/\?q=diffusion$/);
  await expect(titles(page).first()).toContainText(/diffusion/i);
});

test('a query with no match says what to try', async ({ page }) => {
  await searchFor(page, 'zqxjvbwk');
  await expect(status(page)).toHaveText('No paper matches “zqxjvbwk”.');
  await expect(results(page)).toHaveCount(0);
  await expect(page.locator('[data-search-page] .search-empty')).toContainText('Try another spelling');
});

test('the search page has its own field, a hint without a query, and keeps the query in the URL', async ({ page }) => {
  await page.goto('/search/');
  await expect(pageBox(page)).toBeFocused();
  await expect(page.locator('[data-search-hint]')).toBeVisible();
  await pageBox(page).fill('Lipschitz');
  await expect(titles(page).filter({ hasText: LIPSCHITZ })).toHaveCount(1);
  await expect(page).toHaveURL(/\/search\/\?q=Lipschitz$/);
  await expect(page.locator('[data-search-hint]')).toBeHidden();
  await pageBox(page).fill('multigrid');
  await pageBox(page).press('Enter');
  await expect(titles(page).first()).toHaveText(MGNO);
  await expect(page).toHaveURL(/\/search\/\?q=multigrid$/);
});

test('the topic filter loads when first used, narrows the results, and is in the URL and the count', async ({ page }) => {
  const filterFiles: string[] = [];
  page.on('request', (r) => r.url().includes('/pagefind/filter/') && filterFiles.push(r.url()));
  await searchFor(page, 'neural');
  await expect(results(page).first()).toBeVisible();
  const all = Number(/^(\d+)/.exec((await status(page).textContent()) ?? '')?.[1]);
  expect(all).toBeGreaterThan(1);
  expect(filterFiles).toEqual([]);
  const topic = page.getByRole('combobox', { name: 'Topic' });
  await topic.focus();
  await expect.poll(() => topic.locator('option').count()).toBeGreaterThan(2);
  const option = topic.locator('option').nth(1);
  const name = (await option.getAttribute('value')) ?? '';
  expect(name).not.toBe('');
  await topic.selectOption(name);
  await expect(page).toHaveURL(new RegExp(`[?&]topic=${encodeURIComponent(name).replace(/%20/g, '\\+')}`));
  await expect(status(page)).toContainText(`in ${name}`);
  const narrowed = Number(/^(\d+)/.exec((await status(page).textContent()) ?? '')?.[1]);
  expect(narrowed).toBeLessThan(all);
  for (const topics of await results(page).locator('.search-result-topics').allTextContents()) expect(topics).toContain(name);
  // The URL alone gives the same search.
  const url = page.url();
  await page.goto('about:blank');
  await page.goto(url);
  await expect(status(page)).toHaveText(new RegExp(`^${narrowed} papers? match(es)? “neural” in ${name}$`));
  await expect(topic).toHaveValue(name);
});

test('/ focuses the header box on a paper page, but not while typing in it', async ({ page }) => {
  await page.goto(PAPER);
  await expect(box(page)).not.toBeFocused();
  await page.keyboard.press('/');
  await expect(box(page)).toBeFocused();
  await page.keyboard.type('a/b');
  await expect(box(page)).toHaveValue('a/b');
});

test('a paper page runs only the small site script until the reader focuses the box, then shows results as they type', async ({ page }) => {
  const scripts: string[] = [];
  const foreign: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).hostname !== '127.0.0.1') foreign.push(r.url());
    if (r.resourceType() === 'script' || r.url().includes('/pagefind/')) scripts.push(new URL(r.url()).pathname);
  });
  await page.goto(PAPER);
  await page.waitForLoadState('networkidle');
  // The site script, and on a paper page its copy code (src/scripts/copy.ts).
  expect(scripts.sort()).toEqual([
    expect.stringMatching(/^\/_astro\/CopyButton[^/]*\.js$/),
    expect.stringMatching(/^\/_astro\/SearchBox[^/]*\.js$/),
  ]);
  await box(page).focus();
  await expect.poll(() => scripts).toContain('/pagefind/pagefind.js');
  expect(scripts.some((s) => /^\/_astro\/start[^/]*\.js$/.test(s))).toBe(true);
  expect(scripts.filter((s) => s.includes('pagefind-component-ui') || s.includes('/pagefind/filter/'))).toEqual([]);
  await box(page).pressSequentially('Lipschitz');
  const panel = page.locator('#search-panel');
  await expect(panel.locator('.search-result-title').filter({ hasText: LIPSCHITZ })).toBeVisible();
  await expect(panel.getByRole('status')).toHaveText(/papers? match(es)? “Lipschitz”/);
  await expect(panel.getByRole('link', { name: /All results for/ })).toHaveAttribute('href', '/search/?q=Lipschitz');
  // Arrow keys move from the box into the results and back.
  await box(page).press('ArrowDown');
  await expect(panel.locator('.search-result a').first()).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(box(page)).toBeFocused();
  await box(page).press('Escape');
  await expect(panel).toBeHidden();
  // Enter goes to the search page, as the plain form does.
  await box(page).press('Enter');
  await expect(page).toHaveURL(/\/search\/\?q=Lipschitz$/);
  await expect(titles(page).filter({ hasText: LIPSCHITZ })).toHaveCount(1);
  expect(foreign).toEqual([]);
});

test('the header panel says when nothing matches, with a suggestion', async ({ page }) => {
  await page.goto(PAPER);
  await box(page).pressSequentially('difusion');
  const panel = page.locator('#search-panel');
  await expect(panel.getByRole('status')).toHaveText('No paper matches “difusion”.');
  await expect(panel.locator('.search-suggestion')).toHaveText('Did you mean diffusion?');
  await expect(panel.locator('.search-result')).toHaveCount(0);
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
  // The worker starts after the page's load and first search, and then stores the site.
  await storedForOffline(page);
  await expect(titles(page).first()).toHaveText(MGNO);
  await page.goto(PAPER);
  await expect(page.locator('h1')).toHaveText(MGNO);

  await context.setOffline(true);
  // The network is cut for the service worker too: what it has not stored fails.
  expect(
    await page.evaluate(() =>
      fetch('/never-stored/').then(
        () => 'network',
        () => 'offline',
      ),
    ),
  ).toBe('offline');
  for (const [q, title] of [
    ['multigrid', MGNO],
    ['Lipschitz', LIPSCHITZ],
    ['ell_infty', REGRESSION],
  ] as const) {
    const response = await page.goto(`/search/?q=${q}`);
    expect(response?.fromServiceWorker()).toBe(true);
    await expect(titles(page).filter({ hasText: title })).toHaveCount(1);
  }
  await page.reload();
  await expect(titles(page).filter({ hasText: REGRESSION })).toHaveCount(1);
  // Suggestions too: the vocabulary is precached.
  await page.goto('/search/?q=difusion');
  await expect(page.locator('[data-search-page] .search-suggestion')).toHaveText('Did you mean diffusion?');
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
  test(`axe finds no violations on the search page (empty, with results, with none) and the header panel (${colorScheme})`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme });
    const axe = async (): Promise<void> => expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    await page.goto('/search/');
    await expect(pageBox(page)).toBeFocused();
    await axe();
    await searchFor(page, 'multigrid');
    await expect(results(page).first()).toBeVisible();
    await axe();
    await searchFor(page, 'difusion', 'Learning theory');
    await expect(page.locator('[data-search-page] .search-empty')).toBeVisible();
    await axe();
    await page.goto(PAPER);
    await box(page).pressSequentially('multigrid');
    await expect(page.locator('#search-panel .search-result').first()).toBeVisible();
    await axe();
  });
}
