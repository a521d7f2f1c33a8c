/**
 * The restorer measured on the seed: the 20 abstracts with math (seed-cases.json: damaged text
 * beside its arXiv original) and the digest's 29 abstracts and 49 titles, whose math, if any,
 * is known. Definitions of recoverable, recall and precision: measure.ts.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { mangle, measure, percent, total } from '../../../test/support/math-measure.ts';
import { segmentsAsMarkdown } from '../../../test/support/restored-markdown.ts';
import { restoreMath } from './restore.ts';

interface SeedCase {
  title: string;
  arxiv: string;
  mangled: string;
  original: string;
}

const cases = JSON.parse(readFileSync(new URL('../../../test/fixtures/math/seed-cases.json', import.meta.url), 'utf8')) as SeedCase[];

/** The digest: page header, a date line, then title and abstract paragraphs in turn. */
function digestPapers(): { title: string; abstract: string }[] {
  const text = readFileSync(new URL('../../../test/fixtures/seed/digests/2025-03-17.txt', import.meta.url), 'utf8');
  const blocks = text
    .split(/\n\s*\n/)
    .map((b) => b.trim())
    .filter((b) => b !== '');
  const body = blocks.slice(blocks.indexOf('Mar 17') + 1);
  const papers: { title: string; abstract: string }[] = [];
  for (let k = 0; k + 1 < body.length; k += 2) papers.push({ title: body[k] ?? '', abstract: body[k + 1] ?? '' });
  return papers;
}

test('mangle() reproduces the damage of all 20 seed cases byte for byte', () => {
  assert.equal(cases.length, 20);
  for (const c of cases) assert.equal(mangle(c.original), c.mangled, c.title);
});

test('the seed: recall and precision', () => {
  const results = cases.map((c) => ({ c, m: measure(c.original) }));
  const t = total(results.map((r) => r.m));
  console.log(
    `math restoration (seed, 20 abstracts): recall ${t.recovered}/${t.recoverable} (${percent(t.recovered, t.recoverable)}), ` +
      `precision ${t.correct}/${t.restored} (${percent(t.correct, t.restored)}); ` +
      `original formulas restored exactly, recoverable or not: ${t.exact}/${t.formulas}`,
  );
  for (const f of t.missed) console.log(`  missed: ${f.tex}  (damaged: ${f.damaged})`);
  for (const f of t.wrong) console.log(`  not math in the original: ${f.tex}`);
  assert.equal(t.correct, t.restored, 'precision must be 100%');
  assert.equal(t.recovered, t.recoverable, 'every recoverable seed formula is restored');
  assert.ok(t.recoverable >= 40, 'the definition keeps most formulas recoverable');
});

test('the seed: lost math is marked, never passed off (dev figure: the seed is what the rules were written on)', () => {
  const t = total(cases.map((c) => measure(c.original)));
  console.log(
    `lost math (seed, dev): marked ${t.lostWithTraceMarked}/${t.lostWithTrace} (${percent(t.lostWithTraceMarked, t.lostWithTrace)}) of the formulas that lost a meaning-bearing command and left a trace; ` +
      `marked ${t.exactMarked}/${t.exact} (${percent(t.exactMarked, t.exact)}) of those restored exactly; ${t.marked} formulas marked in all`,
  );
  for (const f of t.unmarkedLost) console.log(`  lost, not marked: ${f.tex}  (damaged: ${f.damaged})`);
  for (const f of t.markedExact) console.log(`  exact, marked: ${f.tex}`);
  assert.ok(t.lostWithTrace >= 10, 'the seed has such formulas');
  assert.ok(t.lostWithTraceMarked >= 0.8 * t.lostWithTrace, 'at least 80% of them marked');
  assert.ok(t.exactMarked <= 0.03 * t.exact, 'at most 3% of the exact ones marked');
});

test('the seed: restoreMath counts the restored and the incomplete formulas', () => {
  const c = cases.find((x) => x.mangled.includes('epsilon{d}'));
  assert.ok(c);
  const r = restoreMath(c.mangled);
  assert.equal(r.restored, r.formulas);
  assert.deepEqual(
    r.incompleteFormulas.map((f) => [f.damaged, f.tex]),
    [
      [
        "|x'-x^*|_infty leq epsilon{d}cdot |Ax^*-b|_2cdot |A^dagger|",
        "\\|x'-x^*\\|_\\infty \\leq \\epsilon\\{d\\}\\cdot \\|Ax^*-b\\|_2\\cdot \\|A^\\dagger\\|",
      ],
      ['gamma=Theta(frac{loglog n{log d}})', '\\gamma=\\Theta({\\frac{\\log\\log n}{\\log d}})'],
    ],
  );
  assert.equal(r.incomplete, 2);
  // Every incomplete formula is one of the math segments, as written.
  const written = new Set(r.segments.flatMap((s) => (s.kind === 'math' ? [s.tex] : [])));
  for (const f of r.incompleteFormulas) assert.ok(written.has(f.tex), f.tex);
});

test('the seed: no formula KaTeX refuses', () => {
  for (const c of cases) assert.deepEqual(restoreMath(c.mangled).lost, [], c.title);
});

test('the digest: no formula in the 29 abstracts without math, nor in the titles but one', () => {
  const papers = digestPapers();
  assert.equal(papers.length, 49);
  const seeded = new Set(cases.map((c) => c.mangled));
  const plain = papers.filter((p) => !seeded.has(p.abstract));
  assert.equal(plain.length, 29);
  for (const p of plain) assert.equal(restoreMath(p.abstract).formulas, 0, p.title);
  for (const p of papers) {
    const r = restoreMath(p.title);
    if (p.title.includes('ell_infty')) {
      assert.deepEqual(r.segments, [
        { kind: 'text', value: 'A Nearly-Optimal Bound for Fast Regression with ' },
        { kind: 'math', tex: '\\ell_\\infty' },
        { kind: 'text', value: ' Guarantee' },
      ]);
    } else assert.equal(r.formulas, 0, p.title);
  }
  console.log('math restoration (digest): 0 formulas in the 29 math-free abstracts and 48 titles; 1 in the ell_infty title');
});

test('the seed: the restored prose reads as on arXiv', () => {
  /** The restored case whose damaged text contains `fragment`, formulas in $...$, emphasis in *...*. */
  const restored = (fragment: string): string => {
    const c = cases.find((x) => x.mangled.includes(fragment));
    assert.ok(c, fragment);
    return segmentsAsMarkdown(restoreMath(c.mangled).segments);
  };
  assert.match(restored('{\\em labeled}'), /amounts of \*labeled\* training data/);
  assert.match(restored('na\\"ive'), /what we call the naïve loss/);
  assert.match(restored('Polyak-\\L'), /\(Polyak-Łojasiewicz\)/);
  assert.match(restored('90\\%'), /achieve 90% of the full/);
  assert.match(restored("``sketched''"), /the “sketched” regression/);
  assert.match(restored("''informative''"), /a mild “informative” condition/);
  assert.match(restored('rather limited --'), /rather limited – most/);
  assert.match(restored('work~nichani'), /prior work\u00a0nichani2023provable/);
  // Not a comment to hide: the text after the % is part of the abstract (../shared/math/README.md).
  assert.match(
    restored('%For stochastic'),
    /completely novel\. %For stochastic second-order methods and adaptive methods, we derive .* Pre-Residual Architecure for CIFAR-100\.$/,
  );
  assert.match(restored('sim3 billion'), /up to \$\\sim\$3 billion/);
  assert.match(restored('perpGrad'), /and \$\\perp\$Grad, a training/);
});
