import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, test } from 'node:test';
import * as pagefind from 'pagefind';
import {
  decodeCbor,
  entryOf,
  hashedFiles,
  indexFiles,
  inputHash,
  intact,
  keepFragments,
  pruneBucket,
  readManifest,
  writeManifest,
} from './pagefind-files.ts';

const RECIPE = 'test recipe';

const made: string[] = [];
after(async () => {
  await pagefind.close();
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});
const temp = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'pb-pf-'));
  made.push(dir);
  return dir;
};

const page = (n: number, words = `networks ${n} and kernels`): [string, string] => [
  `/papers/p${n}/`,
  `<html lang="en"><body><article data-pagefind-meta="date:2025-03-1${n % 10}"><h1 data-pagefind-body data-pagefind-meta="title:Paper ${n}">Paper ${n}</h1><a data-pagefind-filter="topic">Topic ${n % 3}</a><div data-pagefind-body><p>About ${words}.</p></div></article></body></html>`,
];

/** One search-step run over `pages` into `out`/pagefind (one bucket), as src/cli/search-index.ts does it. */
async function run(out: string, pages: readonly [string, string][]): Promise<number> {
  const dir = join(out, 'pagefind');
  const manifest = join(out, 'manifest.json');
  const previous = readManifest(manifest, out, RECIPE);
  const { index } = await pagefind.createIndex({ forceLanguage: 'en' });
  const inputs = new Map<string, string>();
  for (const [url, content] of pages) {
    inputs.set(url, inputHash(content));
    assert.deepEqual((await index!.addHTMLFile({ url, content })).errors, []);
  }
  const { reused, record } = await keepFragments(dir, previous?.buckets['b']?.fragments, inputs, async () =>
    assert.deepEqual((await index!.writeFiles({ outputPath: dir })).errors, []),
  );
  await index!.deleteIndex();
  writeManifest(manifest, { version: 2, outDir: out, recipe: RECIPE, buckets: record ? { b: record } : {} });
  return reused;
}

function tree(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true }))
    if (e.isFile()) files.set(relative(dir, join(e.parentPath, e.name)), readFileSync(join(e.parentPath, e.name)).toString('base64'));
  return files;
}

test('CBOR as Pagefind writes it', () => {
  assert.deepEqual(decodeCbor(Uint8Array.from([0x83, 0x65, 0x31, 0x2e, 0x36, 0x2e, 0x30, 0x19, 0x01, 0x00, 0x60])), ['1.6.0', 256, '']);
  assert.deepEqual(decodeCbor(Uint8Array.from([0x9f, 0x01, 0x82, 0x02, 0x03, 0xff])), [1, [2, 3]]);
  assert.throws(() => decodeCbor(Uint8Array.from([0x83, 0x01])), /unexpected end/);
});

test('a rebuild keeps the fragments of unchanged pages and ends with the same files as a fresh index', async () => {
  const first = Array.from({ length: 8 }, (_, n) => page(n));
  const second = [...first.slice(0, 3), page(3, 'changed words entirely'), ...first.slice(4), page(8)];
  const kept = temp();
  assert.equal(await run(kept, first), 0);
  const files = indexFiles(join(kept, 'pagefind'));
  assert.equal(files.fragments.length, 8);
  assert.deepEqual(new Set(hashedFiles(join(kept, 'pagefind'))), files.used, 'nothing the index does not use');
  assert.equal(await run(kept, second), 7, 'the 7 unchanged pages keep their fragments');
  const fresh = temp();
  await run(fresh, second);
  assert.deepEqual(tree(join(kept, 'pagefind')), tree(join(fresh, 'pagefind')));
});

