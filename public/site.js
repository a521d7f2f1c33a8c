// Every page's one script: "/" focuses search, which loads when used; the service worker.
const base = new URL('./', import.meta.url);
const box = document.getElementById('site-search-q');
let search;
const load = () => (search ??= import(new URL('search.js', base).href).then((m) => m.start(box)));
if (box) {
  box.addEventListener('focus', load, { once: true });
  box.addEventListener('input', load, { once: true });
  if (document.querySelector('[data-search-page]') || document.activeElement === box) load();
  addEventListener('keydown', (e) => {
    const t = e.target;
    if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
    if (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName)) return;
    e.preventDefault();
    box.focus();
    box.select();
  });
}
navigator.serviceWorker?.register(new URL('sw.js', base), { scope: base.pathname }).catch(() => {});
