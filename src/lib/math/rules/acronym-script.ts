import type { Unit } from '../chunk.ts';
import type { CutRule } from './rule.ts';

/**
 * `CDI^s`, `BLM_1`, `ARB-LLM_RC`: a script on an acronym (three capitals or more) is a name's
 * mark, `CDI$^s$`: only the script is math, and it is math for sure.
 */
export const acronymScript: CutRule = {
  name: 'acronym-script',
  stage: 'cut',
  summary: 'a script on an acronym is the formula, the acronym prose',
  examples: [{ text: 'CDI^s and BLM_1 models', tex: ['^s', '_1'] }],
  cut(scan, c) {
    const acronym = (u: Unit | undefined): boolean => !u?.group && scan.word(u)?.kind === 'vars' && /^[A-Z]{3,}$/.test(scan.head(u)?.text ?? '');
    for (let k = c.a; k + 2 < c.b; k += 1) {
      const u = c.units[k];
      if (acronym(u) && scan.isSym(c.units[k + 1], '^_') && scan.scriptArg(c.units[k + 2])) {
        c.a = k + 1;
        c.prefixText = true;
        c.rule = this.name;
        return true;
      }
      if (!acronym(u) && !scan.isSym(u, '-')) break;
    }
    return false;
  },
};
