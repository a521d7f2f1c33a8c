/**
 * npm run build, second step (after astro build): search and offline reading.
 * Pagefind indexes the pages that mark a body to index (data-pagefind-body: the paper pages'
 * abstract, the title as metadata), with each KaTeX formula read once as its Unicode text and
 * its TeX spelling, British spellings and folded letters as hidden aliases
 * (src/lib/site/search/math.ts); one index per month of digest dates, in pagefind/<YYYY-MM>/,
 * listed in pagefind/paperboy-buckets.json (src/lib/site/search/buckets.ts); the index's
 * vocabulary for "did you mean" beside them; then the service worker is written, with a
 * precache list and a cache name taken from this build's files.
 * Any Pagefind error fails the build: a site whose search is broken is not published.
 * A month whose pages are all as the previous build indexed them is kept as it is, unread by
 * Pagefind (a daily build writes the newest month alone). In a month written again the previous
 * build's fragments stay (Pagefind skips a hashed file that is already there, so only changed
 * pages' fragments are compressed and written), and what the new index does not use is removed
 * after it is written (keepFragments, src/lib/site/search/pagefind-files.ts).
 * What the shaping made of each page is kept in the build cache by a hash of the page's indexed
 * part (src/lib/site/search/shape-cache.ts): a warm build shapes only the pages that changed.
 * Why a process of its own rather than an Astro build hook: Astro still holds the whole build
 * in memory when its hooks run, and Pagefind's indexer would add its own peak on top.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import * as pagefind from 'pagefind';
import { cacheDir, outDir as builtSite } from '../lib/contract/paths.ts';
import { indexedPart } from '../lib/site/search/indexed-part.ts';
import { BUCKETS_FILE, bucketOf, bucketPath, bucketPlan, newestFirst, pageDate, type BucketManifest } from '../lib/site/search/buckets.ts';
import {
  entryOf,
  inputHash,
  intact,
  keepFragments,
  pruneBucket,
  readManifest,
  writeManifest,
  type IndexManifest,
} from '../lib/site/search/pagefind-files.ts';
import { indexablePage } from '../lib/site/search/math.ts';
import { codeId, ShapeCache, shapeKey } from '../lib/site/search/shape-cache.ts';
import { VOCABULARY_FILE, VocabularyCounter } from '../lib/site/search/vocabulary.ts';
import { cacheName, OFFLINE_PAGE, precacheUrls, urlOf } from '../lib/site/search/offline.ts';
import { serviceWorkerSource } from '../lib/site/search/service-worker.ts';
import { KATEX_CSS } from '../integrations/katex-assets.ts';

/**
 * Every file under dir, as relative POSIX paths, sorted. Blocking calls here and below: over
 * the 30,000 files of a 10,000-paper site, the promise versions cost seconds (a libuv round trip
 * each) where the blocking ones cost a tenth of that, and this process has nothing else to do.
 */
