import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { CACHE_ENV } from '../lib/contract/paths.ts';
import { hasIndex, RenderedPack, renderedFolder, renderedOf } from './rendered-cache.ts';

const made: string[] = [];
const previous = process.env[CACHE_ENV];
after(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
  if (previous === undefined) delete process.env[CACHE_ENV];
  else process.env[CACHE_ENV] = previous;
});

/** A cache folder, made the build's (PAPERBOY_CACHE), as the loader and the pages see it. */
function cache(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pb-rendered-'));
  made.push(dir);
  process.env[CACHE_ENV] = dir;
  return renderedFolder(dir);
}

const paper = (n: number) => ({ html: `<p>abstract ${n} with "quotes" &amp; ünïcode</p>`, body: `Abstract ${n} with $x^${n}$.` });
const entry = (digest: string) => ({ id: `paper-${digest}`, digest });

test('a cold build writes one pack of every record; pages read each record by digest', () => {
  const folder = cache();
  const pack = new RenderedPack(folder);
  assert.equal(pack.has('a'), false);
  ['a', 'b', 'c'].forEach((d, i) => pack.add(d, paper(i)));
  pack.commit(new Set(['a', 'b', 'c']));
  assert.deepEqual(readdirSync(folder).sort(), ['index.json', 'pack-1']);
  assert.deepEqual(renderedOf(entry('b')), paper(1));
  assert.deepEqual(renderedOf(entry('a')), paper(0));
  assert.throws(() => renderedOf(entry('zz')), /no rendered abstract/);
});

test('a warm build appends what it rendered, keeps the others, and forgets the versions no entry has', () => {
  const folder = cache();
  const cold = new RenderedPack(folder);
  for (let i = 0; i < 10; i++) cold.add(`d${i}`, paper(i));
  cold.commit(new Set(Array.from({ length: 10 }, (_, i) => `d${i}`)));
  const warm = new RenderedPack(folder);
  assert.ok(warm.has('d3'));
  warm.add('new', paper(99));
  const live = new Set([...Array.from({ length: 9 }, (_, i) => `d${i}`), 'new']);
  warm.commit(live);
  assert.deepEqual(readdirSync(folder).sort(), ['index.json', 'pack-1'], 'appended to the same pack');
  assert.deepEqual(renderedOf(entry('new')), paper(99), 'a record added after this process read the index');
  assert.deepEqual(renderedOf(entry('d8')), paper(8));
  const again = new RenderedPack(folder);
  assert.equal(again.has('d9'), false, 'd9 is gone from the index');
  const index = join(folder, 'index.json');
  const before = statSync(index).mtimeMs;
  const text = readFileSync(index, 'utf8');
  again.commit(live);
  assert.equal(readFileSync(index, 'utf8'), text, 'nothing changed: nothing written');
  assert.equal(statSync(index).mtimeMs, before);
});

test('a pack that is mostly dead records is rewritten with the live ones', () => {
  const folder = cache();
  const cold = new RenderedPack(folder);
  for (let i = 0; i < 10; i++) cold.add(`d${i}`, paper(i));
  cold.commit(new Set(Array.from({ length: 10 }, (_, i) => `d${i}`)));
  const warm = new RenderedPack(folder);
  warm.add('x', paper(42));
  warm.commit(new Set(['d1', 'd2', 'x']));
  assert.deepEqual(readdirSync(folder).sort(), ['index.json', 'pack-2']);
  for (const [d, p] of [
    ['d1', paper(1)],
    ['d2', paper(2)],
    ['x', paper(42)],
  ] as const)
    assert.deepEqual(renderedOf(entry(d)), p);
});

test('an index that names a missing or short pack reads as empty: every entry is rendered again', () => {
  const folder = cache();
  const pack = new RenderedPack(folder);
  pack.add('a', paper(1));
  pack.commit(new Set(['a']));
  assert.ok(hasIndex(folder));
  truncateSync(join(folder, 'pack-1'), 5);
  assert.equal(hasIndex(folder), false);
  assert.equal(new RenderedPack(folder).has('a'), false);
  writeFileSync(join(folder, 'index.json'), '{"version":1,"pack":"pack-7","records":{}}');
  assert.equal(new RenderedPack(folder).has('a'), false);
  writeFileSync(join(folder, 'index.json'), 'not json');
  const fresh = new RenderedPack(folder);
  fresh.add('a', paper(1));
  fresh.commit(new Set(['a']));
  assert.deepEqual(renderedOf(entry('a')), paper(1));
});
