import { COMMANDS } from '../commands.ts';
import type { AtomRule } from './rule.ts';

/** Lower-case Greek names that are no English word (`mu`, `eta`, `pi`), longest first. */
const NAMES: readonly string[] = [...COMMANDS.values()]
  .filter((c) => c.cls === 'greek' && /^[a-z]/.test(c.name) && !c.english)
  .map((c) => c.name)
  .sort((a, b) => b.length - a.length);
const GLUED = new RegExp(`^(${NAMES.join('|')})([A-Z]{1,3})$`);

/**
 * `muP`, `muA`, `Depth-muP` were `$\mu$P`: a lower-case Greek name glued before one to three
 * capitals names a method after the letter (μP, the maximal update parametrization); only the
 * letter is math. No English word is made so; a name with lower case after its capital
 * ("nuScenes") is a name and stays prose.
 */
export const greekBeforeCapital: AtomRule = {
  name: 'greek-before-capital',
  stage: 'atom',
  summary: 'a lower-case Greek name glued before capitals is the letter (muP)',
  examples: [
    { text: 'we use muP, a Depth-muP variant and muA (muP) on nuScenes', tex: ['\\mu', '\\mu', '\\mu', '\\mu'] },
    { text: 'the nuScenes set and a piano', tex: [] },
  ],
  find(scan, c) {
    for (let k = c.a; k < c.b; k += 1) {
      const u = c.units[k];
      // (Alone, in brackets, `(muP)`, or the last part of a hyphenated name.)
      const t = u?.group && u.j - u.i === 2 ? scan.tok(u.i + 1) : u?.group ? undefined : scan.head(u);
      if (!u || t?.kind !== 'word' || (k > c.a && !scan.isSym(c.units[k - 1], '-')) || k + 1 < c.b) continue;
      // (Most words end in lower case: no need to ask the pattern.)
      const last = t.text.charCodeAt(t.text.length - 1);
      if (last < 65 || last > 90) continue;
      const m = GLUED.exec(t.text);
      if (m) return { s: t.s, e: t.s + (m[1] ?? '').length, tex: `\\${m[1] ?? ''}`, rules: [this.name] };
    }
    return undefined;
  },
};
