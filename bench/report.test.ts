import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatReport, table } from './format-report.ts';
import { bytes, evaluateTargets, memory, seconds, type BenchReport, type SizeRun } from './report.ts';
import type { SearchMeasure } from './browser.ts';

const run = (papers: number, over: Partial<SizeRun> = {}): SizeRun => ({
  papers,
  digests: papers / 50,
  ingest: { ms: 1000, digests: papers / 50, peakBytes: 100 * 1024 ** 2, firstMs: 400, lastMs: 600 },
  build: { ms: 60_000, peakBytes: 2 * 1024 ** 3, stages: { content: 5000, render: 40_000 } },
  totalMs: 61_000,
  dist: {
    pages: papers + 20,
    files: papers + 100,
    distBytes: 1e8,
    pagefindBytes: 1e7,
    paperPages: papers,
    paperHtml: { p50: 20_000, p95: 26_000, max: 40_000, maxPage: '/papers/big/' },
    typical: {
      page: '/papers/t/',
      html: 20_000,
      css: 5000,
      js: 0,
      inlineJs: 0,
      fonts: 0,
      total: 25_000,
      math: false,
      files: [],
      missing: [],
    },
    typicalMath: undefined,
    pagesWithMath: 10,
    katexCssWithoutMath: 0,
    mathWithoutKatexCss: 0,
    katexExamples: [],
    htmlMax: { bytes: 120_000, page: '/topics/big/' },
    heaviest: [],
  },
  ...over,
});

const byName = (targets: ReturnType<typeof evaluateTargets>, start: string) => targets.find((t) => t.name.startsWith(start))!;

test('time and memory targets apply at 10,000 papers; below they are n/a with the value shown', () => {
  const small = evaluateTargets(run(200));
  assert.equal(byName(small, 'cold build').status, 'n/a');
  assert.equal(byName(small, 'cold build').value, '60.0 s');
  const big = evaluateTargets(run(10_000, { build: { ms: 95_000, peakBytes: 2 * 1024 ** 3, stages: {} } }));
  assert.equal(byName(big, 'cold build').status, 'FAIL');
  assert.equal(byName(big, 'peak memory').status, 'PASS');
});

test('page targets: typical and largest HTML, JS, KaTeX CSS; search n/a when not measured', () => {
  const t = evaluateTargets(run(200));
  assert.equal(byName(t, 'typical paper page HTML').status, 'PASS');
  assert.equal(byName(t, 'largest paper page HTML').status, 'FAIL');
  assert.equal(byName(t, 'largest HTML page, any kind').status, 'FAIL');
  assert.equal(byName(t, 'largest HTML page, any kind').note, '/topics/big/');
  assert.equal(byName(t, 'JS on a paper page').status, 'PASS');
  assert.equal(byName(t, 'KaTeX CSS').status, 'PASS');
  assert.equal(byName(t, 'first search: bytes').status, 'n/a');
  // A first search that found "neural": 250 ms from the query, 400 ms from navigation, unless `extra` says otherwise.
  const searched = (extra: Partial<SearchMeasure>) =>
    evaluateTargets(run(200, { search: { status: 'ok', query: 'neural', queryToResultMs: 250, navToResultMs: 400, ...extra } }));
  const withSearch = searched({ searchBytes: 300 * 1024, searchGzipBytes: 151 * 1000, totalBytes: 320 * 1024 });
  // The budget is gzipped: 300 KiB raw passes at 149 KB gzipped, 151 KB gzipped fails.
  assert.equal(byName(withSearch, 'first search: bytes').status, 'FAIL');
  const lightSearch = searched({ navToResultMs: 900, searchBytes: 300 * 1024, searchGzipBytes: 149 * 1000 });
  assert.equal(byName(lightSearch, 'first search: bytes').status, 'PASS');
  assert.equal(byName(lightSearch, 'first search: navigation').status, 'FAIL');
  assert.equal(byName(withSearch, 'first search: navigation').status, 'PASS');
  assert.equal(byName(withSearch, 'first search: query').status, 'PASS');
  // Typed on loaded pages, the target is the search page's and the header panel's figures, both.
  const typed = (panelMs: number) =>
    searched({
      loaded: { status: 'ok', query: 'neural', queryToResultMs: 120 },
      panel: { status: 'ok', query: 'neural', queryToResultMs: panelMs },
    });
  assert.equal(byName(typed(200), 'first search: query').status, 'PASS');
  assert.equal(byName(typed(200), 'first search: query').value, '120 ms search page, 200 ms header panel');
  assert.equal(byName(typed(400), 'first search: query').status, 'FAIL');
});

