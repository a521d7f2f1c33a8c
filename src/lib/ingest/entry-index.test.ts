import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { writeEntryFile } from '../contract/entry-file.ts';
import { EntryKeyIndex, LazyFolder } from './entry-index.ts';

const work = mkdtempSync(join(tmpdir(), 'pb-keys-'));
after(() => rmSync(work, { recursive: true, force: true }));

const entry = (sourceTitle: string, arxivId?: string): string =>
  writeEntryFile({ title: sourceTitle, ...(arxivId && { arxivId }), digests: [{ date: '2025-03-17', rank: 1, source: 'digests/2025-03-17.txt' }], topics: [], ingest: { sourceTitle, checksums: { title: 'a', body: 'b', topics: 'c' } } }, 'Body.\n');

test('a lazy folder lists its files and reads each only when asked, staging files left out', () => {
  const dir = join(work, 'lazy');
  const reads: string[] = [];
  rmSync(dir, { recursive: true, force: true });
  mkdir(dir, { 'b.mdx': 'B', 'a.mdx': 'A', '.a.mdx.x.ingest-tmp': 'staged', 'c.txt': 'C' });
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
  assert.deepEqual([...folder], [['a.mdx', 'A'], ['b.mdx', 'B']]);
  assert.equal(new LazyFolder(join(work, 'none'), ['.mdx'], String).size, 0);
});

test('the key index answers from its cache for unchanged files and reads changed ones again', () => {
  const dir = join(work, 'papers');
  mkdir(dir, { 'one.mdx': entry('One', '2310.19809'), 'two.mdx': entry('Two') });
  const cache = join(work, 'keys.json');
  const read: string[] = [];
  const open = (): EntryKeyIndex => new EntryKeyIndex(new LazyFolder(dir, ['.mdx'], (b) => (read.push(b.toString().match(/sourceTitle: "(\w+)"/)![1]!), b.toString())), cache);

  const first = open();
  assert.deepEqual(first.keysOf('one.mdx'), { sourceTitle: 'One', arxivId: '2310.19809' });
  assert.deepEqual(first.keysOf('two.mdx'), { sourceTitle: 'Two', arxivId: undefined });
  first.save();
  assert.deepEqual(read.splice(0), ['One', 'Two']);

  const second = open();
  assert.deepEqual(second.keysOf('one.mdx'), { sourceTitle: 'One', arxivId: '2310.19809' });
  assert.equal(second.keysOf('two.mdx').sourceTitle, 'Two');
  assert.deepEqual(read.splice(0), [], 'nothing read: the files are the versions indexed');

  // A hand edit (the same size, even) is read again.
  writeFileSync(join(dir, 'two.mdx'), entry('Owt'));
  const third = open();
  assert.equal(third.keysOf('two.mdx').sourceTitle, 'Owt');
  assert.deepEqual(read.splice(0), ['Owt']);
  third.save();

  writeFileSync(cache, 'not json');
  assert.equal(open().keysOf('one.mdx').sourceTitle, 'One', 'a broken cache is only slower');
  assert.ok(readFileSync(cache, 'utf8') === 'not json');
});

function mkdir(dir: string, files: Record<string, string>): void {
  rmSync(dir, { recursive: true, force: true });
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, name), text);
  }
}
