import { spacingGroup as spacing } from '../incomplete.ts';
import type { EvidenceRule } from './rule.ts';

/**
 * `N{=}1`, `{\sim}1000`: a brace group of one operator is how TeX sets it without its spacing,
 * and the damage kept the braces. No prose has it, but for the thousands comma (`5{,}000`),
 * which prose TeX groups as well.
 */
export const spacingGroup: EvidenceRule = {
  name: 'spacing-group',
  stage: 'evidence',
  summary: 'a brace group of one operator (N{=}1, {sim}1000)',
  examples: [{ text: 'at N{=}1 with only {sim}1000 weights and 5{,}000 samples', tex: ['N{=}1', '{\\sim}1000'] }],
  holds(scan, core, k) {
    const u = core[k];
    if (!u?.group || scan.tok(u.i).text !== '{' || u.j < u.i + 2) return false;
    // (Not `5{,}000`: prose TeX groups a thousands comma so too.)
    const inside = scan.text.slice(scan.tok(u.i).e, scan.tok(u.j).s);
    return inside !== ',' && spacing(inside);
  },
};
