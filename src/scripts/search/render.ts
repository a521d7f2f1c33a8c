/**
 * The results as the site lists papers: title link, digest date, topics and the excerpt with
 * the query's words marked. Everything from the index is set as text (never as markup), so a
 * hostile title or abstract stays text.
 */
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

export { countText };
