/**
 * The header's results panel on every page but the search page: the first five results as
 * the reader types, the count, a link to all of them; arrow keys move between the box and
 * the results, Escape closes it. Enter submits the box's plain form to the search page.
 */
import { stateHref } from '../../lib/site/search/query.ts';
import type { Answer, Engine } from './engine.ts';
import { afterPaint, el, noResults, OLDER_MONTHS_AFTER_MS, resultItem, statusText } from './render.ts';

export function panel(engine: Engine, box: HTMLInputElement, searchPath: string): void {
  const form = box.form!;
  const status = el('p', { class: 'search-count', role: 'status' });
  const list = el('ol', { class: 'search-results', 'aria-label': 'Search results' });
  const all = el('a', { class: 'search-all', href: searchPath }, 'All results');
  const extra = el('div');
  const panelEl = el('div', { class: 'search-panel', id: 'search-panel', hidden: '' }, status, list, extra, el('p', {}, all));
  form.append(panelEl);
  box.setAttribute('aria-controls', panelEl.id);
  const show = (open: boolean): void => {
    panelEl.hidden = !open;
  };
  let latest = 0;
  const run = async (): Promise<void> => {
    const q = box.value.trim();
    const mine = ++latest;
    show(q !== '');
    if (!q) return;
    all.href = stateHref(searchPath, { q, topic: '' });
    all.textContent = `All results for “${q}”`;
    render(await engine.search({ q, topic: '' }, 5), mine);
  };
  const render = (answer: Answer, mine: number): void => {
    if (mine !== latest) return;
    status.textContent = statusText(answer);
    const hits = answer.hits.map((h) => resultItem(h, 'p'));
    // The answer over every month replaces the newest month's: the reader's place in the list is kept.
    const focused = list.contains(document.activeElement) ? document.activeElement?.getAttribute('href') : undefined;
    list.replaceChildren(...hits);
    if (focused) list.querySelector<HTMLAnchorElement>(`a[href="${CSS.escape(focused)}"]`)?.focus();
    extra.replaceChildren(...(answer.count === 0 && !answer.partial ? [noResults(answer, searchPath)] : []));
    extra.querySelector('.search-empty > p:first-child')?.remove();
    const { partial } = answer;
    if (partial) afterPaint(() => mine === latest && void partial.complete().then((all) => render(all, mine)), OLDER_MONTHS_AFTER_MS);
    const first = hits[0];
    void answer.rest?.().then((rest) => {
      if (mine !== latest || !first?.isConnected) return;
      list.append(...rest.hits.map((h) => resultItem(h, 'p')));
      if (rest.count !== answer.count) status.textContent = statusText(answer, rest.count);
    });
  };
  // The chunks the words need are fetched at once; the search runs when typing pauses.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const later = (): void => {
    clearTimeout(timer);
    engine.preload({ q: box.value.trim(), topic: '' });
    timer = setTimeout(() => void run(), 60);
  };
  box.addEventListener('input', later);
  box.addEventListener('focus', () => box.value.trim() && void run());
  const links = (): HTMLAnchorElement[] => [...panelEl.querySelectorAll<HTMLAnchorElement>('a[href]')];
  form.addEventListener('keydown', (e) => {
    if (panelEl.hidden) return;
    const at = links().indexOf(document.activeElement as HTMLAnchorElement);
    if (e.key === 'Escape') {
      e.preventDefault();
      show(false);
      box.focus();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      const to = e.key === 'ArrowDown' ? (e.target === box ? 0 : at + 1) : at - 1;
      const target = to < 0 ? box : links()[Math.min(to, links().length - 1)];
      if (target && (e.target === box ? e.key === 'ArrowDown' : at >= 0)) {
        e.preventDefault();
        target.focus();
      }
    }
  });
  // Close when the reader moves elsewhere, by pointer or by keyboard.
  document.addEventListener('pointerdown', (e) => form.contains(e.target as Node) || show(false));
  form.addEventListener('focusout', (e) => e.relatedTarget instanceof Node && !form.contains(e.relatedTarget) && show(false));
  if (box.value.trim()) void run();
}
