import { spacingGroup } from '../incomplete.ts';
import type { Unit } from '../chunk.ts';
import type { Scan } from '../scan.ts';
import { arithmetic } from './arithmetic.ts';
import type { EvidenceRule } from './rule.ts';

/** A relation at token k between blanks, with math operands on both sides: `(p < 0.001)`. */
export function spacedRelation(scan: Scan, k: number): boolean {
  if (scan.tokens[k - 1]?.kind !== 'ws' || scan.tokens[k + 1]?.kind !== 'ws') return false;
  const l = scan.operandAt(k - 2);
  const r = scan.operandAt(k + 2);
  const symbolic = (x: string): boolean => x === 'lower' || x === 'greek' || x === 'letter';
  // (Or a bar closing a norm or absolute value of a symbol: `|r| < 0.05`.)
  const bar = scan.tokens[k - 2]?.text === '|' && scan.tokens[k - 4]?.text === '|' && symbolic(scan.operandAt(k - 3));
  return (symbolic(l) || bar) && (r === 'num' || symbolic(r));
}

/** Does the bracket group u (kept whole) hold math: scripts, relations, commands, a set? */
export function inside(scan: Scan, u: Unit): boolean {
  const set = scan.tok(u.i).text === '{';
  let depth = 0;
  for (let k = u.i + 1; k < u.j; k += 1) {
    const t = scan.tok(k);
    if (t.glue || (t.kind === 'word' && t.info?.distinctive)) return true;
    if (t.kind !== 'sym') continue;
    if ('([{'.includes(t.text)) depth += 1;
    else if (')]}'.includes(t.text)) depth -= 1;
    else if ((t.text === '^' || t.text === '_') && scan.tokenBase(k - 1) && scan.tokenArg(k + 1)) return true;
    else if (set && depth === 0 && ',:|'.includes(t.text)) return true;
    else if ('=<>+-/'.includes(t.text) && arithmetic(t.text, scan.operandAt(k - 1), scan.operandAt(k + 1), scan.tokens[k + 1]?.text))
      return true;
    else if ('=<>'.includes(t.text) && spacedRelation(scan, k)) return true;
  }
  for (let k = u.i + 1; k < u.j; k += 1) {
    // `(r approx 0.30)`: a relation word between spaced operands.
    const parts = scan.tok(k).info?.parts;
    const cmd = parts?.length === 1 ? parts[0]?.cmd : undefined;
    if (cmd?.cls === 'rel' && parts?.[0]?.text !== 'in' && parts?.[0]?.text !== 'to' && spacedRelation(scan, k)) return true;
  }
  return false;
}

/**
 * Evidence inside a math-like bracket group, blanks and all: `(x_t, x_{t'})`, `(k=100)`,
 * `(r approx 0.30)`, a set `{5, 10, 20}`.
 */
export const mathInGroup: EvidenceRule = {
  name: 'math-in-group',
  stage: 'evidence',
  summary: 'a bracket group holding scripts, relations, commands or a set',
  examples: [
    { text: "pairs (x_t, x_{t'}) here and sizes (k=100) there", tex: ["(x_t, x_{t'})", 'k=100'] },
    { text: 'the values (10, 20) here', tex: [] },
    { text: 'negligible correlations (|r| < 0.05) here', tex: ['|r| < 0.05'] },
  ],
  holds(scan, core, k) {
    const u = core[k];
    // (`5{,}000`: prose TeX's thousands comma; one operator alone is spacing-group's.)
    if (u?.group && scan.tok(u.i).text === '{' && spacingGroup(scan.text.slice(scan.tok(u.i).e, scan.tok(u.j).s))) return false;
    return u !== undefined && u.group && inside(scan, u);
  },
};
