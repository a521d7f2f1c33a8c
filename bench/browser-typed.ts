/**
 * The reader's side, typed: a search typed into a loaded page's box (the search page's field, or
 * the header's panel of any other page), key by key or pasted, timed from the query to its first
 * result (bench/browser.ts has the navigation to /search/?q= and the shared recorder).
 */
import type { Browser } from 'playwright';
import { PANEL_RESULT_SELECTOR, recorder, RESULT_SELECTOR, settledAt, watchFirstResult, type SearchMeasure } from './browser.ts';

/** Where a reader types a search: the box, its results and its count line. */
export interface SearchBox {
  input: string;
  results: string;
  status: string;
}
/** The header's box of every page but the search page, and its results panel. */
export const HEADER_PANEL: SearchBox = { input: '#site-search-q', results: PANEL_RESULT_SELECTOR, status: '#search-panel [role=status]' };
/** The search page's own field. */
export const SEARCH_PAGE: SearchBox = { input: '#search-page-q', results: RESULT_SELECTOR, status: '[data-search-status]' };

/** Key by key, one key every this many ms: a quick typist (60 words a minute is about 200 ms a key). */
export const KEY_INTERVAL_MS = 100;

/**
 * A search typed on a loaded page, fresh profile, the service worker blocked (measureSearch
 * counts its precache). "Loaded": the load event, then nothing fetched for 500 ms; whatever the
 * page starts by itself by then is part of it (the search page loads Pagefind as it opens).
 * Then the reader clicks into `box` and types `query`:
 * - 'keys': key by key, one every KEY_INTERVAL_MS, each key a search as the site runs it; timed
 *   from the last key (the query is whole only then), and from the first key;
 * - 'paste': the whole query at once as the box gets focus, so that nothing started by the focus
 *   has run yet: the worst case, timed from the paste.
 * The first result is the first one shown while the count names the whole query. Bytes: all
 * fetched from the click to that result, gzipped as a host would send them.
 */
export async function measureTyped(
  browser: Browser,
  origin: string,
  pagePath: string,
  query: string,
  box: SearchBox = HEADER_PANEL,
  typing: 'keys' | 'paste' = 'keys',
): Promise<SearchMeasure> {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  try {
    const rec = recorder(context, true);
    const page = await context.newPage();
    const { firstResult } = await watchFirstResult(page, box.results, box.status, query);
    await page.goto(`${origin}${pagePath}`, { waitUntil: 'load' });
    await page.waitForLoadState('networkidle').catch(() => undefined);
    const clicked = Date.now();
    await page.locator(box.input).click();
    let firstKey = Date.now();
    let lastKey = firstKey;
    if (typing === 'paste') await page.keyboard.insertText(query);
    else {
      for (const [i, key] of [...query].entries()) {
        if (i > 0) await page.waitForTimeout(KEY_INTERVAL_MS);
        lastKey = Date.now();
        if (i === 0) firstKey = lastKey;
        await page.keyboard.type(key);
      }
    }
    const timeout = new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 30_000).unref());
    const resultAt = await Promise.race([firstResult, timeout]);
    if (resultAt === undefined) return { status: 'failed', reason: `no result for "${query}" within 30 s`, query, url: pagePath };
    const completeAt = await settledAt(page, box.status);
    await page.waitForTimeout(500);
    const all = (await rec.list()).filter((f) => f.start >= clicked - 50 && !f.serviceWorker);
    const during = all.filter((f) => f.start <= resultAt);
    const sum = (key: 'bytes' | 'gzipBytes'): number => during.reduce((n, f) => n + f[key], 0);
    return {
      status: 'ok',
      query,
      url: pagePath,
      typing,
      queryToResultMs: resultAt - lastKey,
      firstKeyToResultMs: resultAt - firstKey,
      searchBytes: sum('bytes'),
      searchGzipBytes: sum('gzipBytes'),
      completeMs: completeAt === undefined ? undefined : completeAt - lastKey,
      completeGzipBytes:
        completeAt === undefined ? undefined : all.filter((f) => f.start <= completeAt).reduce((n, f) => n + f.gzipBytes, 0),
      results: await page.locator(box.results).count(),
      requests: during.map((f) => ({
        url: f.url.slice(origin.length),
        kind: f.kind,
        bytes: f.bytes,
        gzipBytes: f.gzipBytes,
        phase: 'search' as const,
      })),
    };
  } finally {
    await context.close();
  }
}
