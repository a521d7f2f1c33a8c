import type { Operand } from '../scan.ts';
import type { EvidenceRule } from './rule.ts';

/**
 * An operator glued between operands that prose does not glue: a relation between math
 * operands (`k=1`), arithmetic with a number and a variable (`1-delta`, `k+1`, `1/e`), a sum
 * of lower-case letters (`a+b`). Not a number against a letter pair: "lr=3e-4" is a setting
 * more often than a formula.
 */
export function arithmetic(op: string, l: Operand, r: Operand): boolean {
  if ('=<>'.includes(op)) return l !== 'none' && r !== 'none' && !(l === 'num' && r === 'num') && !(l === 'vars' && r === 'num') && !(l === 'num' && r === 'vars');
  if (!'+-/'.includes(op)) return false;
  const symbolic = (x: Operand): boolean => x === 'greek' || x === 'lower';
  if ((l === 'num' && symbolic(r)) || (symbolic(l) && r === 'num')) return true;
  return op === '+' && l === 'lower' && r === 'lower';
}

export const gluedArithmetic: EvidenceRule = {
  name: 'glued-arithmetic',
  stage: 'evidence',
  summary: 'a relation or arithmetic glued between math operands',
  examples: [
    { text: 'for k=1 and 1-delta and 1/e', tex: ['k=1', '1-\\delta', '1/e'] },
    { text: 'with lr=3e-4 and a 3-5 ratio', tex: [] },
  ],
  holds(scan, core, k) {
    const u = core[k];
    const t = u && !u.group ? scan.tok(u.i) : undefined;
    if (t?.kind !== 'sym') return false;
    return arithmetic(t.text, scan.operand(core[k - 1]), scan.operand(core[k + 1]));
  },
};
