import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hasMathDelimiters, splitMath } from './split.ts';

test('splits on $...$ and nothing else', () => {
  assert.deepEqual(splitMath('a $x^2$ b $\\ell_\\infty$'), [
    { kind: 'text', value: 'a ' },
    { kind: 'math', tex: 'x^2' },
    { kind: 'text', value: ' b ' },
    { kind: 'math', tex: '\\ell_\\infty' },
  ]);
  assert.deepEqual(splitMath('no math, ell_infty and {\\em x}'), [{ kind: 'text', value: 'no math, ell_infty and {\\em x}' }]);
  assert.deepEqual(splitMath('$$x$$ then'), [
    { kind: 'math', tex: 'x' },
    { kind: 'text', value: ' then' },
  ]);
});

test('escaped dollars are literal dollars, in text and in math', () => {
  assert.deepEqual(splitMath('costs \\$5, $a\\$b$ here'), [
    { kind: 'text', value: 'costs $5, ' },
    { kind: 'math', tex: 'a\\$b' },
    { kind: 'text', value: ' here' },
  ]);
  assert.equal(hasMathDelimiters('costs \\$5 and \\$10'), false);
});

test('prices are not math; $\\sim$3 is', () => {
  for (const text of ['costs $5 and $10 or $20,000 and $30,000', 'from US$5 and US$10', 'a $5-$10 range'])
    assert.deepEqual(splitMath(text), [{ kind: 'text', value: text }]);
  assert.deepEqual(splitMath('up to $\\sim$3 billion'), [
    { kind: 'text', value: 'up to ' },
    { kind: 'math', tex: '\\sim' },
    { kind: 'text', value: '3 billion' },
  ]);
  assert.equal(hasMathDelimiters('a $ b $ c'), false);
  assert.equal(hasMathDelimiters('a $x$'), true);
});

test('round trip with $-escaping writers', () => {
  const segments = [
    { kind: 'text' as const, value: 'Save $5 with ' },
    { kind: 'math' as const, tex: '\\sim' },
    { kind: 'text' as const, value: '3 tricks' },
  ];
  const rich = segments.map((s) => (s.kind === 'math' ? `$${s.tex}$` : s.value.replace(/\$/g, '\\$'))).join('');
  assert.deepEqual(splitMath(rich), segments);
});
