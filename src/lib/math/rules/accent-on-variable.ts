import { operandPairs } from './operator-operand.ts';
import { seal, type SeedRule } from './rule.ts';

/**
 * `hat P`, `tilde x`, `bar theta`: an accent command written before a lone variable puts the
 * accent on it; its braces were not needed, so the damage left the space. English "hat" or
 * "bar" is not followed by a lone letter ("a", "A", "I" aside).
 */
export const accentOnVariable: SeedRule = {
  name: 'accent-on-variable',
  stage: 'seed',
  summary: 'an accent before a lone variable',
  examples: [
    { text: 'its truncation hat P and the mean bar x', tex: ['\\hat P', '\\bar x'] },
    { text: 'a red hat a day', tex: [] },
  ],
  apply(scan, chunks) {
    for (const [fn, arg, x] of operandPairs(scan, chunks)) {
      const parts = scan.word(fn.units[fn.a])?.parts;
      if (parts?.length !== 1 || parts[0]?.cmd?.cls !== 'accent' || arg.b - arg.a !== 1) continue;
      if (x === 'letter' || x === 'lower' || x === 'greek') {
        seal(fn, this.name);
        seal(arg, this.name);
      }
    }
  },
};
