/**
 * Search, loaded by site.ts when the reader starts searching; it starts as it loads (a bundle
 * of its own, see site.ts): Pagefind's API, and either the search page or the header's panel
 * drawn by this site's own renderer.
 */
import { Engine } from './engine.ts';
import { loadIndex } from './pagefind.ts';
import { panel } from './panel.ts';
import { searchPage } from './page.ts';

async function start(base: string): Promise<void> {
  const page = document.querySelector<HTMLElement>('[data-search-page]');
  const header = document.getElementById('site-search-q') as HTMLInputElement | null;
  const searchPath = `${base}search/`;
  let engine: Engine;
  try {
    engine = new Engine(await loadIndex(base), base);
  } catch {
    const status = page?.querySelector('[data-search-status]');
    if (status)
      status.textContent = navigator.onLine
        ? 'Search could not load. Please reload the page.'
        : 'Search could not load: you are offline, and this browser has not kept a copy of the search index yet.';
    return;
  }
  if (page) searchPage(engine, page, searchPath);
  else if (header) panel(engine, header, searchPath);
}

void start(import.meta.env.BASE_URL.replace(/\/?$/, '/'));
