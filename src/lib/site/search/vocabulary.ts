/**
 * The index's vocabulary for "did you mean" (suggest.ts): the search forms of the words the
 * indexed pages show, counted once per page, kept when they are words (letters only, four or
 * more) seen on at least two pages, most frequent first, at most MAX_WORDS.
 * Written by the search step beside Pagefind's files, fetched by the browser only when a query
 * finds nothing.
 */
import type { Vocabulary } from './suggest.ts';

export const VOCABULARY_FILE = 'paperboy-vocabulary.json';
export const MAX_WORDS = 30_000;

export class VocabularyCounter {
  readonly #pages = new Map<string, number>();

  /** Counts one page's words. */
  add(words: readonly string[]): void {
    for (const w of new Set(words)) if (w.length >= 4 && /^\p{L}+$/u.test(w)) this.#pages.set(w, (this.#pages.get(w) ?? 0) + 1);
  }

  toJson(max = MAX_WORDS): Vocabulary {
    const ranked = [...this.#pages].filter(([, n]) => n >= 2).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    return { version: 1, words: ranked.slice(0, max).map(([w]) => w) };
  }
}
