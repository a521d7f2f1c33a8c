import type { Unit } from '../chunk.ts';
import type { SeedRule } from './rule.ts';

/**
 * `0.66 pm 0.03`, `42.9% pm 35.6%`: plus-minus written alone between numbers, one of them a
 * decimal ("5 pm 20" is a time). Only the sign is sure to be math: the numbers are as often
 * prose around `$\pm$`.
 */
export const spacedPlusMinus: SeedRule = {
  name: 'spaced-plus-minus',
  stage: 'seed',
  summary: 'plus-minus between numbers with a decimal is the sign alone',
  examples: [
    { text: 'gains of 0.66 pm 0.03 and 42.9% pm 35.6%', tex: ['\\pm', '\\pm'] },
    { text: 'from 5 pm 20 onwards', tex: [] },
    { text: 'a separation of (1.45 pm 0.18) here', tex: ['\\pm'] },
  ],
  apply(scan, chunks) {
    for (let k = 1; k + 1 < chunks.length; k += 1) {
      const [left, mid, right] = [chunks[k - 1], chunks[k], chunks[k + 1]];
      if (!left || !mid || !right || left.verdict === 'text' || right.verdict === 'text' || mid.verdict === 'text') continue;
      const sign = mid.b - mid.a === 1 && !mid.prefixText && mid.suffix === 'none' ? scan.head(mid.units[mid.a]) : undefined;
      if (!sign || (sign.text !== 'pm' && sign.text !== 'mp')) continue;
      const lone = (x: typeof left): boolean => x.b - x.a === 1 && scan.operand(x.units[x.a]) === 'num';
      const decimal = /\./.test(scan.text.slice(left.s, right.e));
      // After a percentage (`42.9%`, `81.76\%`), or between bare numbers.
      const percent = /^\\?%$/.test(scan.text.slice(scan.tok((left.units[left.a] as Unit).j).e, left.e));
      const bare = left.suffix === 'none' && !right.prefixText && lone(right) && scan.operand(right.units[right.a]) === 'num';
      if (
        lone(left) &&
        decimal &&
        !right.prefixText &&
        scan.operand(right.units[right.a]) === 'num' &&
        (percent || (bare && right.b - right.a === 1))
      ) {
        mid.atom = { s: sign.s, e: sign.e, tex: `\\${sign.text}`, rules: [this.name] };
      }
    }
  },
};
