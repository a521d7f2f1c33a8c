import type { Unit } from '../chunk.ts';
import type { Scan } from '../scan.ts';
import type { CutRule } from './rule.ts';

const ordinal = (scan: Scan, u: Unit | undefined): boolean => !u?.group && /^(th|st|nd|rd)$/.test(scan.head(u)?.text ?? '');
/** An English-looking symbol's name heading a compound at a chunk's start: "top-p", "star-shaped" (not a Greek name's: "alpha-divergence"). */
const englishHead = (scan: Scan, u: Unit | undefined): boolean => {
  const parts = scan.word(u)?.parts;
  const cmd = parts?.length === 1 ? parts[0]?.cmd : undefined;
  return cmd !== undefined && cmd.english && cmd.cls !== 'greek' && /^[a-z]/.test(parts?.[0]?.text ?? '');
};
const capitals = (scan: Scan, u: Unit | undefined): boolean =>
  !u?.group && scan.head(u)?.kind === 'word' && /^[A-Z]{2,}$/.test(scan.head(u)?.text ?? '');

/**
 * Hyphenated English stays outside the formula: `epsilon-approximated`, `ell_2-norm`,
 * `non-convex`; so does a name's acronym at the chunk's edge: `pi_0.5-KI`, `PGD-L_{infty}`.
 */
export const hyphenatedEnglish: CutRule = {
  name: 'hyphenated-english',
  stage: 'cut',
  summary: 'the English word hyphenated to a formula is prose',
  examples: [
    { text: 'an epsilon-approximated solution in the ell_2-norm ball', tex: ['\\epsilon', '\\ell_2'] },
    { text: 'the pi_0.5-KI policy and PGD-L_{infty} attacks', tex: ['\\pi_0.5', 'L_{\\infty}'] },
    { text: 'with top-k=5 retrieval and a top-k_i set', tex: ['k=5', 'k_i'] },
  ],
  cut(scan, c) {
    const { units } = c;
    let cut = false;
    for (let k = c.a; k + 1 < c.b; k += 1) {
      if (
        scan.isSym(units[k], '-') &&
        (scan.isEnglish(units[k + 1]) || ordinal(scan, units[k + 1]) || (k + 2 === c.b && capitals(scan, units[k + 1])))
      ) {
        c.b = k;
        c.suffix = 'stop';
        c.hyphenated = true;
        cut = true;
        break;
      }
    }
    for (let k = c.b - 1; k - 1 >= c.a; k -= 1) {
      if (
        scan.isSym(units[k], '-') &&
        (scan.isEnglish(units[k - 1]) || (k - 1 === c.a && (capitals(scan, units[k - 1]) || englishHead(scan, units[k - 1]))))
      ) {
        c.a = k + 1;
        c.prefixText = true;
        c.hyphenated = true;
        cut = true;
        break;
      }
    }
    return cut;
  },
};
