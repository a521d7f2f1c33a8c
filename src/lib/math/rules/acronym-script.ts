import type { Chunk, Unit } from '../chunk.ts';
import type { Scan } from '../scan.ts';
import type { CutRule } from './rule.ts';

const acronym = (scan: Scan, u: Unit | undefined): boolean =>
  !u?.group && scan.word(u)?.kind === 'vars' && /^[A-Z]{3,}$/.test(scan.head(u)?.text ?? '');

/** A relation sign or command alone, as a unit (`=`, `<`, `leq`, `approx`). */
function isRelation(scan: Scan, u: Unit | undefined): boolean {
  if (scan.isSym(u, '=<>')) return true;
  const w = scan.word(u);
  return w?.kind === 'cmds' && w.parts.length === 1 && w.parts[0]?.cmd?.cls === 'rel';
}

/**
 * Does a relation follow the script that ends at unit k: glued in the core (`FID_{10k}=3.2`), or
 * as the next chunk when the core ends the chunk with no punctuation (`FID_{10k} = 3.2`)?
 */
function beforeRelation(scan: Scan, c: Chunk, k: number): boolean {
  if (k < c.b) return isRelation(scan, c.units[k]);
  if (k < c.units.length) return false;
  const last = c.units[c.units.length - 1];
  if (!last) return false;
  let t = last.j + 1;
  while (scan.tokens[t]?.kind === 'ws') t += 1;
  const next = scan.tokens[t];
  if (!next || t === last.j + 1) return false;
  return isRelation(scan, { group: false, i: t, j: t }) && scan.tokens[t + 1]?.kind === 'ws';
}

/**
 * `CDI^s`, `BLM_1`, `ARB-LLM_RC`: a script on an acronym (three capitals or more) is a name's
 * mark, `CDI$^s$`: only the script is math, and it is math for sure. But an acronym with a script
 * before a relation is a quantity the relation states, `FID_{10k} = 3.2`: LaTeX writes the
 * relation's sides in one formula, so the acronym stays in it.
 */
export const acronymScript: CutRule & { inside(scan: Scan, u: Unit): number | undefined } = {
  name: 'acronym-script',
  stage: 'cut',
  summary: 'a script on an acronym is the formula, the acronym prose',
  examples: [
    { text: 'CDI^s and BLM_1 models', tex: ['^s', '_1'] },
    { text: 'the Boundless Large Model (BLM_1), and (CDI^s)', tex: ['_1', '^s'] },
    { text: 'a score FID_{10k} = 3.2 and BLM_1 = 4 of CDI^s models', tex: ['FID_{10k} = 3.2', 'BLM_1 = 4', '^s'] },
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
      if (acronym(scan, u) && scan.isSym(c.units[k + 1], '^_') && scan.scriptArg(c.units[k + 2]) && !beforeRelation(scan, c, k + 3)) {
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
