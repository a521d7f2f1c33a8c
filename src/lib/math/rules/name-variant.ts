import type { AtomRule } from './rule.ts';

/**
 * `PixArt-alpha`, `FuXi-beta`, `GRPO-lambda`: a lower-case Greek name hyphenated after a name
 * (a word with a capital) ends the name as the letter, `PixArt-$\\alpha$`, where English would
 * hyphenate a lower-case word ("amyloid-beta"). The name stays prose.
 */
export const nameVariant: AtomRule = {
  name: 'name-variant',
  stage: 'atom',
  summary: 'a lower-case Greek name hyphenated after a name is the letter (PixArt-alpha)',
  examples: [
    { text: 'we scale PixArt-alpha and GRPO-lambda, not amyloid-beta', tex: ['\\alpha', '\\lambda'] },
    { text: 'the FuXi-beta model and a Sigma-Delta one', tex: ['\\beta'] },
  ],
  find(scan, c) {
    if (c.b - c.a !== 3) return undefined;
    const [name, dash, g] = [c.units[c.a], c.units[c.a + 1], c.units[c.a + 2]];
    const parts = scan.word(g)?.parts;
    const cmd = parts?.length === 1 ? parts[0]?.cmd : undefined;
    const t = scan.head(g);
    if (!t || cmd?.cls !== 'greek' || !/^[a-z]/.test(t.text) || !scan.isSym(dash, '-') || name?.group) return undefined;
    const n = scan.head(name);
    if (n?.kind !== 'word' || !/[A-Z]/.test(n.text) || !/^[A-Za-z]{2,}$/.test(n.text)) return undefined;
    // (Not inside a longer compound: "X-Y-alpha".)
    if (scan.text.charAt(n.s - 1) === '-') return undefined;
    return { s: t.s, e: t.e, tex: `\\${t.text}`, rules: [this.name] };
  },
};
