/** Every noun the introduced-variable rule reads has an effect: a noun not listed introduces nothing. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { restoreMath } from '../restore.ts';
import { CAPITAL_QUANTITIES, COUNTED, DEFINING_CLAUSES, DEFINING_VERBS, LIMIT_SIZES, QUANTITIES } from './introduced-variable.ts';

const formulas = (text: string): string[] => restoreMath(text).segments.flatMap((s) => (s.kind === 'math' ? [s.tex] : []));

test('each quantity noun introduces the letter after it, wherever the letter then stands alone', () => {
  const idle = [...QUANTITIES].filter((q) => formulas(`We fix the ${q} m here. When m grows, it fails.`).join() !== 'm,m');
  assert.deepEqual(idle, []);
  assert.deepEqual(formulas('We fix the colour m here. When m grows, it fails.'), []);
});

test('each measure introduces the capital after it, where other nouns do not', () => {
  const idle = [...CAPITAL_QUANTITIES].filter((q) => formulas(`We fix the ${q} M here. When M grows, it fails.`).join() !== 'M,M');
  assert.deepEqual(idle, []);
  assert.deepEqual(formulas('We fix the size M here. When M grows, it fails.'), []);
  assert.ok([...CAPITAL_QUANTITIES].every((q) => QUANTITIES.has(q)));
});

test('each limit size introduces the letter after it', () => {
  const idle = [...LIMIT_SIZES].filter((q) => formulas(`It holds for ${q} m here. When m grows, it fails.`).join() !== 'm,m');
  assert.deepEqual(idle, []);
  assert.deepEqual(formulas('It holds for tiny m here. When m grows, it fails.'), []);
});

test('each counted noun introduces the letter before it, wherever the letter then stands alone', () => {
  const idle = [...COUNTED].filter((c) => formulas(`We use k ${c} here. When k grows, it fails.`).join() !== 'k,k');
  assert.deepEqual(idle, []);
  assert.deepEqual(formulas('We use k colours here. When k grows, it fails.'), []);
});

test('each defining clause word and verb makes a definition of the letter between them', () => {
  const idle = [...DEFINING_CLAUSES].flatMap((w) =>
    [...DEFINING_VERBS].filter((v) => formulas(`It grows, ${w} q ${v} the size.`).join() !== 'q').map((v) => `${w} ${v}`),
  );
  assert.deepEqual(idle, []);
  assert.deepEqual(formulas('It grows, so q is the size.'), []);
  assert.deepEqual(formulas('It grows, where q became the size.'), []);
});
