/**
 * npm run measure:marks — is lost math marked, and only lost math? Measured on real arXiv
 * abstracts (test/fixtures/math-corpus/README.md), reported and never asserted.
 *
 * Each abstract (and, apart, each title) is damaged by the rule of ../shared/math/README.md
 * (mangleWithFormulas, test/support/math-measure.ts), the damaged text is given to restoreMath,
 * and every ORIGINAL formula is put in at most these classes:
 *
 *  LOST: the original has a meaning-bearing command with a brace argument (`\sqrt{`, `\frac{`,
 *    `\tilde{`, `\widetilde{`, `\hat{`, `\bar{`, `\overline{`, ...: MEANING_BEARING); step 1 of
 *    the rule erased it.
 *  LEFT A TRACE: its damaged form differs from a CLEAN LOSS, the original with every braced
 *    command removed together with all its brace arguments (brace-balanced, which step 1 is
 *    not) and every grouping brace pair dropped (the braces of `^{}`, `_{}` and `]{` kept),
 *    then step 2 (backslashes deleted). Where step 1 ended an argument at a nested `}`
 *    (`\tilde{\mathcal{O}}` → `mathcal{O}`), left a second argument (`\frac{a}{b}` → `a{b}`),
 *    or left the braces that grouped a lost command (`{\mathcal{O}}` → `{O}`), the damaged text
 *    shows it; where it did not (`\sqrt{T}` → `T`), nothing can.
 *  RESTORED EXACTLY: a written formula (or a run of them) covers the damaged form and renders
 *    like the original (measure() in math-measure.ts: same KaTeX MathML).
 *
 * A formula is MARKED when a formula restoreMath wrote over its damaged form (overlapping it)
 * is among restoreMath's incomplete ones, or when the prose restoreMath left there holds lost
 * math (lostInProse, as the page marks it: `text{simu}`). The strict reading, a marked
 * formula covering the whole damaged form, is printed beside it. False alarms: marks in prose
 * over no original formula, and in math-free abstracts.
 *
 * Targets (issue 13): marked / lost-with-a-trace >= 80%; marked / restored exactly <= 3%.
 * Tune on dev; the test set prints aggregate figures only, never a case (--dev-cases lists
 * dev's unmarked and wrongly marked formulas). Corpus: $MATH_CORPUS_DIR, else
 * test/fixtures/math-corpus/, else ../shared/math-corpus/, else /work/math-corpus/.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lostInProse } from '../src/lib/math/incomplete.ts';
import { locateFormulas, restoreMath } from '../src/lib/math/restore.ts';
import { mangleWithFormulas, measure, percent, type OriginalFormula } from '../test/support/math-measure.ts';

interface CorpusAbstract {
  arxivId: string;
  title: string;
  abstract: string;
}

interface Tally {
  texts: number;
  formulas: number;
  lost: number;
  lostWithTrace: number;
  lostWithTraceMarked: number;
  lostWithTraceCovered: number;
  exact: number;
  exactMarked: number;
  /** Written formulas marked incomplete, and those over no original that had any braced command. */
  marked: number;
  markedOverIntact: number;
  /** Lost math marked in prose, and such marks over no original formula (false alarms). */
  proseMarks: number;
  proseMarksOverProse: number;
  /** restoreMath's incomplete count agrees with the located marks (a check on this measurement). */
  disagreements: number;
  unmarked: string[];
  wronglyMarked: string[];
}

const emptyTally = (): Tally => ({
  texts: 0,
  formulas: 0,
  lost: 0,
  lostWithTrace: 0,
  lostWithTraceMarked: 0,
  lostWithTraceCovered: 0,
  exact: 0,
  exactMarked: 0,
  marked: 0,
  markedOverIntact: 0,
  proseMarks: 0,
  proseMarksOverProse: 0,
  disagreements: 0,
  unmarked: [],
  wronglyMarked: [],
});

