/**
 * npm run measure:math — the math restoration measured on real arXiv abstracts, reported and
 * never judged (the targets are printed beside the figures, not asserted).
 *
 * The corpus (test/fixtures/math-corpus/README.md): real arXiv abstracts with their LaTeX,
 * damaged here by the README's rule (mangle() in test/support/math-measure.ts), split once by a hash
 * of the arXiv id into a dev set, to tune on, and a test set, which nobody reads case by case.
 * Plus math-free abstracts (English must stay English) and the seed (still a test set too).
 *
 * For every set: recall of recoverable formulas, placement precision, KaTeX errors (written formulas
 * the site cannot show; the candidates refused and kept as text are counted apart, as lost), and
 * formulas written in math-free text; definitions in measure.ts. For the TEST set only counts
 * are printed: misses and strays by class, never a case. Dev cases are listed with --dev-cases.
 *
 * Where the corpus is read from: $MATH_CORPUS_DIR, else test/fixtures/math-corpus/, else the
 * shared folder beside the repository (../shared/math-corpus/).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mangle, measure, percent, total, type Measure, type Miss, type Stray } from '../test/support/math-measure.ts';
import { restoreMath, type Restoration } from '../src/lib/math/restore.ts';
import { formulaVerdict } from '../src/lib/render/katex.ts';
import { COMMANDS } from '../src/lib/math/commands.ts';

interface CorpusAbstract {
  arxivId: string;
  title: string;
  abstract: string;
  source: string;
  /** no-math.json only: the half it belongs to, by the same hash as the math sets. */
  split?: 'dev' | 'test';
}

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const showDevCases = process.argv.includes('--dev-cases');

function corpusDir(): string | undefined {
  const candidates = [process.env.MATH_CORPUS_DIR, join(root, 'test/fixtures/math-corpus'), join(root, '../shared/math-corpus')];
  return candidates.find((d): d is string => d !== undefined && d !== '' && existsSync(join(d, 'test.json')));
}

const read = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;

/**
 * A one-symbol miss by the command's kind in the command table, and where it stood in the damaged
 * text (alone between blanks, glued to a number, glued to letters): a class, never a case.
 */
function oneSymbolClass(tex: string, damaged: string, start: number, end: number): string {
  const name = /^\\([A-Za-z]+)$/.exec(tex.trim())?.[1];
  const cmd = name === undefined ? undefined : COMMANDS.get(name);
  const kind = cmd === undefined ? 'not a command' : `${cmd.cls}${cmd.english ? ' (English-looking)' : ''}`;
  const before = damaged.charAt(start - 1);
  const after = damaged.charAt(end);
  const where =
    /[0-9]/.test(before) || /[0-9]/.test(after) ? 'glued to a number' : /[A-Za-z]/.test(before + after) ? 'glued to letters' : 'alone';
  return `${kind}, ${where}`;
}

/**
 * A miss's damaged form as a pattern, a class and not a case: each command name by its kind
 * (`\\rel`, `\\greek`), one letter `x`, a longer word `W`, a number `9`; with the outcome and
 * what stood glued beside it (`9|` a digit, `a|` a letter). `p<0.05` and `n = 12` are `x<9`, `x = 9`.
 */
function missPattern(x: Miss, damaged: string): string {
  const f = x.formula;
  const side = (c: string): string => (/[0-9]/.test(c) ? '9|' : /[A-Za-z]/.test(c) ? 'a|' : '');
  const after = side(damaged.charAt(f.end));
  return `${x.outcome}: ${side(damaged.charAt(f.start - 1))}${textPattern(f.damaged)}${after === '' ? '' : `|${after.charAt(0)}`}`;
}

/** A stray's damaged text as a pattern (as missPattern), with what the rules that wrote it are named. */
function strayPattern(x: Stray): string {
  return `${x.share}: ${textPattern(x.damaged)} (${(x.formula.rules ?? []).join('+') || '?'})`;
}

function textPattern(text: string): string {
  return text
    .replace(/[A-Za-z]+/g, (w) => {
      const cmd = COMMANDS.get(w);
      return cmd !== undefined ? `\\${cmd.cls}` : w.length === 1 ? 'x' : 'W';
    })
    .replace(/[0-9]+(?:[.,][0-9]+)*/g, '9')
    .slice(0, 24);
}

interface SetResult {
  abstracts: number;
  m: Measure;
  /** One-symbol misses by class (oneSymbolClass). */
  oneSymbol: string[];
  /** Misses by pattern (missPattern), strays by pattern (strayPattern). */
  patterns: string[];
  strayPatterns: string[];
  /** Written formulas KaTeX refuses (formulaVerdict, asked again here): the KaTeX errors on the page. */
  katexErrors: number;
  /** Candidates KaTeX refused even after repair, kept as text (restoreMath's lost): math not restored, no error shown. */
  lost: number;
  /** Where the restorer ran on the damaged text and wrote formulas: per abstract. */
  failures: { id: string; misses: string[]; strays: string[] }[];
}

