/**
 * The search page: its own query field and topic filter, both in the URL
 * (/search/?q=…&topic=…, shareable), the count naming both, the results in pages of 10, and
 * what to try when nothing matches. The topics load when the reader first opens the filter
 * (or when the URL names one): a search without a filter fetches no filter data.
 * The newest month's results come first, the count saying so while the older months are
 * searched; then the results over every month take their place (engine.ts).
 */
import { parseState, stateHref, type SearchState } from '../../lib/site/search/query.ts';
import type { Answer, Engine } from './engine.ts';
import { afterPaint, el, noResults, OLDER_MONTHS_AFTER_MS, resultItem, statusText } from './render.ts';

/** Results per page: each needs its fragment (about 1 KB); the first shows as soon as its own arrives. */
const PAGE_SIZE = 10;
/** How long typing must pause before a search runs (its chunks are already on their way). */
const TYPING_PAUSE_MS = 60;

export function searchPage(engine: Engine, root: HTMLElement, searchPath: string): void {
  const form = root.querySelector('form')!;
  const box = root.querySelector<HTMLInputElement>('#search-page-q')!;
  const topic = root.querySelector<HTMLSelectElement>('#search-topic')!;
  const hint = root.querySelector<HTMLElement>('[data-search-hint]');
  const status = root.querySelector<HTMLElement>('[data-search-status]')!;
  const results = root.querySelector<HTMLElement>('[data-search-results]')!;
  const title = document.title;
  let latest = 0;

  const setTopic = (name: string): void => {
    if (name && ![...topic.options].some((o) => o.value === name)) topic.append(el('option', { value: name }, name));
    topic.value = name;
  };
  let topicsLoaded: Promise<void> | undefined;
  const loadTopics = (): Promise<void> =>
    (topicsLoaded ??= engine.topics().then((counts) => {
      const chosen = topic.value;
      const names = Object.keys(counts).sort((a, b) => a.localeCompare(b, 'en'));
      topic.replaceChildren(
        el('option', { value: '' }, 'All topics'),
        ...names.map((n) => el('option', { value: n }, `${n} (${counts[n]})`)),
      );
      setTopic(chosen);
    }));
  topic.addEventListener('focus', () => void loadTopics(), { once: true });
  topic.addEventListener('pointerdown', () => void loadTopics(), { once: true });

  const show = (answer: Answer, mine: number): void => {
    const { partial } = answer;
    results.setAttribute('aria-busy', partial ? 'true' : 'false');
    // The older months once this answer is on screen and the reader has paused: their files never compete with its own.
    if (partial)
      afterPaint(() => mine === latest && void partial.complete().then((all) => mine === latest && show(all, mine)), OLDER_MONTHS_AFTER_MS);
    if (answer.count === 0 && !partial) {
      status.textContent = statusText(answer);
      results.replaceChildren(noResults(answer, searchPath, answer.state.topic ? () => (setTopic(''), run()) : undefined));
      results.querySelector('.search-empty > p:first-child')?.remove(); // the status line says it
      return;
    }
    status.textContent = statusText(answer);
    if (answer.count === 0) return results.replaceChildren();
    // The answer over every month replaces the newest month's: the reader's place in the list is kept.
    const focused = results.contains(document.activeElement) ? document.activeElement?.getAttribute('href') : undefined;
    const list = el('ol', { class: 'search-results', 'aria-label': 'Search results' }, ...answer.hits.map((h) => resultItem(h, 'h2')));
    results.replaceChildren(list);
    if (focused) list.querySelector<HTMLAnchorElement>(`a[href="${CSS.escape(focused)}"]`)?.focus();
    let total = answer.count;
    const restOfPage = answer.rest?.();
    void restOfPage?.then((rest) => {
      if (mine !== latest || !list.isConnected) return;
      list.append(...rest.hits.map((h) => resultItem(h, 'h2')));
      // Said again only if it changed (a fallback hit among them): the status line is live.
      if (rest.count !== total) status.textContent = statusText(answer, rest.count);
      total = rest.count;
    });
    let more = answer.more;
    if (more) {
      const button = el('button', { type: 'button', class: 'search-more' }, 'Show more results');
      button.addEventListener('click', async () => {
        if (!more) return;
        await restOfPage;
        const next = await more();
        const first = next.length ? resultItem(next[0]!, 'h2') : undefined;
        list.append(...(first ? [first] : []), ...next.slice(1).map((h) => resultItem(h, 'h2')));
        first?.querySelector('a')?.focus(); // the reader continues where the new results start
        more = next.length > 0 && list.children.length < total ? answer.more : undefined;
        if (!more) button.remove();
      });
      results.append(button);
    }
  };

  async function run(): Promise<void> {
    const state: SearchState = { q: box.value.trim(), topic: topic.value };
    const href = stateHref(searchPath, state);
    if (href !== location.pathname + location.search) history.replaceState(null, '', href);
    document.title = state.q ? `“${state.q}” · ${title}` : title;
    if (hint) hint.hidden = state.q !== '';
    const mine = ++latest;
    if (!state.q) {
      status.textContent = '';
      results.replaceChildren();
      return;
    }
    if (state.topic) void loadTopics();
    const answer = await engine.search(state, PAGE_SIZE);
    if (mine === latest) show(answer, mine); // a later query has been typed meanwhile: it wins
  }

  let timer: ReturnType<typeof setTimeout> | undefined;
  // The chunks the words need are fetched at once; the search runs when typing pauses.
  box.addEventListener('input', () => {
    clearTimeout(timer);
    engine.preload({ q: box.value.trim(), topic: topic.value });
    timer = setTimeout(() => void run(), TYPING_PAUSE_MS);
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    clearTimeout(timer);
    void run();
  });
  topic.addEventListener('change', () => void run());
  const fromUrl = (): void => {
    const state = parseState(location.search);
    box.value = state.q;
    setTopic(state.topic);
    void run();
  };
  addEventListener('popstate', fromUrl);
  fromUrl();
  if (!box.value) box.focus();
}
