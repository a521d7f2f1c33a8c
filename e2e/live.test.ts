/**
 * The live site: whatever the content root holds (content/, or PAPERBOY_CONTENT), the build
 * of it (dist/, or PAPERBOY_OUT) has a page for every entry and every digest date, a feed a
 * real parser reads, and no internal link or asset that does not resolve. Only what holds for
 * any content is checked here: the fixture sites carry the checks that need known content.
 * Runs after `npm run build`.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseFeed } from '@rowanmanning/feed-parser';
import { contentPaths, contentRoot, outDir } from '../src/lib/contract/paths.ts';
import { parseEntryFile } from '../src/lib/contract/entry-file.ts';
import { brokenReferences } from './links.ts';

const content = contentPaths(contentRoot());
const dist = outDir();
const site = process.env['SITE'] ?? 'https://paperboy.example.org';
const base = (process.env['BASE'] ?? '/').replace(/\/?$/, '/');

const names = existsSync(content.papers) ? readdirSync(content.papers).filter((f) => f.endsWith('.mdx')) : [];
const entries = names.map((f) => ({
  slug: f.slice(0, -'.mdx'.length),
  data: parseEntryFile(readFileSync(join(content.papers, f), 'utf8'), join(content.papers, f)).data,
}));

test(`every entry of ${content.papers} has its page, and every digest date its digest page`, () => {
  assert.ok(existsSync(join(dist, 'index.html')), `${dist} holds no built site: run npm run build`);
  const missing = entries.filter((e) => !existsSync(join(dist, 'papers', e.slug, 'index.html'))).map((e) => e.slug);
  assert.deepEqual(missing, [], 'entries without a page');
  const dates = new Set(entries.flatMap((e) => (e.data['digests'] as { date: string }[]).map((d) => d.date)));
  const noPage = [...dates].filter((d) => !existsSync(join(dist, 'digests', d, 'index.html')));
  assert.deepEqual(noPage, [], 'digest dates without a page');
  const pages = existsSync(join(dist, 'papers'))
    ? readdirSync(join(dist, 'papers')).filter((d) => existsSync(join(dist, 'papers', d, 'index.html')))
    : [];
  assert.equal(pages.length, entries.length, 'one paper page per entry, no more');
});

test('the site feed is read by a real feed parser, and each item is a built page', () => {
  const feed = parseFeed(readFileSync(join(dist, 'rss.xml'), 'utf8'));
  const root = new URL(base, site).href;
  assert.equal(feed.items.length > 0, entries.length > 0, 'items when there are papers');
  for (const item of feed.items) {
    const url = item.url ?? '';
    assert.ok(url.startsWith(root), `${url} is on the site`);
    assert.ok(existsSync(join(dist, decodeURIComponent(url.slice(root.length)), 'index.html')), `${url} is built`);
  }
});

test('no internal link or asset reference is broken', () => {
  const { broken } = brokenReferences(dist, site, base);
  assert.deepEqual(broken.slice(0, 30), [], `${broken.length} broken references`);
});
