/**
 * The results as the site lists papers: title link, digest date, topics and the excerpt with
 * the query's words marked. Everything from the index is set as text (never as markup), so a
 * hostile title or abstract stays text.
 */
import { newestOnlyText, partialCountText } from '../../lib/site/search/merge.ts';
import { countText, excerptSegments, noResultText, stateHref, type SearchState } from '../../lib/site/search/query.ts';
import type { Answer, Hit } from './engine.ts';

type Attributes = Record<string, string | undefined>;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) if (value !== undefined) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** Runs `fn` once what the page has just drawn is on screen (after the next frame; a hidden tab draws none, so at most 200 ms later), and `wait` ms more. */
export function afterPaint(fn: () => void, wait = 0): void {
  let done = false;
  const once = (): void => {
    if (done) return;
    done = true;
    setTimeout(fn, wait);
  };
  requestAnimationFrame(() => setTimeout(once, 0));
  setTimeout(once, 200);
}

/**
 * How long an answer stays on screen with no newer query before the older months are searched:
 * while the reader types, each key's answer would otherwise load them (Pagefind's WebAssembly a
 * second time, their metadata) in the middle of the typing, beside the searches of the next keys.
 */
export const OLDER_MONTHS_AFTER_MS = 300;

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** One result; `heading` is h2 on the search page, p in the header's panel. */
export function resultItem({ data, forms }: Hit, heading: 'h2' | 'p'): HTMLLIElement {
  const item = el('li', { class: 'search-result' });
  item.append(el(heading, { class: 'search-result-title' }, el('a', { href: data.url }, data.meta['title'] || data.url)));
  const date = data.meta['date'] ?? '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(date)) {
    item.append(
      el(
        'p',
        { class: 'search-result-date' },
        'Digest of ',
        el('time', { datetime: date }, dateFormat.format(new Date(`${date}T00:00:00Z`))),
      ),
    );
  }
  const topics = data.filters['topic'] ?? [];
  if (topics.length)
    item.append(el('ul', { class: 'search-result-topics', 'aria-label': 'Topics' }, ...topics.map((t) => el('li', {}, t))));
  if (data.excerpt) {
    const parts = excerptSegments(data.excerpt, forms).map((s) => (s.mark ? el('mark', {}, s.text) : s.text));
    item.append(el('p', { class: 'search-result-excerpt' }, ...parts));
  }
  return item;
}

/** What a search says in place of results when it finds nothing: a suggestion, and what to try. */
export function noResults(answer: Answer, searchPath: string, clearTopic?: () => void): HTMLElement {
  const box = el('div', { class: 'search-empty' });
  const [first, ...rest] = noResultText(answer.state);
  box.append(el('p', {}, first ?? ''));
  if (answer.suggestion) {
    const state: SearchState = { q: answer.suggestion, topic: answer.state.topic };
    box.append(
      el(
        'p',
        { class: 'search-suggestion' },
        'Did you mean ',
        el('a', { href: stateHref(searchPath, state), 'data-suggestion': answer.suggestion }, answer.suggestion),
        '?',
      ),
    );
  }
  for (const line of rest) {
    if (line === 'Try all topics.' && clearTopic) {
      const button = el('button', { type: 'button', class: 'search-clear-topic' }, 'Search all topics');
      button.addEventListener('click', clearTopic);
      box.append(el('p', {}, button));
    } else box.append(el('p', {}, line));
  }
  return box;
}

/**
 * The count line of an answer (or of `n` papers, once the rest of its page is checked): the
 * newest month's while the older ones are searched, and saying so when they could not be.
 */
export function statusText(answer: Answer, n = answer.count): string {
  const { state, partial, newestOnly } = answer;
  if (partial) return partialCountText(n, state, partial.label);
  if (newestOnly) return newestOnlyText(n, state, newestOnly, !navigator.onLine);
  return n === 0 ? `No paper matches “${state.q}”${state.topic ? ` in ${state.topic}` : ''}.` : countText(n, state);
}
