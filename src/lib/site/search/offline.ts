/**
 * The offline side of the site: which files the service worker caches as it installs, and the
 * service worker itself. Both are built from the output folder once per build (see
 * src/cli/search-index.ts); what here is pure so that it can be tested without a build.
 */
import { VOCABULARY_FILE } from './vocabulary.ts';

/** What the precache list is chosen from, read from the output folder. */
export interface SiteFiles {
  /** The site's base path, with its trailing slash: "/" or "/paperboy/". */
  base: string;
  /** Every file of the output folder, as a relative POSIX path ("papers/x/index.html"). */
  files: readonly string[];
  /** The home page's HTML: it lists the latest digest's papers. */
  homeHtml: string;
  /** KaTeX's stylesheet, to find the fonts it references. */
  katexCss?: { path: string; text: string } | undefined;
  /** The parsed pagefind/pagefind-entry.json. */
  pagefindEntry: PagefindEntry;
  /** Sizes in bytes of the index's files, to decide whether the whole index fits the precache. */
  sizes?: ReadonlyMap<string, number> | undefined;
}

export interface PagefindEntry {
  languages: Record<string, { hash: string; wasm?: string | null; page_count?: number }>;
}

/** The whole index (words and result fragments) is precached while it is at most this big. */
export const WHOLE_INDEX_BUDGET = 1024 * 1024;

/** Files the site serves as-is from public/ that the offline shell needs (scripts and styles are built into _astro/). */
export const SHELL_FILES = ['favicon.svg'];

/** The public URL of an output file: folder index pages by their folder, as links write them. */
export function urlOf(base: string, path: string): string {
  return base + path.replace(/(^|\/)index\.html$/, '$1');
}

/** Paper pages the home page links to: the latest digest's papers, in its order. */
export function latestPaperPages(homeHtml: string, base: string): string[] {
  const escaped = base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const link = new RegExp(`href="${escaped}(papers/[^"/?#]+/)"`, 'g');
  const pages = new Set<string>();
  for (const m of homeHtml.matchAll(link)) pages.add(`${m[1]}index.html`);
  return [...pages];
}

