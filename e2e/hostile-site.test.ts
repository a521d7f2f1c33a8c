/**
 * Hostile input end to end: a digest of titles and abstracts made of MDX, JSX, ESM, Markdown and
 * HTML syntax and odd Unicode is ingested and built into a fixture site of its own
 * (test/support/sites.ts, built by `npm run test:sites`); in Chromium, every
 * page shows the text as text, no element or attribute comes from the input, and no script runs.
 * Feeds and page metadata carry the same text, escaped. Hostile formulas (test/support/hostile.ts:
 * sizes of a million pixels, 400 nested \sqrt, \href{javascript:…}, HTML and images, a 100 KB
 * formula) are math within the limits or their marked source, and no box of theirs is larger
 * than the viewport, on paper pages and in every list.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { parseFeed } from '@rowanmanning/feed-parser';
import type { Browser } from 'playwright';
import { parseEntryFile } from '../src/lib/contract/entry-file.ts';
import { readBody } from '../src/lib/contract/read-body.ts';
import { plainText } from '../src/lib/site/meta.ts';
import { launchChromium } from '../test/support/chromium.ts';
import { assertContained, VIEWPORTS } from '../test/support/formula-boxes.ts';
import { builtSite } from '../test/support/sites.ts';
import { startStaticServer, type StaticServer } from '../test/support/static-server.ts';

const site = builtSite('hostile');
let server: StaticServer | undefined;
let origin = '';
let browser: Browser | undefined;

before(async () => {
  server = await startStaticServer(site.dist);
  origin = server.origin;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

function entries(): { slug: string; title: string; text: string }[] {
  const folder = join(site.content, 'papers');
  return readdirSync(folder).map((f) => {
    const e = parseEntryFile(readFileSync(join(folder, f), 'utf8'), f);
    const text = readBody(e.body)
      .map((s) => (s.kind === 'math' ? `$${s.tex}$` : s.kind === 'link' ? s.text : s.value))
      .join('');
    return { slug: f.slice(0, -4), title: e.data['title'] as string, text };
  });
}

const ALLOWED_TAGS = new Set([
  'P',
  'A',
  'EM',
  'SPAN',
  'CODE',
  'MATH',
  'SEMANTICS',
  'MROW',
  'MI',
  'MN',
  'MO',
  'MSUB',
  'MSUP',
  'MSUBSUP',
  'MTEXT',
  'MSPACE',
  'ANNOTATION',
  'MFRAC',
  'MSQRT',
  'MOVER',
  'MUNDER',
  'MUNDEROVER',
  'MSTYLE',
  'MPADDED',
  'MTABLE',
  'MTR',
  'MTD',
  'MROOT',
  'MENCLOSE',
  'MPHANTOM',
  'SVG',
  'PATH',
  'LINE',
]);

test('every hostile paper page shows its text as text, and nothing from the input runs or becomes markup', async () => {
  const papers = entries();
  assert.equal(papers.length, 120);
  const page = await browser!.newPage();
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => errors.push(e.message));
  for (const paper of papers) {
    const response = await page.goto(`${origin}/papers/${paper.slug}/`);
    assert.equal(response?.status(), 200, paper.slug);
    const seen = await page.evaluate(() => {
      const abstract = document.querySelector('.abstract')!;
      const clone = abstract.cloneNode(true) as Element;
      for (const k of clone.querySelectorAll('.katex')) k.replaceWith(`$${k.querySelector('annotation')?.textContent ?? '?'}$`);
      for (const k of clone.querySelectorAll('.math-source')) k.replaceWith(k.querySelector('code')?.textContent ?? '?');
      const tags = [...abstract.querySelectorAll('*')].map((e) => e.tagName.toUpperCase());
      const attrs = [...document.querySelectorAll('*')]
        .flatMap((e) => [...e.attributes].map((a) => a.name))
        .filter((n) => n.startsWith('on'));
      const links = [...abstract.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? '');
      const scripts = [...document.querySelectorAll('script')].map((s) => s.getAttribute('src') ?? s.getAttribute('type') ?? 'inline');
      return {
        text: (clone.textContent ?? '').replace(/\s+/g, ' ').trim(),
        tags,
        attrs,
        links,
        scripts,
        title: document.title,
        h1: document.querySelector('h1')!.textContent,
        pwned: 'alert' in window && (window as unknown as { x?: unknown }).x !== undefined,
      };
    });
    assert.equal(seen.text, paper.text.replace(/\s+/g, ' ').trim(), `${paper.slug}: the abstract reads as the entry's text`);
    assert.deepEqual(
      seen.tags.filter((t) => !ALLOWED_TAGS.has(t)),
      [],
      `${paper.slug}: only prose, links and math elements`,
    );
    assert.deepEqual(seen.attrs, [], `${paper.slug}: no event handler attributes`);
    for (const href of seen.links) assert.match(href, /^https?:\/\//, `${paper.slug}: links are web addresses`);
    assert.deepEqual(
      seen.scripts.filter((s) => !/\/_astro\/(SearchBox|CopyButton)[^/]*\.js$/.test(s) && s !== 'application/ld+json'),
      [],
      `${paper.slug}: only the site's scripts`,
    );
    assert.equal(seen.title, `${plainText(paper.title)} · Paperboy`, `${paper.slug}: <title>`);
  }
  assert.deepEqual(dialogs, [], 'no alert() ran');
  assert.deepEqual(errors, [], 'no script error');
  await page.close();
});

test('page metadata and feeds carry hostile text escaped', async () => {
  const papers = new Map(entries().map((p) => [p.slug, p]));
  const feed = parseFeed(readFileSync(join(site.dist, 'rss.xml'), 'utf8'));
  assert.equal(feed.items.length, 120);
  for (const item of feed.items) {
    const slug = decodeURIComponent(/\/papers\/([^/]+)\/$/.exec(item.url ?? '')?.[1] ?? '');
    assert.equal(item.title, plainText(papers.get(slug)!.title), slug);
  }
  const items = new Map(feed.items.map((i) => [decodeURI(i.url ?? ''), i]));
  const page = await browser!.newPage();
  for (const slug of [...papers.keys()].slice(0, 30)) {
    await page.goto(`${origin}/papers/${slug}/`);
    const meta = await page.evaluate(() => ({
      description: document.querySelector('meta[name="description"]')?.getAttribute('content'),
      og: document.querySelector('meta[property="og:title"]')?.getAttribute('content'),
      ld: JSON.parse(document.querySelector('script[type="application/ld+json"]')?.textContent ?? '{}') as { headline?: string },
    }));
    assert.equal(meta.og, plainText(papers.get(slug)!.title));
    assert.equal(meta.ld.headline, plainText(papers.get(slug)!.title));
    // The feed's description is the page's description, read back as text by a real feed parser.
    assert.equal(items.get(`https://paperboy.example.org/papers/${slug}/`)?.description, meta.description, slug);
  }
  await page.close();
});

/** The slugs of the papers with hostile formulas (test/support/hostile.ts: every tenth). */
const formulaSlugs = (): string[] =>
  entries()
    .filter((p) => / Formula paper \d+:/.test(p.title))
    .map((p) => p.slug);

