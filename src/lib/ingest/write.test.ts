import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { completeInterruptedWrite, writeAllOrNothing } from './write.ts';

const made: string[] = [];
after(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pb-write-'));
  made.push(dir);
  return dir;
}

test('all files land, replacing the old ones, and no staging file is left', async () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'a.mdx'), 'old a');
  await writeAllOrNothing(
    [
      { dir, name: 'a.mdx', data: 'new a' },
      { dir, name: 'b.mdx', data: 'new b' },
    ],
    join(dir, '.journal'),
  );
  assert.deepEqual(readdirSync(dir).sort(), ['a.mdx', 'b.mdx']);
  assert.equal(readFileSync(join(dir, 'a.mdx'), 'utf8'), 'new a');
});

test('a failure mid-way leaves the folder exactly as it was', async () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'a.mdx'), 'old a');
  // The third file cannot be staged: a folder stands where its staging file would go.
  mkdirSync(join(dir, `.c.mdx.${process.pid}.ingest-tmp`));
  await assert.rejects(
    writeAllOrNothing(
      [
        { dir, name: 'a.mdx', data: 'new a' },
        { dir, name: 'b.mdx', data: 'new b' },
        { dir, name: 'c.mdx', data: 'new c' },
      ],
      join(dir, '.journal'),
    ),
  );
  assert.deepEqual(readdirSync(dir).sort(), [`.c.mdx.${process.pid}.ingest-tmp`, 'a.mdx']);
  assert.equal(readFileSync(join(dir, 'a.mdx'), 'utf8'), 'old a');
});

test('a crash between renames leaves a journal; completing it gives the fully updated folder', async () => {
  const dir = tempDir();
  const journal = join(dir, '.journal');
  writeFileSync(join(dir, 'a.mdx'), 'old a');
  writeFileSync(join(dir, 'b.mdx'), 'old b');
  const files = ['a', 'b', 'c'].map((n) => ({ dir, name: `${n}.mdx`, data: `new ${n}` }));
  await assert.rejects(
    writeAllOrNothing(files, journal, {
      beforeRename: (i) => {
        if (i === 1) throw new Error('crash');
      },
    }),
    /crash/,
  );
  // Half-way: a is new, b is old, c is missing; the journal says what remains.
  assert.equal(readFileSync(join(dir, 'a.mdx'), 'utf8'), 'new a');
  assert.equal(readFileSync(join(dir, 'b.mdx'), 'utf8'), 'old b');
  assert.ok(readdirSync(dir).includes('.journal'));
  assert.equal(await completeInterruptedWrite(journal), 2);
  assert.deepEqual(readdirSync(dir).sort(), ['a.mdx', 'b.mdx', 'c.mdx']);
  for (const n of ['a', 'b', 'c']) assert.equal(readFileSync(join(dir, `${n}.mdx`), 'utf8'), `new ${n}`);
  assert.equal(await completeInterruptedWrite(journal), 0, 'nothing left to do');
});
