import type { EvidenceRule } from './rule.ts';

/** Longest content read between two bars (`|x|`, `|S_t|`, `|z|-1`); a longer run is prose. */
const MAX_CONTENT = 12;

/**
 * `|x|`, `|S|`, `||z|-1|`: two bars glued around a short run with no blank were an absolute value,
 * a set's size or a norm: English sets no word between bars (the corpus's prose has none, its
 * formulas five). The content is letters, digits, signs or commands, not a blank; the bars are
 * not glued to a word outside (`a|b|c` is a list of names).
 */
export const barPair: EvidenceRule = {
  name: 'bar-pair',
  stage: 'evidence',
  summary: 'two bars glued around a short run are an absolute value or a size',
  examples: [
    { text: 'the size |S| of the set and the value ||z|-1| here', tex: ['|S|', '||z|-1|'] },
    { text: 'options a|b|c and a pipe | here', tex: [] },
  ],
  holds(scan, core, k) {
    const open = core[k];
    if (!open || open.group || !scan.isSym(open, '|')) return false;
    const left = scan.tokens[open.i - 1];
    if (left?.kind === 'word' && left.e === scan.tok(open.i).s) return false;
    for (let j = k + 1; j < core.length; j += 1) {
      const u = core[j];
      if (!u) return false;
      if (!u.group && scan.isSym(u, '|')) {
        if (j === k + 1) return false;
        const s = scan.tok(open.i).e;
        const e = scan.tok(u.i).s;
        const inside = scan.text.slice(s, e);
        const right = scan.tokens[u.i + 1];
        if (right?.kind === 'word' && right.s === scan.tok(u.i).e && !/^[_^]/.test(scan.text.slice(scan.tok(u.i).e))) return false;
        return e - s <= MAX_CONTENT && !/\s/.test(inside) && /[A-Za-z0-9]/.test(inside);
      }
    }
    return false;
  },
};
