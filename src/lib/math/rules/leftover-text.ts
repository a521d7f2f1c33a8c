import type { EvidenceRule } from './rule.ts';

/**
 * `text{simu}`: a text command glued to its brace group survives the damage only nested in a
 * braced command that was lost (`\underline{\text{simu}}`), so it is a formula, and a trace of
 * the loss, whatever its words (the grouping itself: Scan.leftoverText).
 */
export const leftoverText: EvidenceRule = {
  name: 'leftover-text',
  stage: 'evidence',
  summary: 'a text command with its braces: what a lost command left',
  examples: [{ text: 'the text{simu} score', tex: ['\\text{simu}'] }],
  holds(scan, core, k) {
    const u = core[k];
    return u !== undefined && u.group && scan.leftoverText(u.i, u.j);
  },
};
