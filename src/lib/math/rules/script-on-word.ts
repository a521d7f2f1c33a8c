import type { Unit } from '../chunk.ts';
import type { Scan } from '../scan.ts';
import type { CutRule } from './rule.ts';
import { isScriptLabel } from './script-label.ts';

/** A run of letters that no script takes as its base in TeX's reading here: a word, a mixed-case name. */
const wordBase = (scan: Scan, u: Unit | undefined): boolean =>
  u !== undefined && !u.group && scan.head(u)?.kind === 'word' && /^[A-Za-z]{2,}$/.test(scan.head(u)?.text ?? '') && !scan.scriptBase(u);

/**
 * `Acc_{top1}`, `SelfCap_{LR}`, `Raspi^{2}`: a brace group glued after `_` or `^` stood in math
 * (the damage keeps `\_` and `\^` in prose: script-label), and glued to a word it was the word's
 * mark, `Acc$_{top1}$`: LaTeX writers set the word in prose and only the script in math (the dev
 * corpus has 47 such, and no word inside the dollars). The word is cut off; the script stays.
 */
export const scriptOnWord: CutRule = {
  name: 'script-on-word',
  stage: 'cut',
  summary: 'a labelled script glued to a word is the formula, the word prose',
  examples: [
    { text: 'we report Acc_{top1} of SelfCap_{LR} models', tex: ['_{top1}', '_{LR}'] },
    { text: 'the snake_case name and a_{very long label with blanks}', tex: [] },
  ],
  cut(scan, c) {
    for (let k = c.a; k + 2 < c.b; k += 1) {
      const [u, mark, arg] = [c.units[k], c.units[k + 1], c.units[k + 2]];
      if (wordBase(scan, u) && scan.isSym(mark, '^_') && arg?.group === true && isScriptLabel(scan, arg.i, arg.j)) {
        c.a = k + 1;
        c.prefixText = true;
        c.rule = this.name;
        return true;
      }
      if (k === c.a) break;
    }
    return false;
  },
};
