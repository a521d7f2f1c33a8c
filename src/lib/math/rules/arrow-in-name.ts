import { COMMANDS } from '../commands.ts';
import type { AtomRule } from './rule.ts';

/** Arrow names (rel commands named `...arrow`), longest first so `leftrightarrow` wins over `rightarrow`. */
const ARROWS: readonly string[] = [...COMMANDS.keys()]
  .filter((n) => COMMANDS.get(n)?.cls === 'rel' && /arrow$/.test(n))
  .sort((a, b) => b.length - a.length);
const ARROW_IN = new RegExp(`(${ARROWS.join('|')})`);

/**
 * `imagerightarrowquestion`, `FIDdownarrow`, `Enleftrightarrow`: an arrow glued to words was
 * `$\rightarrow$` between them (the damage took its dollars and backslash, not its letters).
 * No English word holds an arrow's name, so wherever a run of letters that reads as no formula
 * holds one, the arrow alone is the formula and the words around it stay prose.
 */
export const arrowInName: AtomRule = {
  name: 'arrow-in-name',
  stage: 'atom',
  summary: 'an arrow glued inside a word is the formula, the words prose',
  examples: [
    {
      text: 'tasks like imagerightarrowquestion-answer and FIDdownarrow on Enleftrightarrow De',
      tex: ['\\rightarrow', '\\downarrow', '\\leftrightarrow'],
    },
    { text: 'the arrowhead and narrowest sparrow', tex: [] },
  ],
  find(scan, c) {
    for (let k = c.a; k < c.b; k += 1) {
      const t = scan.isEnglish(c.units[k]) ? scan.head(c.units[k]) : undefined;
      const m = t && /^[A-Za-z]+$/.test(t.text) ? ARROW_IN.exec(t.text) : null;
      if (!t || !m || m.index === undefined) continue;
      const s = t.s + m.index;
      return { s, e: s + (m[1] ?? '').length, tex: `\\${m[1]}`, rules: [this.name] };
    }
    return undefined;
  },
};
