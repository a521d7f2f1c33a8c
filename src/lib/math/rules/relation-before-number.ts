import type { Chunk, Unit } from '../chunk.ts';
import { PREFIX_RELATIONS } from '../lexicon.ts';
import { operandPairs } from './operator-operand.ts';
import { seal, type SeedRule } from './rule.ts';

/**
 * `approx 25`, `sim 100`: a relation written before a number (the command table's `before-num`
 * role), as in "$\approx 25$M". With more than the number after it, only the relation, unless
 * what follows is math itself (`sim 0.8145ln(d)`); so too before a number with its unit glued
 * (`sim 40k`, `approx 2x`, `approx 1.2B`): the relation and the number, the unit prose, `$\sim 40$k`
 * (where the authors left the number out of the dollars, it reads the same).
 */
export const relationBeforeNumber: SeedRule = {
  name: 'relation-before-number',
  stage: 'seed',
  summary: 'a relation written before a number',
  examples: [
    { text: 'a cost of approx 25 M', tex: ['\\approx 25'] },
    { text: 'a drop of approx 0.3 % only', tex: ['\\approx 0.3 \\%'] },
    { text: 'it keeps ge 99% of the accuracy at le 5 steps', tex: ['\\ge 99\\%', '\\le 5'] },
    { text: 'gains of 3.0%sim 5.4% here', tex: ['3.0\\%\\sim 5.4\\%'] },
    { text: 'differ by at least sim 0.8145ln(d) here', tex: ['\\sim 0.8145\\ln(d)'] },
    { text: 'with sim 40k matches, an approx 2x speedup and approx 1.2B weights', tex: ['\\sim 40', '\\approx 2', '\\approx 1.2'] },
    { text: 'within pm 2 cm, from 5 pm 20 onwards', tex: ['\\pm 2'] },
  ],
  apply(scan, chunks) {
    // ("5 pm 20" is a time: a sign after a number or a percentage is not this rule's;
    // spaced-plus-minus decides.)
    const afterNumber = (fn: Chunk): boolean => /[0-9]%?\s*$/.test(scan.text.slice(Math.max(0, fn.s - 8), fn.s));
    const sign = (name: string): boolean => name === 'pm' || name === 'mp';
    chunks.forEach((fn, k) => {
      const arg = chunks[k + 1];
      if (!arg || fn.verdict !== 'weak' || fn.suffix !== 'none' || fn.prefixText || fn.b - fn.a !== 1 || arg.prefixText) return;
      const name = scan.word(fn.units[fn.a])?.parts;
      const only = name?.length === 1 ? name[0]?.text : undefined;
      if (only === undefined || !PREFIX_RELATIONS.has(only) || !/^[0-9][0-9.,]*[A-Za-z]{1,3}[.,;:)]*$/.test(scan.text.slice(arg.s, arg.e)))
        return;
      if (sign(only) && afterNumber(fn)) return;
      const t = scan.tok((fn.units[fn.a] as Unit).i);
      const digits = /^[0-9][0-9.,]*[0-9]|^[0-9]/.exec(scan.text.slice(arg.s, arg.e))?.[0] ?? '';
      fn.atom = { s: t.s, e: arg.s + digits.length, tex: `\\${only} ${digits}`, rules: [this.name] };
    });
    for (const [fn, arg, x] of operandPairs(scan, chunks)) {
      const name = scan.word(fn.units[fn.a])?.parts;
      const only = name?.length === 1 ? name[0]?.text : undefined;
      if (only === undefined || !PREFIX_RELATIONS.has(only) || x !== 'num' || (sign(only) && afterNumber(fn))) continue;
      seal(fn, this.name);
      // (A percent sign a blank after the number is the formula's `\%`: `approx 0.3 %` was
      // `$\approx 0.3 \%$`, as LaTeX source spaces it.)
      const number = scan.text.slice(arg.s, arg.e);
      // (A range between percentages, the relation glued to the first, `3.0%sim 5.4%`: one
      // formula, as `2%sim5%` is to the tokenizer.)
      const t0 = scan.tok((fn.units[fn.a] as Unit).i);
      const from = /(\d+(?:\.\d+)?)%$/.exec(scan.text.slice(Math.max(0, t0.s - 12), t0.s));
      if (from && arg.b - arg.a === 1 && /^[0-9][0-9.]*%$/.test(number)) {
        fn.atom = { s: t0.s - from[0].length, e: arg.e, tex: `${from[1]}\\%\\${only} ${number.slice(0, -1)}\\%`, rules: [this.name] };
        continue;
      }
      if (arg.b - arg.a === 1 && /^[0-9][0-9.,]*$/.test(number) && scan.text.slice(arg.e, arg.e + 2) === ' %') {
        const t = scan.tok((fn.units[fn.a] as Unit).i);
        fn.atom = { s: t.s, e: arg.e + 2, tex: `\\${only} ${number} \\%`, rules: [this.name] };
        continue;
      }
      // (A number that opens a formula of its own joins too: `sim 0.8145ln(d)`.)
      if (arg.b - arg.a === 1 || arg.verdict === 'strong') seal(arg, this.name);
      else {
        const t = scan.tok((fn.units[fn.a] as Unit).i);
        fn.atom = { s: t.s, e: t.e, tex: `\\${only}`, rules: [this.name] };
      }
    }
  },
};
