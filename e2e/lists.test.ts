/**
 * Lists and related papers on the built fixture sites (test/support/sites.ts): every list item
 * leads to its paper and shows its topics; related papers for every paper; paper pages light
 * enough at any scale; topic pages of 50 papers with page numbers. Runs after `npm run test:sites`.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import type { Element, Root } from 'hast';
import { parseEntryFile } from '../src/lib/contract/entry-file.ts';
import { builtSite, type BuiltSite } from '../test/support/sites.ts';

const seed = builtSite('seed');

function page(site: BuiltSite, path: string): Root {
  return fromHtml(readFileSync(join(site.dist, path), 'utf8'));
}

function topicsOf(site: BuiltSite): Map<string, string[]> {
  return new Map(
    readdirSync(join(site.content, 'papers'))
      .filter((f) => f.endsWith('.mdx'))
      .map((f) => [f.slice(0, -4), parseEntryFile(readFileSync(join(site.content, 'papers', f), 'utf8'), f).data['topics'] as string[]]),
  );
}

const slugOf = (a: Element): string => /\/papers\/([^/]+)\/$/.exec(String(a.properties['href']))![1]!;
const relatedOf = (html: Root): string[] => selectAll('section[aria-labelledby="related"] .paper-list > li h3 a', html).map(slugOf);

test('home and digest: each item shows its rank, title, topic chips, a one-line excerpt and the way to the paper', () => {
  const topics = topicsOf(seed);
  for (const path of ['index.html', 'digests/2025-03-17/index.html']) {
    const html = page(seed, path);
    const items = selectAll('main .paper-list > li', html);
    assert.equal(items.length, 49, path);
    items.forEach((li, i) => {
      assert.equal(toText(select('.rank', li)!), String(i + 1));
      const slug = slugOf(select('h2 a', li)!);
      const chips = selectAll('.chips a', li).map((a) => String(a.properties['href']).split('/').at(-2));
      assert.deepEqual(chips, topics.get(slug), `${path} ${slug}: chips are its topics`);
      // The excerpt: the abstract's first sentences (CSS shows one line of them: site.spec.ts).
      assert.ok(toText(select('.excerpt', li)!).length > 40, `${slug}: an excerpt`);
      // Text digests give no arXiv id: the way to the paper is a search by its title.
      const links = selectAll('.paper-links a', li).map((a) => new URL(String(a.properties['href'])));
      assert.deepEqual(
        links.map((u) => u.host),
        ['arxiv.org', 'scholar.google.com'],
        slug,
      );
      assert.ok((links[0]!.searchParams.get('query') ?? '').length > 10);
    });
    // The topic filter: every topic of the list, linked, with its count.
    const filter = selectAll('.topic-filter a', html);
    const counts = new Map<string, number>();
    for (const li of items)
      for (const a of selectAll('.chips a', li))
        counts.set(String(a.properties['href']), (counts.get(String(a.properties['href'])) ?? 0) + 1);
    assert.equal(filter.length, counts.size, path);
    for (const a of filter)
      assert.equal(toText(select('.count', a)!), String(counts.get(String(a.properties['href']))), String(a.properties['href']));
  }
});

test('related papers for every paper: up to five, never itself, at least three whenever another paper shares a topic', () => {
  const topics = topicsOf(seed);
  let three = 0;
  for (const [slug, mine] of topics) {
    const related = relatedOf(page(seed, `papers/${slug}/index.html`));
    assert.ok(related.length <= 5 && !related.includes(slug) && new Set(related).size === related.length, `${slug}: ${related.join(', ')}`);
    const sharing = [...topics].filter(([s, t]) => s !== slug && t.some((x) => mine.includes(x))).length;
    if (sharing > 0) {
      assert.ok(related.length >= 3, `${slug} lists ${related.length} related papers, though ${sharing} share a topic`);
      three += 1;
    }
  }
  assert.ok(three >= 45, `${three} papers share a topic with another`);
});

test('the PDE and operator-learning papers still mostly find each other', () => {
  const topics = topicsOf(seed);
  const field = new Set(['neural-operators', 'physics-informed-learning']);
  const inField = (s: string): boolean =>
    topics.get(s)!.includes('neural-operators') || topics.get(s)!.includes('physics-informed-learning');
  const papers = [...topics.keys()].filter((s) => topics.get(s)!.includes('neural-operators'));
  assert.ok(papers.length >= 8, `${papers.length} neural-operator papers`);
  let hits = 0;
  let listed = 0;
  for (const slug of papers) {
    const related = relatedOf(page(seed, `papers/${slug}/index.html`));
    const ours = related.filter(inField).length;
    assert.ok(ours >= 1, `${slug}: ${ours} of ${related.length} related papers in ${[...field].join(' or ')}`);
    hits += ours;
    listed += related.length;
  }
  // 26 of 33 with the text alone (before the topic top-up), 28 of 35 with it.
  assert.ok(hits / listed >= 0.75, `${hits} of ${listed}`);
});

test('paper pages are light: related papers carry plain excerpts, and a page beyond its own abstract stays under 20 KB', () => {
  let largest = 0;
  for (const slug of topicsOf(seed).keys()) {
    const file = join(seed.dist, 'papers', slug, 'index.html');
    const text = readFileSync(file, 'utf8');
    const html = fromHtml(text);
    assert.equal(select('section[aria-labelledby="related"] .excerpt .katex', html), undefined, slug);
    // The abstract and the note under it, to the end of the article.
    const abstract = /<div class="abstract"[^]*?<\/article>/.exec(text)?.[0] ?? '';
    assert.ok(abstract.length > 0, slug);
    const rest = Buffer.byteLength(text) - Buffer.byteLength(abstract);
    assert.ok(rest <= 20_000, `${slug}: ${rest} bytes besides the abstract`);
    largest = Math.max(largest, rest);
  }
  assert.ok(largest > 5_000, `${largest}`);
});

test('a topic of 120 papers: three pages of at most 50, newest first, with page numbers and rel prev/next', () => {
  const paged = builtSite('paged');
  const dir = 'topics/neural-operators/';
  const pages = [`${dir}index.html`, `${dir}2/index.html`, `${dir}3/index.html`];
  assert.ok(!existsSync(join(paged.dist, dir, '4')), 'no fourth page');
  const seen: string[] = [];
  pages.forEach((file, i) => {
    const html = page(paged, file);
    const items = selectAll('main .paper-list > li', html);
    assert.equal(items.length, [50, 50, 20][i], file);
    assert.deepEqual(
      items.map((li) => toText(select('.rank', li)!)),
      items.map((_, k) => String(i * 50 + k + 1)),
      `${file}: numbered on from the page before`,
    );
    seen.push(...items.map((li) => slugOf(select('h2 a', li)!)));
    const nav = select('nav.pagination', html)!;
    assert.ok(nav, file);
    assert.equal(String(select('a[aria-current="page"]', nav)!.properties['href']), `/${dir}${i === 0 ? '' : `${i + 1}/`}`);
    assert.deepEqual(
      selectAll('a:not([rel])', nav).map((a) => toText(a)),
      ['1', '2', '3'],
    );
    const prev = select('a[rel="prev"]', nav);
    const next = select('a[rel="next"]', nav);
    assert.equal(prev?.properties['href'], i === 0 ? undefined : `/${dir}${i === 1 ? '' : `${i}/`}`, `${file}: rel=prev`);
    assert.equal(next?.properties['href'], i === 2 ? undefined : `/${dir}${i + 2}/`, `${file}: rel=next`);
    assert.match(
      toText(select('title', html)!),
      i === 0 ? /^Neural operators and PDE surrogates · Paperboy$/ : new RegExp(`page ${i + 1} of 3`),
    );
  });
  assert.equal(new Set(seen).size, 120, 'every paper once');
  // Newest first: the second digest's papers (Operator Study 60 to 119) come before the first's.
  const first = toText(select('main .paper-list > li h2', page(paged, pages[0]!))!);
  const last = toText(selectAll('main .paper-list > li h2', page(paged, pages[2]!)).at(-1)!);
  assert.match(first, /^Operator Study (6\d|[7-9]\d|1[01]\d):/);
  assert.match(last, /^Operator Study ([0-5]?\d):/);
});

test('a digest of 60 papers: two pages of at most 50, in rank order, with rel prev/next; its papers and the home page lead to the right page', () => {
  const paged = builtSite('paged');
  const dir = 'digests/2025-05-01/';
  const pages = [`${dir}index.html`, `${dir}2/index.html`];
  assert.ok(!existsSync(join(paged.dist, dir, '3')), 'no third page');
  const seen: string[] = [];
  pages.forEach((file, i) => {
    const html = page(paged, file);
    const items = selectAll('main .paper-list > li', html);
    assert.equal(items.length, [50, 10][i], file);
    assert.deepEqual(
      items.map((li) => toText(select('.rank', li)!)),
      items.map((_, k) => String(i * 50 + k + 1)),
      `${file}: ranks go on from the page before`,
    );
    seen.push(...items.map((li) => slugOf(select('h2 a', li)!)));
    const nav = select('nav.pagination', html)!;
    assert.ok(nav, file);
    // rel prev/next are the digest's own pages; the links to the other digests carry none.
    assert.deepEqual(
      selectAll('a[rel]', html).map((a) => [String(a.properties['rel']), String(a.properties['href'])]),
      [i === 0 ? ['next', `/${dir}2/`] : ['prev', `/${dir}`]],
      file,
    );
    assert.ok(select('nav[aria-label="Other digests"] a[href="/digests/2025-04-30/"]', html), `${file}: the older digest`);
    assert.match(toText(select('title', html)!), new RegExp(`^Digest of 1 May 2025, page ${i + 1} of 2 · Paperboy$`));
    // The topic filter counts the whole digest on each page.
    const counted = selectAll('.topic-filter .count', html).reduce((n, c) => Math.max(n, Number(toText(c))), 0);
    assert.equal(counted, 60, `${file}: the filter counts 60 papers`);
  });
  assert.equal(new Set(seen).size, 60, 'every paper once');
  // A paper ranked 51st leads back to the second page, one ranked 50th to the first.
  const back = (slug: string): string =>
    String(select('article p.meta a[data-offline-with]', page(paged, `papers/${slug}/index.html`))!.properties['href']);
  assert.equal(back(seen[50]!), `/${dir}2/`);
  assert.equal(back(seen[49]!), `/${dir}`);
  // The home page shows the latest digest's first page, and links to the rest.
  const home = page(paged, 'index.html');
  assert.equal(selectAll('main .paper-list > li', home).length, 50);
  assert.equal(toText(select(`main a[href="/${dir}2/"]`, home)!), 'Papers 51–60 of this digest →');
});
