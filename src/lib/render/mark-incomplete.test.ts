import assert from 'node:assert/strict';
import { test } from 'node:test';
import katex from 'katex';
import { INCOMPLETE_NOTE, LOST_IN_PROSE_NOTE, markIncomplete } from './mark-incomplete.ts';
import { renderBody } from './markdown.ts';

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

test('with prose: lost math the restorer left as text is wrapped and marked; formulas, code and links are not read', () => {
  const html = `<p>a noise-text{free} water<code>text{x}</code> ${formula('\\text{y}')} <a href="/a">frac{a}</a> and (text{embedding size}{2}) of it.</p>`;
  const { html: out, marked } = markIncomplete(html, [], { prose: true });
  assert.equal(marked, 2);
  assert.ok(
    out.includes(
      `<span class="math-incomplete math-lost" data-incomplete="">text{free}<span class="visually-hidden"> (${LOST_IN_PROSE_NOTE})</span></span>`,
    ),
  );
  assert.ok(out.includes('>text{embedding size}{2}<span class="visually-hidden">'));
  assert.ok(out.includes('<code>text{x}</code>'));
  assert.ok(out.includes('<a href="/a">frac{a}</a>'));
  // Without prose (the authors' own text), nothing is read.
  assert.deepEqual(markIncomplete(html, [], { prose: false }), { html, marked: 0 });
});

test('with prose, text without lost math comes back as it was', () => {
  const html = `<p>Braces {batch: 32} and that{x} and ${formula('\\mathcal{O}(\\sqrt{T})')} stay.</p>`;
  assert.deepEqual(markIncomplete(html, [], { prose: true }), { html, marked: 0 });
});

test('an entry body is marked as it renders, as its rendered HTML would be marked afterwards', async () => {
  const body = 'A bound $\\epsilon\\{d\\}$ on $x^2$, with noise-text{free} water and `text{x}`.';
  const marks = { incomplete: ['\\epsilon\\{d\\}'], prose: true };
  const marked = await renderBody(body, marks);
  assert.equal(marked, markIncomplete(await renderBody(body), marks.incomplete, marks).html);
  assert.equal((marked.match(/data-incomplete/g) ?? []).length, 2);
  // Without marks, the body renders unmarked.
  assert.doesNotMatch(await renderBody(body), /data-incomplete/);
  assert.doesNotMatch(await renderBody(body, { incomplete: [], prose: false }), /data-incomplete/);
});
