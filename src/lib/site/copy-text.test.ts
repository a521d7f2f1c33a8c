import assert from 'node:assert/strict';
import { test } from 'node:test';
import { copiedText, delimited, type CopyPiece } from './copy-text.ts';

const prose = (text: string): CopyPiece => ({ kind: 'prose', text });
const math = (tex: string, display = false): CopyPiece => ({ kind: 'math', text: delimited(tex, display) });
const block: CopyPiece = { kind: 'block' };

test('formulas are copied once, as their TeX between dollars, display ones between $$', () => {
  assert.equal(delimited(' x^2 ', false), '$x^2$');
  assert.equal(delimited('\\sum_i a_i', true), '$$\\sum_i a_i$$');
  assert.equal(
    copiedText([
      prose('Given a matrix '),
      math('A\\in \\mathbb{R}^{n\\times d}'),
      prose(', solve '),
      math('\\min_x f(x)', true),
      prose('.'),
    ]),
    'Given a matrix $A\\in \\mathbb{R}^{n\\times d}$, solve $$\\min_x f(x)$$.',
  );
});

test("the markup's newlines and runs of spaces are one space; paragraphs are separated by a blank line", () => {
  assert.equal(
    copiedText([block, prose('\n  First  line\nwraps '), math('a\n+\tb'), prose('\n'), block, block, prose(' Second.\n'), block]),
    'First line wraps $a + b$\n\nSecond.',
  );
  assert.equal(copiedText([block, prose(' \n '), block]), '');
  // A non-breaking space is the text's own.
  assert.equal(copiedText([prose('10\u00a0%')]), '10\u00a0%');
});

test('a TeX comment keeps the newline that ends it', () => {
  assert.equal(copiedText([math('a % note\n+ b')]), '$a % note\n+ b$');
  assert.equal(copiedText([math('50\\% \n of x')]), '$50\\% of x$');
});

test('as LaTeX, prose is escaped and formulas are left as they are', () => {
  assert.equal(
    copiedText([prose('Top-1 at 90% & up_to #3 for ~$5 '), math('x_{\\{i\\}} \\% 2'), prose(' {ok}\\')], { latex: true }),
    'Top-1 at 90\\% \\& up\\_to \\#3 for \\textasciitilde{}\\$5 $x_{\\{i\\}} \\% 2$ \\{ok\\}\\textbackslash{}',
  );
  // As plain text, the same prose is left as it reads.
  assert.equal(copiedText([prose('90% & ~$5')]), '90% & ~$5');
});
