/**
 * The ingest killed (SIGKILL) at several steps, and two ingests at once, on a real content root
 * with the real CLI: the content folder is always as before or fully updated once the next run
 * (from another working directory) has repaired it, the build refuses a half-written folder
 * until then, and a second ingest waits for the first or refuses clearly, changing nothing.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { lockContent } from '../lib/ingest/lock.ts';
import { parseDigest } from '../lib/ingest/digest/parse.ts';
import { digestText } from '../../test/support/digest-text.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const SEED = join(root, 'test/fixtures/seed/digests/2025-03-17.txt');
const work = mkdtempSync(join(tmpdir(), 'pb-crash-'));
after(() => rmSync(work, { recursive: true, force: true }));

/** A second day: ten seed papers seen again and five new ones, so the ingest both updates and creates. */
const seedPapers = parseDigest(readFileSync(SEED, 'utf8'), 'seed').papers;
const NEXT = join(work, '2025-03-18.txt');
writeFileSync(
  NEXT,
  digestText('2025-03-18', [
    ...seedPapers.slice(0, 10),
    ...Array.from({ length: 5 }, (_, i) => ({
      title: `A New Paper Number ${i + 1} on Sparse Attention`,
      abstract: `We study sparse attention, variant ${i + 1}, and report what it costs and what it gains on long documents.`,
    })),
  ]),
);

/** The ingest as `npm run ingest` runs it (from its bundle), by absolute path: the runs start in other working directories. */
const INGEST = [join(root, 'src/cli/bundled.mjs'), 'ingest'];
/**
 * The killed runs' locks expire after 2 s, so that the next run can go on; runs that meet a live
 * lock keep the 30 s default, so that a loaded machine's late timers never make a live lock stale.
 */
const ENV = { PAPERBOY_LOCK_STALE_MS: '2000', PAPERBOY_LOCK_WAIT_MS: '20000' };
const LIVE_ENV = { PAPERBOY_LOCK_STALE_MS: '30000', PAPERBOY_LOCK_WAIT_MS: '60000' };

function ingest(
  args: string[],
  env: NodeJS.ProcessEnv = {},
  cwd = work,
): ReturnType<typeof spawnSync> & { stdout: string; stderr: string } {
  return spawnSync(process.execPath, [...INGEST, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...ENV, ...env },
  }) as ReturnType<typeof spawnSync> & { stdout: string; stderr: string };
}

