/**
 * The search step (search-index.ts) run as `npm run build` runs it, on a small output folder of
 * paper pages over three months: one Pagefind index per month, and a later build that writes
 * only the months whose pages changed, ending as a fresh build of the same pages would.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { BUCKETS_FILE, type BucketManifest } from '../lib/site/search/buckets.ts';
import { fragmentUrl, indexFiles } from '../lib/site/search/pagefind-files.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const made: string[] = [];
after(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

const html = (n: number, date: string, words: string) =>
  `<!doctype html><html lang="en"><head><title>Paper ${n}</title></head><body><header>Paperboy</header><main><article data-pagefind-sort="date:${date}" data-pagefind-meta="date:${date}"><h1 data-pagefind-body data-pagefind-meta="title:Paper ${n}">Paper ${n}</h1><a href="/topics/t/" data-pagefind-filter="topic">Topic ${n % 2}</a><div class="abstract" data-pagefind-body><p>We study ${words} in paper ${n}.</p></div></article></main></body></html>`;

type Pages = Record<number, [date: string, words: string]>;

/** A site folder with these paper pages (and a home page), and its build cache. */
function site(): { out: string; cache: string } {
  const dir = mkdtempSync(join(tmpdir(), 'pb-search-step-'));
  made.push(dir);
  mkdirSync(join(dir, 'dist'));
  writeFileSync(join(dir, 'dist/index.html'), '<!doctype html><html lang="en"><body><a href="/papers/p1/">P1</a></body></html>');
  return { out: join(dir, 'dist'), cache: join(dir, 'cache') };
}

function write(out: string, pages: Pages): void {
  rmSync(join(out, 'papers'), { recursive: true, force: true });
  for (const [n, [date, words]] of Object.entries(pages)) {
    mkdirSync(join(out, 'papers', `p${n}`), { recursive: true });
    writeFileSync(join(out, 'papers', `p${n}`, 'index.html'), html(Number(n), date, words));
  }
}

/** Runs the search step; returns its log. */
function index({ out, cache }: { out: string; cache: string }): string {
  return execFileSync(process.execPath, [join(ROOT, 'src/cli/bundled.mjs'), 'search-index', out], {
    cwd: ROOT,
    env: { ...process.env, PAPERBOY_CACHE: cache },
    encoding: 'utf8',
  });
}

/** Every file under dir: path → content and modification time. */
function tree(dir: string): Map<string, { bytes: string; mtime: number }> {
  const files = new Map<string, { bytes: string; mtime: number }>();
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true }))
    if (e.isFile()) {
      const path = join(e.parentPath, e.name);
      files.set(relative(dir, path), { bytes: readFileSync(path).toString('base64'), mtime: statSync(path).mtimeMs });
    }
  return files;
}
/** The files of a tree that differ from another's (by content), or are in one only. */
function differences(a: Map<string, { bytes: string }>, b: Map<string, { bytes: string }>): string[] {
  return [...new Set([...a.keys(), ...b.keys()])].filter((k) => a.get(k)?.bytes !== b.get(k)?.bytes).sort();
}

const buckets = (out: string): BucketManifest => JSON.parse(readFileSync(join(out, 'pagefind', BUCKETS_FILE), 'utf8')) as BucketManifest;
/** The pages each bucket's index holds, read from its fragments. */
function urls(out: string): Record<string, string[]> {
  const held: Record<string, string[]> = {};
  for (const b of buckets(out).buckets) {
    const dir = join(out, b.path);
    held[b.key] = indexFiles(dir)
      .fragments.map((h) => fragmentUrl(join(dir, 'fragment', `${h}.pf_fragment`)))
      .sort();
  }
  return held;
}

