import type { SeedRule } from './rule.ts';

/**
 * `16 times fewer`, `2.3 times faster`: a number, then `times` alone, then prose. English says it
 * too ("3 times faster"), so only where the paragraph has math elsewhere: there the dev corpus
 * shows it written `$16\times$` four times out of five.
 */
export const numberTimes: SeedRule = {
  name: 'number-times',
  stage: 'seed',
  summary: 'a number before a lone times, in a paragraph with math',
  examples: [
    { text: 'With O(n) memory it is 2.3 times faster.', tex: ['O(n)', '2.3\\times'] },
    { text: 'It is 3 times faster.', tex: [] },
  ],
  apply(scan, chunks) {
    if (!chunks.some((c) => c.verdict === 'strong' || c.atom !== undefined)) return;
    for (let k = 0; k + 2 < chunks.length; k += 1) {
      const [n, op, next] = [chunks[k], chunks[k + 1], chunks[k + 2]];
      if (!n || !op || !next || n.b - n.a !== 1 || n.suffix !== 'none' || op.prefixText || op.b - op.a !== 1 || next.verdict !== 'text')
        continue;
      const num = scan.head(n.units[n.a]);
      const times = scan.head(op.units[op.a]);
      if (num?.kind !== 'num' || times?.text !== 'times' || n.verdict !== 'weak' || op.verdict !== 'weak') continue;
      n.atom = { s: num.s, e: times.e, tex: `${num.text}\\times`, rules: [this.name] };
    }
  },
};
