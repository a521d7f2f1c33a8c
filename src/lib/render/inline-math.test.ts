import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { restoreMath } from '../math/restore.ts';
import { toRich } from '../contract/rich.ts';
import { splitMath } from '../text/split.ts';
import { inlineMath, inlineProse, isIncomplete, lostMathOf, type LostMath } from './inline-math.ts';
import { INCOMPLETE_NOTE, LOST_IN_PROSE_NOTE } from './mark-incomplete.ts';

/** A title as RichText.astro renders it: each math part through inlineMath, each text part through inlineProse. */
function renderTitle(text: string, lost: LostMath | undefined): string {
  return splitMath(text)
    .map((s) => (s.kind === 'math' ? inlineMath(s.tex, isIncomplete(s.tex, lost)) : (inlineProse(s.value, lost) ?? s.value)))
    .join('');
}

test('a title restored from damaged text: its incomplete formula is marked as in a body, its complete one is not', () => {
  // The damage of `Regret $\tilde{\mathcal{O}}(\sqrt{T})$ with $\ell_\infty$ bounds`.
  const r = restoreMath('Regret mathcal{O}(T) with ell_infty bounds');
  assert.equal(r.incomplete, 1);
  const title = toRich(r.segments);
  const lost = lostMathOf({ incompleteMath: r.incompleteFormulas.map((f) => f.tex), ingest: { textSource: 'restored' } });
  const tree = fromHtml(renderTitle(title, lost), { fragment: true });
  const formulas = selectAll('.katex', tree);
  assert.equal(formulas.length, 2);
  const [incomplete, complete] = formulas;
  assert.ok(incomplete && complete);
  assert.equal(toText(select('annotation', incomplete)!), '\\mathcal{O}(T)');
  assert.ok('dataIncomplete' in incomplete.properties);
  assert.ok((incomplete.properties['className'] as string[]).includes('math-incomplete'));
  assert.equal(toText(select('.visually-hidden', incomplete)!), ` (${INCOMPLETE_NOTE})`);
  assert.ok(!('dataIncomplete' in complete.properties));
  assert.equal(select('.visually-hidden', complete), undefined);
});

test('the same formula in another title, not listed there, is not marked (the cache keeps both)', () => {
  const marked = inlineMath('\\mathcal{O}(T)', true);
  const plain = inlineMath('\\mathcal{O}(T)', false);
  assert.match(marked, /data-incomplete/);
  assert.doesNotMatch(plain, /data-incomplete|math-incomplete/);
  assert.equal(inlineMath('\\mathcal{O}(T)', true), marked);
});

test("lost math a restored title keeps as text is marked; the authors' own text is left alone", () => {
  const restored = lostMathOf({ ingest: { textSource: 'restored' } });
  const html = inlineProse('A noise-text{free} watermark <b>', restored);
  assert.ok(html);
  const tree = fromHtml(html, { fragment: true });
  const mark = select('[data-incomplete]', tree);
  assert.ok(mark);
  assert.equal(toText(mark), `text{free} (${LOST_IN_PROSE_NOTE})`);
  assert.ok(html.endsWith(' watermark &#x3C;b>'), html);
  assert.equal(inlineProse('A noise-text{free} watermark', lostMathOf({ ingest: { textSource: 'authors' } })), undefined);
  assert.equal(inlineProse('Plain {words} here', restored), undefined);
  assert.equal(inlineProse('A noise-text{free} watermark', undefined), undefined);
});

test('a formula KaTeX refuses stays its marked source, incomplete or not', () => {
  const html = inlineMath('\\frac{', true);
  assert.match(html, /class="math-source"/);
  assert.doesNotMatch(html, /katex/);
});

test('lostMathOf: entries from before the record are restorations; the list keeps strings only', () => {
  assert.deepEqual(lostMathOf({}), { incomplete: [], restored: true });
  assert.deepEqual(lostMathOf({ incompleteMath: ['x', 3], ingest: { textSource: 'authors' } }), { incomplete: ['x'], restored: false });
});
