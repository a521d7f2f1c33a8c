/**
 * Pagefind's JavaScript API (pagefind/pagefind.js of the built site, 1.6), typed for what this
 * site uses, and loaded at run time from the site's own folder: it is not bundled, its index
 * and its code are built together by the search step (src/cli/search-index.ts).
 */
export interface ResultData {
  url: string;
  /** The page's indexed text. */
  content: string;
  /** Part of it around the matches, with < and > escaped and the matches in <mark>. */
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
}

export interface Result {
  id: string;
  score: number;
  /** Word positions of the matches in `content`. */
  words: number[];
  /** Metadata fields that matched (title, alias). */
  matchedMetaFields?: string[];
  data(): Promise<ResultData>;
}

export interface Response {
  results: Result[];
  unfilteredResultCount: number;
}

export type FilterCounts = Record<string, Record<string, number>>;

export interface Pagefind {
  options(options: { baseUrl?: string; excerptLength?: number; noWorker?: boolean }): Promise<void>;
  init(): Promise<void>;
  search(term: string, options?: { filters?: Record<string, string> }): Promise<Response | null>;
  preload(term: string, options?: { filters?: Record<string, string> }): Promise<void>;
  filters(): Promise<FilterCounts>;
}

/**
 * Pagefind, ready to search. Without its web worker: the worker is a second copy of Pagefind's
 * code (12 KB gzipped) for a search that takes milliseconds on the page's own thread.
 * (noWorker is read when Pagefind starts, so it is given before init.)
 */
export async function loadPagefind(base: string): Promise<Pagefind> {
  void preloadIndex(base);
  const pagefind = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as Pagefind;
  await pagefind.options({ baseUrl: base, excerptLength: 28, noWorker: true });
  await pagefind.init();
  return pagefind;
}

/**
 * Pagefind asks for its WebAssembly and its metadata only once its script (46 KB) has run and
 * its entry file has come. Named by the same entry file, fetched beside the script, both arrive
 * with it: a preload as "fetch" with CORS is what Pagefind's own fetch() then takes. Should the
 * entry not load, Pagefind fetches them itself, as without this.
 */
async function preloadIndex(base: string): Promise<void> {
  const dir = `${base}pagefind/`;
  const entry = (await fetch(`${dir}pagefind-entry.json`, { cache: 'no-cache' })
    .then((r) => r.json())
    .catch(() => undefined)) as { languages?: Record<string, { hash?: string; wasm?: string }> } | undefined;
  // The search step indexes the site as one language (forceLanguage in src/cli/search-index.ts).
  const index = Object.values(entry?.languages ?? {})[0];
  if (!index?.hash) return;
  for (const file of [`wasm.${index.wasm ?? 'unknown'}.pagefind`, `pagefind.${index.hash}.pf_meta`]) {
    const link = document.createElement('link');
    link.rel = 'preload';
    link.as = 'fetch';
    link.crossOrigin = 'anonymous';
    link.href = dir + file;
    document.head.append(link);
  }
}