test('daily-cost targets: one more digest ingested, the warm rebuild, the whole run, the bare-Astro ratios', () => {
  const warm = { papers: 50, ingestMs: 900, build: { ms: 28_000, peakBytes: 2 * 1024 ** 3, stages: {} } };
  const baseline = { status: 'ok' as const, ms: 100_000, peakBytes: 5 * 1024 ** 3 };
  const scale = run(10_000, { warm, baseline, build: { ms: 55_000, peakBytes: 2.4 * 1024 ** 3, stages: {} } });
  const t = evaluateTargets(scale, undefined, { ms: 590_000, sizes: [10_000], skipped: [] });
  assert.equal(byName(t, 'ingest of one more 50-paper digest').status, 'PASS');
  assert.equal(byName(t, 'warm rebuild').status, 'PASS');
  assert.equal(byName(t, 'whole benchmark run').status, 'PASS');
  assert.equal(byName(t, 'cold build / bare Astro + MDX build: time').status, 'PASS');
  assert.equal(byName(t, 'cold build / bare Astro + MDX build: time').value, '0.55x (55.0 s / 100.0 s)');
  assert.equal(byName(t, 'cold build / bare Astro + MDX build: peak memory').status, 'FAIL');
  assert.equal(byName(t, 'cold build / bare Astro + MDX build: peak memory').value, '0.48x (2.40 GiB / 5.00 GiB)');
  const slow = evaluateTargets(run(10_000, { warm: { ...warm, ingestMs: 1900 } }), undefined, {
    ms: 700_000,
    sizes: [10_000],
    skipped: ['baseline'],
  });
  assert.equal(byName(slow, 'ingest of one more').status, 'FAIL');
  assert.equal(byName(slow, 'whole benchmark run').status, 'n/a', 'a run without the baseline is not the whole run');
  assert.match(byName(slow, 'whole benchmark run').note ?? '', /baseline skipped/);
  assert.equal(byName(slow, 'cold build / bare Astro + MDX build: time').status, 'n/a');
  assert.equal(
    byName(evaluateTargets(run(200, { warm, baseline })), 'cold build / bare Astro + MDX build: time').status,
    'n/a',
    'ratios are judged at scale',
  );
});

test('growth target', () => {
  const g = { from: 2000, to: 10_000, buildRatio: 5.2, memoryRatio: 2, ingestRatio: 20 };
  assert.equal(byName(evaluateTargets(run(10_000), g), 'growth').status, 'PASS');
  assert.equal(byName(evaluateTargets(run(10_000), { ...g, buildRatio: 6 }), 'growth').status, 'FAIL');
});

test('formatting', () => {
  assert.equal(seconds(1234), '1.2 s');
  assert.equal(seconds(undefined), 'n/a');
  assert.equal(bytes(512), '512 B');
  assert.equal(bytes(30 * 1024), '30.0 KiB');
  assert.equal(bytes(16 * 1024 ** 2), '16.0 MiB');
  assert.equal(memory(2.5 * 1024 ** 3), '2.50 GiB');
  assert.equal(memory(185 * 1024 ** 2), '0.18 GiB', 'memory is always GiB, however small');
  assert.equal(table(['a', 'bb'], [['xxx', 'y']]), 'a    bb\n---  --\nxxx  y');
  const report: BenchReport = {
    version: 1,
    startedAt: '',
    machine: { cpus: 2, memoryBytes: 0, node: 'v22', platform: 'linux' },
    load: { start: 0.1, end: 0.5 },
    seed: 1,
    runs: [run(200)],
    targets: evaluateTargets(run(200)),
  };
  const text = formatReport(report);
  assert.match(text, /^papers\s+200$/m);
  assert.match(text, /cold build \(npm run build, incl\. indexing\)\s+60\.0 s\s+<= 90\.0 s\s+n\/a/);
  const warm = {
    papers: 50,
    ingestMs: 900,
    build: {
      ms: 20_000,
      peakBytes: 1024 ** 3,
      stages: { content: 3000, render: 9000, indexing: 6000, shaped: 51 },
      rerendered: { pages: 140, papers: 120 },
    },
  };
  assert.match(
    formatReport({ ...report, runs: [run(200, { warm })] }),
    /^warm: rebuild\s+20\.0 s \(content 3\.0 s, render 9\.0 s, index 6\.0 s\); 120 paper pages re-rendered, 51 shaped for search$/m,
  );
});
