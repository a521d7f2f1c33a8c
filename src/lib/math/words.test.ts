import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyseWord } from './words.ts';

/** The word as TeX: variables as they are, commands with a backslash; null when not math. */
function tex(word: string): string | null {
  const info = analyseWord(word);
  if (info.kind === 'english') return null;
  return info.parts.map((p) => (p.cmd ? `\\${p.text}` : p.text)).join('');
}

test('glued command names split as TeX would have read them', () => {
  const cases: Record<string, string> = {
    sigmaleft: '\\sigma\\left',
    Phicirc: '\\Phi\\circ',
    widetildeTheta: '\\widetilde\\Theta',
    loglog: '\\log\\log',
    argmin: '\\arg\\min',
    Ain: 'A\\in',
    xin: 'x\\in',
    Sin: 'S\\in',
    mll: 'm\\ll',
    ntimes: 'n\\times',
    dlog: 'd\\log',
    ndlog: 'nd\\log',
    Oleft: 'O\\left',
    Lright: 'L\\right',
    ell: '\\ell',
    epsilon: '\\epsilon',
    infty: '\\infty',
    toinfty: '\\to\\infty',
    tle: 't\\le',
    sin: '\\sin',
  };
  for (const [word, expected] of Object.entries(cases)) assert.equal(tex(word), expected, word);
});

test('products of letters', () => {
  for (const w of ['dB', 'nd', 'Ax', 'SAx', 'kq', 'KL']) assert.equal(analyseWord(w).kind, 'vars', w);
});

test('English words are not split into commands', () => {
  for (const w of [
    'well',
    'full',
    'call',
    'ill',
    'point',
    'joint',
    'least',
    'fast',
    'last',
    'meta',
    'taxi',
    'null',
    'pill',
    'login',
    'into',
    'tone',
    'gene',
    'gain',
    'main',
    'admin',
    'blog',
    'print',
    'within',
    'island',
    'what',
    'that',
    'stop',
    'robot',
    'cosine',
    'the',
    'and',
    'Fig',
    'In',
    'The',
  ])
    assert.equal(analyseWord(w).kind, 'english', w);
});

test('English-looking commands are not evidence; the others are', () => {
  for (const w of [
    'in',
    'to',
    'times',
    'log',
    'models',
    'left',
    'top',
    'alpha',
    'beta',
    'lambda',
    'kappa',
    'Delta',
    'sim',
    'approx',
    'bin',
  ])
    assert.equal(analyseWord(w).distinctive, false, w);
  for (const w of ['omega', 'epsilon', 'Phi', 'mathcal', 'rightarrow', 'leq', 'le', 'gg', 'circ', 'infty', 'sigmaleft', 'mll', 'mu'])
    assert.equal(analyseWord(w).distinctive, true, w);
});

test('a set relation with its set glued after it reads as math: xinR is x, \\in, R; "wins", "kind" stay English', () => {
  assert.deepEqual(
    analyseWord('xinR').parts.map((p) => p.text),
    ['x', 'in', 'R'],
  );
  assert.equal(analyseWord('WinR').kind, 'cmds');
  for (const w of ['wins', 'kind', 'Wink', 'into', 'stop'])
    assert.notDeepEqual(
      analyseWord(w).parts.map((p) => p.text),
      [w.slice(0, 1), w.slice(1, 3), w.slice(3)],
      w,
    );
});

test('an English-looking Greek name glued to a relation reads as both: lambdato, alphain; "login" does not', () => {
  assert.deepEqual(
    analyseWord('lambdato').parts.map((p) => p.text),
    ['lambda', 'to'],
  );
  assert.deepEqual(
    analyseWord('alphain').parts.map((p) => p.text),
    ['alpha', 'in'],
  );
  assert.equal(analyseWord('login').kind, 'english');
});

test('lower-case variables glued to a capital Greek name read as a product: xPhi is x\\Phi; "iPhone" stays a name', () => {
  assert.deepEqual(
    analyseWord('xPhi').parts.map((p) => p.text),
    ['x', 'Phi'],
  );
  assert.equal(analyseWord('iPhone').kind, 'english');
});
