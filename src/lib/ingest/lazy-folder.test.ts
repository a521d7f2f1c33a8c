import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { LazyFolder } from './lazy-folder.ts';

const work = mkdtempSync(join(tmpdir(), 'pb-lazy-'));
after(() => rmSync(work, { recursive: true, force: true }));

test('a lazy folder lists its files and reads each only when asked, staging files left out', () => {
  const dir = join(work, 'lazy');
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries({ 'b.mdx': 'B', 'a.mdx': 'A', '.a.mdx.x.ingest-tmp': 'staged', 'c.txt': 'C' }))
    writeFileSync(join(dir, name), text);
  const reads: string[] = [];
  const folder = new LazyFolder(dir, ['.mdx'], (bytes) => {
    reads.push(bytes.toString());
    return bytes.toString();
  });
  assert.deepEqual([...folder.keys()], ['a.mdx', 'b.mdx']);
  assert.deepEqual(reads, []);
  assert.equal(folder.get('b.mdx'), 'B');
  assert.equal(folder.get('b.mdx'), 'B');
  assert.equal(folder.get('c.txt'), undefined);
  assert.deepEqual(reads, ['B'], 'read once, and only what was asked for');
  assert.deepEqual(
    [...folder],
    [
      ['a.mdx', 'A'],
      ['b.mdx', 'B'],
    ],
  );
  assert.equal(folder.has('a.mdx') && !folder.has('.a.mdx.x.ingest-tmp'), true);
  assert.equal(new LazyFolder(join(work, 'none'), ['.mdx'], String).size, 0);
});
