import type { Unit } from '../chunk.ts';
import type { AtomRule } from './rule.ts';

/**
 * What stands either side: a number with a short unit (`2D`, `7B`, `720p`, `10`), an acronym
 * (`RGB`), a capital letter. Not a lower-case letter: English words are made so ("stop", "atom").
 */
const SIDE = '(?:[0-9][0-9.]*[A-Za-z]{0,3}|[A-Z]{1,5})';
/** The glued operators no English word holds between such sides: `to`, `times` and the arrows. */
const GLUED = new RegExp(`^(${SIDE})(to|times|rightarrow|leftarrow|leftrightarrow|Rightarrow|mapsto)(${SIDE})$`);
const OPERAND = /^(?:[0-9][0-9.]*|[A-Z])$/;

/**
 * `2Dto3D`, `7Bto70B`, `720pto1080p`, `RGBtimesD`, `NtimesN`: an operator glued between two
 * short names, numbers or letters, with no blank. English glues no word so (a word with "to" in
 * it has lower-case letters before it: "photo", "Toronto"), so it was math: between two
 * variables or numbers the whole product or map (`$N\times N$`, as LaTeX writes it), between
 * names the operator alone (`2D$\to$3D`). Two numbers are glued-numbers' (`10times10`).
 */
export const operatorBetweenNames: AtomRule & { holds(word: string): boolean } = {
  name: 'operator-between-names',
  stage: 'atom',
  summary: 'an operator glued between two short names or letters is math',
  examples: [
    { text: 'lifting 2Dto3D from 7Bto70B models on an NtimesN grid', tex: ['\\to', '\\to', 'N\\times N'] },
    { text: 'a photo3 of Toronto5 and sometimesA: stop the atom', tex: [] },
  ],
  /** Could this word (one token, read as English) be such a run? Asked before a chunk is let go as prose. */
  holds(word) {
    return (word.includes('to') || word.includes('times') || word.includes('arrow')) && GLUED.test(word);
  },
  find(scan, c) {
    const first = c.units[c.a];
    const last = c.units[c.b - 1];
    if (!first || !last || c.b - c.a > 4) return undefined;
    const s = scan.tok((first as Unit).i).s;
    const e = scan.tok((last as Unit).j).e;
    const m = GLUED.exec(scan.text.slice(s, e));
    if (!m) return undefined;
    const [, left = '', op = '', right = ''] = m;
    if (/^[0-9.]+$/.test(left) && /^[0-9.]+$/.test(right)) return undefined;
    if (OPERAND.test(left) && OPERAND.test(right)) return { s, e, tex: `${left}\\${op} ${right}`, rules: [this.name] };
    const at = s + left.length;
    return { s: at, e: at + op.length, tex: `\\${op}`, rules: [this.name] };
  },
};
