import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { distPath, pageParts, pageRefs, pageWeight, percentile, woff2Urls } from './page-weight.ts';

test('pageRefs: stylesheets, scripts by src, inline JS; not JSON-LD, not preload', () => {
  const html = `<html><head>
    <link rel="stylesheet" href="/_astro/a.css"><link rel=preload href="/x.css" as=style>
    <link href='/katex/0.16.0/katex.min.css' rel='stylesheet'>
    <script type="module" src="/site.js"></script>
    <script>console.log(1)</script>
    <script type="application/ld+json">{"a":1}</script>
  </head><body><span class="katex">x</span></body></html>`;
  assert.deepEqual(pageRefs(html), {
    stylesheets: ['/_astro/a.css', '/katex/0.16.0/katex.min.css'],
    scripts: ['/site.js'],
    inlineScriptBytes: 'console.log(1)'.length,
    math: true,
  });
  assert.equal(pageRefs('<p>no math</p>').math, false);
});

test('woff2Urls lists each woff2 once, quoted or not', () => {
  const css =
    '@font-face{src:url(fonts/A.woff2) format("woff2"),url(fonts/A.woff) format("woff")}@font-face{src:url("fonts/B.woff2")}@font-face{src:url(fonts/A.woff2)}';
  assert.deepEqual(woff2Urls(css), ['fonts/A.woff2', 'fonts/B.woff2']);
});

test('distPath resolves page-relative, absolute and base-prefixed URLs to files of dist', () => {
  assert.equal(distPath('/_astro/a.css', '/papers/x/'), '_astro/a.css');
  assert.equal(distPath('../../site.js', '/papers/x/'), 'site.js');
  assert.equal(distPath('fonts/A.woff2', '/katex/1/katex.min.css'), 'katex/1/fonts/A.woff2');
  assert.equal(distPath('/sub/site.js?v=1', '/sub/papers/x/', '/sub/'), 'site.js');
  assert.equal(distPath('/papers/x/', '/'), 'papers/x/index.html');
  assert.equal(distPath('https://cdn.example/x.js', '/'), undefined);
  assert.equal(distPath('data:font/woff2;base64,AA', '/'), undefined);
});

test('pageWeight adds HTML, CSS, JS, and the KaTeX fonts only when the page has math', async (t) => {
  const dist = mkdtempSync(join(tmpdir(), 'pb-weight-'));
  t.after(() => rmSync(dist, { recursive: true, force: true }));
  mkdirSync(join(dist, 'papers/a'), { recursive: true });
  mkdirSync(join(dist, 'papers/b'), { recursive: true });
  mkdirSync(join(dist, 'katex/fonts'), { recursive: true });
  writeFileSync(join(dist, 'katex/katex.min.css'), '@font-face{src:url(fonts/M.woff2)}'); // 34 bytes
  writeFileSync(join(dist, 'katex/fonts/M.woff2'), Buffer.alloc(1000));
  writeFileSync(join(dist, 'site.js'), 'x'.repeat(100));
  const head = '<link rel="stylesheet" href="/katex/katex.min.css"><script type="module" src="/site.js"></script>';
  writeFileSync(join(dist, 'papers/a/index.html'), `${head}<span class="katex"></span>`);
  writeFileSync(join(dist, 'papers/b/index.html'), `${head}<link rel="stylesheet" href="/gone.css">`);
  const a = await pageWeight(dist, '/papers/a/');
  assert.deepEqual([a.css, a.js, a.fonts, a.math], [34, 100, 1000, true]);
  assert.equal(a.total, a.html + 1134);
  const b = await pageWeight(dist, '/papers/b/');
  assert.deepEqual([b.css, b.js, b.fonts, b.missing], [34, 100, 0, ['/gone.css']]);
});

test('percentile: nearest rank', () => {
  assert.equal(percentile([5, 1, 3, 2, 4], 50), 3);
  assert.equal(percentile([1, 2, 3, 4], 95), 4);
  assert.ok(Number.isNaN(percentile([], 50)));
});

test('pageParts: where the bytes go, each part once, KaTeX parts anywhere on the page', async () => {
  const formula =
    '<span class="katex"><span class="katex-mathml"><math><semantics><mi>x</mi><annotation encoding="application/x-tex">x</annotation></semantics></math></span><span class="katex-html" aria-hidden="true"><span class="strut" style="height:.43em"></span></span></span>';
  const html = `<!doctype html><html><head><meta name="description" content="d"><script type="application/ld+json">{"a":1}</script></head><body><header class="site-header">H</header><article><div class="abstract"><p>A ${formula}</p></div></article>
<section aria-labelledby="related"><h2 id="related">R</h2><p>${formula}</p></section><nav aria-label="Papers of this digest">P</nav></body></html>`;
  const parts = await pageParts(html);
  const len = (s: string): number => Buffer.byteLength(s);
  assert.equal(parts.total, len(html));
  assert.equal(parts.jsonLd, len('<script type="application/ld+json">{"a":1}</script>'));
  assert.equal(parts.headMeta, len('<meta name="description" content="d">'));
  assert.equal(parts.chrome, len('<header class="site-header">H</header>'));
  assert.equal(parts.abstract, len(`<div class="abstract"><p>A ${formula}</p></div>`));
  // Two formulas, one in the abstract, one in the related list.
  const mathml = formula.slice(formula.indexOf('<span class="katex-mathml">'), formula.indexOf('<span class="katex-html"'));
  assert.equal(parts.katexMathml, 2 * len(mathml));
  assert.equal(parts.katexAnnotation, 2 * len('<annotation encoding="application/x-tex">x</annotation>'));
  assert.equal(parts.katexStyleAttrs, 2 * len(' style="height:.43em"'));
  assert.equal(parts.styleAttrs, parts.katexStyleAttrs);
  assert.equal(parts.related, len(`<section aria-labelledby="related"><h2 id="related">R</h2><p>${formula}</p></section>`));
  assert.equal(parts.pager, len('<nav aria-label="Papers of this digest">P</nav>'));
  assert.equal(parts.whitespace, 1);
});
