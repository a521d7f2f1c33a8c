import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, test } from 'node:test';
import katex from 'katex';
import * as pagefind from 'pagefind';
import { indexedPart } from './indexed-part.ts';
import { indexableHtml } from './math.ts';

const made: string[] = [];
after(async () => {
  await pagefind.close();
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

const math = (tex: string): string => katex.renderToString(tex, { output: 'htmlAndMathml', strict: 'ignore' });

/** A page shaped like the site's paper pages: everything around the article is site chrome. */
function paperPage(n: number, opts: { extraOutside?: string; extraInside?: string } = {}): string {
  const date = `2025-03-${String(10 + (n % 9)).padStart(2, '0')}`;
  const topics = ['Neural operators', 'Learning theory', 'Optimization methods'].slice(0, 1 + (n % 3));
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Paper ${n} · Paperboy</title>
<meta name="description" content="About paper ${n}."><meta property="og:title" content="Paper ${n}"></head>
<body><a class="skip" href="#main">Skip to content</a><header class="site-header"><a class="brand" href="/">Paperboy</a>
<nav aria-label="Site"><ul><li><a href="/">Latest</a></li><li><a href="/topics/">Topics</a></li></ul></nav>
<form role="search" action="/search/"><label for="q">Search</label><input id="q" name="q"></form></header>
<main id="main"><article data-pagefind-sort="date:${date}" data-pagefind-meta="date:${date}">
<p class="meta"><a href="/digests/${date}/">← Digest of ${date}</a></p>
<h1 data-pagefind-body data-pagefind-meta="title:Bounds ${n} for ℓ∞ regression">Bounds ${n} for ${math('\\ell_\\infty')} regression</h1>
<p class="meta">#${n} in the digest of <a href="/digests/${date}/"><time datetime="${date}">${date}</time></a></p>
<ul class="topics" aria-label="Topics">${topics.map((t) => `<li><a href="/topics/x/" data-pagefind-filter="topic">${t}</a></li>`).join('')}</ul>
<h2 class="visually-hidden">Abstract</h2><div class="abstract" data-pagefind-body><p>We study networks number ${n} with ${math('L^2')} loss
and ${math('\\mathcal{O}(d^k)')} samples; the bound holds for every width &amp; depth.</p><p>A second paragraph, on kernels.</p>${opts.extraInside ?? ''}</div>
</article><section aria-labelledby="cite" class="cite"><h2 id="cite">Cite</h2><pre id="bibtex"><code>@article{x${n}}</code></pre></section>
<section aria-labelledby="related"><h2 id="related">Related papers</h2><ol class="paper-list"><li><h3><a href="/papers/y/">Related networks and kernels</a></h3><p>Words that are not indexed.</p></li></ol></section>
${opts.extraOutside ?? ''}</main><footer class="site-footer"><p>Paperboy publishes digests.</p></footer></body></html>`;
}

async function indexFiles(pages: readonly [string, string][]): Promise<Map<string, string>> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  assert.deepEqual(errors, []);
  for (const [url, content] of pages) assert.deepEqual((await index!.addHTMLFile({ url, content })).errors, []);
  const out = mkdtempSync(join(tmpdir(), 'pb-pagefind-'));
  made.push(out);
  assert.deepEqual((await index!.writeFiles({ outputPath: out })).errors, []);
  await index!.deleteIndex();
  const files = new Map<string, string>();
  for (const e of readdirSync(out, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) files.set(relative(out, join(e.parentPath, e.name)), readFileSync(join(e.parentPath, e.name)).toString('base64'));
  }
  return files;
}

test('a paper page is indexed from its article alone, and Pagefind writes the same index byte for byte', async () => {
  // The search step gives Pagefind indexableHtml(indexedPart(page)): the same index as the whole page shaped alike.
  const whole = Array.from({ length: 12 }, (_, n) => [`/papers/p${n}/`, paperPage(n)] as [string, string]);
  const pages = whole.map(([url, html]) => [url, indexableHtml(html)] as [string, string]);
  const reduced = whole.map(([url, html]) => [url, indexableHtml(indexedPart(html))] as [string, string]);
  for (const [[, whole], [, part]] of pages.map((p, i) => [p, reduced[i]!] as const)) {
    assert.ok(
      part.length < whole.length && !part.includes('Related papers') && !part.includes('<title>'),
      'the chrome around the article is dropped',
    );
    assert.match(part, /^<html lang="en"><head><\/head><body><article /);
  }
  const [a, b] = [await indexFiles(pages), await indexFiles(reduced)];
  assert.ok(a.size > 5);
  assert.deepEqual([...b.keys()].sort(), [...a.keys()].sort());
  for (const [file, bytes] of a) assert.equal(b.get(file), bytes, file);
});

test('a page is given whole when its article might not hold everything Pagefind reads', () => {
  const whole = (html: string): void => assert.equal(indexedPart(html), html);
  whole('<html lang="en"><body><main data-pagefind-body>No article here</main></body></html>');
  whole(paperPage(1, { extraOutside: '<p data-pagefind-filter="topic">Outside</p>' }));
  whole(paperPage(1, { extraOutside: '<img src="/a.png" alt="">' }));
  whole(paperPage(1, { extraInside: '<p id="anchor">An anchor</p>' }));
  whole(paperPage(1, { extraOutside: '<article>A second article</article>' }));
  whole(paperPage(1).replace(/ data-pagefind-meta="title:[^"]*"/, ''));
});
