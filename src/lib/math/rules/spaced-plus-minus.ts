import type { Unit } from '../chunk.ts';
import { seal, type SeedRule } from './rule.ts';

/**
 * `0.66 pm 0.03`, `42.9% pm 35.6%`: plus-minus written alone between numbers, one of them a
 * decimal ("5 pm 20" is a time), is a value with its error: one formula, numbers and sign, as
 * LaTeX writes it (`$0.66 \pm 0.03$`); where the authors left the numbers outside the dollars,
 * it reads the same. Numbers that kept a backslash (`81.76\\% pm 0.04`) were prose: then the sign alone.
 */
export const spacedPlusMinus: SeedRule = {
  name: 'spaced-plus-minus',
  stage: 'seed',
  summary: 'plus-minus between numbers with a decimal is a value with its error',
  examples: [
    { text: 'gains of 0.66 pm 0.03 and 42.9% pm 35.6%', tex: ['0.66 \\pm 0.03', '42.9\\% \\pm 35.6\\%'] },
    { text: 'from 5 pm 20 onwards', tex: [] },
    { text: 'an accuracy of 81.76\\% pm 0.04 here', tex: ['\\pm'] },
    { text: 'we get AP_{50} = 45.2 pm 0.3 here', tex: ['AP_{50} = 45.2 \\pm 0.3'] },
    { text: 'a separation of (1.45 pm 0.18) here', tex: ['1.45 \\pm 0.18'] },
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
        const s = scan.tok((left.units[left.a] as Unit).i).s;
        const e = scan.tok((right.units[right.b - 1] as Unit).j).e;
        // (A backslash left in them, `81.76\\%`, is the authors' text-mode TeX: the numbers were prose, the sign alone math.)
        if (scan.text.slice(s, e + 2).includes('\\')) mid.atom = { s: sign.s, e: sign.e, tex: `\\${sign.text}`, rules: [this.name] };
        // (Between bare numbers sealed, not an atom: the value may end a formula, `AP_{50} = 45.2 pm 0.3`.)
        else if (!percent) for (const c of [left, mid, right]) seal(c, this.name);
        else {
          // (A percent sign after the right number is its unit: `35.6%`.)
          const end = e + (/^\\?%/.exec(scan.text.slice(e, e + 2))?.[0].length ?? 0);
          mid.atom = { s, e: end, tex: undefined, rules: [this.name] };
        }
      }
    }
  },
};
