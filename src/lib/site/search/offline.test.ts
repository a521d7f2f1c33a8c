import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runInNewContext } from 'node:vm';
import {
  cacheName,
  katexFonts,
  latestPaperPages,
  precacheUrls,
  serviceWorkerSource,
  urlOf,
  WHOLE_INDEX_BUDGET,
  type SiteFiles,
} from './offline.ts';

const home = (base: string) =>
  `<nav><a href="${base}">Latest</a><a href="${base}digests/">Digests</a></nav>` +
  `<ol><li><a href="${base}papers/mgno/">MgNO</a></li><li><a href="${base}papers/lipschitz/">L</a></li><li><a href="${base}papers/mgno/">again</a></li></ol>`;

function site(base: string, extra: Partial<SiteFiles> = {}): SiteFiles {
  return {
    base,
    files: [
      'index.html',
      'search/index.html',
      '404.html',
      'favicon.svg',
      'sw.js',
      '_astro/global.abc123.css',
      '_astro/page.def456.js',
      '_astro/logo.svg',
      'katex/0.16.47/katex.min.css',
      'katex/0.16.47/fonts/KaTeX_Main-Regular.woff2',
      'katex/0.16.47/fonts/KaTeX_Math-Italic.woff2',
      'katex/0.16.47/fonts/KaTeX_Unused.woff2',
      'papers/mgno/index.html',
      'papers/lipschitz/index.html',
      'papers/older/index.html',
      'digests/index.html',
      'pagefind/pagefind.js',
      'pagefind/pagefind-worker.js',
      'pagefind/pagefind-component-ui.js',
      'pagefind/pagefind-component-ui.css',
      'pagefind/pagefind-ui.js',
      'pagefind/paperboy-vocabulary.json',
      'pagefind/pagefind-entry.json',
      'pagefind/pagefind.en_1234.pf_meta',
      'pagefind/wasm.en.pagefind',
      'pagefind/wasm.unknown.pagefind',
      'pagefind/filter/en_aa.pf_filter',
      'pagefind/index/en_bb.pf_index',
      'pagefind/fragment/en_cc.pf_fragment',
    ],
    homeHtml: home(base),
    katexCss: {
      path: 'katex/0.16.47/katex.min.css',
      text: '@font-face{src:url(fonts/KaTeX_Main-Regular.woff2) format("woff2")}@font-face{src:url("./fonts/KaTeX_Math-Italic.woff2")}@font-face{src:url(fonts/KaTeX_Missing.woff2)}',
    },
    pagefindEntry: { languages: { en: { hash: 'en_1234', wasm: 'en', page_count: 3 } } },
    sizes: new Map([
      ['pagefind/index/en_bb.pf_index', 1000],
      ['pagefind/fragment/en_cc.pf_fragment', 2000],
    ]),
    ...extra,
  };
}

test('URLs of output files are the links the site writes', () => {
  assert.equal(urlOf('/', 'index.html'), '/');
  assert.equal(urlOf('/paperboy/', 'papers/x/index.html'), '/paperboy/papers/x/');
  assert.equal(urlOf('/', 'pagefind/pagefind.js'), '/pagefind/pagefind.js');
  assert.equal(urlOf('/', 'not-index.html'), '/not-index.html');
});

test('the latest papers are the home page links to paper pages, once each, under the base', () => {
  assert.deepEqual(latestPaperPages(home('/'), '/'), ['papers/mgno/index.html', 'papers/lipschitz/index.html']);
  assert.deepEqual(latestPaperPages(home('/pb/'), '/pb/'), ['papers/mgno/index.html', 'papers/lipschitz/index.html']);
  assert.deepEqual(latestPaperPages(home('/'), '/pb/'), []);
});

test('KaTeX fonts are the woff2 files its stylesheet references, resolved against it', () => {
  const css = site('/').katexCss!;
  assert.deepEqual(katexFonts(css), [
    'katex/0.16.47/fonts/KaTeX_Main-Regular.woff2',
    'katex/0.16.47/fonts/KaTeX_Math-Italic.woff2',
    'katex/0.16.47/fonts/KaTeX_Missing.woff2',
  ]);
  assert.deepEqual(katexFonts({ path: 'a/b.css', text: 'url(../f.woff2) url(https://x.org/g.woff2) url(/h.woff2)' }), ['f.woff2']);
});

