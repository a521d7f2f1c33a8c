import { PREFIX_RELATIONS } from '../lexicon.ts';
import type { RuleExample } from './rule.ts';

/**
 * `sim3`, `sim50`, `pm5`, `times2`: a relation glued before a number (the command table's
 * `before-num` role), a sign, or a factor (`times2` is "×2", whole: no English glues "times"
 * to a number); the relation is the formula, a whole number stays prose ("$\sim$3
 * billion"), a decimal goes in with it (`$\approx0.814$`: a measured value, in the dev corpus
 * always inside the dollars); with a unit after it (`sim45M`), the relation alone. "5pm" is a time and stays a name. The tokenizer asks this
 * (tokens.ts), as it reads the run.
 */
export const relationGluedToNumber = {
  name: 'relation-glued-to-number',
  stage: 'atom' as const,
  summary: 'a relation or sign glued before a number is the formula',
  examples: [
    { text: 'costs sim3 billion and pm5 more', tex: ['\\sim', '\\pm'] },
    { text: 'a mean CKA approx0.814 and pm0.1 points', tex: ['\\approx0.814', '\\pm0.1'] },
    { text: 'trained on sim45M frames, approx300mW and geq2K images', tex: ['\\sim', '\\approx', '\\geq'] },
    { text: 'meet at 5pm', tex: [] },
    { text: 'a speedup of times2 over it', tex: ['\\times2'] },
    { text: 'improvements of 2%sim5% across', tex: ['2\\%\\sim5\\%'] },
  ] as readonly RuleExample[],
  /** Does the letter run before a number make this atom? */
  holds(letters: string): boolean {
    return PREFIX_RELATIONS.has(letters) || letters === 'pm' || letters === 'mp' || letters === 'times';
  },
  /** Does the number go in the formula? (A factor always: `times2` is `$\times2$`, "×2".) */
  takesNumber(number: string, letters = ''): boolean {
    return number.includes('.') || letters === 'times';
  },
};
