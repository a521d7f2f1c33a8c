/** Hostile titles and abstracts written in each format come back as written, and fast. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hostilePapers } from '../../../../test/support/hostile.ts';
import { parseArxivAtom } from './arxiv-atom.ts';
import { parseHfDaily } from './hf-daily.ts';
import { collapseWhitespace, containsTex } from './text.ts';

const PAPERS = hostilePapers(20250317, 300, { longLines: true });

function xmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

test('HF daily JSON: hostile text survives, in upvote order', () => {
  const items = PAPERS.map((p, i) => ({ paper: { id: `2503.${String(10000 + i)}`, summary: p.abstract, upvotes: i % 7 }, title: p.title }));
  const digest = parseHfDaily(JSON.stringify(items, null, 2), 'hostile.json');
  assert.equal(digest.papers.length, PAPERS.length);
  for (const p of digest.papers) {
    const i = Number(p.arxivId!.slice(5)) - 10000;
    assert.equal(p.title, collapseWhitespace(PAPERS[i]!.title));
    assert.equal(p.abstract, collapseWhitespace(PAPERS[i]!.abstract));
    assert.equal(p.upvotes, i % 7);
    assert.equal(p.hasTex, containsTex(p.abstract));
  }
  for (let k = 1; k < digest.papers.length; k += 1) assert.ok(digest.papers[k - 1]!.upvotes! >= digest.papers[k]!.upvotes!);
});

test('arXiv Atom: hostile text survives escaping, entities decoded exactly once', () => {
  const entries = PAPERS.map(
    (p, i) =>
      `  <entry>\n    <id>http://arxiv.org/abs/2503.${String(10000 + i)}v1</id>\n    <title>${xmlEscape(p.title)}</title>\n    <summary>  ${xmlEscape(p.abstract)}\n  </summary>\n  </entry>`,
  );
  const text = `<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom">\n${entries.join('\n')}\n</feed>\n`;
  const digest = parseArxivAtom(text, 'hostile.xml');
  assert.equal(digest.papers.length, PAPERS.length);
  digest.papers.forEach((p, i) => {
    assert.equal(p.rank, i + 1);
    assert.equal(p.title, collapseWhitespace(PAPERS[i]!.title));
    assert.equal(p.abstract, collapseWhitespace(PAPERS[i]!.abstract));
    assert.equal(p.line, 5 + 6 * i);
  });
});
