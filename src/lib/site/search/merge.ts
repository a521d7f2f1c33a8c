/**
 * The answers of the index's buckets (buckets.ts) as one: the browser searches the newest month
 * first and shows it, then the older months, and merges both as Pagefind's own mergeIndex
 * does, by each result's score (its BM25 relevance within its own index: buckets of a month's
 * papers each, alike in size and kind, score alike), the newer bucket first on a tie. Topic
 * counts add up. Pure, for the browser's engine (src/scripts/search/engine.ts).
 */
import type { SearchState } from './query.ts';

/** The results of several buckets, newest bucket first, as one list by score; ties keep that order. */
export function mergeByScore<T extends { score: number }>(lists: readonly (readonly T[])[]): T[] {
  const all = lists.flatMap((list, bucket) => list.map((result, at) => ({ result, bucket, at })));
  all.sort((a, b) => b.result.score - a.result.score || a.bucket - b.bucket || a.at - b.at);
  return all.map((x) => x.result);
}

/** Filter counts of several buckets ({ topic: { name: count } }), summed. */
export function mergeCounts(
  counts: readonly Readonly<Record<string, Readonly<Record<string, number>>>>[],
): Record<string, Record<string, number>> {
  const merged: Record<string, Record<string, number>> = {};
  for (const filters of counts)
    for (const [filter, values] of Object.entries(filters)) {
      const into = (merged[filter] ??= {});
      for (const [value, n] of Object.entries(values)) into[value] = (into[value] ?? 0) + n;
    }
  return merged;
}

/** How many papers of one month (its label) match: "12 papers of March 2025 match “networks” in Learning theory". */
function monthCount(n: number, state: SearchState, label: string): string {
  const topic = state.topic ? ` in ${state.topic}` : '';
  if (n === 0) return `No paper of ${label} matches “${state.q}”${topic}`;
  return `${n.toLocaleString('en-GB')} ${n === 1 ? 'paper' : 'papers'} of ${label} ${n === 1 ? 'matches' : 'match'} “${state.q}”${topic}`;
}

/** What the count says while the older months are still being searched: what the newest month holds. */
export function partialCountText(n: number, state: SearchState, label: string): string {
  return `${monthCount(n, state, label)}; searching older papers…`;
}

/** What the count says when the older months could not be searched (offline, not stored): the newest month's only. */
export function newestOnlyText(n: number, state: SearchState, label: string, offline: boolean): string {
  return `${monthCount(n, state, label)}. Older papers could not be searched${offline ? ' offline' : ''}.`;
}
