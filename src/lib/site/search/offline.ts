/**
 * The offline side of the site: which files the service worker stores, and when (its source is
 * service-worker.ts). Chosen from the output folder once per build (see src/cli/search-index.ts);
 * what here is pure so that it can be tested without a build.
 */
import { BUCKETS_FILE, olderBuckets, type BucketManifest } from './buckets.ts';
import { VOCABULARY_FILE } from './vocabulary.ts';

/** What the precache list is chosen from, read from the output folder. */
export interface SiteFiles {
  /** The site's base path, with its trailing slash: "/" or "/paperboy/". */
  base: string;
  /** Every file of the output folder, as a relative POSIX path ("papers/x/index.html"). */
  files: readonly string[];
  /** The home page's HTML: it lists the latest digest's papers. */
  homeHtml: string;
  /** The offline page's HTML (OFFLINE_PAGE), to find the stylesheets and scripts it needs. */
  offlineHtml?: string | undefined;
  /** KaTeX's stylesheet, to find the fonts it references. */
  katexCss?: { path: string; text: string } | undefined;
  /** The parsed pagefind/paperboy-buckets.json: the index's buckets (buckets.ts). */
  buckets: BucketManifest;
  /** Sizes in bytes of the index's files, to decide whether the whole index fits the precache. */
  sizes?: ReadonlyMap<string, number> | undefined;
}

/** The whole index (words and result fragments) is precached while it is at most this big. */
export const WHOLE_INDEX_BUDGET = 1024 * 1024;

/** Files the site serves as-is from public/ that the offline shell needs (scripts and styles are built into _astro/). */
export const SHELL_FILES = ['favicon.svg'];

/** The public URL of an output file: folder index pages by their folder, as links write them. */
export function urlOf(base: string, path: string): string {
  return base + path.replace(/(^|\/)index\.html$/, '$1');
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Paper pages the home page links to: the latest digest's papers, in its order. */
export function latestPaperPages(homeHtml: string, base: string): string[] {
  const escaped = escapeRegExp(base);
  const link = new RegExp(`href="${escaped}(papers/[^"/?#]+/)"`, 'g');
  const pages = new Set<string>();
  for (const m of homeHtml.matchAll(link)) pages.add(`${m[1]}index.html`);
  return [...pages];
}

/** The built stylesheets and scripts (_astro/) a page links to, as output paths. */
export function builtAssetsOf(html: string, base: string): string[] {
  const asset = new RegExp(`(?:href|src)="${escapeRegExp(base)}(_astro/[^"?#]+\\.(?:css|js))"`, 'g');
  return [...new Set([...html.matchAll(asset)].map((m) => m[1]!))];
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

/** The page the worker answers with for a page it has not stored, when the network fails. */
export const OFFLINE_PAGE = 'offline/index.html';

/** What the worker stores: `core` as it installs, `later` once a page has loaded and asks. */
export interface Precache {
  core: string[];
  later: string[];
}

/**
 * The precache, in two steps so that it never competes with a reader's first page and search:
 * - `core`, stored as the worker installs (itself registered after the page's load, when the
 *   browser is idle): the offline page and the stylesheets and scripts it links to;
 * - `later`, stored one file at a time when a page asks (src/scripts/site.ts): the home and
 *   search pages, the other built scripts (search's among them), KaTeX's stylesheet and fonts, Pagefind's core (its script, the
 *   buckets' manifest, each bucket's entry, metadata and filters, the WebAssembly as the browser
 *   loads it from the newest and the oldest bucket, and the vocabulary for suggestions; the
 *   whole index too while it fits WHOLE_INDEX_BUDGET, else the parts each search fetches, as it
 *   fetches them) and the latest
 *   digest's paper pages (each with its digest page, as the worker stores any paper page).
 * Every path is checked against the output folder, so a precache never asks for a missing file
 * (which would fail the worker's install). Returned as URLs, each once.
 */
export function precacheUrls(site: SiteFiles): Precache {
  const have = new Set(site.files);
  const core: string[] = [OFFLINE_PAGE, ...SHELL_FILES, ...builtAssetsOf(site.offlineHtml ?? '', site.base)];

  const later: string[] = ['index.html', 'search/index.html'];
  later.push(...site.files.filter((f) => /^_astro\/[^/]+\.(css|js)$/.test(f)).sort());
  if (site.katexCss) later.push(site.katexCss.path, ...katexFonts(site.katexCss));
  const pf = 'pagefind/';
  // Not pagefind-worker.js: the site runs Pagefind without its worker (src/scripts/search/pagefind.ts).
  later.push(`${pf}pagefind.js`, `${pf}${BUCKETS_FILE}`, `${pf}${VOCABULARY_FILE}`);
  const [newest] = site.buckets.buckets;
  // The browser loads the WebAssembly with the newest bucket, and again with the oldest, which the others merge into.
  for (const b of [newest, olderBuckets(site.buckets)?.primary]) if (b) later.push(`${b.path}wasm.${b.wasm}.pagefind`);
  for (const b of site.buckets.buckets) later.push(`${b.path}pagefind-entry.json`, `${b.path}pagefind.${b.meta}.pf_meta`);
  const inBucket = (f: string, sub: string): boolean => new RegExp(`^${pf}[^/]+/${sub}/`).test(f);
  later.push(...site.files.filter((f) => inBucket(f, 'filter')).sort());
  const chunks = site.files.filter((f) => inBucket(f, 'index') || inBucket(f, 'fragment')).sort();
  const chunkBytes = chunks.reduce((sum, f) => sum + (site.sizes?.get(f) ?? Infinity), 0);
  if (chunkBytes <= WHOLE_INDEX_BUDGET) later.push(...chunks);
  later.push(...latestPaperPages(site.homeHtml, site.base));

  const urls = (paths: string[]) => [...new Set(paths.filter((p) => have.has(p)))].map((p) => urlOf(site.base, p));
  const coreUrls = urls(core);
  return { core: coreUrls, later: urls(later).filter((u) => !coreUrls.includes(u)) };
}

/** The service worker's cache name: per site (base) and per build (hash). */
export function cacheName(base: string, buildHash: string): string {
  return `paperboy:${base}:${buildHash}`;
}
