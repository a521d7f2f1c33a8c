/**
 * A search as this site runs it on Pagefind: the query in search forms, the topic filter, the
 * results in pages of a few, Pagefind's fallback hits left out, and a "did you mean" from the
 * index's vocabulary when nothing matches (fetched only then).
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
  /** How many papers match (Pagefind's count, less the fallback hits seen). */
  count: number;
  hits: Hit[];
  /** The next page of hits, while there are more. */
  more: (() => Promise<Hit[]>) | undefined;
  /** A query that would find something, when this one finds nothing. */
  suggestion?: string | undefined;
}

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

  async search(state: SearchState, pageSize: number): Promise<Answer> {
    const term = pagefindQuery(state.q);
    const forms = queryForms(state.q);
    const response = term ? await this.#pagefind.search(term, state.topic ? { filters: { topic: state.topic } } : {}) : null;
    const results = response?.results ?? [];
    let next = 0;
    let dropped = 0;
    const page = async (): Promise<Hit[]> => {
      const batch = results.slice(next, next + pageSize);
      next += batch.length;
      const hits = await Promise.all(batch.map((r) => hit(r, forms)));
      dropped += hits.filter((h) => h === undefined).length;
      return hits.filter((h): h is Hit => h !== undefined);
    };
    const hits = await page();
    // Only fallback hits among the best: the query's words are not in the index.
    const count = hits.length === 0 ? 0 : results.length - dropped;
    const more = (): (() => Promise<Hit[]>) | undefined => (hits.length > 0 && next < results.length ? page : undefined);
    return { state, count, hits, more: more(), suggestion: count === 0 ? await this.#suggest(state.q) : undefined };
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
