import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { incompleteTrace, lostInProse, tracesIn, tracesInText } from './incomplete.ts';
import { mangle, measure } from '../../../test/support/math-measure.ts';
import { restoreMath } from './restore.ts';

const kinds = (damaged: string): string[] => tracesInText(damaged).map((t) => t.kind);

describe('the three traces a lost braced command leaves', () => {
  test('a leftover command: a braced command that survived inside the lost one', () => {
    assert.deepEqual(kinds('mathcal{O}(d^k)'), ['leftover-command']);
    assert.deepEqual(kinds('Theta(frac{loglog n{log d}})').slice(0, 1), ['leftover-command']);
    assert.deepEqual(kinds('boldsymbol{theta}'), ['leftover-command']);
    assert.match(incompleteTrace('mathcal{O}(KT)') ?? '', /\\mathcal\{…\} survived inside a command the source lost/);
    // The braces need not balance: `\\frac{1}\\delta` inside a lost \\sqrt left `frac{1δ ... }`.
    assert.deepEqual(kinds('Oleft( dlog left( frac{1δ right)}/(nJε) right)'), ['leftover-command']);
    assert.deepEqual(kinds('alphamathbf{x}{2}').slice(0, 1), ['leftover-command']);
  });

  test('a glued group: the second argument of a lost two-argument command', () => {
    assert.deepEqual(kinds('epsilon{d}cdot x'), ['glued-group']);
    assert.deepEqual(kinds('1{2}'), ['glued-group']);
    assert.deepEqual(kinds('x_{i}{n}'), ['glued-group']);
    assert.deepEqual(kinds('f(x){2}'), ['glued-group']);
    assert.match(incompleteTrace('leq epsilon{d}cdot') ?? '', /^epsilon\{d\}: a brace group glued/);
  });

  test('a bare group: braces around plain symbols', () => {
    assert.deepEqual(kinds('{O}(T)'), ['bare-group']);
    assert.deepEqual(kinds('= {O}(K T^{3/4})'), ['bare-group']);
    assert.deepEqual(kinds('{C_Phi}'), ['bare-group']);
  });
});

describe('what is no trace', () => {
  test('scripts, escaped braces, sets and switches', () => {
    for (const damaged of [
      'x^{2} + B_{ij}',
      'max{p, q}',
      'left{x right}',
      'k in {5, 10, 20}',
      'xin{1,2}',
      '{0,1}^n',
      '{x : x > 0}',
      'Oleft(left(dB_Lright)^{max{p log(1/ epsilon), p^{log(1/epsilon)}}}right)',
      'C_{Phicirc Psi} > C_Psi',
      'x_{in}',
      '{}^{3}',
      'sqrt[3]{x}',
      'mathcal W_{ij} u',
      'sigmaleft( sum_j u_j right)',
      'epsilon^{-2}dlog^3(n/delta)',
      '{m_i}_{i=1}^M',
      '{F_1-max}',
      '{ x }',
    ]) {
      assert.equal(incompleteTrace(damaged), undefined, damaged);
    }
  });

  test('a group holding English or a font switch was typed that way', () => {
    assert.equal(incompleteTrace('{cal O}(n)'), undefined);
    assert.equal(incompleteTrace('{the set}'), undefined);
  });
});

