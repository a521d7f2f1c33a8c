/**
 * Pagefind's JavaScript API (pagefind/pagefind.js of the built site, 1.6), typed for what this
 * site uses, and loaded at run time from the site's own folder: it is not bundled, its index
 * and its code are built together by the search step (src/cli/search-index.ts).
 * The index is one Pagefind index per month (src/lib/site/search/buckets.ts): the newest month
 * is one Pagefind instance, searched first; the older months are a second instance, loaded
 * after the first result, its oldest month merged with the others by Pagefind's mergeIndex.
 */
import { BUCKETS_FILE, olderBuckets, parseBucketManifest, type BucketInfo } from '../../lib/site/search/buckets.ts';

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

type Filters = { filters?: Record<string, string> };

/** One Pagefind instance (pagefind.js's createInstance): an index and the indexes merged into it. */
export interface Pagefind {
  search(term: string, options?: Filters): Promise<Response | null>;
  preload(term: string, options?: Filters): Promise<void>;
  filters(): Promise<FilterCounts>;
  mergeIndex(path: string, options?: { excerptLength?: number }): Promise<void>;
}

interface PagefindModule {
  createInstance(options: {
    basePath: string;
    baseUrl: string;
    excerptLength: number;
    noWorker: boolean;
  }): Pagefind & { init(): Promise<void> };
}

/** The search index as the engine uses it: the newest month's instance, and the older months' when first asked for. */
export interface SearchIndex {
  newest: BucketInfo;
  recent: Pagefind;
  /** The older months' instance, loaded once (undefined when the index has one month). */
  older: (() => Promise<Pagefind>) | undefined;
}

const EXCERPT_LENGTH = 28;

/**
 * The index, ready to search its newest month. Without Pagefind's web worker: the worker is a
 * second copy of Pagefind's code (12 KB gzipped) for a search that takes milliseconds on the
 * page's own thread.
 */
export async function loadIndex(base: string): Promise<SearchIndex> {
  // The script and the buckets' manifest together; the manifest names the newest month's
  // WebAssembly and metadata, fetched at once beside Pagefind's own entry file.
  const script = import(/* @vite-ignore */ `${base}pagefind/pagefind.js`) as Promise<PagefindModule>;
  const manifest = parseBucketManifest(
    await fetch(`${base}pagefind/${BUCKETS_FILE}`, { cache: 'no-cache' }).then((r) => (r.ok ? r.json() : undefined)),
  );
  if (!manifest) throw new Error('Pagefind: no index');
  const newest = manifest.buckets[0]!;
  preload(base, newest);
  const pagefind = await script;
  const start = (bucket: BucketInfo) =>
    pagefind.createInstance({ basePath: `${base}${bucket.path}`, baseUrl: base, excerptLength: EXCERPT_LENGTH, noWorker: true });
  const recent = start(newest);
  await recent.init();
  const older = olderBuckets(manifest);
  let loaded: Promise<Pagefind> | undefined;
  const loadOlder = async (): Promise<Pagefind> => {
    // Pagefind's instances share one WebAssembly module: the second may start only once the
    // first has set it up (an empty search resolves then), as mergeIndex itself waits.
    await recent.search('');
    const instance = start(older!.primary);
    await Promise.all(older!.merged.map((b) => instance.mergeIndex(`${base}${b.path}`, { excerptLength: EXCERPT_LENGTH })));
    // Rejects if the oldest month's index could not load (offline, not stored).
    await instance.search('');
    return instance;
  };
  return {
    newest,
    recent,
    older: older
      ? () =>
          (loaded ??= loadOlder().catch((error: unknown) => {
            loaded = undefined; // tried again by a later search
            throw error;
          }))
      : undefined,
  };
}

/**
 * Pagefind asks for its WebAssembly and its metadata only once its script (46 KB) has run and
 * its entry file has come. Named by the buckets' manifest, both are fetched beside the entry: a
 * preload as "fetch" with CORS is what Pagefind's own fetch() then takes.
 */
function preload(base: string, bucket: BucketInfo): void {
  for (const file of [`wasm.${bucket.wasm}.pagefind`, `pagefind.${bucket.meta}.pf_meta`]) {
    const link = document.createElement('link');
    link.rel = 'preload';
    link.as = 'fetch';
    link.crossOrigin = 'anonymous';
    link.href = `${base}${bucket.path}${file}`;
    document.head.append(link);
  }
}
