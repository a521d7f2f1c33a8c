/**
 * How the restorer is measured against originals (used by the tests; no runtime code uses it).
 *
 * mangle() reproduces the damage from the README's two steps, and mangleWithFormulas() also
 * says where each original formula's damaged form stands in the damaged text. Then:
 *
 * RECOVERABLE. An original formula is recoverable when its damaged form still determines it:
 *  - it has no braced command (`\name{`): step 1 erased those names with their braces
 *    (`\sqrt{T}` → `T`, `\mathbb{R}` → `R`), and nothing in the text says they were there;
 *  - it does not read the same as plain text: `100`, `>`, `\%` (no letter left) and `13.7x`, `4K`
 *    (a number with a unit's letter) look alike as prose and as math, so keeping them as text
 *    loses nothing a reader sees;
 *  - KaTeX parses the original: author macros (`\cO`, `\norm`, `\unicode`) cannot be written
 *    by any restorer that the site's KaTeX accepts;
 *  - it is not bare Latin letters and digits (`T`, `SA`, `m, n`, `(ii)`, `VOC2012`): nothing tells
 *    those from prose, except one case English makes clear, a letter before `-th` or
 *    `-dimensional` (`$i$-th`).
 * Everything else lost only backslashes and dollars, which the rules of TeX can put back.
 *
 * RECALL = recoverable formulas restored / recoverable formulas. Restored means: a formula the
 * restorer wrote covers exactly the damaged form's extent, and renders the same: both TeX
 * sources give the same KaTeX MathML (annotation removed). Rendering is the right comparison:
 * `\sigma\left(` and `\sigma \left(` are the same formula, `|x|` and `\|x\|` are not.
 * A run of written formulas joined in the damaged text only by commas or spaces counts as one
 * (`$m$, $n$` restores `$m, n$` when `m, n` renders like the original).
 *
 * One allowance in both: a number beside a formula, glued to it or one blank away, perhaps with a
 * percent sign, may stand on either side of the dollars. `2$\times$` and `$2\times$` are damaged
 * alike (`2times`) and read alike, so a restored `2\times` restores the original `\times` when it
 * renders like `2` + `\times`; so do `256 $\times$ 256` and `$256 \times 256$` (`256 times 256`),
 * `$\leq$ 10` and `$\leq 10$`, `$\sim$90%` and `$\sim 90\%$`: where the authors put the
 * dollars around a number, the damage left no sign of, and a reader sees no difference.
 *
 * PRECISION (placement) = restored formulas placed on math / restored formulas. A restored
 * formula is placed on math when at least half of its characters (blanks aside) in the damaged
 * text lie inside some original formula's damaged form (or a number glued to one, as above:
 * `960$\times$540` written whole is placed). A STRAY is one that is not: it took
 * mostly prose. (A placed formula's TeX may still differ where the damage destroyed information:
 * `\mathcal{O}` for `\tilde{\mathcal{O}}`, `C_\Phi` for `\mathcal{C}_\Phi`.) The stricter
 * reading, every letter and digit it covers from an original formula, is kept as `strict`.
 * Precision on text without math is simpler: no formula at all.
 *
 * LOST MATH, MARKED. An original formula LOST A MEANING-BEARING COMMAND when it has one with a
 * brace argument (`\sqrt{`, `\frac{`, `\tilde{`, `\widetilde{`, `\hat{`, `\bar{`, `\overline{`,
 * ...; MEANING_BEARING): step 1 erased it. Fonts (`\mathcal{`, `\mathbb{`) are not counted: they
 * change the look, not the meaning. Its damage LEFT A TRACE when the damaged form differs from
 * what a clean loss would have left: the original with every braced command and every grouping
 * brace pair removed (script braces and escaped braces kept), backslashes deleted. So
 * `\sqrt{T}` → `T` left none; `\tilde{\mathcal{O}}(d)` → `mathcal{O}(d)` (clean: `O(d)`),
 * `\frac{\epsilon}{\sqrt{d}}` → `epsilon{d}` (clean: `epsilond`), `{\mathcal{O}}(T)` → `{O}(T)`
 * left one. This reads the original, not the restorer's rules (incomplete.ts), so it can
 * disagree with them. A formula is MARKED when a restored formula covering its damaged form
 * is marked incomplete. The two figures: marked / (lost a meaning-bearing command and left a
 * trace), and marked / restored exactly (which should be none).
 */
import { locateFormulas, type FoundFormula } from '../../src/lib/math/restore.ts';

export { cleanLoss, isRecoverable, mangle, mangleWithFormulas, MEANING_BEARING, readsAsText, type OriginalFormula } from './math-damage.ts';
import { mangleWithFormulas, mathml, type OriginalFormula } from './math-damage.ts';

/** Same KaTeX rendering (MathML, source annotation removed). */
export function katexEquivalent(a: string, b: string): boolean {
  const x = mathml(a);
  return x !== undefined && x === mathml(b);
}

