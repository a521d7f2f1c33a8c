import { COMMANDS } from '../commands.ts';
import type { SeedRule } from './rule.ts';

/**
 * `(5.69 rightarrow 4.75)`: an arrow written alone between two numbers reports a change; the
 * authors put only the arrow in dollars (`5.69 $\rightarrow$ 4.75`, as the dev corpus has it),
 * so the numbers stay prose. Not `to`: "from 3 to 5" is English.
 */
export const arrowBetweenNumbers: SeedRule = {
  name: 'arrow-between-numbers',
  stage: 'seed',
  summary: 'an arrow alone between numbers is the formula, the numbers prose',
  examples: [
    { text: 'NoC drops (5.69 rightarrow 4.75) and IoU (58.0 rightarrow 73.1).', tex: ['\\rightarrow', '\\rightarrow'] },
    { text: 'It rises (83.2% rightarrow 91.6%), from 3% to 5%.', tex: ['\\rightarrow'] },
  ],
  apply(scan, chunks) {
    // In parentheses the three are one bracket group: `(5.69 rightarrow 4.75)`.
    for (const c of chunks) {
      const u = c.units[c.a];
      if (c.b - c.a !== 1 || !u?.group || u.j - u.i !== 6 || c.verdict !== 'strong') continue;
      const [n1, w1, arrow, w2, n2] = [1, 2, 3, 4, 5].map((d) => scan.tok(u.i + d));
      if (
        n1?.kind !== 'num' ||
        w1?.kind !== 'ws' ||
        w2?.kind !== 'ws' ||
        n2?.kind !== 'num' ||
        arrow?.kind !== 'word' ||
        !/arrow$/.test(arrow.text) ||
        arrow.info?.parts.length !== 1
      )
        continue;
      c.atom = { s: arrow.s, e: arrow.e, tex: `\\${arrow.text}`, rules: [this.name] };
      c.verdict = 'text';
      c.rule = undefined;
    }
    for (let k = 1; k + 1 < chunks.length; k += 1) {
      const [left, mid, right] = [chunks[k - 1], chunks[k], chunks[k + 1]];
      if (!left || !mid || !right || left.suffix !== 'none' || mid.suffix !== 'none' || mid.prefixText || right.prefixText) continue;
      if (!mid.operatorOnly || mid.opEng || mid.b - mid.a !== 1 || mid.verdict !== 'strong') continue;
      const arrow = scan.head(mid.units[mid.a]);
      const parts = scan.word(mid.units[mid.a])?.parts;
      if (!arrow || parts?.length !== 1 || !/arrow$/.test(arrow.text)) continue;
      const number = (c: typeof left, at: number): boolean => c.b - c.a === 1 && scan.head(c.units[at])?.kind === 'num';
      if (!number(left, left.a) || !number(right, right.a)) continue;
      mid.atom = { s: arrow.s, e: arrow.e, tex: `\\${arrow.text}`, rules: [this.name] };
      mid.verdict = 'text';
      mid.rule = undefined;
    }
    // Between percentages (`83.2% rightarrow 91.6%`, `47.5\\% rightarrow 67.5\\%`): the percent
    // sign is prose, so the three are no chunks of one run; the arrow alone, as above.
    for (const m of scan.text.matchAll(/\d\\?%\s+([A-Za-z]*arrow)\s+\d[\d.]*\\?%/g)) {
      const name = m[1] ?? '';
      const s = (m.index ?? 0) + m[0].indexOf(name);
      const cmd = COMMANDS.get(name);
      const c = chunks.find((x) => x.s <= s && x.e >= s + name.length);
      if (cmd === undefined || cmd.english || c === undefined || c.b - c.a !== 1) continue;
      c.atom = { s, e: s + name.length, tex: `\\${name}`, rules: [this.name] };
      c.verdict = 'text';
      c.rule = undefined;
    }
  },
};
