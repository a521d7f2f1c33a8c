import assert from 'node:assert/strict';
import { test } from 'node:test';
import katex from 'katex';
import { INCOMPLETE_NOTE, markIncomplete } from './mark-incomplete.ts';

const formula = (tex: string): string => katex.renderToString(tex, { output: 'htmlAndMathml' });

test('the formulas listed as incomplete are marked, with a note for screen readers; the others are left as they are', () => {
  const html = `<p>A bound ${formula('\\epsilon\\{d\\}')} and ${formula('x^2')}.</p>`;
  const { html: out, marked } = markIncomplete(html, ['\\epsilon\\{d\\}']);
  assert.equal(marked, 1);
  assert.equal((out.match(/data-incomplete/g) ?? []).length, 1);
  assert.match(out, /class="katex math-incomplete" data-incomplete=""/);
  assert.ok(out.includes(`(${INCOMPLETE_NOTE})`));
  // The complete formula is untouched, byte for byte.
  assert.ok(out.includes(formula('x^2')));
});

test('nothing to mark: the HTML comes back as it was, unparsed', () => {
  const html = `<p>${formula('x^2')}</p>`;
  assert.deepEqual(markIncomplete(html, []), { html, marked: 0 });
  assert.deepEqual(markIncomplete(html, ['\\alpha']), { html, marked: 0 });
});
