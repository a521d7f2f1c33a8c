import type { Unit } from '../chunk.ts';
import type { Scan } from '../scan.ts';
import type { CutRule } from './rule.ts';

const acronym = (scan: Scan, u: Unit | undefined): boolean =>
  !u?.group && scan.word(u)?.kind === 'vars' && /^[A-Z]{3,}$/.test(scan.head(u)?.text ?? '');

/**
 * `CDI^s`, `BLM_1`, `ARB-LLM_RC`: a script on an acronym (three capitals or more) is a name's
 * mark, `CDI$^s$`: only the script is math, and it is math for sure.
 */
export const acronymScript: CutRule & { inside(scan: Scan, u: Unit): number | undefined } = {
  name: 'acronym-script',
  stage: 'cut',
  summary: 'a script on an acronym is the formula, the acronym prose',
  examples: [
    { text: 'CDI^s and BLM_1 models', tex: ['^s', '_1'] },
    { text: 'the Boundless Large Model (BLM_1), and (CDI^s)', tex: ['_1', '^s'] },
  ],
  /** In a parenthesised group, `(BLM_1)`: the token the formula starts at, or undefined. */
  inside(scan: Scan, u: Unit): number | undefined {
    const t = scan.tokens[u.i + 1];
    const mark = scan.tokens[u.i + 2];
    if (
      t?.kind !== 'word' ||
      t.info?.kind !== 'vars' ||
      !/^[A-Z]{3,}$/.test(t.text) ||
      mark?.kind !== 'sym' ||
      (mark.text !== '^' && mark.text !== '_')
    )
      return undefined;
    return scan.tokenArg(u.i + 3) && u.i + 3 < u.j ? u.i + 2 : undefined;
  },
  cut(scan, c) {
    for (let k = c.a; k + 2 < c.b; k += 1) {
      const u = c.units[k];
      if (acronym(scan, u) && scan.isSym(c.units[k + 1], '^_') && scan.scriptArg(c.units[k + 2])) {
        c.a = k + 1;
        c.prefixText = true;
        c.rule = this.name;
        return true;
      }
      if (!acronym(scan, u) && !scan.isSym(u, '-')) break;
    }
    return false;
  },
};