test('the precache holds the shell, Pagefind core and the latest digest, and only files that exist', () => {
  const urls = precacheUrls(site('/paperboy/'));
  for (const url of [
    '/paperboy/',
    '/paperboy/search/',
    '/paperboy/favicon.svg',
    '/paperboy/_astro/global.abc123.css',
    '/paperboy/_astro/page.def456.js',
    '/paperboy/katex/0.16.47/katex.min.css',
    '/paperboy/katex/0.16.47/fonts/KaTeX_Main-Regular.woff2',
    '/paperboy/katex/0.16.47/fonts/KaTeX_Math-Italic.woff2',
    '/paperboy/pagefind/pagefind.js',
    '/paperboy/pagefind/paperboy-vocabulary.json',
    '/paperboy/pagefind/pagefind-entry.json',
    '/paperboy/pagefind/pagefind.en_1234.pf_meta',
    '/paperboy/pagefind/wasm.en.pagefind',
    '/paperboy/pagefind/filter/en_aa.pf_filter',
    '/paperboy/pagefind/index/en_bb.pf_index',
    '/paperboy/pagefind/fragment/en_cc.pf_fragment',
    '/paperboy/papers/mgno/',
    '/paperboy/papers/lipschitz/',
  ]) {
    assert.ok(urls.includes(url), url);
  }
  for (const url of [
    '/paperboy/papers/older/',
    '/paperboy/digests/',
    '/paperboy/sw.js',
    '/paperboy/404.html',
    '/paperboy/_astro/logo.svg',
    '/paperboy/katex/0.16.47/fonts/KaTeX_Unused.woff2',
    '/paperboy/katex/0.16.47/fonts/KaTeX_Missing.woff2',
    '/paperboy/pagefind/pagefind-ui.js',
    '/paperboy/pagefind/pagefind-worker.js',
    '/paperboy/pagefind/pagefind-component-ui.js',
    '/paperboy/pagefind/pagefind-component-ui.css',
    '/paperboy/pagefind/wasm.unknown.pagefind',
  ]) {
    assert.ok(!urls.includes(url), url);
  }
  assert.equal(new Set(urls).size, urls.length);
});

test('a large index is left to the runtime cache', () => {
  const big = new Map([
    ['pagefind/index/en_bb.pf_index', WHOLE_INDEX_BUDGET],
    ['pagefind/fragment/en_cc.pf_fragment', 1],
  ]);
  const urls = precacheUrls(site('/', { sizes: big }));
  assert.ok(urls.includes('/pagefind/pagefind.en_1234.pf_meta'));
  assert.ok(!urls.includes('/pagefind/index/en_bb.pf_index'));
  assert.ok(!urls.includes('/pagefind/fragment/en_cc.pf_fragment'));
  // Sizes unknown: not precached either.
  assert.ok(!precacheUrls(site('/', { sizes: undefined })).includes('/pagefind/index/en_bb.pf_index'));
});

// --- The service worker, run against an in-memory Cache Storage and network. ---

class FakeCache {
  entries = new Map<string, Response>();
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
      const response = await worker.network(request);
      if (!response.ok) throw new TypeError(`addAll: ${request.url} ${response.status}`);
      await this.put(request, response);
    }
  }
}

let worker: ReturnType<typeof startWorker>;

