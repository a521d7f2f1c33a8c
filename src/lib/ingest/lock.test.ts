import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { LOCK_NAME, LockedError, lockContent } from './lock.ts';

const root = mkdtempSync(join(tmpdir(), 'pb-lock-'));
after(() => rmSync(root, { recursive: true, force: true }));

test('one holder at a time: a second one is refused clearly, or waits for the first', async () => {
  const release = await lockContent(root, 0);
  assert.ok(existsSync(join(root, LOCK_NAME)));
  await assert.rejects(
    lockContent(root, 0),
    (e: unknown) => e instanceof LockedError && /another ingest is writing this content folder; nothing was changed/.test(e.message),
  );
  let waited = 0;
  const second = lockContent(root, 60_000, () => (waited += 1));
  setTimeout(() => void release(), 300);
  const releaseSecond = await second;
  assert.equal(waited, 1, 'told once that it waits');
  await releaseSecond();
  assert.equal(existsSync(join(root, LOCK_NAME)), false);
});

test('a new content root is made to hold its lock', async () => {
  const fresh = join(root, 'new', 'content');
  const release = await lockContent(fresh, 0);
  assert.ok(existsSync(join(fresh, LOCK_NAME)));
  await release();
});
