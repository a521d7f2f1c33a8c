import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { writeAllOrNothing } from './write.ts';

test('all files land, replacing the old ones, and no staging file is left', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pb-write-'));
  writeFileSync(join(dir, 'a.mdx'), 'old a');
  await writeAllOrNothing([
    { dir, name: 'a.mdx', data: 'new a' },
    { dir, name: 'b.mdx', data: 'new b' },
  ]);
  assert.deepEqual(readdirSync(dir).sort(), ['a.mdx', 'b.mdx']);
  assert.equal(readFileSync(join(dir, 'a.mdx'), 'utf8'), 'new a');
});

test('a failure mid-way leaves the folder exactly as it was', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pb-write-'));
  writeFileSync(join(dir, 'a.mdx'), 'old a');
  // The third file cannot be staged: a folder stands where its staging file would go.
  mkdirSync(join(dir, `.c.mdx.${process.pid}.ingest-tmp`));
  await assert.rejects(
    writeAllOrNothing([
      { dir, name: 'a.mdx', data: 'new a' },
      { dir, name: 'b.mdx', data: 'new b' },
      { dir, name: 'c.mdx', data: 'new c' },
    ]),
  );
  assert.deepEqual(readdirSync(dir).sort(), [`.c.mdx.${process.pid}.ingest-tmp`, 'a.mdx']);
  assert.equal(readFileSync(join(dir, 'a.mdx'), 'utf8'), 'old a');
});
