/**
 * How the restorer is measured against originals (used by the tests; no runtime code uses it).
 *
 * mangle() reproduces the damage from the README's two steps, and mangleWithFormulas() also
 * says where each original formula's damaged form stands in the damaged text. Then:
 *
 * RECOVERABLE. An original formula is recoverable when its damaged form still determines it:
 *  - it has no braced command (`\name{`): step 1 erased those names with their braces
 *    (`\sqrt{T}` → `T`, `\mathbb{R}` → `R`), and nothing in the text says they were there;
 *  - its damaged form has a letter: `100`, `\%`, `>` read the same as prose, so keeping them as
 *    text loses nothing a reader sees;
 *  - it is not bare Latin letters (`T`, `SA`, `m, n`): nothing tells those from prose letters,
 *    except one case English makes clear, a letter before `-th` or `-dimensional` (`$i$-th`).
 * Everything else lost only backslashes and dollars, which the rules of TeX can put back.
 *
 * RECALL = recoverable formulas restored / recoverable formulas. Restored means: a formula the
 * restorer wrote covers exactly the damaged form's extent, and renders the same: both TeX
 * sources give the same KaTeX MathML (annotation removed). Rendering is the right comparison:
 * `\sigma\left(` and `\sigma \left(` are the same formula, `|x|` and `\|x\|` are not.
 *
 * One allowance in both: a number glued to a formula may stand on either side of the dollars.
 * `2$\times$` and `$2\times$` are damaged alike (`2times`) and read alike, so a restored
 * `2\times` restores the original `\times` when it renders like `2` + `\times`.
 *
 * PRECISION = restored formulas that are math in the original / restored formulas. A restored
 * formula is math in the original when every letter and digit it covers belongs to some original
 * formula's damaged form (or is such a glued number): it took no prose word. (Its TeX may still
 * differ where the damage destroyed information: `\mathcal{O}` for `\tilde{\mathcal{O}}`,
 * `C_\Phi` for `\mathcal{C}_\Phi`.)
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
import katex from 'katex';
import { locateFormulas, type FoundFormula } from './restore.ts';

/** The README's damage, step 1 on the whole text, step 2 inside each `$...$`. */
export function mangle(original: string): string {
  return mangleWithFormulas(original).mangled;
}

export interface OriginalFormula {
  /** The original TeX, without dollars. */
  readonly tex: string;
  /** The damaged form's extent in the damaged text, surrounding blanks excluded. */
  readonly start: number;
  readonly end: number;
  readonly damaged: string;
  readonly recoverable: boolean;
  /** The original had a meaning-bearing command with a brace argument (see above). */
  readonly meaningLost: boolean;
  /** The damaged form differs from a clean loss of the braced commands (see above). */
  readonly trace: boolean;
}

