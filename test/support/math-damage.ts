/**
 * The source's damage, reproduced from its rule (the README of ../shared/math), and what of an
 * original formula it leaves recoverable or traceable. The definitions: math-measure.ts.
 */
import katex from 'katex';

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

/** A damaged form that reads the same as prose: no letter (`100`, `>`, `%`), or a number with a unit's letter (`13.7x`, `4K`). */
export function readsAsText(damaged: string): boolean {
  if (!/[A-Za-z]/.test(damaged)) return true;
  return /^[+-]?[0-9][0-9.,]*\s*[A-Za-z]$/.test(damaged.trim());
}

/** Bare Latin letters and digits, a token or a list, each perhaps in parentheses: `T`, `m, n`, `(ii)`, `VOC2012`. */
const BARE = /^\(?[A-Za-z0-9]+\)?(\s*,\s*\(?[A-Za-z0-9]+\)?)*$/;

export function isRecoverable(tex: string, damaged: string, after: string): boolean {
  if (/\\[A-Za-z]+\{/.test(tex)) return false;
  if (readsAsText(damaged)) return false;
  if (mathml(tex) === undefined) return false;
  if (BARE.test(tex.trim())) return /^[A-Za-z]$/.test(tex.trim()) && /^-(th|dimensional)\b/.test(after);
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

const mathmlMemo = new Map<string, string | undefined>();

/** KaTeX's MathML of a formula without its TeX annotation (undefined: KaTeX refuses it), memoised. */
export function mathml(tex: string): string | undefined {
  if (mathmlMemo.has(tex)) return mathmlMemo.get(tex);
  const out = mathmlUncached(tex);
  mathmlMemo.set(tex, out);
  return out;
}

function mathmlUncached(tex: string): string | undefined {
  try {
    return katex
      .renderToString(tex, { output: 'mathml', throwOnError: true, strict: 'ignore' })
      .replace(/<annotation[\s\S]*?<\/annotation>/, '');
  } catch {
    return undefined;
  }
}
