/**
 * The measurement's own definitions (measure.ts): what is recoverable, a formula split into a
 * run of written ones, and placement. The figures on real abstracts: `npm run measure:math`.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formulaShape, isRecoverable, measure, readsAsText } from './math-measure.ts';
import type { FoundFormula } from '../../src/lib/math/restore.ts';

test('formulas that read the same as plain text are not recoverable', () => {
  for (const d of ['100', '>', '%', '13.7x', '4K', '2 x']) assert.equal(readsAsText(d), true, d);
  for (const d of ['times', 'x^2', 'alpha', 'O(n)', '13.7times']) assert.equal(readsAsText(d), false, d);
  assert.equal(isRecoverable('13.7x', '13.7x', ''), false);
  assert.equal(isRecoverable('\\%', '%', ''), false);
});

test('author macros KaTeX cannot parse are not recoverable', () => {
  assert.equal(isRecoverable('\\norm x', 'norm x', ''), false);
  assert.equal(isRecoverable('\\cO(n)', 'cO(n)', ''), false);
  assert.equal(isRecoverable('\\alpha', 'alpha', ''), true);
});

test('bare Latin letters and digits are not recoverable, but for a letter before -th', () => {
  for (const t of ['T', 'm, n', '(ii)', 'VOC2012', 'NYUDv2']) assert.equal(isRecoverable(t, t, ' is'), false, t);
  assert.equal(isRecoverable('i', 'i', '-th neuron'), true);
  assert.equal(isRecoverable('x_t', 'x_t', ''), true);
});

/** A stand-in restorer that writes the given TeX over the given damaged substrings, in order. */
function writes(...spans: [string, string][]): (damaged: string) => FoundFormula[] {
  return (damaged) => {
    let from = 0;
    return spans.map(([text, tex]) => {
      const start = damaged.indexOf(text, from);
      assert.ok(start >= 0, text);
      from = start + text.length;
      return { start, end: from, tex, incomplete: undefined };
    });
  };
}

test('a formula written as a run joined by commas or spaces counts as restored', () => {
  const original = 'with $\\epsilon \\le 1, \\delta \\le 1$ fixed.';
  const split = measure(original, writes(['epsilon le 1', '\\epsilon \\le 1'], ['delta le 1', '\\delta \\le 1']));
  assert.deepEqual([split.recoverable, split.recovered, split.restored, split.correct], [1, 1, 2, 2]);
  // Joined by anything else, or rendering otherwise, it is not.
  assert.equal(measure(original, writes(['epsilon le 1', '\\epsilon \\le 1'], ['delta le 1', '\\delta < 1'])).recovered, 0);
  assert.equal(measure('with $\\epsilon; \\delta$ fixed.', writes(['epsilon', '\\epsilon'], ['delta', '\\delta'])).recovered, 0);
});

test('placement: at least half of a written formula from an original one; strays classed', () => {
  // A number glued to a formula comes with it: `960times540` written whole is placed.
  const glued = measure('Speedups of 960$\\times$540 pixels.', writes(['960times540', '960\\times540']));
  assert.deepEqual([glued.restored, glued.correct], [1, 1]);
  // Blanks aside, `n = x` has 1 of its 3 characters from the formula `n`: a stray; `n= x` over `n=` has 2 of 3: placed.
  const half = measure('We set $n$ = x here.', writes(['n = x', 'n = x']));
  assert.deepEqual([half.restored, half.correct], [1, 0]);
  assert.deepEqual(
    half.strays.map((s) => [s.damaged, s.share, s.shape]),
    [['n = x', 'mostly prose', 'other']],
  );
  const most = measure('We set $n=$ x here.', writes(['n= x', 'n= x']));
  assert.deepEqual([most.restored, most.correct], [1, 1]);
  // Written where the authors wrote none: a stray taken from prose.
  const prose = measure('a rate of $x_t$ and x_t.', writes(['x_t', 'x_t'], ['x_t', 'x_t']));
  assert.deepEqual([prose.restored, prose.correct], [2, 1]);
  assert.deepEqual(
    prose.strays.map((s) => [s.damaged, s.share, s.shape]),
    [['x_t', 'in prose', 'other']],
  );
});

test('formula shapes, for the misses by class', () => {
  assert.equal(formulaShape('\\alpha'), 'one symbol');
  assert.equal(formulaShape('k'), 'one symbol');
  assert.equal(formulaShape('\\epsilon \\le 1'), 'relation');
  assert.equal(formulaShape('x \\in X'), 'relation');
  assert.equal(formulaShape('x_t^2'), 'scripts');
  assert.equal(formulaShape('O(n \\log n)'), 'other');
});

test('a number one blank from a formula, or with its percent sign, may stand on either side of the dollars', () => {
  // `256 $\times$ 256` and `$256 \times 256$` are damaged alike and read alike: restored and placed.
  const spaced = measure('FID at 256 $\\times$ 256 pixels.', writes(['256 times 256', '256 \\times 256']));
  assert.deepEqual([spaced.recoverable, spaced.recovered, spaced.restored, spaced.correct], [1, 1, 1, 1]);
  // `$\sim$90%` restored as `\sim90\%`, its percent sign escaped in the comparison.
  const percent = measure('It keeps $\\sim$90% of it.', writes(['sim90%', '\\sim90\\%']));
  assert.deepEqual([percent.recovered, percent.correct], [1, 1]);
  // Two blanks, or a word, are prose: not restored, and `leq  10 dB` takes mostly prose.
  assert.equal(measure('SNR $\\leq$  10 here.', writes(['leq  10', '\\leq 10'])).recovered, 0);
  assert.equal(measure('at $\\leq$ dB 10 here.', writes(['leq dB 10', '\\leq dB 10'])).correct, 0);
});
