/**
 * npm run bench:search -- DIST... [--query WORD] [--page /papers/x/] [--rounds R]
 *
 * What a reader's first search fetches on a built site (DIST, e.g. a benchmark's kept work
 * folder's dist/), in Chromium on the project's plain static server, sizes as a gzipping host
 * would send them, in the cases of the issue's budget (150 KB gzipped at 10,000 papers; first
 * result 800 ms after navigation, 300 ms after the query on a loaded page):
 * - /search/?q=WORD: from the search's first request to its first result, and from navigation;
 * - the search page loaded (Pagefind loads with it), then WORD typed into its field key by key,
 *   timed from the last key (browser.ts, measureTyped), and pasted at once;
 * - the same in the header's panel of a paper page.
 * Prints each request of the first round, the bytes by kind and the totals, and with an index
 * split by month when the results over every month replaced the newest month's. With several
 * DISTs (before and after a change) and R rounds, the sites take turns within each round and
 * the medians are printed side by side. Figures only: nothing passes or fails.
 */
import { existsSync, readdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { launch, measureSearch, serve, type SearchMeasure } from './browser.ts';
import { HEADER_PANEL, measureTyped, SEARCH_PAGE } from './browser-typed.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { query: { type: 'string' }, page: { type: 'string' }, rounds: { type: 'string' } },
});
const dists = (positionals.length ? positionals : [join(ROOT, 'dist')]).map((d) => resolve(d));
for (const dist of dists)
  if (!existsSync(join(dist, 'pagefind'))) {
    console.error(`error: ${dist} has no pagefind/ (build the site first)`);
    process.exit(2);
  }
const rounds = Math.max(1, Number(values.rounds ?? 1));
const query = values.query ?? 'networks';
const paperOf = (dist: string): string =>
  values.page ?? `/papers/${readdirSync(join(dist, 'papers')).find((d) => existsSync(join(dist, 'papers', d, 'index.html')))}/`;
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
  const first = m.firstKeyToResultMs === undefined ? '' : `, ${Math.round(m.firstKeyToResultMs)} ms from the first key`;
  console.log(
    `  total ${kb(m.searchBytes)}, gzip ${kb(m.searchGzipBytes)}; ${m.results} results shown; first ${Math.round(m.queryToResultMs ?? NaN)} ms after the query${nav}${first}`,
  );
  if (m.completeMs !== undefined)
    console.log(
      `  every month searched and merged ${Math.round(m.completeMs)} ms after the query, gzip ${kb(m.completeGzipBytes)} fetched by then`,
    );
}

/** The cases measured, each a name and a run on one site. */
const cases: { name: string; run: (origin: string, dist: string) => Promise<SearchMeasure> }[] = [
  // Fresh profiles with the service worker blocked: its precache is not the search's.
  {
    name: `/search/?q=${query}, from the search bundle to the first result`,
    run: (origin, dist) => measureSearch(browser, origin, dist, query, '/', { blockServiceWorker: true }),
  },
  {
    name: 'search page loaded, the query typed key by key',
    run: (origin) => measureTyped(browser, origin, '/search/', query, SEARCH_PAGE),
  },
  {
    name: 'search page loaded, the query pasted at once',
    run: (origin) => measureTyped(browser, origin, '/search/', query, SEARCH_PAGE, 'paste'),
  },
  {
    name: 'header panel of a paper page, typed key by key',
    run: (origin, dist) => measureTyped(browser, origin, paperOf(dist), query, HEADER_PANEL),
  },
  {
    name: 'header panel of a paper page, pasted at once',
    run: (origin, dist) => measureTyped(browser, origin, paperOf(dist), query, HEADER_PANEL, 'paste'),
  },
];

const median = (xs: number[]): number => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  return s.length ? (s[(s.length - 1) >> 1]! + s[s.length >> 1]!) / 2 : NaN;
};

console.log(`query "${query}", ${rounds} round(s), ${loadavg()[0]!.toFixed(1)} load`);
for (const dist of dists) console.log(`${dist}: ${readdirSync(join(dist, 'papers')).length} paper pages; panel on ${paperOf(dist)}`);
const servers = await Promise.all(dists.map((d) => serve(ROOT, d, process.env)));
const browser = await launch(process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium');
/** ms after the query, and gzipped bytes, per case, per site. */
const times = cases.map(() => dists.map(() => [] as number[]));
const gzip = cases.map(() => dists.map(() => [] as number[]));
try {
  for (let round = 0; round < rounds; round++)
    for (const [c, one] of cases.entries())
      for (const [d, dist] of dists.entries()) {
        const m = await one.run(servers[d]!.origin, dist);
        if (round === 0) print(`${one.name} [${dist}]`, m);
        else if (m.status !== 'ok') print(`round ${round + 1}: ${one.name} [${dist}]`, m);
        times[c]![d]!.push(m.queryToResultMs ?? NaN);
        gzip[c]![d]!.push(m.searchGzipBytes ?? NaN);
      }
} finally {
  await browser.close();
  for (const s of servers) s.stop();
}
if (rounds > 1 || dists.length > 1) {
  console.log(`\nmedians over ${rounds} round(s), ms after the query (gzip KB), load now ${loadavg()[0]!.toFixed(1)}:`);
  for (const [c, one] of cases.entries())
    console.log(
      `  ${one.name}: ${dists.map((_, d) => `${Math.round(median(times[c]![d]!))} ms (${kb(median(gzip[c]![d]!))}) [${times[c]![d]!.map((t) => Math.round(t)).join(', ')}]`).join('  vs  ')}`,
    );
}
