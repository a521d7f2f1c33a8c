/**
 * The reader's side, in Chromium against the built site on the project's plain static server
 * (test/support/static-server.ts: no compression, as the end-to-end tests see it):
 * - a first search: open /search/?q=<word>, count the bytes fetched from navigation to the first
 *   rendered result (split into the page's own load and the search's: from the first request of
 *   the search bundle, _astro/start-*.js, or of pagefind/), and the time from the query to that result;
 * - a search typed on a loaded page (measureTyped, browser-typed.ts): the search page's own field, and the header's
 *   panel of a paper page, timed from the last key;
 * - a paper page on first visit, with no interaction: bytes by kind, and the JS it runs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page, Request } from 'playwright';

export const CHROMIUM_ARGS = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Elements a rendered search result has: this site's template, or Pagefind's own UIs. */
export const RESULT_SELECTOR = '.search-result a[href], .pf-result a[href], .pagefind-ui__result a[href], pagefind-results li a[href]';
/** A result in the header's panel. */
export const PANEL_RESULT_SELECTOR = '#search-panel .search-result a[href]';

export interface Fetched {
  url: string;
  kind: string;
  bytes: number;
  /** Size if the host gzipped it (text and wasm only; fonts and images stay as they are). */
  gzipBytes: number;
  start: number;
  serviceWorker: boolean;
}

export interface SearchMeasure {
  status: 'ok' | 'n/a' | 'failed';
  reason?: string;
  query: string;
  url?: string;
  /** Navigation to first result, ms. */
  navToResultMs?: number;
  /**
   * ms to the first result: on /search/?q= from the search code's first request; typed
   * (measureTyped) from the last key, the query being whole only then.
   */
  queryToResultMs?: number | undefined;
  /** Typed: how, and ms from the first key (or the click, pasted) to the first result. */
  typing?: 'keys' | 'paste';
  firstKeyToResultMs?: number | undefined;
  /** With measureSearch in npm run bench: the query typed on a loaded search page, and into the header's panel of a paper page. */
  loaded?: SearchMeasure | undefined;
  panel?: SearchMeasure | undefined;
  /** Bytes fetched from navigation to the first result. */
  totalBytes?: number;
  /** Of which by the search (from its first request on). */
  searchBytes?: number;
  searchGzipBytes?: number;
  /**
   * With an index split by month: when the results over every month replaced the newest month's
   * (the count no longer says older papers are being searched), ms after the query, and the
   * gzipped bytes fetched from the query to then.
   */
  completeMs?: number | undefined;
  completeGzipBytes?: number | undefined;
  /** Fetched by the service worker in the same window (precache), counted apart. */
  serviceWorkerBytes?: number;
  results?: number;
  requests?: { url: string; kind: string; bytes: number; gzipBytes: number; phase: 'page' | 'search' | 'sw' }[];
}

export interface PageVisit {
  status: 'ok' | 'failed';
  reason?: string;
  url: string;
  bytes: Record<string, number>;
  /** Scripts the page itself fetched (the service worker's own script and fetches excluded). */
  jsBytes: number;
  scripts: string[];
  /** Fetched by or for the service worker after the visit (sw.js and its precache). */
  serviceWorkerBytes: number;
  /** Whether the visit fetched anything of search (it should not, before the reader searches). */
  searchLoaded: boolean;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/**
 * Resolves with the time at which the page first shows a non-empty `selector` while its count
 * line (`status`) names the whole query (“networks”): the result of a prefix typed on the way
 * ("netw") is not the query's. The page reports it through a binding: no eval in the page,
 * which the site's Content-Security-Policy forbids.
 */
export async function watchFirstResult(
  page: Page,
  selector: string,
  status: string,
  query: string,
): Promise<{ firstResult: Promise<number> }> {
  let reported: (at: number) => void = () => {};
  const firstResult = new Promise<number>((resolve) => (reported = resolve));
  await page.exposeFunction('__benchFirstResult', (at: number) => reported(at));
  await page.addInitScript(`(() => {
    const sel = ${JSON.stringify(selector)};
    const status = ${JSON.stringify(status)};
    const named = ${JSON.stringify(`“${query}”`)};
    let done = false;
    new MutationObserver(() => {
      if (done) return;
      if (!(document.querySelector(status)?.textContent ?? '').includes(named)) return;
      const hit = [...document.querySelectorAll(sel)].find((a) => a.textContent.trim() !== '');
      if (hit) {
        done = true;
        window.__benchFirstResult(performance.timeOrigin + performance.now());
      }
    }).observe(document, { childList: true, subtree: true, characterData: true });
  })();`);
  return { firstResult };
}

/** The search's count line while older months are still searched (src/lib/site/search/merge.ts). */
const SEARCHING_OLDER = 'searching older papers';

/** When `status` first stops saying older months are being searched (epoch ms), or undefined after 30 s. */
export async function settledAt(page: Page, status: string): Promise<number | undefined> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const text = await page
      .locator(status)
      .first()
      .textContent()
      .catch(() => null);
    if (text !== null && text.trim() !== '' && !text.includes(SEARCHING_OLDER)) return Date.now();
    await page.waitForTimeout(20);
  }
  return undefined;
}

