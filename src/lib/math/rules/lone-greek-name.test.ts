/** Every noun the lone-greek-name rule reads has an effect: a noun not listed leaves the name as English. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { restoreMath } from '../restore.ts';
import { SYMBOL_NOUNS, SYMBOL_VERBS } from './lone-greek-name.ts';

const formulas = (text: string): string[] => restoreMath(text).segments.flatMap((s) => (s.kind === 'math' ? [s.tex] : []));

test('each symbol noun makes the English-looking Greek name before it the letter', () => {
  const idle = [...SYMBOL_NOUNS].filter((n) => formulas(`We tune the alpha ${n} here.`).join() !== '\\alpha');
  assert.deepEqual(idle, []);
  assert.deepEqual(formulas('We tune the alpha release here.'), []);
});

test('each symbol verb makes the English-looking Greek name before it the letter', () => {
  const idle = [...SYMBOL_VERBS].filter((v) => formulas(`We find that lambda ${v} here.`).join() !== '\\lambda');
  assert.deepEqual(idle, []);
  assert.deepEqual(formulas('We find that lambda sings here.'), []);
});