/** Braced commands whose loss changes what a formula means. */
export const MEANING_BEARING =
  /\\(sqrt|frac|dfrac|tfrac|cfrac|binom|dbinom|tbinom|tilde|widetilde|hat|widehat|bar|overline|underline|vec|dot|ddot|check|breve|acute|grave|mathring|overrightarrow|overleftarrow|overbrace|underbrace|overset|underset|stackrel)\{/;

/** The original with every braced command and grouping brace pair removed, then step 2. */
export function cleanLoss(tex: string): string {
  let k = 0;
  const group = (): string => {
    let out = '';
    while (k < tex.length && tex[k] !== '}') {
      const c = tex.charAt(k);
      if (c === '\\') {
        const name = /^[A-Za-z]+/.exec(tex.slice(k + 1))?.[0];
        if (name === undefined) {
          out += tex.slice(k, k + 2);
          k += 2;
        } else if (tex[k + 1 + name.length] === '{') {
          k += name.length + 2;
          out += group();
          k += 1;
        } else {
          out += `\\${name}`;
          k += 1 + name.length;
        }
      } else if (c === '{') {
        const script = out.endsWith('^') || out.endsWith('_') || out.endsWith(']');
        k += 1;
        const inner = group();
        k += 1;
        out += script ? `{${inner}}` : inner;
      } else {
        out += c;
        k += 1;
      }
    }
    return out;
  };
  let out = '';
  while (k < tex.length) {
    out += group();
    if (tex[k] === '}') {
      out += '}';
      k += 1;
    }
  }
  return out.replace(/\\/g, '');
}

/** Unescaped `$` positions, paired in order. */
function dollarPairs(text: string): [number, number][] {
  const at: number[] = [];
  for (let k = 0; k < text.length; k += 1) {
    if (text[k] === '\\') k += 1;
    else if (text[k] === '$') at.push(k);
  }
  const pairs: [number, number][] = [];
  for (let k = 0; k + 1 < at.length; k += 2) pairs.push([at[k] ?? 0, at[k + 1] ?? 0]);
  return pairs;
}

export function isRecoverable(tex: string, damaged: string, after: string): boolean {
  if (/\\[A-Za-z]+\{/.test(tex)) return false;
  if (!/[A-Za-z]/.test(damaged)) return false;
  if (/^[A-Za-z]+(\s*,\s*[A-Za-z]+)*$/.test(tex.trim())) return /^[A-Za-z]$/.test(tex.trim()) && /^-(th|dimensional)\b/.test(after);
  return true;
}

export function mangleWithFormulas(original: string): { mangled: string; formulas: OriginalFormula[] } {
  const step1 = original.replace(/\\[A-Za-z]+\{(.*?)\}/g, '$1');
  const sources = dollarPairs(original).map(([s, e]) => original.slice(s + 1, e));
  const pairs = dollarPairs(step1);
  if (pairs.length !== sources.length) throw new Error('step 1 changed the number of formulas');
  let mangled = '';
  let at = 0;
  const spans: [number, number][] = [];
  for (const [s, e] of pairs) {
    mangled += step1.slice(at, s);
    const start = mangled.length;
    mangled += step1.slice(s + 1, e).replace(/\\/g, '');
    spans.push([start, mangled.length]);
    at = e + 1;
  }
  mangled += step1.slice(at);
  const formulas = spans.map(([s, e], k) => {
    const raw = mangled.slice(s, e);
    const start = s + (raw.length - raw.trimStart().length);
    const end = e - (raw.length - raw.trimEnd().length);
    const tex = sources[k] ?? '';
    const damaged = mangled.slice(start, end);
    return {
      tex,
      start,
      end,
      damaged,
      recoverable: isRecoverable(tex, damaged, mangled.slice(end)),
      meaningLost: MEANING_BEARING.test(tex),
      trace: damaged !== cleanLoss(tex).trim(),
    };
  });
  return { mangled, formulas };
}

function mathml(tex: string): string | undefined {
  try {
    return katex
      .renderToString(tex, { output: 'mathml', throwOnError: true, strict: 'ignore' })
      .replace(/<annotation[\s\S]*?<\/annotation>/, '');
  } catch {
    return undefined;
  }
}

/** Same KaTeX rendering (MathML, source annotation removed). */
export function katexEquivalent(a: string, b: string): boolean {
  const x = mathml(a);
  return x !== undefined && x === mathml(b);
}

export interface Measure {
  /** Original formulas, recoverable ones, and recoverable ones restored. */
  formulas: number;
  recoverable: number;
  recovered: number;
  /** Formulas restored exactly, recoverable or not (the rules sometimes guess \mathbb{R} right). */
  exact: number;
  /** Restored formulas, and those that are math in the original. */
  restored: number;
  correct: number;
  missed: OriginalFormula[];
  wrong: FoundFormula[];
  /** Formulas that lost a meaning-bearing command and left a trace; those of them marked incomplete. */
  lostWithTrace: number;
  lostWithTraceMarked: number;
  /** Formulas restored exactly and marked incomplete all the same. */
  exactMarked: number;
  /** Restored formulas marked incomplete. */
  marked: number;
  unmarkedLost: OriginalFormula[];
  markedExact: OriginalFormula[];
}

export function measure(original: string): Measure {
  const { mangled, formulas } = mangleWithFormulas(original);
  const found = locateFormulas(mangled);
  const numeric = (s: string): boolean => /^[0-9.]*$/.test(s);
  const covering = (f: OriginalFormula): FoundFormula[] => found.filter((r) => r.start <= f.start && r.end >= f.end);
  const isMarked = (f: OriginalFormula): boolean => covering(f).some((r) => r.incomplete !== undefined);
  const restoredExactly = (f: OriginalFormula): boolean =>
    found.some((r) => {
      if (r.start > f.start || r.end < f.end) return false;
      const before = mangled.slice(r.start, f.start);
      const after = mangled.slice(f.end, r.end);
      return numeric(before) && numeric(after) && katexEquivalent(r.tex, before + f.tex + after);
    });
  const inMath = (k: number): boolean => formulas.some((f) => k >= f.start && k < f.end);
  /** In a formula, or a number glued to one. */
  const covered = (k: number): boolean => {
    if (inMath(k)) return true;
    if (!/[0-9.]/.test(mangled.charAt(k))) return false;
    for (const step of [-1, 1]) {
      let j = k;
      while (/[0-9.]/.test(mangled.charAt(j)) && !inMath(j)) j += step;
      if (inMath(j)) return true;
    }
    return false;
  };
  const isMath = (r: FoundFormula): boolean => {
    for (let k = r.start; k < r.end; k += 1) if (/[A-Za-z0-9]/.test(mangled.charAt(k)) && !covered(k)) return false;
    return true;
  };
  const recoverable = formulas.filter((f) => f.recoverable);
  const missed = recoverable.filter((f) => !restoredExactly(f));
  const wrong = found.filter((r) => !isMath(r));
  const lost = formulas.filter((f) => f.meaningLost && f.trace);
  const exact = formulas.filter(restoredExactly);
  return {
    lostWithTrace: lost.length,
    lostWithTraceMarked: lost.filter(isMarked).length,
    exactMarked: exact.filter(isMarked).length,
    marked: found.filter((r) => r.incomplete !== undefined).length,
    unmarkedLost: lost.filter((f) => !isMarked(f)),
    markedExact: exact.filter(isMarked),
    formulas: formulas.length,
    recoverable: recoverable.length,
    recovered: recoverable.length - missed.length,
    exact: exact.length,
    restored: found.length,
    correct: found.length - wrong.length,
    missed,
    wrong,
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
    missed: measures.flatMap((m) => m.missed),
    wrong: measures.flatMap((m) => m.wrong),
    lostWithTrace: sum((m) => m.lostWithTrace),
    lostWithTraceMarked: sum((m) => m.lostWithTraceMarked),
    exactMarked: sum((m) => m.exactMarked),
    marked: sum((m) => m.marked),
    unmarkedLost: measures.flatMap((m) => m.unmarkedLost),
    markedExact: measures.flatMap((m) => m.markedExact),
  };
}

export function percent(n: number, d: number): string {
  return d === 0 ? '100%' : `${((100 * n) / d).toFixed(1).replace(/\.0$/, '')}%`;
}
