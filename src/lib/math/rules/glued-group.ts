import { spacingGroup } from '../incomplete.ts';
import { isArticleLike } from '../words.ts';
import type { EvidenceRule } from './rule.ts';

/**
 * A brace group glued to a number or a symbol: `1{2}` from `\frac{1}{2}`, `epsilon{d}` from
 * `\frac{\epsilon}{\sqrt{d}}`, `4(1-T){T}`. No prose has it; a lost two-argument command leaves
 * it (incomplete.ts), and the formula is written and marked incomplete.
 */
export const gluedGroup: EvidenceRule = {
  name: 'glued-group',
  stage: 'evidence',
  summary: 'a brace group glued to a number or symbol: what a lost \\frac left',
  examples: [{ text: 'the 1{2} factor and the epsilon{d} term', tex: ['1\\{2\\}', '\\epsilon\\{d\\}'] }],
  holds(scan, core, k) {
    const u = core[k];
    const prev = core[k - 1];
    if (!u?.group || !prev || scan.tok(u.i).text !== '{' || u.j === u.i + 1) return false;
    // (A group of one operator is no argument: `N{=}1` is spacing-group's; `5{,}000` prose TeX's.)
    if (spacingGroup(scan.text.slice(scan.tok(u.i).e, scan.tok(u.j).s))) return false;
    // After a closing bracket too: `4(1-T){T}` from `\frac{4(1-T)}{T}`.
    if (prev.group) return scan.tok(prev.j).e === scan.tok(u.i).s && scan.tok(prev.j).text !== '}';
    const t = scan.tok(prev.i);
    if (t.e !== scan.tok(u.i).s) return false;
    if (t.kind === 'num') return true;
    const w = scan.word(prev);
    if (w?.kind === 'letter') return !isArticleLike(t.text);
    const cls = w?.kind === 'cmds' ? w.parts[w.parts.length - 1]?.cmd?.cls : undefined;
    return cls === 'greek' || cls === 'ord';
  },
};
