import type { Chunk } from '../chunk.ts';
import type { Scan } from '../scan.ts';
import type { VetoRule } from './rule.ts';

/** The letters statistics reports give a value: a sample size (`n`, `N`) and a p-value (`p`). */
const STATISTICS = new Set(['n', 'N', 'p']);
const RELATIONS = new Set(['=', '<', '>']);
const LOOKS_REPORTED = /(?<![A-Za-z])[nNp] ?[=<>] ?\d/;

/** The chunk's core tokens, blanks aside; a core that is one bracket group, `(n = 12)`, by what it holds. */
function coreTokens(scan: Scan, c: Chunk): string[] {
  const only = c.b - c.a === 1 ? c.units[c.a] : undefined;
  const [from, to] = only?.group ? [only.i + 1, only.j - 1] : [c.units[c.a]?.i ?? 0, c.units[c.b - 1]?.j ?? -1];
  const out: string[] = [];
  for (let i = from; i <= to; i += 1) {
    const t = scan.tok(i);
    if (t.kind !== 'ws') out.push(t.text);
  }
  return out;
}

/**
 * `(n=12)`, `(p<0.05)`, `n = 4 participants`: a sample size or p-value reported in prose. The dev
 * corpus has these typed as plain text (or with only the letter in dollars, `$n$=406`) more often
 * than as one formula, so they stay prose, unless the paragraph uses the letter as math
 * elsewhere (`O(n)`, `n`-dimensional): then it is its variable (`dimension n=8`).
 */
export const statisticLabel: VetoRule = {
  name: 'statistic-label',
  stage: 'veto',
  summary: 'a sample size or p-value reported in prose (n=12, p<0.05) stays prose',
  examples: [
    { text: 'In a reader study (n=4) and a trial (p<0.05), with N = 12 adults.', tex: [] },
    { text: 'It costs O(n log n) when n=8.', tex: ['O(n \\log n)', 'n=8'] },
  ],
  chunks(scan, chunks, veto) {
    // (Most paragraphs report no statistic: one scan of the text first.)
    if (!LOOKS_REPORTED.test(scan.text)) return;
    // The letters the paragraph's other formulas use.
    const used = new Set<string>();
    const label: [number, number][] = [];
    chunks.forEach((c, k) => {
      if (c.verdict === 'text' && c.atom === undefined) return;
      const core = coreTokens(scan, c);
      const [v, rel, num] = core;
      const glued = core.length === 3 && v !== undefined && STATISTICS.has(v) && RELATIONS.has(rel ?? '') && /^\d/.test(num ?? '');
      const spaced =
        core.length === 1 &&
        v !== undefined &&
        STATISTICS.has(v) &&
        RELATIONS.has(coreTokens(scan, chunks[k + 1] ?? c)[0] ?? '') &&
        (chunks[k + 1]?.b ?? 0) - (chunks[k + 1]?.a ?? 0) === 1 &&
        /^\d/.test(coreTokens(scan, chunks[k + 2] ?? c)[0] ?? '') &&
        (chunks[k + 2]?.b ?? 0) - (chunks[k + 2]?.a ?? 0) === 1;
      if (glued) label.push([k, k]);
      else if (spaced) label.push([k, k + 2]);
    });
    if (label.length === 0) return;
    const inLabel = (k: number): boolean => label.some(([a, b]) => k >= a && k <= b);
    chunks.forEach((c, k) => {
      if (inLabel(k) || (c.verdict === 'text' && c.atom === undefined)) return;
      const [from, to] = c.atom
        ? [c.units[0]?.i ?? 0, c.units[c.units.length - 1]?.j ?? -1]
        : [c.units[c.a]?.i ?? 0, c.units[c.b - 1]?.j ?? -1];
      for (let i = from; i <= to; i += 1) {
        const t = scan.tok(i);
        if (t.kind === 'word' && STATISTICS.has(t.text)) used.add(t.text);
      }
    });
    for (const [a, b] of label) {
      const v = coreTokens(scan, chunks[a] as Chunk)[0] ?? '';
      if (used.has(v)) continue;
      for (let k = a; k <= b; k += 1) veto(chunks[k] as Chunk);
    }
  },
};
