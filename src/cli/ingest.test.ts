/** The ingest command as a user runs it: exit codes, messages, and what lands on disk. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

const workspaces: string[] = [];
after(() => {
  for (const dir of workspaces) rmSync(dir, { recursive: true, force: true });
});

function workspace(): { dir: string; out: string } {
  const dir = mkdtempSync(join(tmpdir(), 'pb-ingest-'));
  workspaces.push(dir);
  cpSync(join(root, 'content/topics'), join(dir, 'content/topics'), { recursive: true });
  return { dir, out: join(dir, 'content/papers') };
}

function ingest(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src/cli/ingest.ts'), ...args], { cwd: root, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('ingesting the seed writes 49 entries and archives the digest; a second run changes nothing', () => {
  const { dir, out } = workspace();
  const r = ingest([join(root, 'content/digests/2025-03-17.txt'), '--out', out]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /digest of 2025-03-17, 49 papers/);
  assert.match(r.stdout, /49 created, 0 updated, 0 unchanged/);
  assert.match(r.stdout, /math: restored \d+ formulas in \d+ papers/);
  assert.equal(readdirSync(out).length, 49);
  assert.ok(existsSync(join(dir, 'content/digests/2025-03-17.txt')));
  const before = readdirSync(out).map((f) => readFileSync(join(out, f), 'utf8'));
  const again = ingest([join(root, 'content/digests/2025-03-17.txt'), '--out', out]);
  assert.match(again.stdout, /0 created, 0 updated, 49 unchanged/);
  assert.deepEqual(readdirSync(out).map((f) => readFileSync(join(out, f), 'utf8')), before);
});

test('the committed entries are up to date: re-ingesting the committed seed over them changes nothing', () => {
  const { dir } = workspace();
  cpSync(join(root, 'content/papers'), join(dir, 'content/papers'), { recursive: true });
  cpSync(join(root, 'content/digests'), join(dir, 'content/digests'), { recursive: true });
  const r = ingest([join(dir, 'content/digests/2025-03-17.txt'), '--out', join(dir, 'content/papers')]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /0 created, 0 updated, 49 unchanged/);
  assert.match(r.stdout, /already archived/);
});

test('bad input: a message with file and line, exit 1, nothing written', () => {
  const { dir, out } = workspace();
  const bad = join(dir, 'bad.txt');
  writeFileSync(bad, 'Mar 17\n\nA Title\n\nAn abstract that is long enough to count as one. Really.\n\nTitle Without Abstract\n');
  const r = ingest([bad, '--out', out]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, new RegExp(`error: ${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:7: the title "Title Without Abstract" has no abstract`));
  assert.match(r.stderr, /nothing was written/);
  assert.equal(existsSync(out), false);
  assert.equal(existsSync(join(dir, 'content/digests')), false);

  const missing = ingest([join(dir, 'nope.txt'), '--out', out]);
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /nope\.txt: no such file/);
  const usage = ingest([]);
  assert.equal(usage.status, 2);
  assert.match(usage.stderr, /usage: npm run ingest/);
});
