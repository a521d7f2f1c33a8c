/**
 * Dev tests: abstracts written for these tests (test/fixtures/math/written-abstracts.json, with
 * how the restorer did the first time it saw each batch), damaged by mangle(), measured like the
 * seed; and sentences of tricky English that must stay English. The rules were tuned on them, so
 * they guard against regressions and say nothing of unseen text: that is the math corpus's test
 * set (npm run measure:math).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { mangle, measure, percent, total } from '../../../test/support/math-measure.ts';
import { restoreMath } from './restore.ts';

const written = JSON.parse(readFileSync(new URL('../../../test/fixtures/math/written-abstracts.json', import.meta.url), 'utf8')) as {
  batches: { name: string; firstRun: string; abstracts: string[] }[];
};
const tricky = JSON.parse(readFileSync(new URL('../../../test/fixtures/math/tricky-english.json', import.meta.url), 'utf8')) as string[];

test('written abstracts (dev): precision 100%, recall of recoverable formulas at least 90%', () => {
  const all = [];
  for (const batch of written.batches) {
    const t = total(batch.abstracts.map((a) => measure(a)));
    all.push(t);
    console.log(
      `math restoration (${batch.name}, ${batch.abstracts.length} abstracts): recall ${t.recovered}/${t.recoverable} (${percent(t.recovered, t.recoverable)}), ` +
        `precision ${t.correct}/${t.restored} (${percent(t.correct, t.restored)}); first run: ${batch.firstRun}`,
    );
    for (const f of t.missed) console.log(`  missed: ${f.tex}  (damaged: ${f.damaged})`);
    for (const f of t.wrong) console.log(`  not math in the original: ${f.tex}`);
    assert.equal(t.correct, t.restored, `${batch.name}: precision must be 100%`);
  }
  const t = total(all);
  console.log(
    `math restoration (written abstracts, dev, all): recall ${t.recovered}/${t.recoverable} (${percent(t.recovered, t.recoverable)}), precision ${t.correct}/${t.restored} (${percent(t.correct, t.restored)})`,
  );
  assert.ok(t.recovered / t.recoverable >= 0.9, `recall ${t.recovered}/${t.recoverable}`);
});

test('written abstracts (dev): no formula restored exactly is marked incomplete', () => {
  const t = total(written.batches.flatMap((b) => b.abstracts.map((a) => measure(a))));
  console.log(
    `lost math (written abstracts, dev): marked ${t.lostWithTraceMarked}/${t.lostWithTrace} of the formulas that lost a meaning-bearing command and left a trace; ` +
      `marked ${t.exactMarked}/${t.exact} of those restored exactly; ${t.marked} marked in all`,
  );
  for (const f of t.markedExact) console.log(`  exact, marked: ${f.tex}`);
  assert.ok(t.exactMarked <= 0.03 * t.exact, `${t.exactMarked}/${t.exact}`);
});

test('written abstracts (dev): every formula written parses in KaTeX, none refused', () => {
  for (const batch of written.batches) for (const a of batch.abstracts) assert.deepEqual(restoreMath(mangle(a)).lost, [], a.slice(0, 60));
});

test('tricky English stays English', () => {
  for (const sentence of tricky) {
    const r = restoreMath(sentence);
    assert.deepEqual(
      r.segments.filter((s) => s.kind === 'math'),
      [],
      sentence,
    );
  }
  console.log(`math restoration (tricky English): 0 formulas in ${tricky.length} sentences`);
});

test('tricky English keeps every character but the text-mode TeX', () => {
  for (const sentence of tricky) {
    const r = restoreMath(sentence);
    const out = r.segments.map((s) => (s.kind === 'math' ? s.tex : s.value)).join('');
    assert.equal(out, sentence.replace(/ -- /g, ' – '), sentence);
  }
});
