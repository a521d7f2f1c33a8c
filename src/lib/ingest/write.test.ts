import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { cleanStaging, completeInterruptedWrite, writeAllOrNothing } from './write.ts';

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
  // The third file cannot be staged: its folder is a file.
  writeFileSync(join(dir, 'sub'), 'a file where a folder should be');
  await assert.rejects(
    writeAllOrNothing(
      [
        { dir, name: 'a.mdx', data: 'new a' },
        { dir, name: 'b.mdx', data: 'new b' },
        { dir: join(dir, 'sub'), name: 'c.mdx', data: 'new c' },
      ],
      join(dir, '.journal'),
    ),
  );
  assert.deepEqual(readdirSync(dir).sort(), ['a.mdx', 'sub']);
  assert.equal(readFileSync(join(dir, 'a.mdx'), 'utf8'), 'old a');
});

test('a failing journal write (a full disk, say) removes every staged file', async () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'a.mdx'), 'old a');
  // The journal cannot be written: a folder stands where its temporary file goes.
  mkdirSync(join(dir, '.journal.tmp'));
  writeFileSync(join(dir, '.journal.tmp', 'x'), 'x');
  await assert.rejects(
    writeAllOrNothing(
      [
        { dir, name: 'a.mdx', data: 'new a' },
        { dir, name: 'b.mdx', data: 'new b' },
      ],
      join(dir, '.journal'),
    ),
  );
  assert.deepEqual(readdirSync(dir).sort(), ['.journal.tmp', 'a.mdx']);
  assert.equal(readFileSync(join(dir, 'a.mdx'), 'utf8'), 'old a');
});

test('staging names are unique per run, and cleanStaging removes what a killed run left', async () => {
  const dir = tempDir();
  const names: string[] = [];
  for (let k = 0; k < 2; k += 1) {
    await assert.rejects(
      writeAllOrNothing([{ dir, name: 'a.mdx', data: 'x' }], join(dir, '.journal'), {
        afterStage: () => {
          names.push(...readdirSync(dir));
          throw new Error('killed');
        },
      }),
    );
  }
  assert.equal(new Set(names).size, 2, 'two runs of the same process stage under different names');
  writeFileSync(join(dir, `.a.mdx.0123456789ab.ingest-tmp`), 'left by a killed run');
  writeFileSync(join(dir, 'keep.mdx'), 'an entry');
  assert.equal(await cleanStaging(dir, join(dir, 'missing')), 1);
  assert.deepEqual(readdirSync(dir), ['keep.mdx']);
});

test('the journal names files relative to its folder: it completes from any working directory, and after the folder moved', async () => {
  const dir = tempDir();
  const content = join(dir, 'content');
  mkdirSync(join(content, 'papers'), { recursive: true });
  await assert.rejects(
    writeAllOrNothing([{ dir: join(content, 'papers'), name: 'a.mdx', data: 'new a' }], join(content, '.journal'), {
      beforeRename: () => {
        throw new Error('crash');
      },
    }),
  );
  assert.doesNotMatch(readFileSync(join(content, '.journal'), 'utf8'), new RegExp(dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  renameSync(content, join(dir, 'moved'));
  const cwd = process.cwd();
  process.chdir(tmpdir());
  try {
    assert.equal(await completeInterruptedWrite(join(dir, 'moved', '.journal')), 1);
  } finally {
    process.chdir(cwd);
  }
  assert.equal(readFileSync(join(dir, 'moved', 'papers', 'a.mdx'), 'utf8'), 'new a');
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
