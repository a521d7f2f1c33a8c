/**
 * Every feed of the seed fixture site parsed by a real feed parser and checked item by item against the
 * site's papers: well-formed RSS 2.0 with a self link, absolute URLs, plain-text titles and
 * descriptions (no entity but XML's own, math as Unicode), full abstracts with math as MathML
 * whose TeX is in alttext; the feeds page lists every feed, each topic page announces its own;
 * a build without SITE says its links point to a placeholder. Runs after `npm run test:sites`.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseFeed } from '@rowanmanning/feed-parser';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';
import { parseEntryFile } from '../src/lib/contract/entry-file.ts';
import { plainText } from '../src/lib/site/meta.ts';
import { loadTopics } from '../src/lib/ingest/topics/load.ts';
import { builtSite } from '../test/support/sites.ts';

const fixture = builtSite('seed');
const dist = `${fixture.dist}/`;
const site = new URL(fixture.base, fixture.site).href;

const topicNames = new Map(loadTopics(`${fixture.content}/topics`).map((t) => [t.slug, t.name]));
const papers = new Map(
  readdirSync(`${fixture.content}/papers`)
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => {
      const entry = parseEntryFile(readFileSync(`${fixture.content}/papers/${f}`, 'utf8'), f);
      const digests = entry.data['digests'] as { date: string }[];
      return [
        `${site}papers/${f.slice(0, -4)}/`,
        {
          title: plainText(entry.data['title'] as string),
          topics: (entry.data['topics'] as string[]).map((t) => topicNames.get(t)!),
          latest: digests
            .map((d) => d.date)
            .sort()
            .at(-1)!,
          hasMath: /(^|[^\\])\$/.test(entry.body),
        },
      ];
    }),
);

const feeds = [
  'rss.xml',
  ...readdirSync(`${dist}topics`)
    .filter((t) => existsSync(`${dist}topics/${t}/rss.xml`))
    .map((t) => `topics/${t}/rss.xml`),
];

test('every topic has a feed, and so has the site', () => {
  const shownTopics = new Set([...papers.values()].flatMap((p) => p.topics));
  assert.equal(feeds.length, 1 + shownTopics.size);
});

for (const feed of feeds) {
  test(`${feed}: valid RSS 2.0 whose items are the site's papers`, () => {
    const xml = readFileSync(`${dist}${feed}`, 'utf8');
    assert.equal(SyntaxValidator.validate(xml), true, 'well-formed XML');
    // No entity decoding here: what the XML holds, to tell plain text from escaped HTML.
    const doc = new XMLParser({ ignoreAttributes: false, processEntities: false, parseTagValue: false }).parse(xml);
    assert.equal(doc.rss['@_version'], '2.0');
    const channel = doc.rss.channel;
    for (const field of ['title', 'link', 'description']) assert.ok(channel[field], `channel ${field}`);
    const self = [channel['atom:link']].flat().find((l: Record<string, string>) => l['@_rel'] === 'self');
    assert.equal(self?.['@_href'], `${site}${feed}`, 'atom:link rel=self');
    assert.equal(self?.['@_type'], 'application/rss+xml');

    const parsed = parseFeed(xml);
    // Titles and descriptions as the XML carries them, one XML decoding away from the text.
    const raw = new Map(
      [channel.item]
        .flat()
        .map((i: { link: string; title: unknown; description: unknown }) => [
          i.link,
          { title: String(i.title), description: String(i.description) },
        ]),
    );
    assert.ok(parsed.items.length > 0);
    const topicSlug = /^topics\/([^/]+)\//.exec(feed)?.[1];
    for (const item of parsed.items) {
      const paper = papers.get(item.url ?? '');
      assert.ok(paper, `item ${item.url} is a paper of the site`);
      assert.equal(item.id, item.url, 'guid is the permalink');
      assert.ok(existsSync(`${dist}${item.url!.slice(site.length)}index.html`), `${item.url} is built`);
      assert.equal(item.title, paper.title);
      assert.equal(item.published?.toISOString().slice(0, 10), paper.latest);
      assert.deepEqual(
        item.categories.map((c) => c.label ?? c.term),
        paper.topics,
      );
      // Plain text: the raw XML holds no entity but XML's own, and none escaped twice, so no reader shows `&#39;`.
      for (const [field, text] of Object.entries(raw.get(item.url!)!)) {
        assert.doesNotMatch(text, /&(?!(amp|lt|gt|quot|apos);)|&amp;(#\d+|#x[0-9a-f]+|[a-z]+);/i, `${item.url}: ${field} ${text}`);
      }
      // The description: the page's own, plain text, its math in Unicode (no TeX, no dollar).
      assert.ok((item.description ?? '').length > 40, `${item.url}: description`);
      assert.doesNotMatch(item.description ?? '', /\\[a-zA-Z]|\$/, `${item.url}: description has TeX`);
      const content = item.content ?? '';
      assert.ok(content.length > 200, 'the full abstract');
      // A reader that drops MathML tags but keeps their text shows each formula once, without TeX.
      const tree = fromHtml(content, { fragment: true });
      for (const math of selectAll('math', tree))
        assert.ok(String(math.properties['alttext'] ?? '').length > 0, `${item.url}: <math> without alttext`);
      assert.doesNotMatch(content, /<annotation|<semantics/, `${item.url}: a TeX annotation a reader would show`);
      assert.doesNotMatch(toText(tree), /\\[a-zA-Z]+/, `${item.url}: TeX in the text a reader shows`);
      assert.ok(!content.includes('katex-html'), 'no KaTeX HTML rendering, which needs its stylesheet');
      assert.equal(content.includes('<math'), paper.hasMath, `${item.url}: math as MathML`);
      if (topicSlug) assert.ok(paper.topics.includes(topicNames.get(topicSlug)!), `${item.url} has topic ${topicSlug}`);
    }
    if (topicSlug) {
      const expected = [...papers.values()].filter((p) => p.topics.includes(topicNames.get(topicSlug)!)).length;
      assert.equal(parsed.items.length, Math.min(50, expected));
    } else {
      assert.equal(parsed.items.length, papers.size, 'the site feed holds the latest digests');
    }
  });
}

test('titles with an apostrophe carry it as XML writes it, never an HTML entity', () => {
  const xml = readFileSync(`${dist}rss.xml`, 'utf8');
  assert.match(xml, /<title>Let('|&apos;)s Make Block Coordinate Descent Converge Faster/);
  assert.match(xml, /<title>What('|&apos;)s in a Prior\? Learned Proximal Networks for Inverse Problems<\/title>/);
  assert.doesNotMatch(xml, /&amp;#39;|&#39;/);
});

test('the feeds page lists every feed, and every page of a topic announces its own', () => {
  const page = fromHtml(readFileSync(`${dist}feeds/index.html`, 'utf8'));
  const listed = new Set(selectAll('main a', page).map((a) => String(a.properties['href'])));
  for (const feed of feeds) assert.ok(listed.has(`${fixture.base}${feed}`), `${feed} is on the feeds page`);
  const footer = selectAll('footer a', fromHtml(readFileSync(`${dist}index.html`, 'utf8'))).find((a) => toText(a) === 'Feeds by topic');
  assert.equal(footer?.properties['href'], `${fixture.base}feeds/`);
  for (const feed of feeds.filter((f) => f.startsWith('topics/'))) {
    const dir = `${dist}${feed.slice(0, -'rss.xml'.length)}`;
    const pages = [
      `${dir}index.html`,
      ...readdirSync(dir)
        .filter((d) => /^\d+$/.test(d))
        .map((d) => `${dir}${d}/index.html`),
    ];
    for (const file of pages) {
      const alternates = selectAll('link[rel="alternate"][type="application/rss+xml"]', fromHtml(readFileSync(file, 'utf8'))).map(
        (l) => l.properties['href'],
      );
      assert.equal(alternates[0], `${site}${feed}`, `${file}: its topic's feed first`);
    }
  }
});

test('a build without SITE warns that its absolute links point to a placeholder; one with SITE does not', () => {
  assert.match(
    readFileSync(`${fixture.dir}/build.log`, 'utf8'),
    /warning: SITE is not set: absolute links .* point to the placeholder https:\/\/paperboy\.example\.org/,
  );
  assert.doesNotMatch(readFileSync(`${builtSite('subpath').dir}/build.log`, 'utf8'), /SITE is not set/);
});
