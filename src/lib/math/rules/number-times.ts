import type { Chunk } from '../chunk.ts';
import { COMMON_WORDS } from '../lexicon.ts';
import type { Candidate, Scan } from '../scan.ts';
import type { SeedRule } from './rule.ts';

const NAME = 'number-times';

/** A lower-case word English cannot multiply: not a comparative, not a function word. */
function noun(scan: Scan, c: Chunk): boolean {
  const word = /^[a-z][a-z-]*$/.exec(scan.text.slice(c.s, c.e).replace(/[.,;:)]+$/, ''))?.[0];
  return word !== undefined && !COMMON_WORDS.has(word) && !/er$|^(?:more|less|worse|as|than|over)$/.test(word);
}

/** The factors `N times` of the chunks (each with its number's chunk), and whether English could say it. */
function factors(scan: Scan, chunks: readonly Chunk[]): { n: Chunk; atom: Candidate; english: boolean }[] {
  const out: { n: Chunk; atom: Candidate; english: boolean }[] = [];
  for (let k = 0; k + 2 < chunks.length; k += 1) {
    const [n, op, next] = [chunks[k], chunks[k + 1], chunks[k + 2]];
    if (!n || !op || !next || n.b - n.a !== 1 || n.suffix !== 'none' || op.prefixText || op.b - op.a !== 1 || next.verdict !== 'text')
      continue;
    const num = scan.head(n.units[n.a]);
    const times = scan.head(op.units[op.a]);
    if (num?.kind !== 'num' || times?.text !== 'times' || n.verdict !== 'weak' || op.verdict !== 'weak') continue;
    const english = op.suffix !== 'none' || next.prefixText || !noun(scan, next);
    out.push({ n, atom: { s: num.s, e: times.e, tex: `${num.text}\\times`, rules: [NAME] }, english });
  }
  return out;
}

/**
 * `16 times fewer`, `2.3 times faster`: a number, then `times` alone, then prose. English says it
 * too ("3 times faster"), so only where the paragraph has math elsewhere: there the dev corpus
 * shows it written `$16\times$` four times out of five. Without other math, where English could
 * not say it: before a noun ("a 100 times compression", "16 times storage reduction"): English
 * multiplies a comparative ("3 times faster", "fewer", "more"), a verb ("rises 3.4 times") or a
 * noun phrase with its article ("3 times the cost"), and writes a factor before a noun as "N-fold".
 * Such a factor is the paragraph's math too: its other factors are written as it is.
 */
export const numberTimes: SeedRule = {
  name: NAME,
  stage: 'seed',
  summary: 'a number before a lone times, in a paragraph with math',
  examples: [
    { text: 'With O(n) memory it is 2.3 times faster.', tex: ['O(n)', '2.3\\times'] },
    { text: 'It is 3 times faster.', tex: [] },
    { text: 'It gives a 100 times compression, then 3 times more data.', tex: ['100\\times', '3\\times'] },
    { text: 'It gives 3 times more data and 3 times the cost.', tex: [] },
  ],
  apply(scan, chunks) {
    const found = factors(scan, chunks);
    const math = chunks.some((c) => c.verdict === 'strong' || c.atom !== undefined) || found.some((f) => !f.english);
    for (const f of found) if (math || !f.english) f.n.atom = f.atom;
  },
};