/** Every file under a content root (lock and staging files included) with its bytes; folders as `<dir>`. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const path = join(e.parentPath, e.name);
    out.set(path.slice(dir.length + 1), e.isDirectory() ? '<dir>' : readFileSync(path, 'latin1'));
  }
  return new Map([...out].sort(([a], [b]) => a.localeCompare(b)));
}

let seeded = '';
let updated: Map<string, string>;

before(() => {
  // The seed ingested, and the reference: the seed, then the next day, ingested without a crash.
  seeded = join(work, 'seeded');
  cpSync(join(root, 'test/fixtures/seed/topics'), join(seeded, 'topics'), { recursive: true });
  const r = ingest([SEED, '--content', seeded]);
  assert.equal(r.status, 0, r.stderr);
  const reference = copy('reference');
  const n = ingest([NEXT, '--content', reference]);
  assert.equal(n.status, 0, n.stderr);
  assert.match(n.stdout, /5 created, 10 updated/);
  updated = snapshot(reference);
});

function copy(name: string): string {
  const dir = join(work, name);
  cpSync(seeded, dir, { recursive: true });
  return dir;
}

for (const at of ['stage:0', 'stage:9', 'rename:0', 'rename:8']) {
  test(`killed at ${at}: the next run, from another directory, leaves the folder fully updated`, () => {
    const content = copy(`crash-${at.replace(':', '-')}`);
    const before = snapshot(content);
    const killed = ingest([NEXT, '--content', content], { PAPERBOY_CRASH_AT: at });
    assert.equal(killed.signal, 'SIGKILL', `${killed.stdout}\n${killed.stderr}`);
    const left = readdirSync(content, { recursive: true, encoding: 'utf8' });
    if (at.startsWith('stage')) {
      // Killed before its journal: every entry and digest is as before; only staging files and the lock are new.
      for (const [f, bytes] of before) assert.equal(snapshot(content).get(f), bytes, f);
      assert.ok(
        left.some((f) => f.endsWith('.ingest-tmp')),
        'staging files left',
      );
    } else {
      assert.ok(left.includes('.ingest-journal.json'), 'the journal is left');
    }
    // The next ingest, started elsewhere, repairs what is left and then does its own work.
    const next = ingest([NEXT, '--content', content], {}, tmpdir());
    assert.equal(next.status, 0, next.stderr);
    assert.match(next.stdout, at.startsWith('stage') ? /removed \d+ staging files/ : /completed an interrupted ingest/);
    assert.deepEqual(snapshot(content), updated);
  });
}

test('the build refuses a half-written folder, and --repair from another directory completes it', () => {
  const content = copy('half-written');
  const killed = ingest([NEXT, '--content', content], { PAPERBOY_CRASH_AT: 'rename:3' });
  assert.equal(killed.signal, 'SIGKILL');
  const dist = join(work, 'half-dist');
  const build = spawnSync('npm', ['run', 'build'], {
    cwd: root,
    encoding: 'utf8',
    env: {
      ...process.env,
      PAPERBOY_CONTENT: content,
      PAPERBOY_OUT: dist,
      PAPERBOY_CACHE: join(work, 'half-cache'),
      ASTRO_TELEMETRY_DISABLED: '1',
    },
  });
  assert.notEqual(build.status, 0, 'the build must fail');
  assert.match(`${build.stdout}${build.stderr}`, /An ingest was interrupted while writing .*npm run ingest -- --repair/s);
  assert.equal(existsSync(join(dist, 'index.html')), false, 'no site was written');
  const repaired = ingest(['--repair', '--content', content], {}, tmpdir());
  assert.equal(repaired.status, 0, repaired.stderr);
  assert.match(repaired.stdout, /completed an interrupted ingest \(\d+ files moved into place\)/);
  assert.deepEqual(snapshot(content), updated);
  assert.match(ingest(['--repair', '--content', content]).stdout, /nothing to repair/);
});

test('a second ingest refuses clearly while the folder is locked, changing nothing; or waits and then runs', async () => {
  const content = copy('locked');
  const before = snapshot(content);
  const release = await lockContent(content, 0);
  const refused = ingest([NEXT, '--content', content], { PAPERBOY_LOCK_STALE_MS: '30000', PAPERBOY_LOCK_WAIT_MS: '0' });
  assert.equal(refused.status, 1);
  assert.match(refused.stderr, /another ingest is writing this content folder; nothing was changed/);
  const unlocked = snapshot(content);
  for (const [f, bytes] of before) assert.equal(unlocked.get(f), bytes, f);
  // Waiting: released after a moment, the waiting ingest goes on and says it waited.
  const waiting = spawn(process.execPath, [...INGEST, NEXT, '--content', content], {
    cwd: work,
    env: { ...process.env, ...LIVE_ENV },
  });
  let out = '';
  waiting.stdout.on('data', (c: Buffer) => {
    out += c.toString();
  });
  const code = new Promise<number | null>((resolve) => waiting.on('close', resolve));
  for (let i = 0; i < 600 && !out.includes('waiting for another ingest'); i += 1) await new Promise((r) => setTimeout(r, 100));
  assert.match(out, /waiting for another ingest/);
  await release();
  assert.equal(await code, 0, out);
  assert.deepEqual(snapshot(content), updated);
});

test('two ingests of different digests at once: both land, nothing is lost', async () => {
  const content = join(work, 'concurrent');
  cpSync(join(root, 'test/fixtures/seed/topics'), join(content, 'topics'), { recursive: true });
  const run = (file: string) =>
    new Promise<{ code: number | null; out: string }>((resolve) => {
      const child = spawn(process.execPath, [...INGEST, file, '--content', content], {
        cwd: work,
        env: { ...process.env, ...LIVE_ENV },
      });
      let out = '';
      child.stdout.on('data', (c: Buffer) => (out += c.toString()));
      child.stderr.on('data', (c: Buffer) => (out += c.toString()));
      child.on('close', (code) => resolve({ code, out }));
    });
  const [a, b] = await Promise.all([run(SEED), run(NEXT)]);
  assert.equal(a.code, 0, a.out);
  assert.equal(b.code, 0, b.out);
  assert.deepEqual(readdirSync(join(content, 'digests')).sort(), ['2025-03-17.txt', '2025-03-18.txt']);
  const papers = readdirSync(join(content, 'papers'));
  assert.equal(papers.length, 54, '49 seed papers and 5 new ones, each once');
  const twice = papers.filter((f) => (readFileSync(join(content, 'papers', f), 'utf8').match(/date: /g) ?? []).length === 2);
  assert.equal(twice.length, 10, 'the ten papers of both days carry both dates');
});
