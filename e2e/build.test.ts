/**
 * The seed fixture site (test/support/sites.ts) against the digest it was built from: every
 * paper of the seed digest has its page, with its title and its abstract's text.
 * Runs after `npm run test:sites` (npm test does both).
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import type { Element, Root } from 'hast';
import { parseDigest } from '../src/lib/ingest/digest/parse.ts';
import { parseEntryFile } from '../src/lib/contract/entry-file.ts';
import { titleKey } from '../src/lib/ingest/entry/slug.ts';
import { indexedPart } from '../src/lib/site/search/indexed-part.ts';
import { builtSite, FIXTURES } from '../test/support/sites.ts';

const site = builtSite('seed');
const dist = pathToFileURL(`${site.dist}/`);
const seed = parseDigest(readFileSync(join(FIXTURES, 'seed/digests/2025-03-17.txt'), 'utf8'), 'seed');

function page(path: string): Root {
  return fromHtml(readFileSync(new URL(path, dist), 'utf8'));
}

/** The text a reader sees, with each formula read as its TeX source. */
function textWithTex(node: Element): string {
  for (const k of selectAll('.katex', node)) {
    const tex = select('annotation[encoding="application/x-tex"]', k);
    k.children = [{ type: 'text', value: `$${tex ? toText(tex) : '?'}$` }];
  }
  return toText(node).replace(/\s+/g, ' ').trim();
}

/** Letters and digits only, accents and TeX's text accents aside: what survives both readings. */
function letters(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ł/gi, 'l')
    .toLowerCase()
    .replace(/[^a-z0-9 ]+/g, '');
}

const entries = readdirSync(join(site.content, 'papers'))
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => ({ slug: f.slice(0, -4), entry: parseEntryFile(readFileSync(join(site.content, 'papers', f), 'utf8'), f) }));

test('dist holds one page per paper of the seed digest, 49 in all', () => {
  const pages = readdirSync(new URL('papers/', dist)).filter((d) => existsSync(new URL(`papers/${d}/index.html`, dist)));
  assert.equal(pages.length, 49);
  assert.equal(seed.papers.length, 49);
});

test('the search step gives Pagefind only the article of every paper page (its fast path), not the whole page', () => {
  for (const { slug } of entries) {
    const html = readFileSync(new URL(`papers/${slug}/index.html`, dist), 'utf8');
    assert.ok(
      indexedPart(html) !== html,
      `${slug}: the whole page goes to Pagefind (an id or a data-pagefind- attribute outside the article?)`,
    );
  }
});

test('each paper page has its title and the abstract text of the digest', () => {
  let exact = 0;
  for (const paper of seed.papers) {
    const match = entries.find((e) => titleKey((e.entry.data['ingest'] as { sourceTitle: string }).sourceTitle) === titleKey(paper.title));
    assert.ok(match, `no entry for "${paper.title}"`);
    const html = page(`papers/${match.slug}/index.html`);
    const h1 = select('h1', html)!;
    const abstract = select('.abstract', html)!;
    assert.ok(h1 && abstract, match.slug);
    const hasMath = Boolean(select('.katex', abstract) ?? select('.katex', h1));
    const text = textWithTex(abstract);
    if (!hasMath && !/\\|``|--/.test(paper.abstract)) {
      // No math and no TeX: the page shows the digest's text exactly.
      assert.equal(toText(h1).trim(), paper.title, match.slug);
      assert.equal(text, paper.abstract, match.slug);
      exact += 1;
    } else {
      // Restored math and TeX: every word of the digest is still on the page, the text after a % too.
      const pageText = letters(text).replace(/ /g, '');
      const digestWords = letters(paper.abstract.replace(/\{\\em /g, '{')).split(' ');
      const missing = digestWords.filter((w) => !pageText.includes(w));
      assert.deepEqual(missing, [], `${match.slug}: words of the digest missing from the page`);
    }
  }
  // The 29 seed abstracts with neither math nor TeX must all have been compared exactly.
  assert.ok(exact >= 29, `${exact} abstracts compared exactly`);
});

test('KaTeX: no render error anywhere, and the stylesheet shipped is the one of the KaTeX that made the markup', async () => {
  const { katexDist, woff2Only, KATEX_CSS } = await import('../src/integrations/katex-assets.ts');
  const { createRequire } = await import('node:module');
  // The KaTeX rehype-katex renders with, resolved from rehype-katex itself.
  const fromRehype = createRequire(createRequire(import.meta.url).resolve('rehype-katex'));
  const version = (JSON.parse(readFileSync(fromRehype.resolve('katex/package.json'), 'utf8')) as { version: string }).version;
  assert.equal(KATEX_CSS, `katex/${version}/katex.min.css`);
  const shipped = readFileSync(new URL(KATEX_CSS, dist), 'utf8');
  assert.equal(shipped, woff2Only(readFileSync(join(katexDist(), 'katex.min.css'), 'utf8')));
  const fonts = readdirSync(new URL(`katex/${version}/fonts/`, dist));
  assert.ok(fonts.length > 10 && fonts.every((f) => f.endsWith('.woff2')), 'woff2 fonts only');
  assert.doesNotMatch(shipped, /\.woff\)|\.ttf\)/);

  let withMath = 0;
  for (const file of readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'))) {
    const html = readFileSync(new URL(file, dist), 'utf8');
    assert.ok(!html.includes('katex-error'), `${file}: a formula KaTeX could not render`);
    const linked = html.includes(`/${KATEX_CSS}"`);
    const hasMath = html.includes('class="katex"');
    assert.equal(linked, hasMath, `${file}: KaTeX's stylesheet is linked exactly when the page shows math`);
    if (hasMath) withMath += 1;
  }
  assert.ok(withMath > 10, `${withMath} pages with math`);
});

test('every page whose math was restored says so near the abstract and links to the original; the others say nothing', () => {
  let noted = 0;
  for (const { slug, entry } of entries) {
    const html = page(`papers/${slug}/index.html`);
    const showsMath = Boolean(select('.abstract .katex', html) ?? select('h1 .katex', html));
    const note = select('.provenance', html);
    assert.equal(Boolean(note), showsMath, `${slug}: a note exactly when the page shows restored math`);
    if (!note) continue;
    noted += 1;
    assert.match(toText(note), /restored by Paperboy .* not the authors’ own/);
    const link = select('a', note)!;
    const href = new URL(String(link.properties['href']));
    const arxivId = entry.data['arxivId'];
    if (typeof arxivId === 'string') assert.equal(href.href, `https://arxiv.org/abs/${arxivId}`);
    else {
      assert.equal(`${href.origin}${href.pathname}`, 'https://arxiv.org/search/');
      assert.equal(href.searchParams.get('searchtype'), 'title');
    }
  }
  assert.ok(noted >= 15, `${noted} pages with restored math`);
});

test('the formulas an entry lists as incomplete are marked on its page, with a note for screen readers, and no other', () => {
  let marked = 0;
  for (const { slug, entry } of entries) {
    const listed = new Set(((entry.data['incompleteMath'] as string[] | undefined) ?? []).map((t) => t.trim()));
    const html = page(`papers/${slug}/index.html`);
    for (const k of selectAll('.abstract .katex', html)) {
      const tex = toText(select('annotation', k)!).trim();
      const isMarked = 'dataIncomplete' in k.properties;
      assert.equal(isMarked, listed.has(tex), `${slug}: $${tex}$`);
      if (!isMarked) continue;
      marked += 1;
      assert.match(toText(select('.visually-hidden', k)!), /part of this formula was lost by the source/);
    }
  }
  assert.ok(marked >= 10, `${marked} formulas marked on the seed's pages`);
});
