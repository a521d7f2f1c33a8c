import { isArticleLike } from '../words.ts';
import type { Candidate } from '../scan.ts';
import { coveredBy } from './covered.ts';
import type { ParagraphRule } from './rule.ts';

/**
 * A name this paragraph uses in a formula is a symbol elsewhere in it too: after `O(log T)`,
 * "in T steps" is `$T$` steps; after `kappa = L/mu`, "a factor of kappa" is `$\kappa$`; after
 * `O(k^2)`, "k-means" and "Top-k" are `$k$-means`, `Top-$k$` (the letter of a compound is the
 * paragraph's variable: the dev corpus writes it so). Only lone letters (not a, A, I) and Greek names.
 */
export const paragraphSymbol: ParagraphRule = {
  name: 'paragraph-symbol',
  stage: 'paragraph',
  summary: 'a letter or Greek name that a formula of the paragraph uses',
  examples: [
    { text: 'O(log T) regret in T steps', tex: ['O(\\log T)', 'T'] },
    { text: 'with kappa = L/mu, a factor of kappa', tex: ['\\kappa = L/\\mu', '\\kappa'] },
    { text: 'in O(k^2) time, k-means beats Top-k and the x-axis', tex: ['O(k^2)', 'k', 'k'] },
  ],
  apply(scan, chunks, out) {
    const formulas = out.filter((f) => f.tex === undefined);
    const symbols = new Set<string>();
    let f = 0;
    for (const t of scan.tokens) {
      while ((formulas[f]?.e ?? Infinity) <= t.s) f += 1;
      const current = formulas[f];
      if (!current || t.s < current.s || t.kind !== 'word' || !t.info) continue;
      const greek = t.info.kind === 'cmds' && t.info.parts.length === 1 && t.info.parts[0]?.cmd?.cls === 'greek';
      if ((t.info.kind === 'letter' && !isArticleLike(t.text)) || greek) symbols.add(t.text);
    }
    if (symbols.size === 0) return [];
    const added: Candidate[] = [];
    const covered = coveredBy(out);
    for (const c of chunks) {
      const u = c.units[c.a];
      const t = scan.head(u);
      if (c.verdict !== 'weak' || c.b - c.a !== 1 || !u || u.group || !t || !symbols.has(t.text) || covered(t.s)) continue;
      if (t.info?.kind !== 'letter' && t.info?.kind !== 'cmds') continue;
      // (A capital hyphenated to a capitalised word is a name: "ARB-X", "GPT-J", "L-BFGS", "U-Net".)
      if (
        c.hyphenated &&
        /^[A-Z]$/.test(t.text) &&
        (/[A-Z]-$/.test(scan.text.slice(t.s - 2, t.s)) || /^-[A-Z]/.test(scan.text.slice(t.e, t.e + 2)))
      )
        continue;
      // (A letter naming an axis is English: "the x-axis".)
      if (c.hyphenated && /^ax[ie]s\b/.test(scan.text.slice(t.e + 1, t.e + 6))) continue;
      added.push({ s: t.s, e: t.e, tex: undefined, rules: [this.name] });
    }
    return added;
  },
};
