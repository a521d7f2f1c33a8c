import { COMMANDS } from '../commands.ts';
import type { AtomRule } from './rule.ts';

/** Capital Greek names the restorer writes (`Delta`, `Sigma`, `Phi`), longest first. */
const CAPITALS: readonly string[] = [...COMMANDS.values()]
  .filter((c) => c.cls === 'greek' && /^[A-Z]/.test(c.name))
  .map((c) => c.name)
  .sort((a, b) => b.length - a.length);
const GLUED = new RegExp(`^(${CAPITALS.join('|')})((?:[a-z]?[A-Z][A-Za-z0-9]*){2,})$`);

/**
 * `DeltaAP`, `DeltamIoU`, `DeltaImageReward` were `$\Delta$AP`: a capital Greek name glued before
 * a metric's name, an acronym with two capitals or more, is the change in it; only the letter is
 * math. A name with one capital after the letter is a product's or a model's (`DeltaNet`,
 * `PhiNet`), and stays prose.
 */
export const greekBeforeAcronym: AtomRule & { holds(word: string): boolean } = {
  name: 'greek-before-acronym',
  stage: 'atom',
  summary: 'a capital Greek name glued before an acronym is the letter, the acronym prose',
  examples: [
    { text: 'gains of DeltaAP and DeltamIoU, with DeltaImageReward', tex: ['\\Delta', '\\Delta', '\\Delta'] },
    { text: 'the DeltaNet model and PhiNet', tex: [] },
  ],
  /** Could this word (read as English) be such a run? Asked before a chunk is let go as prose. */
  holds(word) {
    return /^[A-Z][a-z]+[a-z]?[A-Z]/.test(word) && GLUED.test(word);
  },
  find(scan, c) {
    if (c.b - c.a !== 1) return undefined;
    const t = scan.head(c.units[c.a]);
    const m = t?.kind === 'word' ? GLUED.exec(t.text) : null;
    if (!t || !m) return undefined;
    const name = m[1] ?? '';
    return { s: t.s, e: t.s + name.length, tex: `\\${name}`, rules: [this.name] };
  },
};
