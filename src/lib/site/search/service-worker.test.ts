/**
 * The service worker (service-worker.ts), its generated source run against an in-memory Cache
 * Storage and network: what it stores as it installs and when a page asks, what it answers
 * online and offline. The real worker in Chromium: e2e/offline.spec.ts, e2e/search.spec.ts.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runInNewContext } from 'node:vm';
import { cacheName, type Precache } from './offline.ts';
import { serviceWorkerSource, STORE_MESSAGE } from './service-worker.ts';

const origin = 'https://paperboy.test';

class FakeCache {
  entries = new Map<string, Response>();
  constructor(private readonly network?: (r: Request) => Promise<Response>) {}
  async match(request: Request | string) {
    const hit = this.entries.get(typeof request === 'string' ? request : request.url);
    return hit?.clone();
  }
  async put(request: Request | string, response: Response) {
    this.entries.set(typeof request === 'string' ? request : request.url, response);
  }
  async keys() {
    return [...this.entries.keys()].map((url) => new Request(url));
  }
  async addAll(requests: Request[]) {
    for (const request of requests) {
      const response = await this.network!(request);
      if (!response.ok) throw new TypeError(`addAll: ${request.url} ${response.status}`);
      await this.put(request, response);
    }
  }
}

/** A page's request: `navigate` as a browser's navigation (a Request cannot be made with that mode). */
function request(path: string, { navigate = false } = {}): Request {
  const r = new Request(`${origin}${path}`);
  if (navigate) Object.defineProperty(r, 'mode', { value: 'navigate' });
  return r;
}

function startWorker(options: { base: string; cacheName: string; precache: Precache }, pages: Record<string, string>) {
  const stores = new Map<string, FakeCache>();
  const listeners = new Map<string, (event: unknown) => void>();
  const state = {
    online: true,
    /** While set, the network answers only once it resolves. */
    hold: undefined as Promise<void> | undefined,
    fetched: [] as string[],
    skipped: false,
    claimed: false,
    stores,
    async network(request: Request) {
      state.fetched.push(request.url);
      if (state.hold) await state.hold;
      if (!state.online) throw new TypeError('Failed to fetch');
      const path = new URL(request.url).pathname;
      const body = pages[path];
      if (body === undefined) return new Response('not found', { status: 404 });
      return new Response(body, { status: 200, headers: { 'content-type': path.endsWith('/') ? 'text/html' : 'text/plain' } });
    },
    /** Dispatches an event as the browser would; resolves once the worker's waitUntil work is done. */
    async dispatch(type: string, init: { request?: Request; data?: unknown; ports?: unknown[] } = {}) {
      const waits: Promise<unknown>[] = [];
      let responded: Promise<Response> | undefined;
      listeners.get(type)!({
        ...init,
        waitUntil: (p: Promise<unknown>) => waits.push(p),
        respondWith: (p: Promise<Response>) => (responded = p),
      });
      const response = responded && (await responded);
      for (let done = 0; done < waits.length; done = waits.length) await Promise.all(waits); // waitUntil calls made while responding
      return response;
    },
    fetch: (path: string, opts?: { navigate?: boolean }) => state.dispatch('fetch', { request: request(path, opts) }),
    /** What a page posts: STORE_MESSAGE, with a port; resolves with what the worker answers on it. */
    async askToStore() {
      const answers: unknown[] = [];
      await state.dispatch('message', { data: { type: STORE_MESSAGE }, ports: [{ postMessage: (m: unknown) => answers.push(m) }] });
      return answers;
    },
    stored: (name = options.cacheName) => [...(stores.get(name)?.entries.keys() ?? [])].map((u) => u.slice(origin.length)),
  };
  const caches = {
    async open(name: string) {
      if (!stores.has(name)) stores.set(name, new FakeCache((r) => state.network(r)));
      return stores.get(name)!;
    },
    async has(name: string) {
      return stores.has(name);
    },
    async keys() {
      return [...stores.keys()];
    },
    async delete(name: string) {
      return stores.delete(name);
    },
  };
  const self = {
    location: new URL(`${origin}${options.base}sw.js`),
    addEventListener: (type: string, fn: (event: unknown) => void) => listeners.set(type, fn),
    skipWaiting: async () => void (state.skipped = true),
    clients: { claim: async () => void (state.claimed = true) },
  };
  // As in a worker, relative URLs resolve against the worker's location.
  const WorkerRequest = class extends Request {
    constructor(input: string | URL | Request, init?: RequestInit) {
      super(typeof input === 'string' ? new URL(input, self.location) : input, init);
    }
  };
  runInNewContext(serviceWorkerSource(options), {
    self,
    caches,
    fetch: (input: string | URL | Request, init?: RequestInit) => state.network(new WorkerRequest(input, init)),
    Request: WorkerRequest,
    Response,
    URL,
    console,
    setTimeout,
  });
  return state;
}

