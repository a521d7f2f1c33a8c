/** Every entry of a word list has an effect: without it, some word reads otherwise. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BIG_O_HEADS, CAMEL_PREFIXES, COMMON_WORDS, MATH_WORDS, PREFIX_RELATIONS } from './lexicon.ts';
import { restoreMath } from './restore.ts';
import { analyseWith, type WordInfo } from './words.ts';

const without = (list: ReadonlySet<string>, entry: string): Set<string> => new Set([...list].filter((x) => x !== entry));
const same = (a: WordInfo, b: WordInfo): boolean => JSON.stringify(a) === JSON.stringify(b);
const lists = { common: COMMON_WORDS, mathWords: MATH_WORDS };
const formulas = (text: string): string[] => restoreMath(text).segments.flatMap((s) => (s.kind === 'math' ? [s.tex] : []));

test('each common English word keeps a word (or its capitalised form) from reading as math', () => {
  const idle: string[] = [];
  for (const w of COMMON_WORDS) {
    const capital = w.charAt(0).toUpperCase() + w.slice(1);
    const others = { ...lists, common: without(COMMON_WORDS, w) };
    if (same(analyseWith(w, lists), analyseWith(w, others)) && same(analyseWith(capital, lists), analyseWith(capital, others)))
      idle.push(w);
  }
  assert.deepEqual(idle, []);
});

test('each upright operator word is read as one only because it is listed', () => {
  for (const w of MATH_WORDS) {
    assert.equal(analyseWith(w, lists).kind, 'mathword', w);
    assert.notEqual(analyseWith(w, { ...lists, mathWords: without(MATH_WORDS, w) }).kind, 'mathword', w);
  }
});

test('each CamelCase prefix starts a formula glued to a name; a symbol not listed does not', () => {
  for (const p of CAMEL_PREFIXES) assert.deepEqual(formulas(`the ${p}Grad optimiser`), [`\\${p}`], p);
  assert.deepEqual(formulas('the alphaGrad optimiser'), []);
});

test('each relation written before a number is a formula glued to one; another relation is not', () => {
  for (const r of PREFIX_RELATIONS) assert.deepEqual(formulas(`costs ${r}3 billion`), [`\\${r}`], r);
  assert.deepEqual(formulas('costs subset3 billion'), []);
});

test('each head of asymptotic notation makes a bound of its argument', () => {
  // (A letter applied to variables is a function anyway: the heads count before an acronym, or in braces.)
  for (const h of BIG_O_HEADS) assert.equal(formulas(`a rate of ${h.length === 1 ? h : `{${h}}`}(NT) overall`).length, 1, h);
  assert.deepEqual(formulas('a rate of Q(NT) overall'), []);
  assert.deepEqual(formulas('a rate of {beta}(NT) overall'), []);
});
