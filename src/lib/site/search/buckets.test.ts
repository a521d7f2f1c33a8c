import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  bucketLabel,
  bucketOf,
  bucketPath,
  bucketPlan,
  newestFirst,
  olderBuckets,
  pageDate,
  parseBucketManifest,
  UNDATED,
  type BucketManifest,
} from './buckets.ts';

const article = (meta: string) =>
  `<html lang="en"><body><article data-pagefind-sort="date:2025-03-17" data-pagefind-meta="${meta}"><h1 data-pagefind-body data-pagefind-meta="title:A date:1999-01-01 paper">A</h1></article></body></html>`;

test("a page's bucket is the month of the digest date Pagefind is given for it", () => {
  assert.equal(pageDate(article('date:2025-03-17')), '2025-03-17');
  assert.equal(bucketOf(pageDate(article('date:2025-03-17'))), '2025-03');
  // Several metadata in one attribute; a title that says "date:" is not the date.
  assert.equal(pageDate(article('image:x.png, date:2024-12-31')), '2024-12-31');
  assert.equal(pageDate(article('title:B')), undefined);
  assert.equal(bucketOf('2024-12-31'), '2024-12');
  assert.equal(bucketOf('2025-01-01'), '2025-01');
  // No readable date: a bucket of its own, still searched.
  for (const bad of [undefined, '', 'March 2025', '2025-3-17']) assert.equal(bucketOf(bad), UNDATED);
  assert.equal(bucketPath('2025-03'), 'pagefind/2025-03/');
});

test('buckets are ordered newest first, the undated last', () => {
  assert.deepEqual(newestFirst(['2024-12', UNDATED, '2025-03', '2025-01', '2025-03']), ['2025-03', '2025-01', '2024-12', UNDATED]);
  assert.equal(bucketLabel('2025-03'), 'March 2025');
  assert.equal(bucketLabel(UNDATED), 'undated papers');
});

const map = (o: Record<string, Record<string, string>>) => new Map(Object.entries(o).map(([k, v]) => [k, new Map(Object.entries(v))]));

test('a build writes the buckets whose pages changed in any way and keeps the others', () => {
  const before = {
    '2025-03': { '/a/': 'h1', '/b/': 'h2' },
    '2025-02': { '/c/': 'h3' },
    '2025-01': { '/d/': 'h4' },
    '2024-12': { '/e/': 'h5' },
  };
  // Nothing changed: nothing written.
  assert.deepEqual(bucketPlan(map(before), before), { write: [], keep: ['2025-03', '2025-02', '2025-01', '2024-12'] });
  // A day's digest adds to the newest month only.
  assert.deepEqual(bucketPlan(map({ ...before, '2025-03': { ...before['2025-03'], '/new/': 'h6' } }), before).write, ['2025-03']);
  // An old page changed (a reprocess touched it), one removed, one moved to a later month:
  // exactly the buckets that held or hold them.
  const now = map({
    '2025-03': { '/a/': 'h1', '/b/': 'h2', '/c/': 'h3' },
    '2025-02': {},
    '2025-01': { '/d/': 'h4 edited' },
  });
  now.delete('2025-02');
  assert.deepEqual(bucketPlan(now, before), { write: ['2025-03', '2025-01'], keep: [] });
  // A page removed alone changes its bucket too.
  assert.deepEqual(bucketPlan(map({ ...before, '2025-03': { '/a/': 'h1' } }), before).write, ['2025-03']);
  // No previous build: everything is written.
  assert.deepEqual(bucketPlan(map(before), undefined).write, ['2025-03', '2025-02', '2025-01', '2024-12']);
});

const manifest: BucketManifest = {
  version: 1,
  buckets: [
    { key: '2025-03', path: 'pagefind/2025-03/', pages: 3, meta: 'en_1', wasm: 'en' },
    { key: '2025-02', path: 'pagefind/2025-02/', pages: 2, meta: 'en_2', wasm: 'en' },
    { key: '2025-01', path: 'pagefind/2025-01/', pages: 1, meta: 'en_3', wasm: 'en' },
  ],
};

test('the browser merges the older buckets into the oldest one', () => {
  assert.deepEqual(olderBuckets(manifest), { primary: manifest.buckets[2], merged: [manifest.buckets[1]] });
  assert.deepEqual(olderBuckets({ version: 1, buckets: manifest.buckets.slice(0, 2) }), { primary: manifest.buckets[1], merged: [] });
  assert.equal(olderBuckets({ version: 1, buckets: manifest.buckets.slice(0, 1) }), undefined);
});

test('the manifest is read back only when it is what the search step writes', () => {
  assert.deepEqual(parseBucketManifest(JSON.parse(JSON.stringify(manifest))), manifest);
  for (const bad of [
    null,
    'x',
    { version: 2, buckets: manifest.buckets },
    { version: 1, buckets: [] },
    { version: 1, buckets: [{ ...manifest.buckets[0], path: '../elsewhere/' }] },
    { version: 1, buckets: [{ ...manifest.buckets[0], meta: 'en_1/../x' }] },
    { version: 1, buckets: [{ ...manifest.buckets[0], pages: '3' }] },
  ])
    assert.equal(parseBucketManifest(bad), undefined, JSON.stringify(bad));
});
