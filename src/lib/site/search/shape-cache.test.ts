import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { indexablePage } from './math.ts';
import { codeId, ShapeCache, shapeKey } from './shape-cache.ts';

const made: string[] = [];
after(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});
const temp = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'pb-shape-'));
  made.push(dir);
  return dir;
};

const page = (n: number): string =>
  `<html lang="en"><body><article><h1 data-pagefind-body data-pagefind-meta="title:Paper ${n}">Paper ${n}</h1><div data-pagefind-body><p>About quantisation ${n}.</p></div></article></body></html>`;

test('a saved cache gives back what was shaped, for the same code only', () => {
  const file = join(temp(), 'shape.json');
  const first = ShapeCache.load(file, 'code-1');
  const shaped = indexablePage(page(1));
  assert.equal(first.get(shapeKey(page(1))), undefined);
  first.set(shapeKey(page(1)), shaped);
  first.save(file);

  const again = ShapeCache.load(file, 'code-1');
  const hit = again.get(shapeKey(page(1)));
  assert.equal(hit?.html, shaped.html);
  assert.deepEqual(hit?.words, [...new Set(shaped.words)]);
  assert.equal(again.get(shapeKey(page(2))), undefined);
  assert.deepEqual([again.hits, again.misses], [1, 1]);

  // Other shaping code: nothing it wrote is trusted.
  assert.equal(ShapeCache.load(file, 'code-2').get(shapeKey(page(1))), undefined);
});

test('each run keeps only the pages it used', () => {
  const file = join(temp(), 'shape.json');
  const run1 = ShapeCache.load(file, 'c');
  for (const n of [1, 2]) run1.set(shapeKey(page(n)), indexablePage(page(n)));
  run1.save(file);
  const run2 = ShapeCache.load(file, 'c');
  assert.ok(run2.get(shapeKey(page(2))));
  run2.save(file);
  const run3 = ShapeCache.load(file, 'c');
  assert.equal(run3.get(shapeKey(page(1))), undefined);
  assert.ok(run3.get(shapeKey(page(2))));
});

test('a missing, broken or foreign cache file is an empty cache', () => {
  const dir = temp();
  assert.equal(ShapeCache.load(join(dir, 'none.json'), 'c').get('x'), undefined);
  for (const text of [
    '{"version":1,"code":"c","pages":[',
    '[]',
    '{"version":2,"code":"c","pages":[]}',
    '{"version":1,"code":"c","pages":[[1,2]]}',
  ]) {
    writeFileSync(join(dir, 'bad.json'), text);
    const cache = ShapeCache.load(join(dir, 'bad.json'), 'c');
    assert.equal(cache.get('x'), undefined);
    cache.set('k', { html: '<p>x</p>', words: ['x'] });
    cache.save(join(dir, 'bad.json'));
    assert.equal(ShapeCache.load(join(dir, 'bad.json'), 'c').get('k')?.html, '<p>x</p>');
  }
});

test('the code id follows the relative imports and the lock file, not the folder', () => {
  const root = temp();
  const src = join(root, 'project/src');
  mkdirSync(join(src, 'sub'), { recursive: true });
  writeFileSync(join(root, 'project/package-lock.json'), '{"lockfileVersion":3}');
  writeFileSync(join(src, 'entry.ts'), "import { b } from './sub/b.ts';\nimport type { X } from 'hast';\nexport const a = b;\n");
  writeFileSync(join(src, 'sub/b.ts'), "export { c as b } from '../c.ts';\n");
  writeFileSync(join(src, 'c.ts'), 'export const c = 1;\n');
  writeFileSync(join(src, 'unrelated.ts'), 'export const u = 1;\n');
  const id = codeId(join(src, 'entry.ts'));
  assert.equal(codeId(join(src, 'entry.ts')), id);

  cpSync(join(root, 'project'), join(root, 'copy'), { recursive: true });
  assert.equal(codeId(join(root, 'copy/src/entry.ts')), id, 'a copy of the project elsewhere');

  writeFileSync(join(src, 'unrelated.ts'), 'export const u = 2;\n');
  assert.equal(codeId(join(src, 'entry.ts')), id, 'a module the entry does not import');

  writeFileSync(join(src, 'c.ts'), 'export const c = 2;\n');
  const changed = codeId(join(src, 'entry.ts'));
  assert.notEqual(changed, id, 'a module imported two steps away');

  writeFileSync(join(root, 'project/package-lock.json'), '{"lockfileVersion":3,"packages":{}}');
  assert.notEqual(codeId(join(src, 'entry.ts')), changed, 'the lock file');
});

test("the site's shaping code has an id, and its cache key is the indexed part's hash", () => {
  const id = codeId(new URL('./math.ts', import.meta.url));
  assert.match(id, /^[\w-]{22}$/);
  assert.equal(shapeKey(page(1)), shapeKey(`${page(1)}`));
  assert.notEqual(shapeKey(page(1)), shapeKey(page(2)));
});