/** Why a recoverable formula was not restored. */
export type MissOutcome = 'not written' | 'cut short' | 'took prose' | 'wrong TeX';
/** What the original formula is: one symbol (`\alpha`, `\times`, `i`), a relation (`=`, `\leq`, `\in`, ...), with scripts (`_`, `^`), or other. */
export type FormulaShape = 'one symbol' | 'relation' | 'scripts' | 'other';
/** How much of a stray came from original formulas, and what it took. */
export type StrayShare = 'in prose' | 'mostly prose';
export type StrayShape = 'word' | 'with digits' | 'other';

export interface Miss {
  readonly formula: OriginalFormula;
  readonly outcome: MissOutcome;
  readonly shape: FormulaShape;
}

export interface Stray {
  readonly formula: FoundFormula;
  /** Its text in the damaged input. */
  readonly damaged: string;
  readonly share: StrayShare;
  readonly shape: StrayShape;
}

export interface Measure {
  /** Original formulas, recoverable ones, and recoverable ones restored. */
  formulas: number;
  recoverable: number;
  recovered: number;
  /** Formulas restored exactly, recoverable or not (the rules sometimes guess \mathbb{R} right). */
  exact: number;
  /** Restored formulas, and those placed on math (at least half of them from original formulas). */
  restored: number;
  correct: number;
  /** Restored formulas all of whose letters and digits come from original formulas (the strict reading). */
  strict: number;
  missed: OriginalFormula[];
  wrong: FoundFormula[];
  misses: Miss[];
  strays: Stray[];
  /** Formulas that lost a meaning-bearing command and left a trace; those of them marked incomplete. */
  lostWithTrace: number;
  lostWithTraceMarked: number;
  /** Formulas restored exactly and marked incomplete all the same. */
  exactMarked: number;
  /** Restored formulas marked incomplete. */
  marked: number;
  /** Original formulas that are one Latin letter (`$n$`: not recoverable, see above), and those restored exactly. */
  letters: number;
  lettersRestored: number;
  unmarkedLost: OriginalFormula[];
  markedExact: OriginalFormula[];
}

const RELATION =
  /[=<>]|\\(leq?|geq?|ll|gg|neq?|ne|in|notin|subset|subseteq|supset|approx|sim|simeq|cong|equiv|propto|to|rightarrow|mapsto|le|ge)(?![A-Za-z])/;

export function formulaShape(tex: string): FormulaShape {
  const t = tex.trim();
  if (/^(\\[A-Za-z]+|[A-Za-z]|[^\x00-\x7f])$/.test(t)) return 'one symbol';
  if (RELATION.test(t)) return 'relation';
  if (/[_^]/.test(t)) return 'scripts';
  return 'other';
}