function listFiles(dir: string): string[] {
  const entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

/** Pages sent to Pagefind ahead of its answers: enough to keep it busy, few enough to hold. */
const ADD_WINDOW = 64;

function check(step: string, errors: readonly string[] | undefined): void {
  if (errors?.length) throw new Error(`Pagefind failed to ${step}:\n${errors.join('\n')}`);
}

const manifestFile = (): string => join(cacheDir(), 'paperboy-pagefind.json');
const shapeCacheFile = (): string => join(cacheDir(), 'paperboy-search-shape.json');

/** What decides a bucket's bytes besides its pages: with another recipe every bucket is written again. */
function recipe(): string {
  const version = (
    JSON.parse(readFileSync(new URL('../../node_modules/pagefind/package.json', import.meta.url), 'utf8')) as { version: string }
  ).version;
  return `pagefind ${version}; chunk ${process.env['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE'] ?? ''}; en; layout 2`;
}

interface Page {
  url: string;
  file: string;
  content: string;
}

/** The files the search step writes in pagefind/ beside the buckets' folders. */
const ROOT_FILES = new Set(['pagefind.js', BUCKETS_FILE, VOCABULARY_FILE]);

/**
 * Indexes every page that has a data-pagefind-body into outDir/pagefind/<month>/, one Pagefind
 * index per month of digest dates (src/lib/site/search/buckets.ts), writing only the buckets
 * whose pages changed since the previous build: a daily build writes the newest month's alone.
 */
async function buildIndex(outDir: string, files: readonly string[]): Promise<void> {
  const root = join(outDir, 'pagefind');
  // Smaller index chunks (Pagefind's default is 20,000 word positions): a common word's chunk
  // then holds little beside it. At 10,000 papers a first search for "networks" fetches 41 KB
  // of chunks instead of 85 KB, "multigrid" 4 KB instead of 17 KB, for 7 KB more metadata
  // (npm run bench:search; 1,000 to 5,000 measured, 3,000 best). Pagefind reads it from its
  // environment; should a later version drop it, the chunks are as before.
  process.env['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE'] ??= '3000';
  const previous = readManifest(manifestFile(), outDir, recipe());
  const shapes = ShapeCache.load(shapeCacheFile(), codeId(new URL('../lib/site/search/math.ts', import.meta.url)));
  const vocabulary = new VocabularyCounter();
  /** Per bucket, what is indexed for each page (url → hash), and the pages not sent to Pagefind yet. */
  const inputs = new Map<string, Map<string, string>>();
  const waiting = new Map<string, Page[]>();
  /** Buckets known to have changed: their pages go to their index as they are read. */
  const indexes = new Map<string, Promise<pagefind.PagefindIndex>>();
  const indexOf = (key: string): Promise<pagefind.PagefindIndex> => {
    let index = indexes.get(key);
    if (!index) {
      index = pagefind.createIndex({ forceLanguage: 'en' }).then(({ index, errors }) => {
        check('start', errors);
        if (!index) throw new Error('Pagefind failed to start: no index');
        return index;
      });
      indexes.set(key, index);
    }
    return index;
  };
  try {
    // Pagefind numbers pages in the order they are added, and its service handles requests one
    // at a time in the order they arrive: with a window of requests in flight, it parses one page
    // while this process reads and prepares the next ones. Each bucket's pages are added in file
    // order, whether they wait for their bucket to be known as changed or not, so a bucket
    // written by a warm build is the one a cold build writes, byte for byte.
    const inFlight: { file: string; added: Promise<pagefind.NewFileResponse> }[] = [];
    const settle = async (): Promise<void> => {
      const { file, added } = inFlight.shift()!;
      check(`index ${file}`, (await added).errors);
    };
    const send = async (key: string, page: Page): Promise<void> => {
      const index = await indexOf(key);
      inFlight.push({ file: page.file, added: index.addHTMLFile({ url: page.url, content: page.content }) });
      if (inFlight.length >= ADD_WINDOW) await settle();
    };
    const flush = async (key: string): Promise<void> => {
      for (const page of waiting.get(key) ?? []) await send(key, page);
      waiting.delete(key);
    };
    let pages = 0;
    const started = performance.now();
    for (const file of files.filter((f) => f.endsWith('.html') && !f.startsWith('pagefind/'))) {
      const html = readFileSync(join(outDir, file), 'utf8');
      if (!html.includes('data-pagefind-body')) continue;
      // URLs relative to the site: the search UI prefixes the base path.
      const url = urlOf('/', file);
      // Shaped once per change of the page's indexed part (shape-cache.ts).
      const part = indexedPart(html);
      const key = shapeKey(part);
      let shaped = shapes.get(key);
      if (shaped === undefined) {
        shaped = indexablePage(part);
        shapes.set(key, shaped);
      }
      const { html: content, words } = shaped;
      vocabulary.add(words);
      const bucket = bucketOf(pageDate(content));
      const hash = inputHash(content);
      if (!inputs.has(bucket)) inputs.set(bucket, new Map());
      inputs.get(bucket)!.set(url, hash);
      pages++;
      const page = { url, file, content };
      if (!indexes.has(bucket) && previous?.buckets[bucket]?.inputs[url] === hash) {
        if (!waiting.has(bucket)) waiting.set(bucket, []);
        waiting.get(bucket)!.push(page);
        continue;
      }
      await flush(bucket);
      await send(bucket, page);
    }
    // A bucket whose pages are all as before is kept, unless one was removed or its folder is not whole.
    const plan = bucketPlan(inputs, previous && Object.fromEntries(Object.entries(previous.buckets).map(([k, b]) => [k, b.inputs])));
    const damaged = plan.keep.filter((k) => !intact(join(outDir, bucketPath(k))));
    // pagefind.js comes with a written bucket: with none written and no copy there, the newest is.
    if (plan.write.length + damaged.length === 0 && !existsSync(join(root, 'pagefind.js')) && plan.keep[0]) damaged.push(plan.keep[0]);
    const write = newestFirst([...plan.write, ...damaged]);
    for (const key of write) await flush(key);
    while (inFlight.length > 0) await settle();
    const read = performance.now();

    // The record of a bucket being written goes first: a build that stops half-way writes it again.
    const manifest: IndexManifest = { version: 2, outDir, recipe: recipe(), buckets: {} };
    for (const key of plan.keep) if (!write.includes(key)) manifest.buckets[key] = previous!.buckets[key]!;
    mkdirSync(cacheDir(), { recursive: true });
    writeManifest(manifestFile(), manifest);
    let reused = 0;
    for (const key of write) {
      const dir = join(outDir, bucketPath(key));
      const index = await indexOf(key);
      const kept = await keepFragments(dir, previous?.buckets[key]?.fragments, inputs.get(key)!, async () =>
        check('write the index', (await index.writeFiles({ outputPath: dir })).errors),
      );
      await index.deleteIndex();
      reused += kept.reused;
      if (key === write[0]) copyFileSync(join(dir, 'pagefind.js'), join(root, 'pagefind.js'));
      if (kept.record) {
        pruneBucket(dir);
        manifest.buckets[key] = kept.record;
      }
    }
    const written = performance.now();
    // What is not this build's: buckets left empty, and the single index of earlier builds.
    const keys = newestFirst(inputs.keys());
    for (const e of existsSync(root) ? readdirSync(root, { withFileTypes: true }) : [])
      if (!(e.isDirectory() ? keys.includes(e.name) : ROOT_FILES.has(e.name))) rmSync(join(root, e.name), { recursive: true, force: true });
    const buckets: BucketManifest = {
      version: 1,
      buckets: keys.map((key) => ({ key, path: bucketPath(key), ...entryOf(join(outDir, bucketPath(key))) })),
    };
    // A site without paper pages (a new archive) has no month, and so no folder yet.
    mkdirSync(root, { recursive: true });
    writeFileSync(join(root, BUCKETS_FILE), JSON.stringify(buckets));
    const known = vocabulary.toJson();
    writeFileSync(join(root, VOCABULARY_FILE), JSON.stringify(known));
    writeManifest(manifestFile(), manifest);
    shapes.save(shapeCacheFile());
    log(
      `indexed ${pages} pages (${shapes.misses} shaped, ${shapes.hits} from the cache; ${reused} fragments kept from the previous index) in ${keys.length} buckets by month: ${write.length} written (${write.join(', ') || 'none'}), ${keys.length - write.length} kept; ${known.words.length} words for suggestions (pages read ${seconds(read - started)}, months written ${seconds(written - read)})`,
    );
  } finally {
    await pagefind.close();
  }
}

/** Writes outDir/sw.js: the precache of this build, under a cache name that is its hash. */
async function writeServiceWorker(outDir: string, base: string): Promise<void> {
  const files = listFiles(outDir).filter((f) => f !== 'sw.js');
  const read = (path: string) => readFile(join(outDir, path), 'utf8');
  const sizes = new Map<string, number>();
  for (const f of files.filter((f) => /^pagefind\/[^/]+\/(index|fragment)\//.test(f))) sizes.set(f, statSync(join(outDir, f)).size);
  const precache = precacheUrls({
    base,
    files,
    homeHtml: await read('index.html'),
    offlineHtml: files.includes(OFFLINE_PAGE) ? await read(OFFLINE_PAGE) : undefined,
    katexCss: files.includes(KATEX_CSS) ? { path: KATEX_CSS, text: await read(KATEX_CSS) } : undefined,
    buckets: JSON.parse(await read(`pagefind/${BUCKETS_FILE}`)) as BucketManifest,
    sizes,
  });
  // The build hash covers every precached file: any change to one of them is a new worker.
  const hash = createHash('sha256');
  for (const url of [...precache.core, ...precache.later]) {
    const path = url.slice(base.length);
    const file = path === '' || path.endsWith('/') ? `${path}index.html` : path;
    hash
      .update(`${url}\0`)
      .update(await readFile(join(outDir, file)))
      .update('\0');
  }
  const source = (name: string) => serviceWorkerSource({ base, cacheName: name, precache });
  hash.update(source(''));
  const name = cacheName(base, hash.digest('hex').slice(0, 16));
  await writeFile(join(outDir, 'sw.js'), source(name));
  log(
    `service worker ${name}: ${precache.core.length + precache.later.length} files precached (${precache.core.length} on install, the rest after the page's load)`,
  );
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

function log(message: string): void {
  console.log(`[paperboy-pagefind] ${message}`);
}

async function main(): Promise<void> {
  const outDir = process.argv[2] === undefined ? builtSite() : resolve(process.argv[2]);
  // The same base as astro.config.mjs: BASE, or the domain root.
  const base = (process.env['BASE'] ?? '/').replace(/\/?$/, '/');
  const started = performance.now();
  await buildIndex(outDir, listFiles(outDir));
  await writeServiceWorker(outDir, base);
  log(`done in ${((performance.now() - started) / 1000).toFixed(1)}s`);
}

main().catch((error: unknown) => {
  console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