const BRACED_COMMAND = /\\[A-Za-z]+\{/;

function add(t: Tally, id: string, original: string): void {
  const text = original.normalize('NFC');
  let damaged: { mangled: string; formulas: OriginalFormula[] };
  try {
    damaged = mangleWithFormulas(text);
  } catch {
    return; // the rule's step 1 ran across a formula's dollars: no formula to compare with
  }
  const { mangled, formulas } = damaged;
  const found = locateFormulas(mangled);
  const restoration = restoreMath(mangled);
  const markedFound = found.filter((r) => r.incomplete !== undefined);
  if (markedFound.length !== restoration.incomplete) t.disagreements += 1;
  const over = (f: OriginalFormula) => found.filter((r) => r.start < f.end && r.end > f.start);
  // The prose the restorer left: the damaged text with its written formulas blanked out.
  let prose = mangled;
  for (const r of found) prose = prose.slice(0, r.start) + ' '.repeat(r.end - r.start) + prose.slice(r.end);
  const proseMarks = lostInProse(prose);
  t.proseMarks += proseMarks.length;
  for (const p of proseMarks) {
    if (formulas.some((f) => p.start < f.end && p.end > f.start)) continue;
    t.proseMarksOverProse += 1;
    t.wronglyMarked.push(`${id} [prose] ${mangled.slice(p.start, p.end)}`);
  }
  const m = measure(text);
  t.texts += 1;
  t.formulas += formulas.length;
  t.exact += m.exact;
  t.exactMarked += m.exactMarked;
  for (const f of m.markedExact) t.wronglyMarked.push(`${id} [exact] $${f.tex}$ → ${f.damaged}`);
  t.marked += markedFound.length;
  for (const r of markedFound) {
    const under = formulas.filter((f) => r.start < f.end && r.end > f.start);
    if (under.every((f) => !BRACED_COMMAND.test(f.tex))) {
      t.markedOverIntact += 1;
      if (m.markedExact.length === 0) t.wronglyMarked.push(`${id} [intact] ${mangled.slice(r.start, r.end)} (${r.incomplete})`);
    }
  }
  for (const f of formulas) {
    if (!f.meaningLost) continue;
    t.lost += 1;
    if (!f.trace) continue;
    t.lostWithTrace += 1;
    const marks = over(f).filter((r) => r.incomplete !== undefined);
    if (marks.length > 0 || proseMarks.some((p) => p.start < f.end && p.end > f.start)) t.lostWithTraceMarked += 1;
    else
      t.unmarked.push(
        `${id} $${f.tex}$ → ${f.damaged}  | written: ${
          over(f)
            .map((r) => mangled.slice(r.start, r.end))
            .join(' · ') || 'nothing'
        }`,
      );
    if (marks.some((r) => r.start <= f.start && r.end >= f.end)) t.lostWithTraceCovered += 1;
  }
}

/** The 95% Wilson interval of a proportion n/d, in percent: few cases make a wide one. */
function interval(n: number, d: number): string {
  if (d === 0) return 'no cases';
  const z = 1.96;
  const p = n / d;
  const mid = (p + (z * z) / (2 * d)) / (1 + (z * z) / d);
  const half = (z * Math.sqrt((p * (1 - p)) / d + (z * z) / (4 * d * d))) / (1 + (z * z) / d);
  return `95% interval ${(100 * Math.max(0, mid - half)).toFixed(0)}–${(100 * Math.min(1, mid + half)).toFixed(0)}%`;
}

function print(name: string, t: Tally, listCases: boolean): void {
  const met = (ok: boolean): string => (ok ? 'met    ' : 'not met');
  console.log(
    `\n${name}: ${t.texts} texts, ${t.formulas} formulas; ${t.lost} lost a meaning-bearing command, ${t.lostWithTrace} of them left a trace`,
  );
  console.log(
    `  ${met(t.lostWithTraceMarked >= 0.8 * t.lostWithTrace)}  lost with a trace, marked   ${t.lostWithTraceMarked}/${t.lostWithTrace} (${percent(t.lostWithTraceMarked, t.lostWithTrace)}, ${interval(t.lostWithTraceMarked, t.lostWithTrace)}; target >= 80%)  [strict, the mark covers it whole: ${t.lostWithTraceCovered}/${t.lostWithTrace}]`,
  );
  console.log(
    `  ${met(t.exactMarked <= 0.03 * t.exact)}  restored exactly, marked    ${t.exactMarked}/${t.exact} (${percent(t.exactMarked, t.exact)}, ${interval(t.exactMarked, t.exact)}; target <= 3%)`,
  );
  console.log(`           formulas marked: ${t.marked}; over originals with no braced command at all: ${t.markedOverIntact}`);
  console.log(`           lost math marked in prose: ${t.proseMarks}; of them over no formula (false alarms): ${t.proseMarksOverProse}`);
  if (t.disagreements > 0)
    console.log(`  WARNING: in ${t.disagreements} texts restoreMath's incomplete count differs from locateFormulas' marks`);
  if (!listCases) return;
  for (const s of t.unmarked) console.log(`    unmarked: ${s}`);
  for (const s of t.wronglyMarked) console.log(`    marked:   ${s}`);
}

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const dir = [
  process.env.MATH_CORPUS_DIR,
  join(root, 'test/fixtures/math-corpus'),
  join(root, '../shared/math-corpus'),
  '/work/math-corpus',
].find((d): d is string => d !== undefined && d !== '' && existsSync(join(d, 'test.json')));
const read = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;
const showDevCases = process.argv.includes('--dev-cases');

function run(items: { id: string; original: string }[]): Tally {
  const t = emptyTally();
  for (const it of items) add(t, it.id, it.original);
  return t;
}

const seed = read<{ arxiv: string; original: string }[]>(join(root, 'test/fixtures/math/seed-cases.json'));
if (dir === undefined) {
  console.log('math corpus not found (set MATH_CORPUS_DIR, or see test/fixtures/math-corpus/README.md); the seed only');
} else {
  console.log(`math corpus: ${dir}`);
  const dev = read<CorpusAbstract[]>(join(dir, 'dev.json'));
  const test = read<CorpusAbstract[]>(join(dir, 'test.json'));
  print('DEV abstracts (tune on it; cases with --dev-cases)', run(dev.map((a) => ({ id: a.arxivId, original: a.abstract }))), showDevCases);
  print('DEV titles', run(dev.map((a) => ({ id: a.arxivId, original: a.title }))), showDevCases);
  const noMath = read<(CorpusAbstract & { split?: string })[]>(join(dir, 'no-math.json'));
  const plain = (half: 'dev' | 'test'): Tally =>
    run(noMath.filter((a) => (a.split === 'test') === (half === 'test')).map((a) => ({ id: a.arxivId, original: a.abstract })));
  const printPlain = (name: string, t: Tally, listCases: boolean): void => {
    console.log(
      `\n${name}: ${t.texts} math-free abstracts; formulas marked ${t.marked}, lost math marked in prose ${t.proseMarks} (both false alarms)`,
    );
    if (listCases) for (const s of t.wronglyMarked) console.log(`    marked:   ${s}`);
  };
  printPlain('NO-MATH, dev half', plain('dev'), showDevCases);
  print('TEST abstracts (aggregate figures only)', run(test.map((a) => ({ id: a.arxivId, original: a.abstract }))), false);
  print('TEST titles (aggregate figures only)', run(test.map((a) => ({ id: a.arxivId, original: a.title }))), false);
  printPlain('NO-MATH, test half (aggregate figures only)', plain('test'), false);
}
print('SEED (20 abstracts with math; a test set too: figures only)', run(seed.map((c) => ({ id: c.arxiv, original: c.original }))), false);
