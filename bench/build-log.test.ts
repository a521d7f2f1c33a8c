import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildStages, lineStamper, pageLine, parseDuration, type LogLine } from './build-log.ts';

const log = (entries: [number, string][]): LogLine[] => entries.map(([at, text]) => ({ at, text }));

const BUILD = log([
  [100, '02:51:23 [content] Syncing content'],
  [4100, '02:51:24 [paperboy-papers] 200 papers, 200 rendered, 0 cached'],
  [4200, '02:51:24 [content] Synced content'],
  [5000, '02:51:24 [build] Building static entrypoints...'],
  [9000, '02:51:28 [vite] ✓ built in 3.9s'],
  [9100, ' generating static routes '],
  [9200, '02:51:28   ├─ /papers/a/index.html (+9ms) '],
  [30000, '02:51:49 ✓ Completed in 20.9s.'],
  [30500, '02:51:50 [@astrojs/sitemap] `sitemap-index.xml` created at `dist`'],
  [41000, '02:52:00 [paperboy-pagefind] indexed 200 pages'],
  [42000, '02:52:01 [paperboy-pagefind] service worker paperboy-1234: 30 files precached'],
  [42100, '02:52:01 [build] 215 page(s) built in 42.0s'],
  [42200, '02:52:01 [build] Complete!'],
]);

test('buildStages: content, bundle, render, hooks, indexing inside Astro, pages', () => {
  assert.deepEqual(buildStages(BUILD, 43000), {
    content: 4200,
    bundle: 4100,
    render: 20900,
    postRender: 12200,
    astro: 42200,
    afterAstro: 800,
    indexing: 11500,
    pages: 215,
  });
});

test('buildStages: an indexer run after astro build, printing its own time', () => {
  const lines = log([
    [4200, '[content] Synced content'],
    [5000, '[build] Building static entrypoints...'],
    [9100, ' generating static routes '],
    [30000, '✓ Completed in 20.9s.'],
    [31000, '[build] Complete!'],
    [52000, '[paperboy-pagefind] indexed 10000 pages'],
    [53500, '[paperboy-pagefind] service worker x: 86 files precached'],
    [53600, '[paperboy-pagefind] done in 21.9s'],
  ]);
  const s = buildStages(lines, 54000);
  assert.deepEqual([s.astro, s.afterAstro, s.postRender, s.indexing], [31000, 23000, 1000, 21900]);
});

test('buildStages takes "indexed N pages in T" too', () => {
  const lines = BUILD.map((l) =>
    l.text.includes('indexed') ? { ...l, text: '02:52:00 [paperboy-pagefind] indexed 200 pages in 8.25s' } : l,
  );
  assert.equal(buildStages(lines, 43000).indexing, 8250);
});

test('buildStages leaves out what the log does not show', () => {
  assert.deepEqual(buildStages(log([[5, 'something else']]), 10), {});
  // ANSI colours do not hide the markers.
  assert.equal(buildStages(log([[7, '\u001b[2m02:51:24\u001b[22m \u001b[34m[content]\u001b[39m Synced content']]), 10).content, 7);
});

test('parseDuration', () => {
  assert.equal(parseDuration('Completed in 344ms.'), 344);
  assert.equal(parseDuration('built in 1.16s'), 1160);
  assert.equal(parseDuration('took 2m 3s'), 123_000);
  assert.equal(parseDuration('no time'), undefined);
});

test('lineStamper splits chunks into stamped lines', () => {
  let now = 0;
  const got: LogLine[] = [];
  const s = lineStamper(
    () => now,
    (l) => got.push(l),
  );
  s.push('a\nb');
  now = 5;
  s.push('c\r\nd');
  s.end();
  assert.deepEqual(got, [
    { at: 0, text: 'a' },
    { at: 5, text: 'bc' },
    { at: 5, text: 'd' },
  ]);
});

test('buildStages: how many pages the search step shaped anew', () => {
  const lines = BUILD.map((l) =>
    l.text.includes('indexed')
      ? {
          ...l,
          text: '02:52:00 [paperboy-pagefind] indexed 200 pages (12 shaped, 188 from the cache; 188 fragments kept from the previous index), 90 words for suggestions',
        }
      : l,
  );
  assert.equal(buildStages(lines, 43000).shaped, 12);
  assert.equal(buildStages(BUILD, 43000).shaped, undefined);
});

test('pageLine: a page Astro rendered, one it kept, and lines that are no page', () => {
  assert.deepEqual(pageLine('02:51:28   ├─ /papers/a/index.html (+9ms) '), { path: '/papers/a/index.html', rendered: true });
  assert.deepEqual(pageLine('\u001b[2m02:51:28\u001b[22m   └─ /topics/x/2/index.html (cached)'), {
    path: '/topics/x/2/index.html',
    rendered: false,
  });
  assert.deepEqual(pageLine('├─ /404.html (+29ms)'), { path: '/404.html', rendered: true });
  assert.equal(pageLine('02:51:28 [build] 215 page(s) built in 42.0s'), undefined);
  assert.equal(pageLine(' generating static routes '), undefined);
});