const paper = (digest: string) =>
  `<p class="meta"><a href="/pb/digests/${digest}/" data-offline-with>← Digest</a></p><a href="/pb/digests/2025-01-01/">#3</a>`;
const pages = {
  '/pb/': 'home',
  '/pb/search/': 'search page',
  '/pb/offline/': 'offline page',
  '/pb/papers/a/': paper('2025-03-17'),
  '/pb/papers/b/': 'paper b',
  '/pb/papers/c/': paper('2025-03-18'),
  '/pb/digests/2025-03-17/': 'digest 17',
  '/pb/digests/2025-03-18/': 'digest 18',
  '/pb/digests/2025-01-01/': 'digest 1',
  '/pb/pagefind/2025-03/pagefind-entry.json': '{"v":2}',
  '/pb/pagefind/2025-03/index/en_1.pf_index': 'chunk',
  '/pb/pagefind/2025-03/pagefind.en_1.pf_meta': 'meta',
  '/pb/pagefind/paperboy-buckets.json': 'buckets',
  '/pb/_astro/x.css': 'css',
};
const name = cacheName('/pb/', 'h1');
const precache: Precache = {
  core: ['/pb/offline/', '/pb/_astro/x.css'],
  later: ['/pb/', '/pb/search/', '/pb/papers/a/', '/pb/pagefind/2025-03/pagefind-entry.json'],
};

test('installing stores the core only and takes over; the rest is stored when a page asks, each file once', async () => {
  const worker = startWorker({ base: '/pb/', cacheName: name, precache }, pages);
  await worker.dispatch('install');
  assert.deepEqual(worker.stored(), ['/pb/offline/', '/pb/_astro/x.css']);
  assert.ok(worker.skipped);
  assert.deepEqual(await worker.askToStore(), ['stored']);
  // A paper page is stored with its digest (its data-offline-with link), not with the other digests it names.
  assert.deepEqual(worker.stored().sort(), [
    '/pb/',
    '/pb/_astro/x.css',
    '/pb/digests/2025-03-17/',
    '/pb/offline/',
    '/pb/pagefind/2025-03/pagefind-entry.json',
    '/pb/papers/a/',
    '/pb/search/',
  ]);
  // Asked again (every page asks), nothing is fetched again.
  const fetched = worker.fetched.length;
  assert.deepEqual(await worker.askToStore(), ['stored']);
  assert.equal(worker.fetched.length, fetched);
  // Other messages are not asks.
  await worker.dispatch('message', { data: 'hello', ports: [] });
  assert.equal(worker.fetched.length, fetched);
});

test("storing waits while the page's own requests are under way", async () => {
  const worker = startWorker({ base: '/pb/', cacheName: name, precache }, pages);
  await worker.dispatch('install');
  let release!: () => void;
  worker.hold = new Promise((resolve) => (release = resolve));
  const search = worker.fetch('/pb/pagefind/2025-03/index/en_1.pf_index');
  const storing = worker.askToStore();
  await new Promise((resolve) => setTimeout(resolve, 1000));
  // Only the page's request has gone to the network.
  assert.deepEqual(worker.fetched.slice(-1), [`${origin}/pb/pagefind/2025-03/index/en_1.pf_index`]);
  assert.ok(!worker.fetched.includes(`${origin}/pb/`));
  worker.hold = undefined;
  release();
  assert.equal(await (await search)!.text(), 'chunk');
  assert.deepEqual(await storing, ['stored']);
  assert.ok(worker.stored().includes('/pb/search/'));
});

test('what a page asked for stays stored when a file fails, and a worker whose cache is gone stops', async () => {
  const worker = startWorker({ base: '/pb/', cacheName: name, precache: { core: [], later: ['/pb/gone/', '/pb/', '/pb/search/'] } }, pages);
  await worker.dispatch('install');
  await worker.askToStore();
  assert.deepEqual(worker.stored(), ['/pb/', '/pb/search/']);
  // A newer build deleted this worker's cache: it does not write into a cache of its own again.
  worker.stores.delete(name);
  await worker.askToStore();
  assert.equal(worker.stores.has(name), false);
});

test('pages are network-first, stored as read with their digest, and served from the cache offline, whatever the query', async () => {
  const worker = startWorker({ base: '/pb/', cacheName: name, precache }, pages);
  await worker.dispatch('install');
  assert.equal(await (await worker.fetch('/pb/papers/c/'))!.text(), pages['/pb/papers/c/']);
  assert.ok(worker.stored().includes('/pb/digests/2025-03-18/'));
  assert.ok(!worker.stored().includes('/pb/digests/2025-01-01/'));
  await worker.fetch('/pb/search/');
  await worker.fetch('/pb/pagefind/2025-03/pagefind-entry.json');
  worker.online = false;
  assert.equal(await (await worker.fetch('/pb/papers/c/'))!.text(), pages['/pb/papers/c/']);
  assert.equal(await (await worker.fetch('/pb/digests/2025-03-18/', { navigate: true }))!.text(), 'digest 18');
  assert.equal(await (await worker.fetch('/pb/search/?q=multigrid'))!.text(), 'search page');
  assert.equal(await (await worker.fetch('/pb/pagefind/2025-03/pagefind-entry.json?ts=1712'))!.text(), '{"v":2}');
});

