/**
 * "Did you mean": the closest word of the index's own vocabulary (written at index time by
 * src/cli/search-index.ts, most frequent first) to a query word it does not hold. Fetched only
 * when a query finds nothing. Edit distance with transpositions (optimal string alignment),
 * bounded: one edit for short words, two from seven letters on; ties go to the commoner word.
 * Written by hand: a few lines where a fuzzy-search library would weigh more than the list.
 */
import { queryForms } from './query.ts';

export interface Vocabulary {
  version: 1;
  /** Search forms (spelling.ts), most frequent first. */
  words: string[];
}

/** The edit distance of a and b with adjacent transpositions, or max + 1 once it exceeds max. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length]!;
}

/** The closest vocabulary word to `word`, or undefined when it is known or nothing is close. */
export function closestWord(
  word: string,
  vocabulary: readonly string[],
  known: ReadonlySet<string> = new Set(vocabulary),
): string | undefined {
  if (word.length < 4 || known.has(word)) return undefined;
  const max = word.length >= 7 ? 2 : 1;
  let best: string | undefined;
  let bestDistance = max + 1;
  for (const candidate of vocabulary) {
    const d = editDistance(word, candidate, Math.min(max, bestDistance - 1));
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
      if (d === 1) break; // the list is by frequency: the commonest word one edit away
    }
  }
  return best;
}

/** The query with each unknown word replaced by its closest word, or undefined when none changed. */
export function suggestQuery(query: string, vocabulary: Vocabulary): string | undefined {
  const known = new Set(vocabulary.words);
  let changed = false;
  const out = queryForms(query).map((w) => {
    const near = closestWord(w, vocabulary.words, known);
    if (near) changed = true;
    return near ?? w;
  });
  return changed ? out.join(' ') : undefined;
}