/** Starts test/support/static-server.ts of the project in `projectDir` on dist; resolves once it listens. */
export async function serve(projectDir: string, dist: string, env: NodeJS.ProcessEnv): Promise<{ origin: string; stop: () => void }> {
  const port = await freePort();
  const child: ChildProcess = spawn('node', ['--import', 'tsx', join(projectDir, 'test/support/static-server.ts'), dist, String(port)], {
    cwd: projectDir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the static server did not start within 20 s')), 20_000);
    let err = '';
    child.stderr?.on('data', (c: Buffer) => (err += c.toString()));
    child.stdout?.on('data', (c: Buffer) => {
      if (c.toString().includes('serving')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the static server exited (${code}): ${err.trim()}`));
    });
  });
  return { origin: `http://127.0.0.1:${port}`, stop: () => child.kill() };
}

const COMPRESSIBLE = /^(document|script|stylesheet|fetch|xhr|manifest|other)$/;

/** Records every request of a context, with sizes once finished. */
export function recorder(context: BrowserContext, gzip: boolean): { list: () => Promise<Fetched[]> } {
  const pending: Promise<Fetched | undefined>[] = [];
  const started = new WeakMap<Request, number>();
  context.on('request', (request: Request) => started.set(request, Date.now()));
  context.on('requestfinished', (request: Request) => {
    const start = started.get(request) ?? Date.now();
    pending.push(
      (async () => {
        const sizes = await request.sizes().catch(() => undefined);
        const response = await request.response().catch(() => null);
        let body = sizes?.responseBodySize ?? 0;
        let gz = body;
        if (gzip && response && (COMPRESSIBLE.test(request.resourceType()) || /\.(wasm|pagefind|pf_\w+)$/.test(request.url()))) {
          const buf = await response.body().catch(() => undefined);
          if (buf) {
            body = Math.max(body, buf.length);
            gz = gzipSync(buf, { level: 6 }).length;
          }
        }
        const headers = sizes?.responseHeadersSize ?? 0;
        return {
          url: request.url(),
          kind: request.resourceType(),
          bytes: body + headers,
          gzipBytes: gz + headers,
          start,
          serviceWorker: request.serviceWorker() !== null,
        };
      })(),
    );
  });
  return { list: async () => (await Promise.all(pending)).filter((f): f is Fetched => f !== undefined) };
}

/** Picks a query word: the most frequent real-title word of at least 7 letters. */
export function queryWord(titles: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const t of titles) for (const w of new Set(t.toLowerCase().match(/\p{L}{7,}/gu) ?? [])) counts.set(w, (counts.get(w) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? 'learning';
}

const isSearchUrl = (url: string): boolean => /\/(search\.js|pagefind\/|_astro\/start[^/]*\.js)/.test(url);
/** The search starts with its code: the search bundle or a Pagefind script (not the page's own stylesheets). */
const startsSearch = (f: Fetched): boolean => !f.serviceWorker && f.kind !== 'stylesheet' && f.kind !== 'document' && isSearchUrl(f.url);

export async function launch(executablePath: string): Promise<Browser> {
  const { chromium } = await import('playwright');
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

/** A first search on a fresh browser profile. */
export async function measureSearch(
  browser: Browser,
  origin: string,
  dist: string,
  query: string,
  base = '/',
  options: { blockServiceWorker?: boolean } = {},
): Promise<SearchMeasure> {
  const path = `${base.replace(/\/?$/, '/')}search/`;
  if (!existsSync(join(dist, 'search/index.html'))) return { status: 'n/a', reason: 'the site has no /search/ page', query };
  if (!existsSync(join(dist, 'pagefind'))) return { status: 'n/a', reason: 'the site has no Pagefind index (dist/pagefind)', query };
  const url = `${origin}${path}?${new URLSearchParams({ q: query })}`;
  // Blocking the service worker keeps the search's own requests apart from its precache.
  const context = await browser.newContext(options.blockServiceWorker ? { serviceWorkers: 'block' } : {});
  try {
    const rec = recorder(context, true);
    const page = await context.newPage();
    const { firstResult } = await watchFirstResult(page, RESULT_SELECTOR, '[data-search-status]', query);
    const navStart = Date.now();
    await page.goto(url, { waitUntil: 'commit' });
    const timeout = new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 30_000).unref());
    const resultAt = await Promise.race([firstResult, timeout]);
    if (resultAt === undefined) {
      const status = await page
        .locator('[data-search-status]')
        .textContent()
        .catch(() => null);
      return {
        status: 'failed',
        reason: `no result for "${query}" within 30 s${status ? ` (page says: ${status.trim()})` : ''}`,
        query,
        url,
      };
    }
    const results = await page.locator(RESULT_SELECTOR).count();
    const completeAt = await settledAt(page, '[data-search-status]');
    await page.waitForTimeout(500);
    const fetched = (await rec.list()).filter((f) => f.start >= navStart - 50);
    const before = fetched.filter((f) => f.start <= resultAt);
    const searchStart = Math.min(...before.filter(startsSearch).map((f) => f.start));
    // The page's own markup, styles, images and fonts are the page's, even when they start after
    // the search's first request (a search page that preloads Pagefind's script from its head).
    const ownAsset = (f: Fetched): boolean => !isSearchUrl(f.url) && /^(document|stylesheet|image|font)$/.test(f.kind);
    const phase = (f: Fetched): 'page' | 'search' | 'sw' =>
      f.serviceWorker ? 'sw' : f.start >= searchStart && !ownAsset(f) ? 'search' : 'page';
    const sum = (list: Fetched[], key: 'bytes' | 'gzipBytes' = 'bytes'): number => list.reduce((n, f) => n + f[key], 0);
    const search = before.filter((f) => phase(f) === 'search');
    const toComplete = fetched.filter((f) => completeAt !== undefined && f.start <= completeAt && phase(f) === 'search');
    return {
      status: 'ok',
      query,
      url,
      navToResultMs: resultAt - navStart,
      queryToResultMs: Number.isFinite(searchStart) ? resultAt - searchStart : undefined,
      totalBytes: sum(before.filter((f) => !f.serviceWorker)),
      searchBytes: sum(search),
      searchGzipBytes: sum(search, 'gzipBytes'),
      completeMs: completeAt === undefined || !Number.isFinite(searchStart) ? undefined : completeAt - searchStart,
      completeGzipBytes: completeAt === undefined ? undefined : sum(toComplete, 'gzipBytes'),
      serviceWorkerBytes: sum(before.filter((f) => f.serviceWorker)),
      results,
      requests: before.map((f) => ({
        url: f.url.slice(origin.length),
        kind: f.kind,
        bytes: f.bytes,
        gzipBytes: f.gzipBytes,
        phase: phase(f),
      })),
    };
  } finally {
    await context.close();
  }
}

/** A paper page on first visit, no interaction: what it fetches, by kind, and its scripts. */
export async function visitPage(browser: Browser, origin: string, pagePath: string): Promise<PageVisit> {
  const context = await browser.newContext();
  const url = `${origin}${pagePath}`;
  try {
    const rec = recorder(context, false);
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForLoadState('networkidle').catch(() => undefined);
    await page.waitForTimeout(1000);
    const all = await rec.list();
    const isSw = (f: Fetched): boolean => f.serviceWorker || /\/sw\.js(\?|$)/.test(f.url);
    const fetched = all.filter((f) => !isSw(f));
    const bytes: Record<string, number> = {};
    for (const f of fetched) bytes[f.kind] = (bytes[f.kind] ?? 0) + f.bytes;
    const scripts = fetched.filter((f) => f.kind === 'script').map((f) => f.url.slice(origin.length));
    return {
      status: 'ok',
      url: pagePath,
      bytes,
      jsBytes: bytes['script'] ?? 0,
      scripts,
      serviceWorkerBytes: all.filter(isSw).reduce((n, f) => n + f.bytes, 0),
      searchLoaded: fetched.some((f) => isSearchUrl(f.url)),
    };
  } catch (error) {
    return {
      status: 'failed',
      reason: (error as Error).message,
      url: pagePath,
      bytes: {},
      jsBytes: 0,
      scripts: [],
      serviceWorkerBytes: 0,
      searchLoaded: false,
    };
  } finally {
    await context.close();
  }
}
