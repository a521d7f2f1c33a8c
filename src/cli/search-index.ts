/**
 * npm run build, second step (after astro build): search and offline reading.
 * Pagefind indexes the pages that mark a body to index (data-pagefind-body: the paper pages'
 * abstract, the title as metadata), with each KaTeX formula read once as its Unicode text and
 * its TeX spelling, British spellings and folded letters as hidden aliases
 * (src/lib/site/search/math.ts); the index's vocabulary for "did you mean" beside it; then the service worker is written, with a precache list and a
 * cache name taken from this build's files.
 * Any Pagefind error fails the build: a site whose search is broken is not published.
 * The previous build's fragments stay in pagefind/ (Pagefind skips a hashed file that is
 * already there, so only changed pages' fragments are compressed and written), and what the new
 * index does not use is removed after it is written (keepFragments, src/lib/site/search/pagefind-files.ts).
 * What the shaping made of each page is kept in the build cache by a hash of the page's indexed
 * part (src/lib/site/search/shape-cache.ts): a warm build shapes only the pages that changed.
 * Why a process of its own rather than an Astro build hook: Astro still holds the whole build
 * in memory when its hooks run, and Pagefind's indexer would add its own peak on top.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import * as pagefind from 'pagefind';
import { cacheDir, outDir as builtSite } from '../lib/contract/paths.ts';
import { indexedPart } from '../lib/site/search/indexed-part.ts';
import { inputHash, keepFragments, readManifest } from '../lib/site/search/pagefind-files.ts';
import { indexablePage } from '../lib/site/search/math.ts';
import { codeId, ShapeCache, shapeKey } from '../lib/site/search/shape-cache.ts';
import { VOCABULARY_FILE, VocabularyCounter } from '../lib/site/search/vocabulary.ts';
import { cacheName, OFFLINE_PAGE, precacheUrls, urlOf, type PagefindEntry } from '../lib/site/search/offline.ts';
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

/** Indexes every page that has a data-pagefind-body into outDir/pagefind/. */
async function buildIndex(outDir: string, files: readonly string[]): Promise<void> {
  const dir = join(outDir, 'pagefind');
  const previous = readManifest(manifestFile(), outDir);
  // Without a record of the fragments there, none of them can be trusted.
  if (previous === undefined) rmSync(dir, { recursive: true, force: true });
  // Smaller index chunks (Pagefind's default is 20,000 word positions): a common word's chunk
  // then holds little beside it. At 10,000 papers a first search for "networks" fetches 41 KB
  // of chunks instead of 85 KB, "multigrid" 4 KB instead of 17 KB, for 7 KB more metadata
  // (npm run bench:search; 1,000 to 5,000 measured, 3,000 best). Pagefind reads it from its
  // environment; should a later version drop it, the chunks are as before.
  process.env['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE'] ??= '3000';
  const shapes = ShapeCache.load(shapeCacheFile(), codeId(new URL('../lib/site/search/math.ts', import.meta.url)));
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  check('start', errors);
  if (!index) throw new Error('Pagefind failed to start: no index');
  try {
    let pages = 0;
    /** What was indexed for each page: a hash of its markup. */
    const inputs = new Map<string, string>();
    const vocabulary = new VocabularyCounter();
    // Pagefind numbers pages in the order they are added, and its service handles requests one at
    // a time in the order they arrive: with a window of requests in flight, it parses one page
    // while this process reads and prepares the next ones, and the order stays the file order.
    const inFlight: { file: string; added: ReturnType<typeof index.addHTMLFile> }[] = [];
    const settle = async (): Promise<void> => {
      const { file, added } = inFlight.shift()!;
      check(`index ${file}`, (await added).errors);
    };
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
      inputs.set(url, inputHash(content));
      inFlight.push({ file, added: index.addHTMLFile({ url, content }) });
      pages++;
      if (inFlight.length >= ADD_WINDOW) await settle();
    }
    while (inFlight.length > 0) await settle();
    const reused = await keepFragments(dir, manifestFile(), previous, inputs, async () =>
      check('write the index', (await index.writeFiles({ outputPath: dir })).errors),
    );
    const known = vocabulary.toJson();
    writeFileSync(join(dir, VOCABULARY_FILE), JSON.stringify(known));
    mkdirSync(cacheDir(), { recursive: true });
    shapes.save(shapeCacheFile());
    log(
      `indexed ${pages} pages (${shapes.misses} shaped, ${shapes.hits} from the cache; ${reused} fragments kept from the previous index), ${known.words.length} words for suggestions`,
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
  for (const f of files.filter((f) => /^pagefind\/(index|fragment)\//.test(f))) sizes.set(f, statSync(join(outDir, f)).size);
  const precache = precacheUrls({
    base,
    files,
    homeHtml: await read('index.html'),
    offlineHtml: files.includes(OFFLINE_PAGE) ? await read(OFFLINE_PAGE) : undefined,
    katexCss: files.includes(KATEX_CSS) ? { path: KATEX_CSS, text: await read(KATEX_CSS) } : undefined,
    pagefindEntry: JSON.parse(await read('pagefind/pagefind-entry.json')) as PagefindEntry,
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
