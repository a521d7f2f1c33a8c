/**
 * The one judge of a formula: does the site show it as math? That is, does KaTeX render it
 * within the site's limits (src/lib/render/katex.ts: length, nesting, sizes, no macro
 * definitions, no untrusted commands)? Memoised there, since formulas repeat.
 */
import { renderFormula } from '../render/katex.ts';

export function parsesInKatex(tex: string): boolean {
  return renderFormula(tex).ok;
}