test("an old file under the name of a changed page's new fragment is not taken for it", async () => {
  const first = Array.from({ length: 6 }, (_, n) => page(n));
  const second = [...first.slice(0, 5), page(5, 'a new abstract')];
  const fresh = temp();
  await run(fresh, second);
  const kept = temp();
  await run(kept, first);
  // The name the changed page's fragment will have, holding another page's old fragment, as a
  // 7-digit hash collision with a fragment of the previous index would.
  const wanted = indexFiles(join(fresh, 'pagefind')).fragments[5]!;
  const old = indexFiles(join(kept, 'pagefind')).fragments[0]!;
  cpSync(join(kept, 'pagefind/fragment', `${old}.pf_fragment`), join(kept, 'pagefind/fragment', `${wanted}.pf_fragment`));
  assert.equal(await run(kept, second), 5);
  assert.deepEqual(tree(join(kept, 'pagefind')), tree(join(fresh, 'pagefind')));
});

test('without a manifest, with a manifest of another output folder or of another recipe, nothing is reused', async () => {
  const out = temp();
  await run(out, [page(1), page(2)]);
  const manifest = join(out, 'manifest.json');
  const record = JSON.parse(readFileSync(manifest, 'utf8')) as { buckets: unknown };
  writeFileSync(manifest, JSON.stringify({ version: 2, outDir: '/elsewhere', recipe: RECIPE, buckets: record.buckets }));
  assert.equal(await run(out, [page(1), page(2)]), 0);
  writeFileSync(manifest, JSON.stringify({ version: 2, outDir: out, recipe: 'Pagefind 9', buckets: record.buckets }));
  assert.equal(await run(out, [page(1), page(2)]), 0);
  rmSync(manifest);
  assert.equal(await run(out, [page(1), page(2)]), 0);
  assert.equal(await run(out, [page(1), page(2)]), 2);
});

test('a bucket keeps its entry, what its index uses and its WebAssembly; the entry names them', async () => {
  const out = temp();
  await run(out, [page(1), page(2), page(3)]);
  const dir = join(out, 'pagefind');
  assert.ok(intact(dir));
  pruneBucket(dir);
  const entry = entryOf(dir);
  assert.equal(entry.pages, 3);
  assert.equal(entry.wasm, 'en');
  const top = readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => e.name)
    .sort();
  assert.deepEqual(top, ['pagefind-entry.json', `pagefind.${entry.meta}.pf_meta`, 'wasm.en.pagefind']);
  assert.ok(intact(dir), 'still a whole index');
  // A file the index uses gone: not whole, and written again by the next run.
  const [fragment] = indexFiles(dir).fragments;
  rmSync(join(dir, 'fragment', `${fragment}.pf_fragment`));
  assert.equal(intact(dir), false);
});

test('an index this code cannot read is written whole, and no record claims its fragments', async () => {
  const out = temp();
  const dir = join(out, 'pagefind');
  await run(out, [page(1), page(2)]);
  const entryFile = join(dir, 'pagefind-entry.json');
  // As if a Pagefind upgrade had changed what the metadata holds: the pages no longer add up.
  const miscount = (): void => {
    const entry = JSON.parse(readFileSync(entryFile, 'utf8')) as { languages: Record<string, { page_count: number }> };
    for (const l of Object.values(entry.languages)) l.page_count += 5;
    writeFileSync(entryFile, JSON.stringify(entry));
  };
  miscount();
  assert.throws(() => indexFiles(dir), /pages read, the entry file says/);
  assert.equal(intact(dir), false);
  const { index } = await pagefind.createIndex({ forceLanguage: 'en' });
  for (const [url, content] of [page(1), page(3)]) await index!.addHTMLFile({ url, content });
  let writes = 0;
  const previous = readManifest(join(out, 'manifest.json'), out, RECIPE)!.buckets['b']!.fragments;
  const { reused, record } = await keepFragments(dir, previous, new Map(), async () => {
    assert.deepEqual((await index!.writeFiles({ outputPath: dir })).errors, []);
    if (writes++ === 0) miscount();
  });
  await index!.deleteIndex();
  assert.equal(reused, 0);
  assert.equal(writes, 2, 'written again, whole');
  assert.equal(record, undefined);
  assert.equal(indexFiles(dir).fragments.length, 2);
});
