import type { EvidenceRule } from './rule.ts';

/** `B_L`, `x^2`, `|Ax-b|_2`, `C^star`: a sub- or superscript on a math base. */
export const script: EvidenceRule = {
  name: 'script',
  stage: 'evidence',
  summary: 'a sub- or superscript on a math base',
  examples: [
    { text: 'the norm B_L and x^2 and C^star', tex: ['B_L', 'x^2', 'C^\\star'] },
    { text: 'snake_case names', tex: [] },
    // (The set glued after its relation, `x\\in\\mathbb{R}^d` damaged, is a base too.)
    { text: 'for xinR^d and WinR^{dtimes k}', tex: ['x\\in\\mathbb{R}^d', 'W\\in\\mathbb{R}^{d\\times k}'] },
  ],
  holds(scan, core, k) {
    const u = core[k];
    if (!u || u.group || !scan.isSym(u, '^_')) return false;
    return scan.scriptBase(core[k - 1]) && scan.scriptArg(core[k + 1]);
  },
};
