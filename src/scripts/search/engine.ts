/**
 * A search as this site runs it on Pagefind: the query in search forms, the topic filter, the
 * results in pages of a few, Pagefind's fallback hits left out, and a "did you mean" from the
 * index's vocabulary when nothing matches (fetched only then).
 * The newest month of the index is searched first (pagefind.ts): its first result is shown as
 * soon as its fragment arrives, and the rest of its page is fetched after (Answer.rest). Then
 * the older months are searched and merged with it by relevance (Answer.partial.complete, and
 * src/lib/site/search/merge.ts): the answer over every paper replaces the first one. A first
 * search waits for one month's index and one fragment, not the whole index and ten.
 */
import { bucketLabel } from '../../lib/site/search/buckets.ts';
import { mergeByScore, mergeCounts } from '../../lib/site/search/merge.ts';
import { isRealMatch, pagefindQuery, queryForms, wordsAt, type SearchState } from '../../lib/site/search/query.ts';
import { suggestQuery, type Vocabulary } from '../../lib/site/search/suggest.ts';
import { words } from '../../lib/site/search/spelling.ts';
import type { Pagefind, Result, ResultData, SearchIndex } from './pagefind.ts';

export interface Hit {
  data: ResultData;
  /** The query's search forms, to mark the excerpt with. */
  forms: string[];
}

export interface Answer {
  state: SearchState;
  /** How many papers match (Pagefind's count, less the fallback hits seen so far). */
  count: number;
  /** The first hits of the first page (one, while `rest` brings the others). */
  hits: Hit[];
  /**
   * Fetches the rest of the first page, and the count once they are checked: asked for once the
   * first hit is shown, and only if no later query has come meanwhile.
   */
  rest: (() => Promise<{ hits: Hit[]; count: number }>) | undefined;
  /** The next page of hits, while there are more. */
  more: (() => Promise<Hit[]>) | undefined;
  /** A query that would find something, when this one finds nothing. */
  suggestion?: string | undefined;
  /** While the older months are not searched yet: the month this answer covers, and the answer over all of them. */
  partial?: { label: string; complete: () => Promise<Answer> } | undefined;
  /** The older months could not be searched (offline, before they were stored): this answer is the newest month's alone. */
  newestOnly?: string | undefined;
}

const filtersOf = (state: SearchState) => (state.topic ? { filters: { topic: state.topic } } : {});

export class Engine {
  readonly #index: SearchIndex;
  readonly #base: string;
  #vocabulary: Promise<Vocabulary | undefined> | undefined;
  #filters: Promise<Record<string, number>> | undefined;

  constructor(index: SearchIndex, base: string) {
    this.#index = index;
    this.#base = base;
  }

  /** The topics and their paper counts over every month, loaded the first time they are asked for. */
  async topics(): Promise<Record<string, number>> {
    this.#filters ??= (async () => {
      const older = await this.#older();
      const counts = await Promise.all([this.#index.recent.filters(), ...(older ? [older.filters()] : [])]);
      return mergeCounts(counts)['topic'] ?? {};
    })();
    return this.#filters;
  }

  /** Starts fetching the newest month's index chunks a query needs (while the reader is still typing). */
  preload(state: SearchState): void {
    const term = pagefindQuery(state.q);
    if (term) this.#index.recent.preload(term, filtersOf(state)).catch(() => {});
  }

  async search(state: SearchState, pageSize: number): Promise<Answer> {
    const term = pagefindQuery(state.q);
    const forms = queryForms(state.q);
    const recent = term ? ((await this.#index.recent.search(term, filtersOf(state)))?.results ?? []) : [];
    if (!term || !this.#index.older) return this.#answer(state, forms, recent, pageSize, 1, true);
    const label = bucketLabel(this.#index.newest.key);
    const first = await this.#answer(state, forms, recent, pageSize, 1, false);
    let complete: Promise<Answer> | undefined;
    first.partial = { label, complete: () => (complete ??= this.#complete(term, state, forms, recent, pageSize, label)) };
    return first;
  }

  /** The answer over every month: the older months searched (loaded the first time) and merged with the newest's results. */
  async #complete(term: string, state: SearchState, forms: string[], recent: Result[], pageSize: number, label: string): Promise<Answer> {
    let older: Result[];
    try {
      const instance = (await this.#older())!;
      older = (await instance.search(term, filtersOf(state)))?.results ?? [];
    } catch {
      const answer = await this.#answer(state, forms, recent, pageSize, pageSize, true);
      return { ...answer, newestOnly: label };
    }
    return this.#answer(state, forms, mergeByScore([recent, older]), pageSize, pageSize, true);
  }

  #older(): Promise<Pagefind | undefined> {
    return this.#index.older ? this.#index.older() : Promise.resolve(undefined);
  }

  /**
   * An answer over `results` (by relevance): the first `firstBatch` hits fetched, the rest of
   * the page on demand; a suggestion when nothing matches and the answer is final.
   */
  async #answer(
    state: SearchState,
    forms: string[],
    results: readonly Result[],
    pageSize: number,
    firstBatch: number,
    final: boolean,
  ): Promise<Answer> {
    let next = 0;
    let dropped = 0;
    const take = async (n: number): Promise<Hit[]> => {
      const batch = results.slice(next, next + n);
      next += batch.length;
      const hits = await Promise.all(batch.map((r) => hit(r, forms)));
      dropped += hits.filter((h) => h === undefined).length;
      return hits.filter((h): h is Hit => h !== undefined);
    };
    const page = (): Promise<Hit[]> => take(pageSize);
    // One fragment first; if that one is a fallback hit, the whole first page decides.
    let hits = await take(firstBatch);
    if (hits.length === 0 && next < pageSize) hits = await take(pageSize - next);
    const found = hits.length > 0;
    const count = (): number => (found ? results.length - dropped : 0);
    let restOfPage: Promise<{ hits: Hit[]; count: number }> | undefined;
    const rest =
      found && next < pageSize && next < results.length
        ? () => (restOfPage ??= take(pageSize - next).then((h) => ({ hits: h, count: count() })))
        : undefined;
    // While the older months are still to come, the page shows this month's first page only.
    const more = final && found && results.length > pageSize ? page : undefined;
    const suggestion = final && !found ? await this.#suggest(state.q) : undefined;
    return { state, count: count(), hits, rest, more, suggestion };
  }

  async #suggest(q: string): Promise<string | undefined> {
    this.#vocabulary ??= fetch(`${this.#base}pagefind/paperboy-vocabulary.json`)
      .then((r) => (r.ok ? (r.json() as Promise<Vocabulary>) : undefined))
      .catch(() => undefined);
    const vocabulary = await this.#vocabulary;
    return vocabulary ? suggestQuery(q, vocabulary) : undefined;
  }
}

/** A result with its data, or undefined when it was found by nothing that matches the query. */
async function hit(result: Result, forms: string[]): Promise<Hit | undefined> {
  const data = await result.data();
  const found = wordsAt(data.content, result.words);
  if (result.matchedMetaFields?.length) found.push(...words(`${data.meta['title'] ?? ''} ${data.meta['alias'] ?? ''}`));
  // A query of symbols only ("ℓ∞") has no letters to check: Pagefind's own hits stand.
  return forms.length === 0 || isRealMatch(found, forms) ? { data, forms } : undefined;
}
