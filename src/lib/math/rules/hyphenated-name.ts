import type { VetoRule } from './rule.ts';

/**
 * `Chain-Sigma`, `Hyb-Agg`: a capitalised word hyphenated after an English one is the rest of a
 * name, whatever it could be alone.
 */
export const hyphenatedName: VetoRule = {
  name: 'hyphenated-name',
  stage: 'veto',
  summary: 'a capitalised word hyphenated after an English one is part of a name',
  examples: [{ text: 'the Chain-Sigma prompt and the Multi-Lambda head', tex: [] }],
  chunk(scan, c) {
    const rest = scan.head(c.units[c.a]);
    return c.hyphenated && c.prefixText && rest?.kind === 'word' && /^[A-Z][a-z]{2,}$/.test(rest.text);
  },
};
