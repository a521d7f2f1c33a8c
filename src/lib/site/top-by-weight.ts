// A related paper's top terms: a partial selection by weight, with a stable tie-break (related.ts).
// `!` on typed-array reads: every index comes from `candidates`, in range by construction.

/**
 * The `m` candidates (indices into `w` and `ids`) with the largest weights;
 * equal weights at the cut go to the alphabetically first terms. Result order
 * is unspecified. A native numeric sort finds the cut, so only ties at the
 * cut need a comparator.
 */
export function topByWeight(candidates: Int32Array, w: Float64Array, ids: Int32Array, rank: Int32Array, m: number): Int32Array {
  if (candidates.length <= m) return candidates;
  const sortedW = new Float64Array(candidates.length);
  for (let i = 0; i < candidates.length; i++) sortedW[i] = w[candidates[i]!]!;
  const cut = sortedW.sort()[candidates.length - m]!;
  const out = new Int32Array(m);
  let o = 0;
  const ties: number[] = [];
  for (let i = 0; i < candidates.length; i++) {
    const j = candidates[i]!;
    if (w[j]! > cut) out[o++] = j;
    else if (w[j] === cut) ties.push(j);
  }
  if (ties.length > m - o) ties.sort((a, b) => rank[ids[a]!]! - rank[ids[b]!]!);
  for (let i = 0; o < m; i++) out[o++] = ties[i]!;
  return out;
}
