/**
 * Every page's one script (SearchBox.astro): "/" focuses search; search itself (Pagefind
 * included) loads when the reader focuses a search box or types, or on the search page; and
 * the service worker for offline reading, once the page has loaded. Kept small: it is all the
 * JavaScript a page runs before the reader searches.
 */
// The search code's URL, bundled on its own: a plain import() would bring Vite's preload helper
// (1.5 KB) into every page; as a separate bundle ("worker" is Vite's name for one) it loads as a
// module of its own when needed, and pages carry only this file.
import searchUrl from './search/start.ts?worker&url';

const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
const header = document.getElementById('site-search-q') as HTMLInputElement | null;
const pageBox = document.getElementById('search-page-q') as HTMLInputElement | null;
let started: Promise<unknown> | undefined;
const load = (): void => {
  started ??= import(/* @vite-ignore */ searchUrl);
};

for (const box of [header, pageBox]) {
  box?.addEventListener('focus', load, { once: true });
  box?.addEventListener('input', load, { once: true });
}
if (pageBox || (header && document.activeElement === header)) load();
const target = pageBox ?? header;
if (target) {
  addEventListener('keydown', (e) => {
    const t = e.target as HTMLElement;
    if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
    if (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName)) return;
    e.preventDefault();
    target.focus();
    target.select();
  });
}

// The offline worker starts once the page has loaded and fetched nothing for a second (a first
// search included), when the browser is idle; it is then asked to store the rest of the site
// for offline reading (src/lib/site/search/offline.ts). So its downloads never compete with the
// page's own or with a first search. After a deploy, the next page asks the new worker.
const sw = navigator.serviceWorker;
if (sw) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const start = (): void => {
    observer.disconnect();
    sw.register(`${base}sw.js`, { scope: base })
      .then(() => sw.ready)
      .then((registration) => registration.active?.postMessage({ type: 'paperboy:store' }))
      .catch(() => {});
  };
  const quiet = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => ('requestIdleCallback' in window ? requestIdleCallback(start) : start()), 1000);
  };
  const observer = new PerformanceObserver(quiet);
  const loaded = (): void => {
    observer.observe({ type: 'resource' });
    quiet();
  };
  addEventListener('load', loaded, { once: true });
}
