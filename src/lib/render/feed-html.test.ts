import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { feedHtml } from './feed-html.ts';

test('formulas are MathML with their TeX in alttext, and a reader that drops the tags shows each once, without TeX', () => {
  const html = feedHtml('We bound $\\ell_\\infty < \\epsilon$ and $x^2$, A&B.\n');
  const tree = fromHtml(html, { fragment: true });
  const maths = selectAll('math', tree);
  assert.equal(maths.length, 2);
  assert.deepEqual(
    maths.map((m) => m.properties['alttext']),
    ['\\ell_\\infty < \\epsilon', 'x^2'],
  );
  assert.doesNotMatch(html, /<annotation|<semantics|katex-html/);
  // What a reader that keeps only text shows: the Unicode of each formula, once.
  const text = toText(tree).replace(/\s+/g, ' ');
  assert.equal(text, 'We bound ℓ∞<ϵ and x2, A&B.');
});

test('a formula KaTeX refuses stays its TeX source in <code>, not MathML', () => {
  const html = feedHtml(`Big: $${'{'.repeat(60)}x${'}'.repeat(60)}$.\n`);
  assert.doesNotMatch(html, /<math/);
  assert.match(html, /<code/);
});
