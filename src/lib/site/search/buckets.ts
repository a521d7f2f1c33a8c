/**
 * The search index split by time: one Pagefind index ("bucket") per calendar month of the
 * papers' digest dates. The browser searches the newest month first and shows its first result
 * while it merges the older months (src/scripts/search/); a daily build adds papers to the
 * newest month only, so it rebuilds that bucket and keeps the others' files as they are
 * (src/cli/search-index.ts).
 *
 * Why calendar months: a paper's bucket depends on its own date alone, so adding, removing or
 * changing one paper changes one bucket (two when a paper seen again moves to a later month),
 * never the boundaries of the others. At ~50 papers a day a month holds about 1,500: measured at
 * 10,000 papers (npm run bench:search), a first search for "networks" whose newest month holds
 * 1,150 papers fetches 104 KB gzipped to its first result, against 197 KB for one index of all
 * of them (an index of 2,500 papers cost 124 KB); a warm build indexes one month's pages.
 * A count-based split would adapt to the volume but move every later boundary when an old
 * paper is removed.
 *
 * Shared by the build (which writes the manifest) and the browser (which reads it): plain
 * TypeScript, no Node or DOM.
 */

/** The manifest's name, in the site's pagefind/ folder beside the buckets' folders. */
export const BUCKETS_FILE = 'paperboy-buckets.json';

/** Where a page without a readable digest date goes: kept searchable, ordered oldest. */
export const UNDATED = 'undated';

/** The bucket of a digest date (YYYY-MM-DD): its month, "2025-03". */
export function bucketOf(date: string | undefined): string {
  const m = /^(\d{4})-(\d{2})-\d{2}$/.exec(date ?? '');
  return m ? `${m[1]}-${m[2]}` : UNDATED;
}

/**
 * The digest date Pagefind is given for a page (the article's `data-pagefind-meta="date:…"`,
 * see src/pages/papers/[slug].astro), or undefined. Pagefind reads several metadata in one
 * attribute as comma-separated `key:value` pairs.
 */
export function pageDate(html: string): string | undefined {
  for (const m of html.matchAll(/\sdata-pagefind-meta="([^"]*)"/g)) {
    const date = /(?:^|,)\s*date:(\d{4}-\d{2}-\d{2})\s*(?:,|$)/.exec(m[1]!);
    if (date) return date[1];
  }
  return undefined;
}

/** Bucket keys newest first; the undated bucket last. */
export function newestFirst(keys: Iterable<string>): string[] {
  const rank = (k: string): string => (k === UNDATED ? '' : k);
  return [...new Set(keys)].sort((a, b) => (rank(a) < rank(b) ? 1 : rank(a) > rank(b) ? -1 : 0));
}

/** A bucket's output folder, relative to the site's output folder. */
export const bucketPath = (key: string): string => `pagefind/${key}/`;

/** One bucket as the manifest names it for the browser. */
export interface BucketInfo {
  key: string;
  /** Its Pagefind folder, relative to the site's base: "pagefind/2025-03/". */
  path: string;
  pages: number;
  /** Its Pagefind metadata's hash (pagefind.<meta>.pf_meta) and WebAssembly's name (wasm.<wasm>.pagefind), to fetch them early. */
  meta: string;
  wasm: string;
}

export interface BucketManifest {
  version: 1;
  /** Newest first. */
  buckets: BucketInfo[];
}

/** The buckets the browser merges after the newest: the oldest one loads Pagefind's second copy of the WebAssembly, the others merge into it. */
export function olderBuckets(manifest: BucketManifest): { primary: BucketInfo; merged: BucketInfo[] } | undefined {
  const older = manifest.buckets.slice(1);
  const primary = older.at(-1);
  return primary ? { primary, merged: older.slice(0, -1) } : undefined;
}

/** The manifest read back (in the browser): undefined unless it is what this code writes. */
export function parseBucketManifest(json: unknown): BucketManifest | undefined {
  if (typeof json !== 'object' || json === null) return undefined;
  const { version, buckets } = json as Partial<BucketManifest>;
  if (version !== 1 || !Array.isArray(buckets) || buckets.length === 0) return undefined;
  const ok = buckets.every(
    (b: Partial<BucketInfo>) =>
      typeof b.key === 'string' &&
      typeof b.path === 'string' &&
      /^pagefind\/[\w-]+\/$/.test(b.path) &&
      typeof b.pages === 'number' &&
      typeof b.meta === 'string' &&
      /^[\w-]+$/.test(b.meta) &&
      typeof b.wasm === 'string' &&
      /^[\w-]+$/.test(b.wasm),
  );
  return ok ? { version: 1, buckets } : undefined;
}

const monthFormat = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** A bucket as the reader is told of it: "March 2025". */
export function bucketLabel(key: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(key);
  return m ? monthFormat.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1))) : 'undated papers';
}

/**
 * What a build must do with each bucket, from what each holds now (url → hash of what is
 * indexed) and what the previous build recorded: `write` the buckets whose pages differ in any
 * way (a page added, removed or changed), `keep` the others. (Buckets left empty need no plan:
 * the step removes whatever in pagefind/ is not one of this build's buckets.)
 */
export function bucketPlan(
  now: ReadonlyMap<string, ReadonlyMap<string, string>>,
  before: Readonly<Record<string, Readonly<Record<string, string>>>> | undefined,
): { write: string[]; keep: string[] } {
  const same = (key: string): boolean => {
    const was = before?.[key];
    const is = now.get(key)!;
    if (!was || Object.keys(was).length !== is.size) return false;
    for (const [url, hash] of is) if (was[url] !== hash) return false;
    return true;
  };
  const keys = newestFirst(now.keys());
  return {
    write: keys.filter((k) => !same(k)),
    keep: keys.filter(same),
  };
}
