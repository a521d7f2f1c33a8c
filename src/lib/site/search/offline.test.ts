import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  builtAssetsOf,
  cacheName,
  katexFonts,
  latestPaperPages,
  precacheUrls,
  urlOf,
  WHOLE_INDEX_BUDGET,
  type SiteFiles,
} from './offline.ts';

const home = (base: string) =>
  `<nav><a href="${base}">Latest</a><a href="${base}digests/">Digests</a></nav>` +
  `<ol><li><a href="${base}papers/mgno/">MgNO</a></li><li><a href="${base}papers/lipschitz/">L</a></li><li><a href="${base}papers/mgno/">again</a></li></ol>`;

function site(base: string, extra: Partial<SiteFiles> = {}): SiteFiles {
  return {
    base,
    files: [
      'index.html',
      'search/index.html',
      'offline/index.html',
      '404.html',
      'favicon.svg',
      'sw.js',
      '_astro/global.abc123.css',
      '_astro/page.def456.js',
      '_astro/offline.aa11.js',
      '_astro/search.bb22.css',
      '_astro/logo.svg',
      'katex/0.16.47/katex.min.css',
      'katex/0.16.47/fonts/KaTeX_Main-Regular.woff2',
      'katex/0.16.47/fonts/KaTeX_Math-Italic.woff2',
      'katex/0.16.47/fonts/KaTeX_Unused.woff2',
      'papers/mgno/index.html',
      'papers/lipschitz/index.html',
      'papers/older/index.html',
      'digests/index.html',
      'pagefind/pagefind.js',
      'pagefind/paperboy-buckets.json',
      'pagefind/paperboy-vocabulary.json',
      'pagefind/2025-03/pagefind-entry.json',
      'pagefind/2025-03/pagefind.en_1234.pf_meta',
      'pagefind/2025-03/wasm.en.pagefind',
      'pagefind/2025-03/filter/en_aa.pf_filter',
      'pagefind/2025-03/index/en_bb.pf_index',
      'pagefind/2025-03/fragment/en_cc.pf_fragment',
      'pagefind/2025-02/pagefind-entry.json',
      'pagefind/2025-02/pagefind.en_22.pf_meta',
      'pagefind/2025-02/wasm.en.pagefind',
      'pagefind/2025-02/index/en_b2.pf_index',
      'pagefind/2025-01/pagefind-entry.json',
      'pagefind/2025-01/pagefind.en_11.pf_meta',
      'pagefind/2025-01/wasm.en.pagefind',
      'pagefind/2025-01/filter/en_a1.pf_filter',
      'pagefind/2025-01/fragment/en_c1.pf_fragment',
    ],
    homeHtml: home(base),
    offlineHtml: `<link rel="stylesheet" href="${base}_astro/global.abc123.css"><script type="module" src="${base}_astro/offline.aa11.js"></script><link rel="icon" href="${base}favicon.svg">`,
    katexCss: {
      path: 'katex/0.16.47/katex.min.css',
      text: '@font-face{src:url(fonts/KaTeX_Main-Regular.woff2) format("woff2")}@font-face{src:url("./fonts/KaTeX_Math-Italic.woff2")}@font-face{src:url(fonts/KaTeX_Missing.woff2)}',
    },
    buckets: {
      version: 1,
      buckets: [
        { key: '2025-03', path: 'pagefind/2025-03/', pages: 3, meta: 'en_1234', wasm: 'en' },
        { key: '2025-02', path: 'pagefind/2025-02/', pages: 2, meta: 'en_22', wasm: 'en' },
        { key: '2025-01', path: 'pagefind/2025-01/', pages: 1, meta: 'en_11', wasm: 'en' },
      ],
    },
    sizes: new Map([
      ['pagefind/2025-03/index/en_bb.pf_index', 1000],
      ['pagefind/2025-03/fragment/en_cc.pf_fragment', 2000],
      ['pagefind/2025-02/index/en_b2.pf_index', 1000],
      ['pagefind/2025-01/fragment/en_c1.pf_fragment', 1000],
    ]),
    ...extra,
  };
}

test('URLs of output files are the links the site writes', () => {
  assert.equal(urlOf('/', 'index.html'), '/');
  assert.equal(urlOf('/paperboy/', 'papers/x/index.html'), '/paperboy/papers/x/');
  assert.equal(urlOf('/', 'pagefind/pagefind.js'), '/pagefind/pagefind.js');
  assert.equal(urlOf('/', 'not-index.html'), '/not-index.html');
});

test('the latest papers are the home page links to paper pages, once each, under the base', () => {
  assert.deepEqual(latestPaperPages(home('/'), '/'), ['papers/mgno/index.html', 'papers/lipschitz/index.html']);
  assert.deepEqual(latestPaperPages(home('/pb/'), '/pb/'), ['papers/mgno/index.html', 'papers/lipschitz/index.html']);
  assert.deepEqual(latestPaperPages(home('/'), '/pb/'), []);
});

test('KaTeX fonts are the woff2 files its stylesheet references, resolved against it', () => {
  const css = site('/').katexCss!;
  assert.deepEqual(katexFonts(css), [
    'katex/0.16.47/fonts/KaTeX_Main-Regular.woff2',
    'katex/0.16.47/fonts/KaTeX_Math-Italic.woff2',
    'katex/0.16.47/fonts/KaTeX_Missing.woff2',
  ]);
  assert.deepEqual(katexFonts({ path: 'a/b.css', text: 'url(../f.woff2) url(https://x.org/g.woff2) url(/h.woff2)' }), ['f.woff2']);
});

