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
      'pagefind/pagefind-worker.js',
      'pagefind/pagefind-component-ui.js',
      'pagefind/pagefind-component-ui.css',
      'pagefind/pagefind-ui.js',
      'pagefind/paperboy-vocabulary.json',
      'pagefind/pagefind-entry.json',
      'pagefind/pagefind.en_1234.pf_meta',
      'pagefind/wasm.en.pagefind',
      'pagefind/wasm.unknown.pagefind',
      'pagefind/filter/en_aa.pf_filter',
      'pagefind/index/en_bb.pf_index',
      'pagefind/fragment/en_cc.pf_fragment',
    ],
    homeHtml: home(base),
    offlineHtml: `<link rel="stylesheet" href="${base}_astro/global.abc123.css"><script type="module" src="${base}_astro/offline.aa11.js"></script><link rel="icon" href="${base}favicon.svg">`,
    katexCss: {
      path: 'katex/0.16.47/katex.min.css',
      text: '@font-face{src:url(fonts/KaTeX_Main-Regular.woff2) format("woff2")}@font-face{src:url("./fonts/KaTeX_Math-Italic.woff2")}@font-face{src:url(fonts/KaTeX_Missing.woff2)}',
    },
    pagefindEntry: { languages: { en: { hash: 'en_1234', wasm: 'en', page_count: 3 } } },
    sizes: new Map([
      ['pagefind/index/en_bb.pf_index', 1000],
      ['pagefind/fragment/en_cc.pf_fragment', 2000],
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
    '/paperboy/pagefind/paperboy-vocabulary.json',
    '/paperboy/pagefind/pagefind-entry.json',
    '/paperboy/pagefind/pagefind.en_1234.pf_meta',
    '/paperboy/pagefind/wasm.en.pagefind',
    '/paperboy/pagefind/filter/en_aa.pf_filter',
    '/paperboy/pagefind/index/en_bb.pf_index',
    '/paperboy/pagefind/fragment/en_cc.pf_fragment',
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
  const big = new Map([
    ['pagefind/index/en_bb.pf_index', WHOLE_INDEX_BUDGET],
    ['pagefind/fragment/en_cc.pf_fragment', 1],
  ]);
  const urls = precacheUrls(site('/', { sizes: big })).later;
  assert.ok(urls.includes('/pagefind/pagefind.en_1234.pf_meta'));
  assert.ok(!urls.includes('/pagefind/index/en_bb.pf_index'));
  assert.ok(!urls.includes('/pagefind/fragment/en_cc.pf_fragment'));
  // Sizes unknown: not precached either.
  assert.ok(!precacheUrls(site('/', { sizes: undefined })).later.includes('/pagefind/index/en_bb.pf_index'));
});

test('cache names are per site and per build', () => {
  assert.equal(cacheName('/pb/', 'h1'), 'paperboy:/pb/:h1');
  assert.notEqual(cacheName('/pb/', 'h1'), cacheName('/', 'h1'));
});
