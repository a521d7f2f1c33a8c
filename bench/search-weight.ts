/**
 * npm run bench:search -- DIST [--query WORD] [--page /papers/x/]
 *
 * What a reader's first search fetches on a built site (DIST, e.g. a benchmark's kept work
 * folder's dist/), in Chromium on the project's plain static server, sizes as a gzipping host
 * would send them: on /search/?q=WORD from the search's first request to its first result, and
 * in the header's panel of a paper page from the first key to its first result. Prints each
 * request and the totals; the issue's budget is 150 KB gzipped at 10,000 papers. Figures only:
 * nothing here passes or fails.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { launch, measurePanel, measureSearch, serve, type SearchMeasure } from './browser.ts';

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

function print(title: string, m: SearchMeasure): void {
  console.log(`\n${title}: ${m.status}${m.reason ? ` (${m.reason})` : ''}`);
  if (m.status !== 'ok') return;
  for (const r of m.requests ?? []) if (r.phase === 'search') console.log(`  ${kb(r.bytes).padStart(9)} raw  ${r.url}`);
  console.log(
    `  total ${kb(m.searchBytes)}, gzip ${kb(m.searchGzipBytes)}; ${m.results} results shown; ${Math.round(m.queryToResultMs ?? NaN)} ms to the first`,
  );
}

const papers = readdirSync(join(dist, 'papers')).length;
console.log(`${dist}: ${papers} paper pages; query "${query}"`);
const server = await serve(ROOT, dist, process.env);
const browser = await launch(process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium');
try {
  // Fresh profiles with the service worker blocked: its precache is not the search's.
  print(
    'search page, from the search bundle to the first result',
    await measureSearch(browser, server.origin, dist, query, '/', { blockServiceWorker: true }),
  );
  print(`header panel on ${paper}, from the first key to the first result`, await measurePanel(browser, server.origin, paper, query));
} finally {
  await browser.close();
  server.stop();
}
