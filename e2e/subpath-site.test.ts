/**
 * The site as a GitHub Pages project site: the subpath fixture site (test/support/sites.ts),
 * built under a sub-path base from the seed digest and a Hugging Face daily list. Every link and asset resolves under the base; the papers the
 * list enriched show their authors, arXiv links and a citation; search works under the base.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright';
import { launchChromium } from '../test/support/chromium.ts';
import { builtSite } from '../test/support/sites.ts';
import { startStaticServer, type StaticServer } from '../test/support/static-server.ts';
import { brokenReferences } from './links.ts';

const site = builtSite('subpath');
const SITE = site.site;
const BASE = site.base;
const MGNO = 'mgno-efficient-parameterization-of-linear-operators-via-multigrid';
// The static server serves a folder at its root; a sub-path site is served from a folder named like its base.
const served = mkdtempSync(join(tmpdir(), 'pb-served-'));
let server: StaticServer | undefined;
let origin = '';
let browser: Browser | undefined;

before(async () => {
  symlinkSync(site.dist, join(served, BASE.replaceAll('/', '')));
  server = await startStaticServer(served);
  origin = server.origin;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
  rmSync(served, { recursive: true, force: true });
});

test('every internal link and asset resolves under the base path', () => {
  const { broken, checked } = brokenReferences(site.dist, SITE, BASE);
  assert.ok(checked > 500, `${checked} references checked`);
  assert.deepEqual(broken.slice(0, 20), [], `${broken.length} broken`);
  const home = readFileSync(join(site.dist, 'index.html'), 'utf8');
  assert.match(home, /<link rel="canonical" href="https:\/\/someone\.github\.io\/paperboy\/">/);
  assert.doesNotMatch(home, /(href|src)="\/(?!paperboy\/)/, 'no root-relative URL escapes the base');
});

test('a paper the Hugging Face list enriched shows authors, arXiv links, citation metadata and BibTeX', () => {
  const html = readFileSync(join(site.dist, `papers/${MGNO}/index.html`), 'utf8');
  // The authors, each a link to their papers on arXiv, and indexed for search.
  assert.match(
    html,
    /<p class="authors" data-pagefind-body><a href="https:\/\/arxiv\.org\/search\/\?query=Juncai\+He&amp;searchtype=author">Juncai He<\/a>, <a [^>]*>Xinliang Liu<\/a>, <a [^>]*>Jinchao Xu<\/a><\/p>/,
  );
  // The way to the paper: its arXiv abstract, its PDF, its Hugging Face page.
  assert.match(
    html,
    /<ul class="paper-links" aria-label="This paper elsewhere"><li><a href="https:\/\/arxiv\.org\/abs\/2310\.19809">arXiv:2310\.19809<\/a><\/li><li><a href="https:\/\/arxiv\.org\/pdf\/2310\.19809">PDF<\/a><\/li><li><a href="https:\/\/huggingface\.co\/papers\/2310\.19809">Hugging Face<\/a><\/li><\/ul>/,
  );
  assert.match(html, /<meta name="citation_author" content="Juncai He">/);
  assert.match(html, /"@type":"ScholarlyArticle"[^<]*"author":\[\{"@type":"Person","name":"Juncai He"\}/);
  assert.match(html, /@misc\{he2023mgno,/);
  assert.match(html, /eprint=\{2310\.19809\}/);
  // A paper the list did not have keeps working as before: no empty labels.
  const plainPage = readFileSync(
    join(site.dist, 'papers/a-deep-conjugate-direction-method-for-iteratively-solving-linear-systems/index.html'),
    'utf8',
  );
  // Its own part of the page (the related list may link to papers that have ids).
  const plain = plainPage.slice(0, plainPage.indexOf('</article>'));
  assert.doesNotMatch(plain, /class="authors"|citation_author|citation_publication_date|datePublished|arxiv\.org\/(abs|pdf)\//);
  assert.doesNotMatch(plainPage, /id="cite"/);
  // It still leads to the paper: an arXiv title search and Google Scholar.
  assert.match(
    plain,
    /<ul class="paper-links" aria-label="This paper elsewhere"><li><a href="https:\/\/arxiv\.org\/search\/\?query=A\+Deep\+Conjugate\+Direction[^"]*searchtype=title">Find on arXiv<\/a><\/li><li><a href="https:\/\/scholar\.google\.com\/scholar\?q=A\+Deep\+Conjugate[^"]*">Google Scholar<\/a><\/li><\/ul>/,
  );
  // Its math was restored: the way to the original is an arXiv title search.
  assert.match(plain, /class="provenance"[^]*href="https:\/\/arxiv\.org\/search\/\?query=/);
});

test('in the lists, a paper with an arXiv id links to its abstract, PDF and Hugging Face page, and names its authors', () => {
  const home = readFileSync(join(site.dist, 'index.html'), 'utf8');
  const item =
    new RegExp(
      `<li data-topics="[^"]*"><span class="rank" aria-hidden="true">\\d+</span><div><h2><a href="${BASE}papers/${MGNO}/">[^]*?</li></ul></div></div></li>`,
    ).exec(home)?.[0] ?? '';
  assert.ok(item, 'MgNO is listed on the home page');
  assert.match(item, /<p class="meta">Juncai He, Xinliang Liu and Jinchao Xu<\/p>/);
  assert.match(
    item,
    /<a href="https:\/\/arxiv\.org\/abs\/2310\.19809">arXiv:2310\.19809<\/a>[^]*<a href="https:\/\/arxiv\.org\/pdf\/2310\.19809">PDF<\/a>[^]*<a href="https:\/\/huggingface\.co\/papers\/2310\.19809">Hugging Face<\/a>/,
  );
  assert.match(item, new RegExp(`<ul class="chips" aria-label="Topics"><li><a href="${BASE}topics/neural-operators/">`));
});

test('in Chromium: the copy button copies the BibTeX, and search works under the base', async () => {
  const context = await browser!.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const page = await context.newPage();
  await page.goto(`${origin}${BASE}papers/${MGNO}/`);
  await page.getByRole('button', { name: 'Copy BibTeX' }).click();
  await page.getByRole('button', { name: 'Copied' }).waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(copied, /^@misc\{he2023mgno,[\s\S]*\}$/);
  await page.goto(`${origin}${BASE}search/?q=multigrid`);
  const first = page.locator('a[href*="/papers/"]').filter({ hasText: 'MgNO' }).first();
  await first.waitFor();
  assert.match((await first.getAttribute('href')) ?? '', /^\/paperboy\/papers\/mgno-/);
  await context.close();
});
