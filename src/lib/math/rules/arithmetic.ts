import type { Operand } from '../scan.ts';
import type { EvidenceRule } from './rule.ts';

/**
 * An operator glued between operands that prose does not glue: a relation between math
 * operands (`k=1`), arithmetic with a number and a variable (`1-delta`, `k+1`, `1/e`, `N-2`,
 * `1/N`), a sum
 * of lower-case letters (`a+b`). Not a number against a letter pair: "lr=3e-4" is a setting
 * more often than a formula.
 */
export function arithmetic(op: string, l: Operand, r: Operand, rightText = ''): boolean {
  if ('=<>'.includes(op))
    return (
      l !== 'none' && r !== 'none' && !(l === 'num' && r === 'num') && !(l === 'vars' && r === 'num') && !(l === 'num' && r === 'vars')
    );
  if (!'+-/'.includes(op)) return false;
  const symbolic = (x: Operand): boolean => x === 'greek' || x === 'lower';
  if ((l === 'num' && symbolic(r)) || (symbolic(l) && r === 'num')) return true;
  // A capital with a number: `1/N`, and `N-2`, `T-1` with one digit ("ViT-B/16", "ViT-L-14"
  // are names): the dev corpus has no prose such.
  if (op === '/' && l === 'num' && r === 'letter') return true;
  if (op === '-' && l === 'letter' && r === 'num' && /^[1-9]$/.test(rightText)) return true;
  return op === '+' && l === 'lower' && r === 'lower';
}

export const gluedArithmetic: EvidenceRule = {
  name: 'glued-arithmetic',
  stage: 'evidence',
  summary: 'a relation or arithmetic glued between math operands',
  examples: [
    { text: 'for k=1 and 1-delta and 1/e', tex: ['k=1', '1-\\delta', '1/e'] },
    { text: 'at x=-1 and gamma=-0.5', tex: ['x=-1', '\\gamma=-0.5'] },
    { text: 'up to N-2 clients at a rate of 1/N', tex: ['N-2', '1/N'] },
    { text: 'with lr=3e-4 and a 3-5 ratio on ViT-B/16 and ViT-L-14', tex: [] },
  ],
  holds(scan, core, k) {
    const u = core[k];
    const t = u && !u.group ? scan.tok(u.i) : undefined;
    if (t?.kind !== 'sym') return false;
    // A relation before a signed number: `x=-1`, `gamma=+2` (the sign glued to both).
    const sign = '=<>'.includes(t.text) && scan.isSym(core[k + 1], '-+') && scan.operand(core[k + 2]) === 'num';
    const right = sign ? 'num' : scan.operand(core[k + 1]);
    return arithmetic(t.text, scan.operand(core[k - 1]), right, scan.head(core[k + 1])?.text);
  },
};
