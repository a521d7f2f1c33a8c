import assert from 'node:assert/strict';
import { test } from 'node:test';
import { textModeToUnicode as u } from './textmode.ts';

test('accents and special letters', () => {
  assert.equal(u('na\\"ive, na\\"{\\i}ve, \\\'{e}t\\\'e, \\`a, \\^o, \\~n, \\c{c}, \\v{s}, \\H{o}, \\k{a}, \\r{a}, \\=a, \\.z, \\u{g}'), 'naïve, naïve, été, à, ô, ñ, ç, š, ő, ą, å, ā, ż, ğ');
  assert.equal(u('\\L ojasiewicz, {\\L}ojasiewicz, \\o, \\O, \\ss{}, \\ae, \\AE, \\oe, \\aa, \\AA'), 'Łojasiewicz, Łojasiewicz, ø, Ø, ß, æ, Æ, œ, å, Å');
});

test('escapes, symbols, spaces', () => {
  assert.equal(u('90\\%, \\& \\$5 \\# \\_x \\{a\\}'), '90%, & $5 # _x {a}');
  assert.equal(u('a\\ldots b, \\LaTeX, \\S 3, a\\,b, a\\ b, a\\\\b, x\\-y'), 'a… b, LaTeX, § 3, a\u2009b, a b, a b, xy');
});

test('quotes and dashes', () => {
  assert.equal(u("``a'' and ''b'' and `c' don't"), '“a” and “b” and ‘c’ don’t'.replace('don’t', "don't"));
  assert.equal(u("x'' y"), 'x” y');
  assert.equal(u('a--b, a---b, a-b'), 'a–b, a—b, a-b');
  assert.equal(u("''", 'x'), '”');
});

test('commands with arguments', () => {
  assert.equal(u('work~\\citep{key} shows'), 'work shows');
  assert.equal(u('see \\url{https://x.io/a_b} and \\href{https://y.io}{this}'), 'see https://x.io/a_b and this');
  assert.equal(u('\\textit{x} \\textsc{Anchor} \\unknown{y} \\foo z'), 'x Anchor y foo z');
  assert.equal(u('{\\em a} {BERT}'), 'a BERT');
});
