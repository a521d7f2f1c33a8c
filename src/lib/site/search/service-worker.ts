/**
 * The service worker's source, generated once per build (src/cli/search-index.ts) with the
 * lists of offline.ts. Plain JavaScript in a string: it runs in the browser as sw.js, unbundled.
 */
import { cacheName, OFFLINE_PAGE, urlOf, type Precache } from './offline.ts';

/** The message a page posts to the worker to have it store `later` (src/scripts/site.ts). */
export const STORE_MESSAGE = 'paperboy:store';

/**
 * The service worker's source. Same-origin GET requests under the base only:
 * - content-addressed files (built assets, KaTeX's versioned folder, the hashed chunks, filters
 *   and metadata of the index's buckets, pagefind/<month>/) are served cache-first, and cached as they are first fetched;
 * - everything else (pages, the unhashed scripts, Pagefind's entry file) is network-first,
 *   cached on the way, and served from the cache when the network fails. A page is cached by
 *   its path, so /search/?q=… offline is the cached /search/, which runs the query itself. A
 *   page navigated to that is not stored is answered, offline, by the offline page.
 * A page stored is stored with the pages its `data-offline-with` links name (a paper page's
 * digest), so that they work offline too.
 * Install stores `core` and takes over at once; STORE_MESSAGE stores `later`, one file at a time
 * at low priority while the page fetches nothing through the worker, skipping what is stored,
 * and answers on the message's port when done.
 * Activate deletes the caches of earlier builds, carrying over the pages (and built assets)
 * read before, so they stay readable.
 */
export function serviceWorkerSource(options: { base: string; cacheName: string; precache: Precache }): string {
  const { base, precache } = options;
  return `// Paperboy's service worker, generated at build time by src/cli/search-index.ts.
const CACHE = ${JSON.stringify(options.cacheName)};
const PREFIX = ${JSON.stringify(cacheName(base, ''))};
const BASE = ${JSON.stringify(base)};
const CORE = ${JSON.stringify(precache.core)};
const LATER = ${JSON.stringify(precache.later)};
const OFFLINE = new URL(${JSON.stringify(urlOf(base, OFFLINE_PAGE))}, self.location);
const rel = (url) => url.pathname.slice(BASE.length);
const immutable = (url) => /^(_astro\\/|katex\\/|pagefind\\/[^/]+\\/(index|filter|fragment)\\/|pagefind\\/[^/]+\\/pagefind\\.[^/]+\\.pf_meta$)/.test(rel(url));
const carriedOver = (url) => url.pathname.endsWith('/') || url.pathname.endsWith('.html') || /^(_astro|katex)\\//.test(rel(url));
const keyOf = (url) => url.origin + url.pathname;
const ours = (url) => url.origin === self.location.origin && url.pathname.startsWith(BASE);

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await cache.addAll(CORE.map((url) => new Request(url, { cache: 'reload' })));
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

// The pages a stored page names with data-offline-with (a paper page's digest), stored beside it.
async function storeCompanions(cache, response) {
  if (!(response.headers.get('content-type') || '').includes('text/html')) return;
  const html = await response.text();
  for (const tag of html.matchAll(/<a\\s[^>]*\\bdata-offline-with\\b[^>]*>/g)) {
    const href = /\\shref="([^"]+)"/.exec(tag[0]);
    if (!href) continue;
    const url = new URL(href[1].replace(/&amp;/g, '&'), self.location);
    if (!ours(url) || (await cache.match(keyOf(url)))) continue;
    try {
      const page = await fetch(url, { priority: 'low' });
      if (page.ok) await cache.put(keyOf(url), page);
    } catch {}
  }
}

async function store(cache, url, response) {
  await cache.put(keyOf(url), response.clone());
  await storeCompanions(cache, response);
}

// The page's own requests through this worker: LATER waits while any is under way, and a
// moment after, so that it never competes with a search.
let pageFetches = 0;
let pageFetched = 0;
async function pageQuiet() {
  while (pageFetches > 0 || Date.now() - pageFetched < 500) await new Promise((resolve) => setTimeout(resolve, 200));
}

// One pass over LATER at a time; a worker whose cache a newer build deleted stops.
let storing;
function storeLater() {
  storing = storing || (async () => {
    for (const href of LATER) {
      await pageQuiet();
      if (!(await caches.has(CACHE))) return;
      const cache = await caches.open(CACHE);
      const url = new URL(href, self.location);
      if (await cache.match(keyOf(url))) continue;
      try {
        const response = await fetch(url, { cache: 'reload', priority: 'low' });
        if (response.ok) await store(cache, url, response);
      } catch {}
    }
  })().finally(() => (storing = undefined));
  return storing;
}

self.addEventListener('message', (event) => {
  if (!event.data || event.data.type !== ${JSON.stringify(STORE_MESSAGE)}) return;
  event.waitUntil(storeLater().then(() => event.ports[0] && event.ports[0].postMessage('stored')));
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
    if (response.ok) event.waitUntil(store(cache, url, response.clone()));
    return response;
  } catch (error) {
    const hit = await cache.match(keyOf(url));
    if (hit) return usable(hit);
    const offline = event.request.mode === 'navigate' && (await cache.match(keyOf(OFFLINE)));
    if (offline) return new Response(offline.body, { status: 503, statusText: 'Offline', headers: offline.headers });
    throw error;
  }
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (!ours(url) || url.pathname === BASE + 'sw.js') return;
  pageFetches += 1;
  const response = immutable(url) ? cacheFirst(event, url) : networkFirst(event, url);
  const done = () => {
    pageFetches -= 1;
    pageFetched = Date.now();
  };
  response.then(done, done);
  event.respondWith(response);
});
`;
}