describe('on damaged originals (mangle)', () => {
  const marked = (original: string): boolean => {
    const m = measure(original);
    return m.marked > 0;
  };

  test('lost meaning-bearing commands that left a trace are marked', () => {
    for (const original of [
      'a rate of $\\frac{1}{2}$ here',
      'a bound $\\frac{\\epsilon}{\\sqrt{d}}\\cdot L$ holds',
      'risk $\\tilde{\\mathcal{O}}(\\sqrt{KT})$ follows',
      'with $\\gamma=\\Theta(\\sqrt{\\frac{\\log n}{\\log d}})$ we',
      'the mean $\\frac{x_{i}}{n} + 1$ of',
      'estimator $\\hat{\\boldsymbol{\\theta}}_n$ converges',
      'regret ${\\mathcal{O}}(\\sqrt{T})$ follows',
      'a rate of $\\frac{4(1-T)}{T}$ here',
      'a noise $\\underline{\\text{free}}$ model',
    ]) {
      assert.ok(marked(original), `${original} → ${mangle(original)}`);
    }
  });

  test('exact restorations with braces are not marked', () => {
    for (const original of [
      'with $x^{2} + y_{ij}$ terms',
      'over $\\{0,1\\}^n$ inputs',
      'of $\\max\\{p, q\\}$ steps',
      'given $A\\in \\mathbb{R}^{n\\times d}$ and',
      'the bound $O(\\epsilon^{-2}d\\log^3(n/\\delta))$ holds',
      'a set $\\left\\{x_i\\right\\}_{i=1}^n$ of points',
      'where $\\widetilde\\Theta(d^{kq})$ samples',
    ]) {
      const m = measure(original);
      assert.equal(m.marked, 0, `${original} → ${mangle(original)}`);
    }
  });

  test('a trace is shown as the digest showed it, never as an invented command', () => {
    const r = restoreMath(mangle('a bound $\\frac{\\epsilon}{\\sqrt{d}}\\cdot L$ holds'));
    assert.deepEqual(r.segments[1], { kind: 'math', tex: '\\epsilon\\{d\\}\\cdot L' });
    assert.equal(r.incomplete, 1);
    assert.ok(!r.incompleteFormulas.some((f) => /\\(frac|sqrt)/.test(f.tex)));
  });
});

test('restoreMath: counts of restored and incomplete formulas, none for text with $...$', () => {
  const r = restoreMath('We get {O}(T) regret and O(log T) in T steps.');
  assert.equal(r.restored, 3);
  assert.equal(r.incomplete, 1);
  assert.deepEqual(r.incompleteFormulas, [
    { tex: '{O}(T)', damaged: '{O}(T)', reason: '{O}: braces around plain symbols are what the source left of a lost command' },
  ]);
  const d = restoreMath('We get ${O}(T)$ regret.');
  assert.equal(d.formulas, 1);
  assert.equal(d.restored, 0);
  assert.equal(d.incomplete, 0);
});

describe('lost math left as text (lostInProse)', () => {
  const found = (text: string): string[] => lostInProse(text).map((t) => text.slice(t.start, t.end));

  test('a leftover command in prose, with the groups glued after it; to the first } when braces do not balance', () => {
    assert.deepEqual(found('a noise-text{simu}lation-text{free} method'), ['text{simu}', 'text{free}']);
    assert.deepEqual(found('ratio (text{embedding size}{2}) here'), ['text{embedding size}{2}']);
    assert.deepEqual(found('Oleft( dlog left( frac{1δ right)}/(nJε) right)'), ['frac{1δ right)}']);
    assert.deepEqual(found('the alphamathbf{x}{2} term'), ['mathbf{x}{2}']);
    assert.deepEqual(found('a watertext{mark}ing scheme'), ['text{mark}']);
    assert.match(lostInProse('text{x}')[0]?.reason ?? '', /\\text\{…\} is what the source left of a formula it lost/);
  });

  test('prose TeX, English and braces around text are no lost math', () => {
    for (const text of [
      '\\emph{x} and \\textbf{y}',
      'that{x} what{y}',
      '{batch: 32, lr: 0.1}',
      'text {x}',
      'the context{x}',
      'a sub{x}',
      'json {"text": 1}',
      'C:\\Users\\text{x}',
    ]) {
      assert.deepEqual(found(text), [], text);
    }
  });
});

test('tracesIn: the traces of a tokenized formula, its braces as token indices (what to-tex.ts reads)', () => {
  const tokens = [...'epsilon{d}cdot x'.matchAll(/[A-Za-z]+|\s+|./g)].map((m) => ({ text: m[0], s: m.index ?? 0 }));
  const [trace, ...rest] = tracesIn(tokens);
  assert.deepEqual(rest, []);
  assert.equal(trace?.kind, 'glued-group');
  assert.equal(tokens[trace?.open ?? -1]?.text, '{');
  assert.equal(tokens[trace?.close ?? -1]?.text, '}');
  assert.equal(trace?.close, 3);
});
