import assert from 'node:assert/strict';
import { test } from 'node:test';
import { textModeToUnicode as u } from './textmode.ts';

const same = (s: string): void => assert.equal(u(s), s, s);

test('accents and special letters', () => {
  assert.equal(
    u('na\\"ive, na\\"{\\i}ve, \\\'{e}t\\\'e, \\`a, \\^o, \\~n, \\c{c}, \\v{s}, \\H{o}, \\k{a}, \\r{a}, \\=a, \\.z, \\u{g}'),
    'naïve, naïve, été, à, ô, ñ, ç, š, ő, ą, å, ā, ż, ğ',
  );
  assert.equal(
    u('\\L ojasiewicz, {\\L}ojasiewicz, \\o, \\O, \\ss{}, \\ae, \\AE, \\oe, \\aa, \\AA'),
    'Łojasiewicz, Łojasiewicz, ø, Ø, ß, æ, Æ, œ, å, Å',
  );
  assert.equal(u('Erd{\\H o}s, Erd\\H{o}s, Sch{\\"o}lkopf, {\\\'E}cole, Erd{\\H{o}}s'), 'Erdős, Erdős, Schölkopf, École, Erdős');
});

test('an accent is certain only on a letter it makes, after prose', () => {
  // A regular expression, a path: `\d` before a non-letter, `\.` before `j`, `\U` unknown.
  same('matches \\d+\\.json and \\w+\\.txt in C:\\Users\\data');
  // A letter-named accent without braces, an accent on what is not a letter.
  same('\\v c, \\H o, \\"1, \\\'{ab}, \\^{}');
  // After code, not prose.
  same('x+\\"a, path:\\\'e');
});

test('escapes, symbols, spaces', () => {
  assert.equal(u('90\\%, \\& \\$5 \\# \\_x \\{a\\}'), '90%, & $5 # _x {a}');
  assert.equal(u('a\\ldots b, \\LaTeX, \\S 3, a\\,b, et al.\\ show, x\\-y'), 'a… b, LaTeX, § 3, a\u2009b, et al. show, xy');
  // A backslash that starts no known construct stays, and so does what follows it.
  same('a\\ b, a\\\\b, \\foo z, \\unknown{y}, \\S x, C:\\\\Program Files\\\\x');
});

test('braces stay around what is not TeX', () => {
  same('{batch: 32, lr: 0.1}, {props.x}, {BERT}, {}, a}b{c');
  assert.equal(u('{\\em a} {\\bf b} {BERT}'), 'a b {BERT}');
});

test('quotes and dashes', () => {
  assert.equal(u("``a'' and ''b'' and `c' don't"), "“a” and “b” and ‘c’ don't");
  assert.equal(u('a--b, a---b, a-b, 3--5'), 'a–b, a—b, a-b, 3–5');
  assert.equal(u("''", 'x'), "''");
  // What does not open and close stays: a lone backtick, inches, a command-line flag.
  same("a lone ` tick, x'' y, `code`, ```fence```, run --fp16, a ---- rule");
});

test('a tilde is a tie only glued between two words', () => {
  assert.equal(u('work~key, Fig.~3, Section~2'), 'work\u00a0key, Fig.\u00a03, Section\u00a02');
  same('~100 GPUs, 1~2 days, x ~ y, ~/data, a~, ~b');
});

test('percent signs and all after them stay', () => {
  same('50% of runs; novel. %For stochastic methods, we derive that %d and 100%');
});

test('text commands keep their text; the others stay', () => {
  assert.equal(u('\\textit{x} \\textsc{Anchor} \\emph {y} see \\url{https://x.io/a_b}'), 'x Anchor y see https://x.io/a_b');
  same('work~\\citep{key} shows, \\href{https://y.io}{this}, \\footnote{note}, \\noindent Text');
});

test('deep nesting neither overflows the stack nor takes quadratic time: past a depth it stays verbatim', () => {
  const n = 20_000;
  for (const open of ['\\emph{', '{\\bf ', '{\\foo ']) {
    const s = open.repeat(n) + 'x' + '}'.repeat(n);
    const out = u(s);
    assert.ok(out.includes('x') && out.length <= s.length, open);
  }
  assert.equal(u('\\emph{\\textbf{{\\it x}}}'), 'x');
});

test('a grouped thousands comma between digits is the comma; braces elsewhere stay', () => {
  assert.equal(u('5{,}000 samples and 1{,}234{,}567'), '5,000 samples and 1,234,567');
  assert.equal(u('the {,} sign and a{,}b'), 'the {,} sign and a{,}b');
});
