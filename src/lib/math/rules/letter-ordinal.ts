import { isArticleLike } from '../words.ts';
import type { AtomRule } from './rule.ts';

/**
 * `i-th`, `d-dimensional`: a letter as an ordinal or a dimension is `$i$-th`, `$d$-dimensional`
 * (not "a", "A", "I"; not `x-axis`, where the letter names the axis in English).
 */
export const letterOrdinal: AtomRule = {
  name: 'letter-ordinal',
  stage: 'atom',
  summary: 'a letter before -th or -dimensional is a variable',
  examples: [
    { text: 'the i-th layer of a d-dimensional space', tex: ['i', 'd'] },
    { text: 'along the x-axis', tex: [] },
  ],
  find(scan, c) {
    if (c.b - c.a !== 3) return undefined;
    const [x, dash, suffix] = [c.units[c.a], c.units[c.a + 1], c.units[c.a + 2]];
    const letter = scan.head(x);
    const tail = scan.head(suffix);
    if (scan.word(x)?.kind !== 'letter' || !letter || isArticleLike(letter.text) || !scan.isSym(dash, '-') || !tail || suffix?.group)
      return undefined;
    if (tail.text !== 'th' && tail.text !== 'dimensional') return undefined;
    return { s: letter.s, e: letter.e, tex: letter.text, rules: [this.name] };
  },
};