function startWorker(options: { base: string; cacheName: string; precache: string[] }, pages: Record<string, string>) {
  const origin = 'https://paperboy.test';
  const stores = new Map<string, FakeCache>();
  const listeners = new Map<string, (event: unknown) => void>();
  const state = {
    online: true,
    fetched: [] as string[],
    skipped: false,
    claimed: false,
    stores,
    async network(request: Request) {
      state.fetched.push(request.url);
      if (!state.online) throw new TypeError('Failed to fetch');
      const path = new URL(request.url).pathname;
      const body = pages[path];
      return body === undefined ? new Response('not found', { status: 404 }) : new Response(body, { status: 200 });
    },
    async dispatch(type: string, request?: Request) {
      const waits: Promise<unknown>[] = [];
      let responded: Promise<Response> | undefined;
      listeners.get(type)!({
        request,
        waitUntil: (p: Promise<unknown>) => waits.push(p),
        respondWith: (p: Promise<Response>) => (responded = p),
      });
      const response = responded && (await responded);
      await Promise.all(waits);
      await Promise.all(waits); // waitUntil calls made while responding
      return response;
    },
  };
  const caches = {
    async open(name: string) {
      if (!stores.has(name)) stores.set(name, new FakeCache());
      return stores.get(name)!;
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
    constructor(input: string | Request, init?: RequestInit) {
      super(typeof input === 'string' ? new URL(input, self.location) : input, init);
    }
  };
  runInNewContext(serviceWorkerSource(options), {
    self,
    caches,
    fetch: (r: Request) => state.network(r),
    Request: WorkerRequest,
    Response,
    URL,
    console,
  });
  return state;
}

const origin = 'https://paperboy.test';
const pages = {
  '/pb/': 'home',
  '/pb/search/': 'search page',
  '/pb/papers/a/': 'paper a',
  '/pb/papers/b/': 'paper b',
  '/pb/pagefind/pagefind-entry.json': '{"v":2}',
  '/pb/pagefind/index/en_1.pf_index': 'chunk',
  '/pb/_astro/x.css': 'css',
};

test('the service worker precaches on install, takes over, and its cache is per site and build', async () => {
  const name = cacheName('/pb/', 'h1');
  assert.equal(name, 'paperboy:/pb/:h1');
  worker = startWorker({ base: '/pb/', cacheName: name, precache: ['/pb/', '/pb/search/', '/pb/pagefind/pagefind-entry.json'] }, pages);
  await worker.dispatch('install');
  assert.deepEqual(
    [...worker.stores.get(name)!.entries.keys()],
    [`${origin}/pb/`, `${origin}/pb/search/`, `${origin}/pb/pagefind/pagefind-entry.json`],
  );
  assert.ok(worker.skipped);
});

test('pages are network-first, cached as read, and served from the cache offline, whatever the query', async () => {
  const name = cacheName('/pb/', 'h1');
  worker = startWorker({ base: '/pb/', cacheName: name, precache: ['/pb/search/', '/pb/pagefind/pagefind-entry.json'] }, pages);
  await worker.dispatch('install');
  assert.equal(await (await worker.dispatch('fetch', new Request(`${origin}/pb/papers/a/`)))!.text(), 'paper a');
  worker.online = false;
  assert.equal(await (await worker.dispatch('fetch', new Request(`${origin}/pb/papers/a/`)))!.text(), 'paper a');
  assert.equal(await (await worker.dispatch('fetch', new Request(`${origin}/pb/search/?q=multigrid`)))!.text(), 'search page');
  assert.equal(await (await worker.dispatch('fetch', new Request(`${origin}/pb/pagefind/pagefind-entry.json?ts=1712`)))!.text(), '{"v":2}');
  await assert.rejects(worker.dispatch('fetch', new Request(`${origin}/pb/papers/b/`)), /Failed to fetch/);
});

test('hashed index chunks and built assets are cache-first: fetched once, then never again', async () => {
  worker = startWorker({ base: '/pb/', cacheName: cacheName('/pb/', 'h1'), precache: [] }, pages);
  await worker.dispatch('install');
  for (let i = 0; i < 2; i++) {
    assert.equal(await (await worker.dispatch('fetch', new Request(`${origin}/pb/pagefind/index/en_1.pf_index`)))!.text(), 'chunk');
  }
  assert.equal(worker.fetched.filter((u) => u.endsWith('en_1.pf_index')).length, 1);
  // A failed response is not cached.
  assert.equal((await worker.dispatch('fetch', new Request(`${origin}/pb/pagefind/index/en_gone.pf_index`)))!.status, 404);
  assert.equal(await worker.stores.get(cacheName('/pb/', 'h1'))!.match(`${origin}/pb/pagefind/index/en_gone.pf_index`), undefined);
});

test('other hosts, other paths, other methods and the worker itself are left to the browser', async () => {
  worker = startWorker({ base: '/pb/', cacheName: cacheName('/pb/', 'h1'), precache: [] }, pages);
  for (const request of [
    new Request('https://elsewhere.test/pb/'),
    new Request(`${origin}/other/`),
    new Request(`${origin}/pb/sw.js`),
    new Request(`${origin}/pb/papers/a/`, { method: 'POST' }),
  ]) {
    assert.equal(await worker.dispatch('fetch', request), undefined);
  }
});

test('activating a new build deletes older caches of this site, keeping the pages read before', async () => {
  const oldName = cacheName('/pb/', 'old');
  const newName = cacheName('/pb/', 'new');
  worker = startWorker({ base: '/pb/', cacheName: newName, precache: ['/pb/'] }, pages);
  const old = await (async () => {
    const c = new FakeCache();
    await c.put(`${origin}/pb/papers/a/`, new Response('old paper a'));
    await c.put(`${origin}/pb/`, new Response('old home'));
    await c.put(`${origin}/pb/_astro/x.css`, new Response('old css'));
    await c.put(`${origin}/pb/pagefind/index/en_0.pf_index`, new Response('old chunk'));
    return c;
  })();
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
  assert.equal(await current.match(`${origin}/pb/pagefind/index/en_0.pf_index`), undefined);
  assert.ok(worker.claimed);
});
