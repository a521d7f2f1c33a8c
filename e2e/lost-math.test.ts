/**
 * The seed fixture site (test/support/sites.ts): the formulas an entry lists as incomplete are
 * marked wherever its title or excerpt is shown (paper lists, the paper's heading, the
 * neighbours' links), as on its page; no other formula is. Runs after `npm run test:sites`.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import type { Element } from 'hast';
import { parseEntryFile } from '../src/lib/contract/entry-file.ts';
import { INCOMPLETE_NOTE } from '../src/lib/render/mark-incomplete.ts';
import { builtSite } from '../test/support/sites.ts';

const site = builtSite('seed');

const incompleteOf = new Map(
  readdirSync(join(site.content, 'papers'))
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => {
      const data = parseEntryFile(readFileSync(join(site.content, 'papers', f), 'utf8'), f).data;
      return [f.slice(0, -4), new Set(((data['incompleteMath'] as string[] | undefined) ?? []).map((t) => t.trim()))] as const;
    }),
);

/** Every built page: the home page, digests, topics, papers. */
function pages(): string[] {
  const out = ['index.html'];
  for (const dir of ['digests', 'topics', 'papers']) {
    for (const d of readdirSync(join(site.dist, dir), { withFileTypes: true }))
      if (d.isDirectory()) out.push(`${dir}/${d.name}/index.html`);
  }
  return out;
}

/** Checks each formula under `node`, which shows paper `slug`'s title or excerpt; returns how many are marked. */
/** Formulas checked in lists: lists show math at all (a count, not a claim about marks). */
let listFormulas = 0;

function check(node: Element, slug: string, where: string): number {
  const listed = incompleteOf.get(slug);
  assert.ok(listed, `${where}: a paper ${slug}`);
  let marked = 0;
  for (const k of selectAll('.katex', node)) {
    if (select('.excerpt, h2, h3', node)) listFormulas += 1;
    const tex = toText(select('annotation', k)!).trim();
    const isMarked = 'dataIncomplete' in k.properties;
    assert.equal(isMarked, listed.has(tex), `${where}, ${slug}: $${tex}$`);
    if (!isMarked) continue;
    marked += 1;
    assert.ok((k.properties['className'] as string[]).includes('math-incomplete'), `${where}: the class that draws the mark`);
    assert.equal(toText(select('.visually-hidden', k)!).trim(), `(${INCOMPLETE_NOTE})`);
  }
  return marked;
}

const slugOf = (href: string): string | undefined => /papers\/([^/]+)\/$/.exec(href)?.[1];

test("in every list, heading and neighbour link, a paper's incomplete formulas are marked as on its page, and no other", () => {
  let checked = 0;
  for (const path of pages()) {
    const tree = fromHtml(readFileSync(join(site.dist, path), 'utf8'));
    for (const li of selectAll('.paper-list > li', tree)) {
      const slug = slugOf(String(select('a', li)?.properties['href'] ?? ''));
      assert.ok(slug, `${path}: a list item links to its paper`);
      check(li, slug, path);
      checked += 1;
    }
    const own = slugOf(`/${path.replace(/index\.html$/, '')}`);
    if (path.startsWith('papers/') && own) {
      const h1 = select('h1', tree);
      assert.ok(h1);
      check(h1, own, `${path} h1`);
      for (const a of selectAll('a[rel="prev"], a[rel="next"]', tree)) {
        const slug = slugOf(String(a.properties['href'] ?? ''));
        if (slug) check(a, slug, `${path} neighbour`);
      }
    }
  }
  assert.ok(checked > 100, `${checked} list items`);
  assert.ok(listFormulas > 10, `${listFormulas} formulas checked in lists`);
  // The seed's incomplete formulas all stand past what a list's one line shows (list-view.ts,
  // oneLine), so its lists show none of them: that a title or excerpt marks one is
  // inline-math.test.ts's to show.
});