test('the worker installs with the offline page and what it needs; the rest waits for a page to ask', () => {
  const { core, later } = precacheUrls(site('/paperboy/'));
  assert.deepEqual(core, [
    '/paperboy/offline/',
    '/paperboy/favicon.svg',
    '/paperboy/_astro/global.abc123.css',
    '/paperboy/_astro/offline.aa11.js',
  ]);
  for (const url of [
    '/paperboy/',
    '/paperboy/search/',
    '/paperboy/_astro/page.def456.js',
    '/paperboy/_astro/search.bb22.css',
    '/paperboy/katex/0.16.47/katex.min.css',
    '/paperboy/katex/0.16.47/fonts/KaTeX_Main-Regular.woff2',
    '/paperboy/katex/0.16.47/fonts/KaTeX_Math-Italic.woff2',
    '/paperboy/pagefind/pagefind.js',
    '/paperboy/pagefind/paperboy-buckets.json',
    '/paperboy/pagefind/paperboy-vocabulary.json',
    // Every bucket's entry, metadata and filters; the WebAssembly as the browser loads it, with the newest and the oldest.
    '/paperboy/pagefind/2025-03/pagefind-entry.json',
    '/paperboy/pagefind/2025-03/pagefind.en_1234.pf_meta',
    '/paperboy/pagefind/2025-03/wasm.en.pagefind',
    '/paperboy/pagefind/2025-03/filter/en_aa.pf_filter',
    '/paperboy/pagefind/2025-02/pagefind-entry.json',
    '/paperboy/pagefind/2025-02/pagefind.en_22.pf_meta',
    '/paperboy/pagefind/2025-01/pagefind-entry.json',
    '/paperboy/pagefind/2025-01/pagefind.en_11.pf_meta',
    '/paperboy/pagefind/2025-01/wasm.en.pagefind',
    '/paperboy/pagefind/2025-01/filter/en_a1.pf_filter',
    // The whole index, small enough.
    '/paperboy/pagefind/2025-03/index/en_bb.pf_index',
    '/paperboy/pagefind/2025-03/fragment/en_cc.pf_fragment',
    '/paperboy/pagefind/2025-02/index/en_b2.pf_index',
    '/paperboy/pagefind/2025-01/fragment/en_c1.pf_fragment',
    '/paperboy/papers/mgno/',
    '/paperboy/papers/lipschitz/',
  ]) {
    assert.ok(later.includes(url), url);
  }
  const all = [...core, ...later];
  for (const url of [
    '/paperboy/papers/older/',
    '/paperboy/digests/',
    '/paperboy/sw.js',
    '/paperboy/404.html',
    '/paperboy/_astro/logo.svg',
    '/paperboy/katex/0.16.47/fonts/KaTeX_Unused.woff2',
    '/paperboy/katex/0.16.47/fonts/KaTeX_Missing.woff2',
    '/paperboy/pagefind/pagefind-ui.js',
    '/paperboy/pagefind/pagefind-worker.js',
    '/paperboy/pagefind/pagefind-component-ui.js',
    '/paperboy/pagefind/pagefind-component-ui.css',
    '/paperboy/pagefind/wasm.unknown.pagefind',
    // A middle bucket's WebAssembly: the browser merges that bucket into the oldest one's instance.
    '/paperboy/pagefind/2025-02/wasm.en.pagefind',
  ]) {
    assert.ok(!all.includes(url), url);
  }
  assert.equal(new Set(all).size, all.length);
  // A site without an offline page (or any file listed) installs with what it has.
  const files = site('/').files.filter((f) => f !== 'offline/index.html' && f !== '_astro/offline.aa11.js');
  assert.deepEqual(precacheUrls(site('/', { files })).core, ['/favicon.svg', '/_astro/global.abc123.css']);
  // Built assets are read from a page's links under the base, once each.
  assert.deepEqual(
    builtAssetsOf(
      '<link href="/pb/_astro/a.css"><script src="/pb/_astro/b.js"></script><script src="/_astro/c.js"></script><img src="/pb/_astro/d.svg"><link href="/pb/_astro/a.css">',
      '/pb/',
    ),
    ['_astro/a.css', '_astro/b.js'],
  );
});

test('a large index is left to the runtime cache', () => {
  // The buckets' chunks and fragments together are over the budget.
  const big = new Map([
    ['pagefind/2025-03/index/en_bb.pf_index', WHOLE_INDEX_BUDGET - 2],
    ['pagefind/2025-03/fragment/en_cc.pf_fragment', 1],
    ['pagefind/2025-02/index/en_b2.pf_index', 1],
    ['pagefind/2025-01/fragment/en_c1.pf_fragment', 1],
  ]);
  const urls = precacheUrls(site('/', { sizes: big })).later;
  assert.ok(urls.includes('/pagefind/2025-03/pagefind.en_1234.pf_meta'));
  assert.ok(urls.includes('/pagefind/2025-01/pagefind.en_11.pf_meta'));
  for (const f of big.keys()) assert.ok(!urls.includes(`/${f}`), f);
  // Sizes unknown: not precached either.
  assert.ok(!precacheUrls(site('/', { sizes: undefined })).later.includes('/pagefind/2025-03/index/en_bb.pf_index'));
  // At the budget: all of it.
  big.set('pagefind/2025-01/fragment/en_c1.pf_fragment', 0);
  assert.ok(precacheUrls(site('/', { sizes: big })).later.includes('/pagefind/2025-01/fragment/en_c1.pf_fragment'));
});

test('cache names are per site and per build', () => {
  assert.equal(cacheName('/pb/', 'h1'), 'paperboy:/pb/:h1');
  assert.notEqual(cacheName('/pb/', 'h1'), cacheName('/', 'h1'));
});
