import type { EvidenceRule } from './rule.ts';

/**
 * `10sim100times`, `100times`, `nle4`: numbers glued to relations or operators (the tokenizer
 * marks them, tokens.ts). Prose glues no command name to a number.
 */
export const gluedNumbers: EvidenceRule = {
  name: 'glued-numbers',
  stage: 'evidence',
  summary: 'numbers glued to relations or operators',
  examples: [
    { text: 'it is 10sim100times faster', tex: ['10\\sim100\\times'] },
    { text: 'when nle4 and kgeq2 hold', tex: ['n\\le4', 'k\\geq2'] },
    { text: 'up to sim20times smaller', tex: ['\\sim20\\times'] },
  ],
  holds(scan, core, k) {
    const u = core[k];
    return u !== undefined && !u.group && scan.tok(u.i).glue;
  },
};