test('hostile formulas are contained on paper pages, the home page, the digest page, topic pages and related lists', async () => {
  const slugs = formulaSlugs();
  assert.equal(slugs.length, 12);
  const page = await browser!.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const paths = new Set(['/', '/digests/2025-04-01/', ...slugs.map((s) => `/papers/${s}/`)]);
  let formulas = 0;
  let scrollers = 0;
  let related = 0;
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize(viewport);
    for (const path of paths) {
      const response = await page.goto(`${origin}${path}`);
      assert.equal(response?.status(), 200, path);
      const seen = await assertContained(page, `${path} at ${viewport.width}×${viewport.height}`);
      formulas += seen.formulas;
      scrollers += seen.scrollers;
      if (path.startsWith('/papers/')) {
        related += await page.locator('#related ~ .paper-list .katex, section .paper-list .katex').count();
        // The topic pages of formula papers list them with their excerpts.
        for (const href of await page.locator('.topics a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? '')))
          paths.add(href);
      }
    }
  }
  assert.ok(formulas > 50, `formulas were rendered as math (${formulas})`);
  assert.ok(related > 0, 'related lists show formulas');
  // The 300em-wide formula, with nowhere to break, makes its abstract scroll: read whole, painted within.
  assert.ok(scrollers > 0, 'a wide formula scrolls within its abstract');
  assert.deepEqual(errors, []);
  await page.close();
});
