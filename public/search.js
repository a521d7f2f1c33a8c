// Search, loaded by site.js when the reader starts searching. It loads Pagefind's Component UI
// and drives it from the header's search box: on /search/ the page shows every result with a
// topic filter and keeps the query in the URL; elsewhere a panel under the box shows the first
// results as the reader types, with a link to all of them.
const base = new URL('./', import.meta.url);
const path = (p) => new URL(p, base).pathname;
const searchUrl = (q) => `${path('search/')}?${new URLSearchParams({ q })}`;
const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

function stylesheet(href) {
  if (!document.querySelector(`link[rel="stylesheet"][href="${href}"]`)) document.head.append(el('link', { rel: 'stylesheet', href }));
}

/** One result: title link, digest date, topics, and Pagefind's excerpt with the words marked. */
const result = (heading) => (data) => {
  const item = el('li', { class: 'search-result' });
  item.append(el(heading, { class: 'search-result-title' }, el('a', { href: data.url }, data.meta?.title || data.url)));
  const date = data.meta?.date;
  if (/^\d{4}-\d{2}-\d{2}$/.test(date ?? '')) {
    item.append(el('p', { class: 'search-result-date' }, 'Digest of ', el('time', { datetime: date }, dateFormat.format(new Date(`${date}T00:00:00Z`)))));
  }
  const topics = data.filters?.topic ?? [];
  if (topics.length) item.append(el('ul', { class: 'search-result-topics', 'aria-label': 'Topics' }, ...topics.map((t) => el('li', {}, t))));
  if (data.excerpt) {
    const excerpt = el('p', { class: 'search-result-excerpt' });
    excerpt.innerHTML = data.excerpt; // Pagefind's: the page's text, escaped, with <mark>s
    item.append(excerpt);
  }
  return item;
};

function resultList(heading, attributes = {}) {
  const list = el('pagefind-results', { 'hide-sub-results': '', ...attributes });
  list.resultTemplate = result(heading);
  return list;
}

function debounced(fn, ms = 150) {
  let timer;
  const call = () => {
    clearTimeout(timer);
    timer = setTimeout(fn, ms);
  };
  call.now = () => {
    clearTimeout(timer);
    fn();
  };
  return call;
}

/**
 * /search/: the page's results, count and topic filter; the query lives in the URL.
 * The 50 best matches are shown: laying out a placeholder for each of thousands of hits of a
 * common word took seconds; the count and the topic filter say how to narrow the rest.
 */
const PAGE_RESULTS = '50';

function searchPage(box, search, page) {
  const filter = el('pagefind-filter-dropdown', { filter: 'topic', label: 'Topic', sort: 'alphabetical' });
  page.replaceChildren(el('div', { class: 'search-tools' }, el('pagefind-summary'), filter), resultList('h2', { 'max-results': PAGE_RESULTS }));
  // Pagefind's trigger is a combobox, which takes no name from its text: give it one, each time it is drawn.
  const name = () => filter.querySelector('[role="combobox"]:not([aria-label])')?.setAttribute('aria-label', 'Filter by topic');
  new MutationObserver(name).observe(filter, { childList: true, subtree: true });
  name();
  const title = document.title;
  const run = () => {
    const q = box.value.trim();
    search(q);
    document.title = q ? `“${q}” · ${title}` : title;
    if (q !== (new URLSearchParams(location.search).get('q') ?? '').trim()) history.replaceState(null, '', q ? searchUrl(q) : path('search/'));
  };
  const typed = debounced(run);
  box.addEventListener('input', typed);
  box.form.addEventListener('submit', (e) => {
    e.preventDefault();
    typed.now();
  });
  const fromUrl = () => {
    box.value = new URLSearchParams(location.search).get('q') ?? '';
    run();
  };
  addEventListener('popstate', fromUrl);
  fromUrl();
  if (!box.value) box.focus();
}

/** Any other page: the first results in a panel under the box, and a link to all of them. */
function panel(box, instance, search) {
  const form = box.form;
  const all = el('a', { class: 'search-all', href: path('search/') }, 'All results');
  const panelEl = el('div', { class: 'search-panel', id: 'search-panel', hidden: '' }, el('pagefind-summary'), resultList('p', { 'max-results': '5' }), el('p', {}, all));
  form.append(panelEl);
  box.setAttribute('aria-controls', panelEl.id); // the count of results is announced as it changes
  const show = (open) => {
    panelEl.hidden = !open;
  };
  const run = debounced(() => {
    const q = box.value.trim();
    show(Boolean(q));
    if (!q) return;
    all.href = searchUrl(q);
    all.textContent = `All results for “${q}”`;
    search(q);
  });
  box.addEventListener('input', run);
  box.addEventListener('focus', () => box.value.trim() && run.now());
  form.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !panelEl.hidden) {
      e.preventDefault();
      show(false);
      box.focus();
    } else if (e.key === 'ArrowDown' && e.target === box && box.value.trim()) {
      if (panelEl.hidden) run.now();
      if (instance.focusNextResults(box)) e.preventDefault();
    }
  });
  // Close when the reader moves elsewhere, by pointer or by keyboard.
  document.addEventListener('pointerdown', (e) => form.contains(e.target) || show(false));
  form.addEventListener('focusout', (e) => e.relatedTarget && !form.contains(e.relatedTarget) && show(false));
  if (box.value.trim()) run.now();
}

function failed(page) {
  const status = page?.querySelector('[data-search-status]');
  if (status) status.textContent = navigator.onLine ? 'Search could not load. Please reload the page.' : 'Search could not load: you are offline, and this browser has not kept a copy of the search index yet.';
}

export async function start(box) {
  const page = document.querySelector('[data-search-page]');
  stylesheet(path('pagefind/pagefind-component-ui.css'));
  stylesheet(path('search.css'));
  try {
    await import(path('pagefind/pagefind-component-ui.js'));
  } catch {
    return failed(page);
  }
  const instance = window.PagefindComponents.configureInstance('default', { bundlePath: path('pagefind/'), baseUrl: base.pathname, excerptLength: 30 });
  instance.setTranslations({
    zero_results: 'No paper matches [SEARCH_TERM]. Try fewer or other words.',
    one_result: '1 paper matches [SEARCH_TERM]',
    many_results: '[COUNT] papers match [SEARCH_TERM]',
    searching: 'Searching for [SEARCH_TERM]…',
    results_label: 'Search results',
  });
  // The header box is this instance's input: arrow keys and typing move between it and results.
  box.inputEl = box;
  instance.registerInput(box, { keyboardNavigation: true });
  // Searches wait for Pagefind to load, then run in the order typed: the last one wins.
  const loaded = instance.triggerLoad(); // asynchronous: the components below register first
  let last = '';
  const search = (q) => {
    if (q === last) return;
    last = q;
    loaded.then(() => instance.triggerSearch(q));
  };
  if (page) searchPage(box, search, page);
  else panel(box, instance, search);
}