/** The woff2 fonts a KaTeX stylesheet references, as output paths. */
export function katexFonts(css: { path: string; text: string }): string[] {
  const dir = css.path.replace(/[^/]*$/, '');
  const fonts = new Set<string>();
  for (const m of css.text.matchAll(/url\(\s*["']?([^"')]+\.woff2)["']?\s*\)/g)) {
    const ref = m[1]!;
    if (/^[a-z]+:|^\//i.test(ref)) continue;
    const parts = (dir + ref).split('/');
    const path: string[] = [];
    for (const part of parts) {
      if (part === '..') path.pop();
      else if (part !== '.' && part !== '') path.push(part);
    }
    fonts.add(path.join('/'));
  }
  return [...fonts];
}

/**
 * The precache: the shell (home, search page, stylesheets and built scripts, KaTeX's stylesheet
 * and fonts), Pagefind's core (its scripts, WebAssembly, entry, metadata and filters, and the
 * vocabulary for suggestions; the whole
 * index too while it fits WHOLE_INDEX_BUDGET) and the latest digest's paper pages. Every path
 * is checked against the output folder, so a precache never asks for a missing file (which
 * would fail the service worker's install). Returned as URLs, without duplicates.
 */
export function precacheUrls(site: SiteFiles): string[] {
  const have = new Set(site.files);
  const paths: string[] = ['index.html', 'search/index.html', ...SHELL_FILES];
  paths.push(...site.files.filter((f) => /^_astro\/[^/]+\.(css|js)$/.test(f)).sort());
  if (site.katexCss) paths.push(site.katexCss.path, ...katexFonts(site.katexCss));

  const pf = 'pagefind/';
  // Not pagefind-worker.js: the site runs Pagefind without its worker (src/scripts/search/pagefind.ts).
  paths.push(`${pf}pagefind.js`, `${pf}pagefind-entry.json`, `${pf}${VOCABULARY_FILE}`);
  for (const lang of Object.values(site.pagefindEntry.languages)) {
    paths.push(`${pf}pagefind.${lang.hash}.pf_meta`, `${pf}wasm.${lang.wasm ?? 'unknown'}.pagefind`);
  }
  paths.push(...site.files.filter((f) => f.startsWith(`${pf}filter/`)).sort());
  const chunks = site.files.filter((f) => f.startsWith(`${pf}index/`) || f.startsWith(`${pf}fragment/`)).sort();
  const chunkBytes = chunks.reduce((sum, f) => sum + (site.sizes?.get(f) ?? Infinity), 0);
  if (chunkBytes <= WHOLE_INDEX_BUDGET) paths.push(...chunks);

  paths.push(...latestPaperPages(site.homeHtml, site.base));
  return [...new Set(paths.filter((p) => have.has(p)))].map((p) => urlOf(site.base, p));
}

/** The service worker's cache name: per site (base) and per build (hash). */
export function cacheName(base: string, buildHash: string): string {
  return `paperboy:${base}:${buildHash}`;
}

/**
 * The service worker's source. Same-origin GET requests under the base only:
 * - content-addressed files (built assets, KaTeX's versioned folder, the index's hashed chunks,
 *   filters and metadata) are served cache-first, and cached as they are first fetched;
 * - everything else (pages, the unhashed scripts, Pagefind's entry file) is network-first,
 *   cached on the way, and served from the cache when the network fails. A page is cached by
 *   its path, so /search/?q=… offline is the cached /search/, which runs the query itself.
 * Install precaches the list and takes over at once; activate deletes the caches of earlier
 * builds, carrying over the pages (and built assets) read before, so they stay readable.
 */
export function serviceWorkerSource(options: { base: string; cacheName: string; precache: readonly string[] }): string {
  const { base, precache } = options;
  return `// Paperboy's service worker, generated at build time by src/cli/search-index.ts.
const CACHE = ${JSON.stringify(options.cacheName)};
const PREFIX = ${JSON.stringify(cacheName(base, ''))};
const BASE = ${JSON.stringify(base)};
const PRECACHE = ${JSON.stringify(precache)};
const rel = (url) => url.pathname.slice(BASE.length);
const immutable = (url) => /^(_astro\\/|katex\\/|pagefind\\/(index|filter|fragment)\\/|pagefind\\/pagefind\\.[^/]+\\.pf_meta$)/.test(rel(url));
const carriedOver = (url) => url.pathname.endsWith('/') || url.pathname.endsWith('.html') || /^(_astro|katex)\\//.test(rel(url));
const keyOf = (url) => url.origin + url.pathname;

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await cache.addAll(PRECACHE.map((url) => new Request(url, { cache: 'reload' })));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    for (const name of await caches.keys()) {
      if (name === CACHE || !name.startsWith(PREFIX)) continue;
      const old = await caches.open(name);
      for (const request of await old.keys()) {
        if (carriedOver(new URL(request.url)) && !(await cache.match(request))) {
          const response = await old.match(request);
          if (response) await cache.put(request, response);
        }
      }
      await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

// A response that followed a redirect cannot answer a navigation: serve its body afresh.
const usable = (response) => (response.redirected ? new Response(response.body, response) : response);

async function cacheFirst(event, url) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(keyOf(url));
  if (hit) return usable(hit);
  const response = await fetch(event.request);
  if (response.ok) event.waitUntil(cache.put(keyOf(url), response.clone()));
  return response;
}

async function networkFirst(event, url) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(event.request);
    if (response.ok) event.waitUntil(cache.put(keyOf(url), response.clone()));
    return response;
  } catch (error) {
    const hit = await cache.match(keyOf(url));
    if (hit) return usable(hit);
    throw error;
  }
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !url.pathname.startsWith(BASE) || url.pathname === BASE + 'sw.js') return;
  event.respondWith(immutable(url) ? cacheFirst(event, url) : networkFirst(event, url));
});
`;
}
