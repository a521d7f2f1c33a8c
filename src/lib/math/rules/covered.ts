import type { Candidate } from '../scan.ts';

/**
 * Whether an offset lies inside one of the formulas already written, for paragraph rules that
 * add formulas: `out` is in text order and the rules ask in text order, so one pass serves.
 */
export function coveredBy(out: readonly Pick<Candidate, 's' | 'e'>[]): (s: number) => boolean {
  let g = 0;
  return (s) => {
    while ((out[g]?.e ?? Infinity) <= s) g += 1;
    const span = out[g];
    return span !== undefined && s >= span.s;
  };
}