/**
 * KaTeX errors a page would show: every math segment written, asked of the site's own judge
 * again (not taken from the restorer's word), plus the authors' formulas it refused.
 */
function pageErrors(r: Restoration): number {
  return r.segments.filter((s) => s.kind === 'math' && formulaVerdict(s.tex) !== null).length + r.rejected.length;
}

function runMath(items: { id: string; original: string }[]): SetResult {
  const measures: Measure[] = [];
  let katexErrors = 0;
  let lost = 0;
  const failures: SetResult['failures'] = [];
  const oneSymbol: string[] = [];
  const patterns: string[] = [];
  const strayPatterns: string[] = [];
  for (const it of items) {
    const m = measure(it.original);
    const damaged = mangle(it.original.normalize('NFC'));
    for (const x of m.misses)
      if (x.shape === 'one symbol') oneSymbol.push(oneSymbolClass(x.formula.tex, damaged, x.formula.start, x.formula.end));
    for (const x of m.misses) patterns.push(missPattern(x, damaged));
    for (const x of m.strays) strayPatterns.push(strayPattern(x));
    measures.push(m);
    const r = restoreMath(mangle(it.original));
    katexErrors += pageErrors(r);
    lost += r.lost.length;
    if (m.misses.length > 0 || m.strays.length > 0) {
      failures.push({
        id: it.id,
        misses: m.misses.map((x) => `[${x.outcome}; ${x.shape}] ${x.formula.tex}  (damaged: ${x.formula.damaged})`),
        strays: m.strays.map((x) => `[${x.share}; ${x.shape}] ${x.formula.tex}  (damaged: ${x.damaged})`),
      });
    }
  }
  return { abstracts: items.length, m: total(measures), katexErrors, lost, failures, oneSymbol, patterns, strayPatterns };
}

interface PlainResult {
  abstracts: number;
  withFormula: number;
  formulas: number;
  katexErrors: number;
  lost: number;
  cases: { id: string; formulas: string[] }[];
}

function runPlain(items: { id: string; original: string }[]): PlainResult {
  const result: PlainResult = { abstracts: items.length, withFormula: 0, formulas: 0, katexErrors: 0, lost: 0, cases: [] };
  for (const it of items) {
    const r = restoreMath(mangle(it.original));
    result.katexErrors += pageErrors(r);
    result.lost += r.lost.length;
    if (r.formulas > 0) {
      result.withFormula += 1;
      result.formulas += r.formulas;
      result.cases.push({ id: it.id, formulas: r.segments.flatMap((s) => (s.kind === 'math' ? [s.tex] : [])) });
    }
  }
  return result;
}

function counts<T extends string>(values: readonly T[]): string {
  const by = new Map<T, number>();
  for (const v of values) by.set(v, (by.get(v) ?? 0) + 1);
  return by.size === 0
    ? 'none'
    : [...by.entries()]
        .sort((a, b) => b[1] - a[1])
        .map(([k, n]) => `${k} ${n}`)
        .join(', ');
}

function printMath(name: string, r: SetResult, listCases: boolean): void {
  const t = r.m;
  console.log(`\n${name}: ${r.abstracts} abstracts, ${t.formulas} original formulas, ${t.recoverable} recoverable`);
  console.log(`  recall of recoverable formulas   ${t.recovered}/${t.recoverable} (${percent(t.recovered, t.recoverable)})`);
  console.log(
    `  placement precision              ${t.correct}/${t.restored} (${percent(t.correct, t.restored)})  [strict: every letter and digit from a formula ${t.strict}/${t.restored} (${percent(t.strict, t.restored)})]`,
  );
  console.log(`  KaTeX errors                     ${r.katexErrors}  (refused candidates kept as text, lost: ${r.lost})`);
  console.log(
    `  restored exactly, recoverable or not: ${t.exact}/${t.formulas}; lost math marked ${t.lostWithTraceMarked}/${t.lostWithTrace}; exact ones marked ${t.exactMarked}/${t.exact}`,
  );
  console.log(
    `  one-letter formulas (not in recall) restored: ${t.lettersRestored}/${t.letters}; one-letter strays: ${t.strays.filter((x) => /^[A-Za-z]$/.test(x.damaged)).length}`,
  );
  console.log(`  misses by outcome: ${counts(t.misses.map((x) => x.outcome))}`);
  console.log(`  misses by shape:   ${counts(t.misses.map((x) => x.shape))}`);
  console.log(`  one-symbol misses: ${counts(r.oneSymbol)}`);
  console.log(`  misses by pattern: ${counts(r.patterns)}`);
  console.log(`  strays by pattern: ${counts(r.strayPatterns)}`);
  console.log(`  strays by share:   ${counts(t.strays.map((x) => x.share))}`);
  console.log(`  strays by shape:   ${counts(t.strays.map((x) => x.shape))}`);
  if (!listCases) return;
  for (const f of r.failures) {
    console.log(`  ${f.id}`);
    for (const s of f.misses) console.log(`    missed: ${s}`);
    for (const s of f.strays) console.log(`    stray:  ${s}`);
  }
}

