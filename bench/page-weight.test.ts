import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { distPath, pageRefs, pageWeight, percentile, woff2Urls } from './page-weight.ts';

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