test('offline, a page not stored is the offline page (status 503); anything else not stored fails', async () => {
  const worker = startWorker({ base: '/pb/', cacheName: name, precache }, pages);
  await worker.dispatch('install');
  worker.online = false;
  const page = (await worker.fetch('/pb/papers/b/', { navigate: true }))!;
  assert.equal(page.status, 503);
  assert.equal(await page.text(), 'offline page');
  assert.equal(page.headers.get('content-type'), 'text/html');
  await assert.rejects(worker.fetch('/pb/papers/b/'), /Failed to fetch/);
  await assert.rejects(worker.fetch('/pb/pagefind/2025-03/other.json', { navigate: false }), /Failed to fetch/);
  // Online, a missing page is the site's own answer, and is not stored.
  worker.online = true;
  assert.equal((await worker.fetch('/pb/papers/none/', { navigate: true }))!.status, 404);
  assert.ok(!worker.stored().includes('/pb/papers/none/'));
});

test("hashed files of the index's buckets and built assets are cache-first: fetched once, then never again", async () => {
  const worker = startWorker({ base: '/pb/', cacheName: name, precache: { core: [], later: [] } }, pages);
  await worker.dispatch('install');
  for (let i = 0; i < 2; i++) assert.equal(await (await worker.fetch('/pb/pagefind/2025-03/index/en_1.pf_index'))!.text(), 'chunk');
  assert.equal(worker.fetched.filter((u) => u.endsWith('en_1.pf_index')).length, 1);
  for (let i = 0; i < 2; i++) assert.equal(await (await worker.fetch('/pb/pagefind/2025-03/pagefind.en_1.pf_meta'))!.text(), 'meta');
  assert.equal(worker.fetched.filter((u) => u.endsWith('en_1.pf_meta')).length, 1);
  // The buckets' manifest names the current buckets: asked of the network every time while online.
  for (let i = 0; i < 2; i++) assert.equal(await (await worker.fetch('/pb/pagefind/paperboy-buckets.json'))!.text(), 'buckets');
  assert.equal(worker.fetched.filter((u) => u.endsWith('paperboy-buckets.json')).length, 2);
  // A failed response is not cached.
  assert.equal((await worker.fetch('/pb/pagefind/2025-03/index/en_gone.pf_index'))!.status, 404);
  assert.ok(!worker.stored().includes('/pb/pagefind/2025-03/index/en_gone.pf_index'));
});

test('other hosts, other paths, other methods and the worker itself are left to the browser', async () => {
  const worker = startWorker({ base: '/pb/', cacheName: name, precache: { core: [], later: [] } }, pages);
  for (const r of [
    new Request('https://elsewhere.test/pb/'),
    new Request(`${origin}/other/`),
    new Request(`${origin}/pb/sw.js`),
    new Request(`${origin}/pb/papers/a/`, { method: 'POST' }),
  ]) {
    assert.equal(await worker.dispatch('fetch', { request: r }), undefined);
  }
});

test('activating a new build deletes older caches of this site, keeping the pages read before', async () => {
  const oldName = cacheName('/pb/', 'old');
  const newName = cacheName('/pb/', 'new');
  const worker = startWorker({ base: '/pb/', cacheName: newName, precache: { core: ['/pb/'], later: [] } }, pages);
  const old = new FakeCache();
  await old.put(`${origin}/pb/papers/a/`, new Response('old paper a'));
  await old.put(`${origin}/pb/`, new Response('old home'));
  await old.put(`${origin}/pb/_astro/x.css`, new Response('old css'));
  await old.put(`${origin}/pb/pagefind/2025-03/index/en_0.pf_index`, new Response('old chunk'));
  worker.stores.set(oldName, old);
  worker.stores.set('another-app', new FakeCache());
  worker.stores.set(cacheName('/other-site/', 'x'), new FakeCache());
  await worker.dispatch('install');
  await worker.dispatch('activate');
  assert.deepEqual([...worker.stores.keys()].sort(), ['another-app', cacheName('/other-site/', 'x'), newName].sort());
  const current = worker.stores.get(newName)!;
  assert.equal(await (await current.match(`${origin}/pb/`))!.text(), 'home');
  assert.equal(await (await current.match(`${origin}/pb/papers/a/`))!.text(), 'old paper a');
  assert.equal(await (await current.match(`${origin}/pb/_astro/x.css`))!.text(), 'old css');
  assert.equal(await current.match(`${origin}/pb/pagefind/2025-03/index/en_0.pf_index`), undefined);
  assert.ok(worker.claimed);
});
