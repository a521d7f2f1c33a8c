import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pairSizers, writableTex } from './katex-repair.ts';

test('an unpaired \\left or \\right is the delimiter it sizes; paired ones stay', () => {
  assert.equal(pairSizers('\\sigma\\left(x_i)'), '\\sigma(x_i)');
  assert.equal(pairSizers('f(x\\right)'), 'f(x)');
  assert.equal(pairSizers('\\left(a\\right) + \\left[b'), '\\left(a\\right) + [b');
  assert.equal(pairSizers('\\left. x'), ' x');
  assert.equal(pairSizers('\\big x'), 'x');
});

test('a candidate is written as it stands, repaired, or not at all', () => {
  assert.equal(writableTex('x^2'), 'x^2');
  assert.equal(writableTex('\\sigma\\left(x_i)'), '\\sigma(x_i)');
  assert.equal(writableTex('\\sqrt_i'), null);
  assert.equal(writableTex('O(n)^^2'), null);
});