/** `locate` is the restorer measured: locateFormulas, or a stand-in (the definitions' tests). */
export function measure(original: string, locate: (damaged: string) => FoundFormula[] = locateFormulas): Measure {
  // In NFC, as the restorer reads its input, so that offsets in the damaged text agree.
  const { mangled, formulas } = mangleWithFormulas(original.normalize('NFC'));
  const found = locate(mangled);
  /** Nothing, or a number (digits, `.`, `,`, perhaps `%`) with at most a blank between it and the formula. */
  const numeric = (s: string): boolean => /^(?:[0-9][0-9.,]*(?:\\?%)? ?)?$/.test(s) || /^(?: ?[0-9][0-9.,]*(?:\\?%)?)?$/.test(s);
  /** A number written into the TeX as the original would have it: its percent sign escaped. */
  const asTex = (s: string): string => s.replace(/\\?%/g, '\\%');
  const covering = (f: OriginalFormula): FoundFormula[] => found.filter((r) => r.start <= f.start && r.end >= f.end);
  const isMarked = (f: OriginalFormula): boolean => covering(f).some((r) => r.incomplete !== undefined);
  /**
   * The written formulas, alone or as a run joined in the damaged text by commas or spaces,
   * that cover f's extent: each as its start, end and TeX (the joins written into the TeX).
   */
  const runs = (f: OriginalFormula): { start: number; end: number; tex: string }[] => {
    const out: { start: number; end: number; tex: string }[] = [];
    for (let i = 0; i < found.length; i += 1) {
      const first = found[i];
      if (first === undefined || first.start > f.start || first.end <= f.start) continue;
      let tex = first.tex;
      let last = first.end;
      for (let j = i + 1; last < f.end; j += 1) {
        const next = found[j];
        const gap = next === undefined ? undefined : mangled.slice(last, next.start);
        if (next === undefined || gap === undefined || !/^[\s,]*$/.test(gap)) break;
        tex += `${gap}${next.tex}`;
        last = next.end;
      }
      if (last >= f.end) out.push({ start: first.start, end: last, tex });
    }
    return out;
  };
  const restoredExactly = (f: OriginalFormula): boolean =>
    runs(f).some((r) => {
      const before = mangled.slice(r.start, f.start);
      const after = mangled.slice(f.end, r.end);
      return numeric(before) && numeric(after) && katexEquivalent(r.tex, asTex(before) + f.tex + asTex(after));
    });
  const missOutcome = (f: OriginalFormula): MissOutcome => {
    const cover = runs(f);
    if (cover.length === 0) return found.some((r) => r.start < f.end && r.end > f.start) ? 'cut short' : 'not written';
    const tight = cover.some((r) => numeric(mangled.slice(r.start, f.start)) && numeric(mangled.slice(f.end, r.end)));
    return tight ? 'wrong TeX' : 'took prose';
  };
  const inMath = (k: number): boolean => formulas.some((f) => k >= f.start && k < f.end);
  /** In a formula, or in a number beside one (the allowance above). */
  const covered = (k: number): boolean => {
    if (inMath(k)) return true;
    const numberChar = (j: number): boolean => /[0-9.,%\\]/.test(mangled.charAt(j)) && !inMath(j);
    if (!numberChar(k)) return false;
    let a = k;
    let b = k + 1;
    while (a > 0 && numberChar(a - 1)) a -= 1;
    while (b < mangled.length && numberChar(b)) b += 1;
    if (!/^[0-9][0-9.,]*(?:\\?%)?$/.test(mangled.slice(a, b))) return false;
    const left = mangled.charAt(a - 1) === ' ' ? a - 2 : a - 1;
    const right = mangled.charAt(b) === ' ' ? b + 1 : b;
    return (left >= 0 && inMath(left)) || inMath(right);
  };
  const isStrict = (r: FoundFormula): boolean => {
    for (let k = r.start; k < r.end; k += 1) if (/[A-Za-z0-9]/.test(mangled.charAt(k)) && !covered(k)) return false;
    return true;
  };
  /** Characters (blanks aside) of a written formula, and how many lie in original formulas (or numbers beside one). */
  const share = (r: FoundFormula): [number, number] => {
    let all = 0;
    let inside = 0;
    for (let k = r.start; k < r.end; k += 1) {
      if (/\s/.test(mangled.charAt(k))) continue;
      all += 1;
      if (covered(k)) inside += 1;
    }
    return [inside, all];
  };
  const isPlaced = (r: FoundFormula): boolean => {
    const [inside, all] = share(r);
    return 2 * inside >= all;
  };
  const recoverable = formulas.filter((f) => f.recoverable);
  const missed = recoverable.filter((f) => !restoredExactly(f));
  const wrong = found.filter((r) => !isPlaced(r));
  const lost = formulas.filter((f) => f.meaningLost && f.trace);
  const exact = formulas.filter(restoredExactly);
  const isLetter = (f: OriginalFormula): boolean => /^[A-Za-z]$/.test(f.tex.trim());
  return {
    lostWithTrace: lost.length,
    lostWithTraceMarked: lost.filter(isMarked).length,
    exactMarked: exact.filter(isMarked).length,
    marked: found.filter((r) => r.incomplete !== undefined).length,
    letters: formulas.filter(isLetter).length,
    lettersRestored: exact.filter(isLetter).length,
    unmarkedLost: lost.filter((f) => !isMarked(f)),
    markedExact: exact.filter(isMarked),
    formulas: formulas.length,
    recoverable: recoverable.length,
    recovered: recoverable.length - missed.length,
    exact: exact.length,
    restored: found.length,
    correct: found.length - wrong.length,
    strict: found.filter(isStrict).length,
    missed,
    wrong,
    misses: missed.map((f) => ({ formula: f, outcome: missOutcome(f), shape: formulaShape(f.tex) })),
    strays: wrong.map((r) => {
      const damaged = mangled.slice(r.start, r.end);
      return {
        formula: r,
        damaged,
        share: share(r)[0] === 0 ? 'in prose' : 'mostly prose',
        shape: /^[A-Za-z][A-Za-z-]*$/.test(damaged) ? 'word' : /[0-9]/.test(damaged) ? 'with digits' : 'other',
      };
    }),
  };
}

/** Sums measures. */
export function total(measures: readonly Measure[]): Measure {
  const sum = (f: (m: Measure) => number): number => measures.reduce((n, m) => n + f(m), 0);
  return {
    formulas: sum((m) => m.formulas),
    recoverable: sum((m) => m.recoverable),
    recovered: sum((m) => m.recovered),
    exact: sum((m) => m.exact),
    restored: sum((m) => m.restored),
    correct: sum((m) => m.correct),
    strict: sum((m) => m.strict),
    missed: measures.flatMap((m) => m.missed),
    wrong: measures.flatMap((m) => m.wrong),
    misses: measures.flatMap((m) => m.misses),
    strays: measures.flatMap((m) => m.strays),
    lostWithTrace: sum((m) => m.lostWithTrace),
    lostWithTraceMarked: sum((m) => m.lostWithTraceMarked),
    exactMarked: sum((m) => m.exactMarked),
    marked: sum((m) => m.marked),
    letters: sum((m) => m.letters),
    lettersRestored: sum((m) => m.lettersRestored),
    unmarkedLost: measures.flatMap((m) => m.unmarkedLost),
    markedExact: measures.flatMap((m) => m.markedExact),
  };
}

export function percent(n: number, d: number): string {
  return d === 0 ? '100%' : `${((100 * n) / d).toFixed(1).replace(/\.0$/, '')}%`;
}
