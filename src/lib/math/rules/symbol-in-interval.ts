import type { Chunk } from '../chunk.ts';
import type { Scan } from '../scan.ts';
import { seal, type SeedRule } from './rule.ts';

/** A chunk that is one variable letter (not "a", "A", "I") or one Greek name, alone. */
function loneSymbol(scan: Scan, c: Chunk): boolean {
  if (c.verdict === 'text' || c.b - c.a !== 1 || c.suffix !== 'none') return false;
  const x = scan.operand(c.units[c.a]);
  return x === 'lower' || x === 'letter' || x === 'greek';
}

/**
 * `delta in (0,1)`, `x in [0,1]`: a lone symbol, `in`, and an interval is `$\delta \in (0,1)$`.
 * English puts words before "in (0, 1)" ("values in [0, 1]"), never a lone letter or Greek name.
 */
export const symbolInInterval: SeedRule = {
  name: 'symbol-in-interval',
  stage: 'seed',
  summary: 'a lone symbol, in, then an interval',
  examples: [
    { text: 'for any delta in (0,1) and t in [0,T], values in [0,1]', tex: ['\\delta \\in (0,1)', 't \\in [0,T]'] },
    { text: 'as in (1, 2) and a in [0, 1]', tex: [] },
  ],
  apply(scan, chunks) {
    for (let k = 0; k + 2 < chunks.length; k += 1) {
      const [sym, op, set] = [chunks[k], chunks[k + 1], chunks[k + 2]];
      if (!sym || !op || !set || !loneSymbol(scan, sym) || op.prefixText || set.prefixText || set.verdict === 'text') continue;
      const name = scan.word(op.units[op.a])?.parts;
      if (!op.operatorOnly || op.b - op.a !== 1 || op.suffix !== 'none' || name?.length !== 1 || name[0]?.text !== 'in') continue;
      const u = set.units[set.a];
      if (set.b - set.a !== 1 || !u?.group || !'(['.includes(scan.tok(u.i).text) || !scan.interval(u)) continue;
      seal(sym, this.name);
      seal(set, this.name);
    }
  },
};
