/**
 * The one judge of a formula: does the site show it as math? That is, does KaTeX render it
 * within the site's limits (src/lib/render/katex.ts: length, nesting, sizes, no macro
 * definitions, no untrusted commands)? Memoised there, since formulas repeat.
 */
import { formulaVerdict, SHOWN_SOURCE } from '../render/katex.ts';

/**
 * The verdict alone, which katex.ts memoises: renderFormula(tex).ok means the same (no verdict)
 * but renders the formula's markup again on every call, which this check throws away.
 */
export function parsesInKatex(tex: string): boolean {
  return formulaVerdict(tex) === null;
}

/** Whether the page, refusing this formula, would still show all of its source (it cuts a long one). */
export function showsWholeSource(tex: string): boolean {
  return tex.length <= SHOWN_SOURCE;
}