function printPlain(name: string, r: PlainResult, listCases: boolean): void {
  console.log(`\n${name}: ${r.abstracts} math-free abstracts`);
  console.log(`  formulas written                 ${r.formulas} in ${r.withFormula} abstracts`);
  console.log(`  KaTeX errors                     ${r.katexErrors}  (refused candidates kept as text, lost: ${r.lost})`);
  if (!listCases) return;
  for (const c of r.cases) console.log(`  ${c.id}: ${c.formulas.map((f) => `$${f}$`).join(' ')}`);
}

/** The seed: its 20 abstracts with math, and the digest's 29 without. */
function seedSets(): { math: { id: string; original: string }[]; plain: { id: string; original: string }[] } {
  const cases = read<{ arxiv: string; mangled: string; original: string }[]>(join(root, 'test/fixtures/math/seed-cases.json'));
  const text = readFileSync(join(root, 'test/fixtures/seed/digests/2025-03-17.txt'), 'utf8');
  const blocks = text
    .split(/\n\s*\n/)
    .map((b) => b.trim())
    .filter((b) => b !== '');
  const body = blocks.slice(blocks.indexOf('Mar 17') + 1);
  const seeded = new Set(cases.map((c) => c.mangled));
  const plain: { id: string; original: string }[] = [];
  for (let k = 0; k + 1 < body.length; k += 2) {
    const abstract = body[k + 1] ?? '';
    // The digest's text is already damaged; without math, the damage left it as it was but for
    // step 1, which it has no `\name{` for: it is measured as it stands.
    if (!seeded.has(abstract)) plain.push({ id: body[k] ?? '', original: abstract });
  }
  return { math: cases.map((c) => ({ id: c.arxiv, original: c.original })), plain };
}

function target(label: string, ok: boolean, figure: string): void {
  console.log(`  ${ok ? 'met    ' : 'not met'}  ${label}: ${figure}`);
}

const dir = corpusDir();
const seed = seedSets();
const seedMath = runMath(seed.math);
const seedPlain = runPlain(seed.plain);

if (dir === undefined) {
  console.log('math corpus not found (set MATH_CORPUS_DIR, or see test/fixtures/math-corpus/README.md); the seed only:');
} else {
  console.log(`math corpus: ${dir}`);
  const asItems = (xs: CorpusAbstract[]): { id: string; original: string }[] => xs.map((x) => ({ id: x.arxivId, original: x.abstract }));
  const dev = read<CorpusAbstract[]>(join(dir, 'dev.json'));
  const test = read<CorpusAbstract[]>(join(dir, 'test.json'));
  const noMath = read<CorpusAbstract[]>(join(dir, 'no-math.json'));
  const devResult = runMath(asItems(dev));
  const testResult = runMath(asItems(test));
  const noMathDev = runPlain(asItems(noMath.filter((x) => x.split !== 'test')));
  const noMathTest = runPlain(asItems(noMath.filter((x) => x.split === 'test')));
  printMath('DEV (tune on it; cases listed with --dev-cases)', devResult, showDevCases);
  printPlain('NO-MATH, dev half', noMathDev, showDevCases);
  printMath('TEST (counts only: nobody reads it case by case)', testResult, false);
  printPlain('NO-MATH, test half (counts only)', noMathTest, false);
  const t = testResult.m;
  console.log('\ntargets on the test set (reported, not asserted):');
  target('recall of recoverable formulas >= 90%', t.recovered >= 0.9 * t.recoverable, `${percent(t.recovered, t.recoverable)}`);
  target('placement precision >= 98%', t.correct >= 0.98 * t.restored, `${percent(t.correct, t.restored)}`);
  target('0 KaTeX errors', testResult.katexErrors + noMathTest.katexErrors === 0, `${testResult.katexErrors + noMathTest.katexErrors}`);
  target(
    'no formula in a math-free abstract',
    noMathTest.formulas === 0,
    `${noMathTest.formulas} formulas in ${noMathTest.withFormula} of ${noMathTest.abstracts}`,
  );
}
printMath('SEED (20 abstracts with math; a test set too)', seedMath, false);
printPlain('SEED, the digest without math', seedPlain, false);
