import type { Operand } from '../scan.ts';
import { arithmetic } from './arithmetic.ts';
import { seal, type SeedRule } from './rule.ts';

const symbolic = (x: Operand): boolean => x === 'lower' || x === 'greek' || x === 'letter';

/**
 * An operator written alone between operand chunks: `h = g`, `1 - t/T`, `n + 1`, `T times J`,
 * `r approx 0.30`, `X sim P`. Which operands make math depends on the operator: "3 - 5" and
 * "A + B" are prose, `times` joins only single letters or numbers, `in`, `to` never here (they
 * need a set or a limit: assemble.ts).
 */
export const spacedOperator: SeedRule = {
  name: 'spaced-operator',
  stage: 'seed',
  summary: 'an operator alone between math operands',
  examples: [
    { text: 'where h = g and 1 - t/T and n + 1 and T times J', tex: ['h = g', '1 - t/T', 'n + 1', 'T \\times J'] },
    { text: 'scores of 3 - 5 and A + B testing', tex: [] },
    { text: 'an N times 3 array, 2 times d entries; three times a day', tex: ['N \\times 3', '2 \\times d'] },
    { text: 'resolutions (256 times 256 to 540 times 960) here', tex: ['256 \\times 256', '540 \\times 960'] },
  ],
  apply(scan, chunks) {
    for (let k = 1; k + 1 < chunks.length; k += 1) {
      const [left, mid, right] = [chunks[k - 1], chunks[k], chunks[k + 1]];
      if (!left || !mid || !right || left.verdict === 'text' || right.verdict === 'text' || mid.verdict === 'text') continue;
      if (left.suffix !== 'none' || mid.suffix !== 'none' || mid.prefixText || right.prefixText || mid.b - mid.a !== 1) continue;
      const op = scan.head(mid.units[mid.a]);
      if (!op) continue;
      // (A prime belongs to its operand: `t' < t`.)
      const lastLeft = scan.isSym(left.units[left.b - 1], "'") ? left.units[left.b - 2] : left.units[left.b - 1];
      const l = scan.operand(lastLeft);
      const r = scan.operand(right.units[right.a]);
      let seed = false;
      if (op.text === '=') seed = arithmetic('=', l, r);
      else if (op.text === '<' || op.text === '>') seed = (symbolic(l) || l === 'vars') && (r === 'num' || symbolic(r));
      else if (op.text === '+')
        seed = [l, r].every((x) => x === 'num' || symbolic(x)) && (symbolic(l) || symbolic(r)) && l !== 'letter' && r !== 'letter';
      else if (op.text === '-')
        seed =
          (l === 'num' && (r === 'lower' || r === 'greek')) ||
          ((l === 'lower' || l === 'greek') && (r === 'num' || r === 'lower' || r === 'greek'));
      else if (op.text === 'times')
        seed =
          ((l === 'lower' || l === 'letter') && (r === 'lower' || r === 'letter' || r === 'num')) ||
          (l === 'num' && (r === 'num' || r === 'lower' || r === 'letter'));
      else if (op.kind === 'word' && op.info?.parts.length === 1 && op.text !== 'pm' && op.text !== 'mp') {
        const cmd = op.info.parts[0]?.cmd;
        seed = cmd?.cls === 'rel' && op.text !== 'in' && op.text !== 'to' && symbolic(l) && (r === 'num' || symbolic(r));
      }
      if (op.text === 'times') seed &&= left.b - left.a === 1 && right.b - right.a === 1;
      if (seed) for (const c of [left, mid, right]) seal(c, this.name);
    }
  },
};
