/**
 * `212muW`, `8.79muW`, `5mum`, `3mus`: a number glued to `mu` and a unit's letter was
 * `212$\mu$W`: the micro sign alone is the formula, the number and the unit prose. So is
 * `5 mum`, a blank after the number (`5 $\mu$m`). The tokenizer asks this (tokens.ts) as it
 * reads the run.
 */
export const microUnit = {
  name: 'micro-unit',
  stage: 'atom' as const,
  summary: 'mu between a number and a unit letter is the micro sign',
  examples: [
    { text: 'it draws 212muW on a 5mum chip', tex: ['\\mu', '\\mu'] },
    { text: 'the 3mux design', tex: [] },
    { text: 'a 5 mum pixel pitch and 20 mus latency; my mum', tex: ['\\mu', '\\mu'] },
  ],
  /** Is the letter run after the number `mu` and a unit (W, m, s, g, A, V, L, J, F, Hz)? */
  holds(letters: string): boolean {
    return /^mu(W|m|s|g|A|V|L|J|F|Hz|mol)$/.test(letters);
  },
};
