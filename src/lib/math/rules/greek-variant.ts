import type { AtomRule } from './rule.ts';

/**
 * `alpha-MAML`, `beta-VAE`, `lambda-MDP`: a Greek letter hyphenated before an acronym names the
 * variant of a method that the letter parameterises, written `$\beta$-VAE`. Even a Greek name
 * that is also English ("alpha", "beta") is the letter there, as before a plural acronym
 * (`delta-SRs`), a CamelCase name (`alpha-ReQ`) or a letter (`alpha-k-bounded`): English hyphenates it before
 * words ("alpha-synuclein", "beta-blocker"), and a capitalised name is a product ("Delta-LoRA").
 */
export const greekVariant: AtomRule = {
  name: 'greek-variant',
  stage: 'atom',
  summary: 'a Greek letter hyphenated before an acronym is the letter (alpha-MAML)',
  examples: [
    { text: 'a weighted variant, alpha-MAML, beside beta-VAE', tex: ['\\alpha', '\\beta'] },
    { text: 'small delta-SRs, alpha-ReQ decay and alpha-k-bounded text', tex: ['\\delta', '\\alpha', '\\alpha'] },
    { text: 'misfolded alpha-synuclein and Delta-LoRA', tex: [] },
  ],
  find(scan, c) {
    if (c.b - c.a < 3) return undefined;
    const [g, dash, name] = [c.units[c.a], c.units[c.a + 1], c.units[c.a + 2]];
    const parts = scan.word(g)?.parts;
    const cmd = parts?.length === 1 ? parts[0]?.cmd : undefined;
    const t = scan.head(g);
    if (!t || cmd?.cls !== 'greek' || !/^[a-z]/.test(t.text) || !scan.isSym(dash, '-') || name?.group) return undefined;
    // (An acronym, perhaps plural, `delta-SRs`; a CamelCase name, `alpha-ReQ`; or a letter
    // hyphenated on, `alpha-k-bounded`.)
    const next = scan.head(name)?.text ?? '';
    const letter = /^[a-z]$/.test(next) && scan.isSym(c.units[c.a + 3], '-');
    if (!/^[A-Z][A-Z0-9]+s?$/.test(next) && !/^[A-Z][a-z]+[A-Z][A-Za-z0-9]*$/.test(next) && !letter) return undefined;
    return { s: t.s, e: t.e, tex: `\\${t.text}`, rules: [this.name] };
  },
};
