/**
 * Every feed of the seed fixture site parsed by a real feed parser and checked item by item against the
 * site's papers: well-formed RSS 2.0 with a self link, absolute URLs, full abstracts with math
 * as MathML. Runs after `npm run test:sites`.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseFeed } from '@rowanmanning/feed-parser';
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
          latest: digests.map((d) => d.date).sort().at(-1)!,
          hasMath: /(^|[^\\])\$/.test(entry.body),
        },
      ];
    }),
);

const feeds = ['rss.xml', ...readdirSync(`${dist}topics`).filter((t) => existsSync(`${dist}topics/${t}/rss.xml`)).map((t) => `topics/${t}/rss.xml`)];

test('every topic has a feed, and so has the site', () => {
  const shownTopics = new Set([...papers.values()].flatMap((p) => p.topics));
  assert.equal(feeds.length, 1 + shownTopics.size);
});

for (const feed of feeds) {
  test(`${feed}: valid RSS 2.0 whose items are the site's papers`, () => {
    const xml = readFileSync(`${dist}${feed}`, 'utf8');
    assert.equal(SyntaxValidator.validate(xml), true, 'well-formed XML');
    const doc = new XMLParser({ ignoreAttributes: false }).parse(xml);
    assert.equal(doc.rss['@_version'], '2.0');
    const channel = doc.rss.channel;
    for (const field of ['title', 'link', 'description']) assert.ok(channel[field], `channel ${field}`);
    const self = [channel['atom:link']].flat().find((l: Record<string, string>) => l['@_rel'] === 'self');
    assert.equal(self?.['@_href'], `${site}${feed}`, 'atom:link rel=self');
    assert.equal(self?.['@_type'], 'application/rss+xml');

    const parsed = parseFeed(xml);
    assert.ok(parsed.items.length > 0);
    const topicSlug = /^topics\/([^/]+)\//.exec(feed)?.[1];
    for (const item of parsed.items) {
      const paper = papers.get(item.url ?? '');
      assert.ok(paper, `item ${item.url} is a paper of the site`);
      assert.equal(item.id, item.url, 'guid is the permalink');
      assert.ok(existsSync(`${dist}${item.url!.slice(site.length)}index.html`), `${item.url} is built`);
      assert.equal(item.title, paper.title);
      assert.equal(item.published?.toISOString().slice(0, 10), paper.latest);
      assert.deepEqual(item.categories.map((c) => c.label ?? c.term), paper.topics);
      const content = item.content ?? '';
      assert.ok(content.length > 200, 'the full abstract');
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
