/**
 * npm run bench:search -- DIST [--query WORD] [--page /papers/x/]
 *
 * What a reader's first search fetches on a built site (DIST, e.g. a benchmark's kept work
 * folder's dist/), in Chromium on the project's plain static server, sizes as a gzipping host
 * would send them, in three cases of the issue's budget (150 KB gzipped at 10,000 papers; first
 * result 800 ms after navigation, 300 ms after the query):
 * - /search/?q=WORD: from the search's first request to its first result, and from navigation;
 * - the search page loaded (Pagefind with it), then WORD typed into its field;
 * - the header's panel of a paper page: from the first key to the first result.
 * Prints each request, the bytes by kind and the totals, and with an index split by month when
 * the results over every month replaced the newest month's. Figures only: nothing passes or fails.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { launch, measurePanel, measureSearch, RESULT_SELECTOR, serve, type SearchMeasure } from './browser.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { values, positionals } = parseArgs({ allowPositionals: true, options: { query: { type: 'string' }, page: { type: 'string' } } });
const dist = resolve(positionals[0] ?? join(ROOT, 'dist'));
if (!existsSync(join(dist, 'pagefind'))) {
  console.error(`error: ${dist} has no pagefind/ (build the site first)`);
  process.exit(2);
}
const query = values.query ?? 'networks';
const paper = values.page ?? `/papers/${readdirSync(join(dist, 'papers')).find((d) => existsSync(join(dist, 'papers', d, 'index.html')))}/`;
const kb = (n: number | undefined): string => `${((n ?? NaN) / 1024).toFixed(1)} KB`;

/** What a request is, by its path in Pagefind's bundle (or the site's scripts). */
function kindOf(url: string): string {
  const path = url.replace(/[?#].*$/, '');
  // Both layouts: one index in pagefind/, or one per month in pagefind/<month>/.
  if (/\/pagefind\/([^/]+\/)?index\//.test(path)) return 'index chunks';
  if (/\/pagefind\/([^/]+\/)?fragment\//.test(path)) return 'fragments';
  if (/\/pagefind\/([^/]+\/)?filter\//.test(path)) return 'filters';
  if (/\.pf_meta$/.test(path)) return 'metadata';
  if (/\/pagefind\/([^/]+\/)?wasm\.[^/]+$/.test(path)) return 'wasm';
  if (/\/pagefind\/([^/]+\/)?[^/]+\.json$/.test(path)) return 'entry files';
  if (/\/pagefind\/[^/]+\.js$/.test(path)) return 'pagefind.js';
  if (/\.js$/.test(path)) return 'site scripts';
  return 'other';
}

function print(title: string, m: SearchMeasure): void {
  console.log(`\n${title}: ${m.status}${m.reason ? ` (${m.reason})` : ''}`);
  if (m.status !== 'ok') return;
  const search = (m.requests ?? []).filter((r) => r.phase === 'search');
  for (const r of search) console.log(`  ${kb(r.bytes).padStart(9)} raw ${kb(r.gzipBytes).padStart(9)} gzip  ${r.url}`);
  const byKind = new Map<string, number>();
  for (const r of search) byKind.set(kindOf(r.url), (byKind.get(kindOf(r.url)) ?? 0) + r.gzipBytes);
  console.log(`  gzip by kind: ${[...byKind].map(([k, n]) => `${k} ${kb(n)}`).join(', ')}`);
  const nav = m.navToResultMs === undefined ? '' : `, ${Math.round(m.navToResultMs)} ms from navigation`;
  console.log(
    `  total ${kb(m.searchBytes)}, gzip ${kb(m.searchGzipBytes)}; ${m.results} results shown; first ${Math.round(m.queryToResultMs ?? NaN)} ms after the query${nav}`,
  );
  if (m.completeMs !== undefined)
    console.log(
      `  every month searched and merged ${Math.round(m.completeMs)} ms after the query, gzip ${kb(m.completeGzipBytes)} fetched by then`,
    );
}

const papers = readdirSync(join(dist, 'papers')).length;
console.log(`${dist}: ${papers} paper pages; query "${query}"`);
const server = await serve(ROOT, dist, process.env);
const browser = await launch(process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium');
try {
  // Fresh profiles with the service worker blocked: its precache is not the search's.
  print(
    `/search/?q=${query}, from the search bundle to the first result`,
    await measureSearch(browser, server.origin, dist, query, '/', { blockServiceWorker: true }),
  );
  print(
    'the search page loaded, then the query typed into its field',
    await measurePanel(browser, server.origin, '/search/', query, {
      input: '#search-page-q',
      results: RESULT_SELECTOR,
      status: '[data-search-status]',
    }),
  );
  print(`header panel on ${paper}, from the first key to the first result`, await measurePanel(browser, server.origin, paper, query));
} finally {
  await browser.close();
  server.stop();
}
