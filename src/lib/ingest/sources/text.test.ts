import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collapseWhitespace, containsTex, isoDatePrefix, LineIndex, preview } from './text.ts';

test('collapseWhitespace: newlines and indentation become single spaces', () => {
  assert.equal(
    collapseWhitespace('\n    A Nearly-Optimal Bound for\n  Fast   Regression\r\n\tGuarantee \n'),
    'A Nearly-Optimal Bound for Fast Regression Guarantee',
  );
  assert.equal(collapseWhitespace(''), '');
  // Other control characters are left for cleanText to refuse with a line.
  assert.equal(collapseWhitespace('a\u000Bb\u000Cc'), 'a\u000Bb\u000Cc');
});

test('containsTex: $...$ and $$...$$ pairs', () => {
  for (const yes of [
    '$x$',
    'with $\\ell_\\infty$ guarantees',
    'a $$\\sum_i x_i$$ b',
    'where $x^*=\\arg\\min_x f$.',
    '$p$-adic',
    'cost \\$5 but $O(n)$ time',
    '$\\$5$',
  ]) {
    assert.equal(containsTex(yes), true, yes);
  }
});

test('containsTex: escaped dollars, lone dollars and prices are not math', () => {
  for (const no of [
    '',
    'no math here',
    'costs \\$5 and \\$10',
    'from $5 to $10',
    'a $ b $ c',
    'one $ only',
    '$$ $$',
    'x$',
    '$ x$',
    'between $5 and 6$7',
    '\\\\\\$x\\$',
  ]) {
    assert.equal(containsTex(no), false, no);
  }
  // An even run of backslashes does not escape: \\$x$ is a backslash, then math.
  assert.equal(containsTex('\\\\$x$'), true);
});

test('containsTex answers on a long run of dollars and text (its speed is in npm run bench:math)', () => {
  const hostile = '$ '.repeat(200_000) + 'a$'.repeat(200_000);
  // `a$a$` holds a formula: found, whatever runs before it.
  assert.equal(containsTex(hostile), true);
  assert.equal(containsTex('$ '.repeat(200_000)), false);
});

test('isoDatePrefix takes the date of a timestamp, if it is a real date', () => {
  assert.equal(isoDatePrefix('2023-10-30T17:50:16Z'), '2023-10-30');
  assert.equal(isoDatePrefix('2025-03-17T08:12:44.000Z'), '2025-03-17');
  assert.equal(isoDatePrefix('2006-01-01T12:00:00-05:00'), '2006-01-01');
  assert.equal(isoDatePrefix('2024-02-29'), '2024-02-29');
  assert.equal(isoDatePrefix('2023-02-29T00:00:00Z'), undefined);
  assert.equal(isoDatePrefix('yesterday'), undefined);
  assert.equal(isoDatePrefix('2023-10-301'), undefined);
});

test('LineIndex: lines and columns for LF, CRLF and CR files', () => {
  const text = 'ab\ncd\r\nef\rgh';
  const lines = new LineIndex(text);
  assert.deepEqual(
    [0, 2, 3, 5, 6, 7, 8, 10, 11].map((i) => lines.line(i)),
    [1, 1, 2, 2, 2, 3, 3, 4, 4],
  );
  assert.equal(lines.column(4), 2);
  assert.equal(new LineIndex('é😀x').column(3), 3); // columns count code points
});

test('preview shortens long text for messages', () => {
  assert.equal(preview('short'), 'short');
  assert.equal(preview('x'.repeat(100)), `${'x'.repeat(57)}...`);
});
