/**
 * A search as this site runs it on Pagefind: the query in search forms, the topic filter, the
 * results in pages of a few, Pagefind's fallback hits left out, and a "did you mean" from the
 * index's vocabulary when nothing matches (fetched only then).
 * The first result is shown as soon as its fragment arrives, and the rest of its page is fetched
 * after (Answer.rest): a first search waits for one fragment, not ten, and a query the reader
 * has typed past costs one fragment.
 */
import { isRealMatch, pagefindQuery, queryForms, wordsAt, type SearchState } from '../../lib/site/search/query.ts';
import { suggestQuery, type Vocabulary } from '../../lib/site/search/suggest.ts';
import { words } from '../../lib/site/search/spelling.ts';
import type { FilterCounts, Pagefind, Result, ResultData } from './pagefind.ts';

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
}

const filtersOf = (state: SearchState) => (state.topic ? { filters: { topic: state.topic } } : {});

export class Engine {
  readonly #pagefind: Pagefind;
  readonly #base: string;
  #vocabulary: Promise<Vocabulary | undefined> | undefined;
  #filters: Promise<FilterCounts> | undefined;

  constructor(pagefind: Pagefind, base: string) {
    this.#pagefind = pagefind;
    this.#base = base;
  }

  /** The topics and their paper counts, loaded the first time they are asked for. */
  async topics(): Promise<Record<string, number>> {
    this.#filters ??= this.#pagefind.filters();
    return (await this.#filters)['topic'] ?? {};
  }

  /** Starts fetching the index chunks a query needs (while the reader is still typing). */
  preload(state: SearchState): void {
    const term = pagefindQuery(state.q);
    if (term) this.#pagefind.preload(term, filtersOf(state)).catch(() => {});
  }

  async search(state: SearchState, pageSize: number): Promise<Answer> {
    const term = pagefindQuery(state.q);
    const forms = queryForms(state.q);
    const response = term ? await this.#pagefind.search(term, filtersOf(state)) : null;
    const results = response?.results ?? [];
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
    let hits = await take(1);
    if (hits.length === 0) hits = await take(pageSize - 1);
    const found = hits.length > 0;
    const count = (): number => (found ? results.length - dropped : 0);
    let restOfPage: Promise<{ hits: Hit[]; count: number }> | undefined;
    const rest =
      found && hits.length === 1 && pageSize > 1
        ? () => (restOfPage ??= take(pageSize - 1).then((h) => ({ hits: h, count: count() })))
        : undefined;
    const more = found && results.length > pageSize ? page : undefined;
    return { state, count: count(), hits, rest, more, suggestion: found ? undefined : await this.#suggest(state.q) };
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