test('one index per month; a later build writes the months whose pages changed, and ends as a fresh build', { timeout: 240_000 }, () => {
  const pages: Pages = {
    1: ['2025-03-17', 'neural networks'],
    2: ['2025-03-18', 'kernel networks'],
    3: ['2025-02-10', 'multigrid networks'],
    4: ['2025-01-05', 'sparse networks'],
    5: ['2025-01-06', 'graph networks'],
  };
  const a = site();
  write(a.out, pages);
  // What an earlier build of one index left in pagefind/ is not this build's.
  mkdirSync(join(a.out, 'pagefind/index'), { recursive: true });
  writeFileSync(join(a.out, 'pagefind/pagefind-entry.json'), '{}');
  writeFileSync(join(a.out, 'pagefind/index/en_old.pf_index'), 'old');
  assert.match(index(a), /in 3 buckets by month: 3 written/);
  assert.deepEqual(
    buckets(a.out).buckets.map((b) => [b.key, b.path, b.pages]),
    [
      ['2025-03', 'pagefind/2025-03/', 2],
      ['2025-02', 'pagefind/2025-02/', 1],
      ['2025-01', 'pagefind/2025-01/', 2],
    ],
  );
  assert.deepEqual(urls(a.out), {
    '2025-03': ['/papers/p1/', '/papers/p2/'],
    '2025-02': ['/papers/p3/'],
    '2025-01': ['/papers/p4/', '/papers/p5/'],
  });
  assert.deepEqual(readdirSync(join(a.out, 'pagefind')).sort(), [
    '2025-01',
    '2025-02',
    '2025-03',
    'pagefind.js',
    'paperboy-buckets.json',
    'paperboy-vocabulary.json',
  ]);
  const meta = buckets(a.out).buckets[0]!.meta;
  assert.deepEqual(readdirSync(join(a.out, 'pagefind/2025-03')).sort(), [
    'filter',
    'fragment',
    'index',
    'pagefind-entry.json',
    `pagefind.${meta}.pf_meta`,
    'wasm.en.pagefind',
  ]);
  // The service worker names the buckets' files.
  const sw = readFileSync(join(a.out, 'sw.js'), 'utf8');
  for (const b of buckets(a.out).buckets) assert.ok(sw.includes(`"/${b.path}pagefind.${b.meta}.pf_meta"`), b.key);

  // The next day: a paper in March. Only March is written; the other months' files stay as they were.
  const before = tree(join(a.out, 'pagefind'));
  pages[6] = ['2025-03-19', 'attention networks'];
  write(a.out, pages);
  assert.match(index(a), /in 3 buckets by month: 1 written \(2025-03\), 2 kept/);
  const after = tree(join(a.out, 'pagefind'));
  const older = [...before].filter(([path]) => /^2025-0[12]\//.test(path));
  assert.ok(older.length > 10);
  const touched = older.filter(([path, file]) => after.get(path)?.bytes !== file.bytes || after.get(path)?.mtime !== file.mtime);
  assert.deepEqual(
    touched.map(([path]) => path),
    [],
  );
  const fresh = site();
  write(fresh.out, pages);
  index(fresh);
  assert.deepEqual(differences(after, tree(join(fresh.out, 'pagefind'))), [], 'the same files as a fresh build');

  // A reprocess edits a January paper, February's only paper goes, and a paper moves from January to March.
  pages[4] = ['2025-01-05', 'sparse networks, edited'];
  delete pages[3];
  pages[5] = ['2025-03-20', 'graph networks'];
  write(a.out, pages);
  assert.match(index(a), /in 2 buckets by month: 2 written \(2025-03, 2025-01\), 0 kept/);
  assert.deepEqual(urls(a.out), {
    '2025-03': ['/papers/p1/', '/papers/p2/', '/papers/p5/', '/papers/p6/'],
    '2025-01': ['/papers/p4/'],
  });
  assert.ok(!readdirSync(join(a.out, 'pagefind')).includes('2025-02'), 'the emptied month is gone');
  const again = site();
  write(again.out, pages);
  index(again);
  assert.deepEqual(differences(tree(join(a.out, 'pagefind')), tree(join(again.out, 'pagefind'))), [], 'the same files as a fresh build');

  // A bucket's folder damaged (a file it uses deleted) is written again, though its pages did not change.
  const [fragment] = indexFiles(join(a.out, 'pagefind/2025-01')).fragments;
  rmSync(join(a.out, 'pagefind/2025-01/fragment', `${fragment}.pf_fragment`));
  assert.match(index(a), /1 written \(2025-01\), 1 kept/);
  assert.deepEqual(differences(tree(join(a.out, 'pagefind')), tree(join(again.out, 'pagefind'))), []);
});

test('a site without paper pages (a new archive) indexes nothing and says so in an empty manifest, without failing', () => {
  const s = site();
  index(s);
  assert.deepEqual(buckets(s.out).buckets, []);
  assert.ok(existsSync(join(s.out, 'sw.js')), 'the service worker is still written');
});
