import { isArticleLike } from '../words.ts';
import { BIG_O_HEADS } from '../lexicon.ts';
import type { Unit } from '../chunk.ts';
import type { Scan } from '../scan.ts';
import type { EvidenceRule } from './rule.ts';

/** Is `u`, a `(` group, the argument of the unit before it: O(...), f(x), \sigma\left(...), \log(...)? */
function applied(scan: Scan, prev: Unit | undefined, u: Unit, before: Unit | undefined): boolean {
  if (!prev || scan.tok(u.i).text !== '(' || u.j === u.i + 1) return false;
  if (prev.group) {
    // `{O}(T)` from `{\mathcal{O}}(\sqrt{T})`.
    if (scan.tok(prev.i).text !== '{' || prev.j !== prev.i + 2) return false;
    const inner = scan.tok(prev.i + 1);
    return inner.kind === 'word' && (BIG_O_HEADS.has(inner.text) || inner.info?.kind === 'letter');
  }
  const t = scan.tok(prev.i);
  // `C'(R)`: a primed function.
  if (t.kind === 'sym' && t.text === "'") return scan.word(before)?.kind === 'letter' && !isArticleLike(scan.tok((before as Unit).i).text);
  const w = scan.word(prev);
  if (!w) return false;
  const article = isArticleLike(t.text);
  if (w.kind === 'letter') return BIG_O_HEADS.has(t.text) || (!article && scan.simpleGroup(u));
  if (w.kind !== 'cmds') return false;
  let parts = w.parts;
  const last = parts[parts.length - 1];
  if (last?.cmd?.cls === 'sizer') parts = parts.slice(0, -1);
  const fn = parts[parts.length - 1];
  if (!fn) return false;
  if (fn.cmd) return fn.cmd.cls === 'greek' || fn.cmd.cls === 'op';
  return BIG_O_HEADS.has(fn.text) || (parts.length === 1 && !isArticleLike(fn.text) && scan.simpleGroup(u));
}

/**
 * Asymptotic notation and functions applied to variables: `O(log T)`, `f(x)`, `sigmaleft(x)`,
 * `log(n)`, `{O}(T)`, `C'(R)`. Not an acronym's gloss: "(NTK)", "(PDE)".
 */
export const functionApplication: EvidenceRule = {
  name: 'function-application',
  stage: 'evidence',
  summary: 'a function or asymptotic notation applied to variables',
  examples: [
    { text: 'computes f(x) in O(NT) time', tex: ['f(x)', 'O(NT)'] },
    { text: "and C'(R) depends on R", tex: ["C'(R)", 'R'] },
    { text: 'the tangent kernel K(NTK)', tex: [] },
  ],
  holds(scan, core, k) {
    const u = core[k];
    return u !== undefined && u.group && applied(scan, core[k - 1], u, core[k - 2]);
  },
};
