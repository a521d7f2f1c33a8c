import type { Chunk } from '../chunk.ts';
import type { Scan } from '../scan.ts';
import type { RuleExample } from './rule.ts';

/**
 * `80^{circ} (N=2)`, `SE(3)^N (ours)`: a bracket a blank after a formula is an aside, its own
 * formula or prose, not the formula's operand. LaTeX writes an operand's bracket glued (`f(x)`,
 * `O(n)`); the dev corpus has a formula end before " (" 25 times and run on into it only after
 * an operator (`\beta \in (0,1)`), which this leaves joined. The assembler asks it
 * (assemble.ts) before it joins two chunks.
 */
export const bracketAside = {
  name: 'bracket-aside',
  stage: 'veto' as const,
  summary: 'a bracket a blank after a formula is not its operand',
  examples: [
    { text: 'tilted by 18^{circ} (k=1), in O(n^2) (k+1) steps', tex: ['18^{\\circ}', 'k=1', 'O(n^2)', 'k+1'] },
    { text: 'with x^2 = (k+1)^2 here', tex: ['x^2 = (k+1)^2'] },
  ] as readonly RuleExample[],
  /** Does chunk c, a bracket group a blank after p (no operator between), stand apart from it? */
  splits(scan: Scan, p: Chunk, c: Chunk): boolean {
    const u = c.units[c.a];
    if (c.b - c.a !== 1 || !u?.group || scan.tok(u.i).text !== '(' || p.suffix !== 'none') return false;
    if (p.endsOp !== 'none' || p.prefixOp || p.operatorOnly) return false;
    return scan.tok(u.i).s > p.e;
  },
};
