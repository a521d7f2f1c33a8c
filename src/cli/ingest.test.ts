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

const SEED = join(root, 'test/fixtures/seed/digests/2025-03-17.txt');

/** A new content root with the seed taxonomy; `out` is its papers/. */
function workspace(): { dir: string; content: string; out: string } {
  const dir = mkdtempSync(join(tmpdir(), 'pb-ingest-'));
  workspaces.push(dir);
  cpSync(join(root, 'test/fixtures/seed/topics'), join(dir, 'content/topics'), { recursive: true });
  return { dir, content: join(dir, 'content'), out: join(dir, 'content/papers') };
}

/**
 * The package's ingest script, as `npm run ingest` runs it, with this Node: from its bundle
 * (src/cli/bundled.mjs, no tsx).
 */
const SCRIPT = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: { ingest: string } }).scripts.ingest.split(' ');
assert.equal(SCRIPT[0], 'node');

function ingest(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [...SCRIPT.slice(1).map((a) => (a.endsWith('.ts') ? join(root, a) : a)), ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('ingesting the seed writes 49 entries and archives the digest; a second run changes nothing', () => {
  const { dir, content, out } = workspace();
  const r = ingest([SEED, '--content', content]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /digest of 2025-03-17, 49 papers/);
  assert.match(r.stdout, /49 created, 0 updated, 0 unchanged/);
  assert.match(r.stdout, /math: \d+ formulas in \d+ papers; \d+ restored from damaged text, [1-9]\d* of them marked incomplete/);
  assert.match(r.stdout, /incomplete: .*\.mdx: \$.*\$ \(/);
  assert.equal(readdirSync(out).length, 49);
  assert.ok(existsSync(join(dir, 'content/digests/2025-03-17.txt')));
  const before = readdirSync(out).map((f) => readFileSync(join(out, f), 'utf8'));
  const again = ingest([SEED, '--content', content]);
  assert.match(again.stdout, /0 created, 0 updated, 49 unchanged/);
  assert.deepEqual(
    readdirSync(out).map((f) => readFileSync(join(out, f), 'utf8')),
    before,
  );
});

test('a new, empty content root: the ingest makes papers/ and digests/, and says the papers get no topics without a taxonomy', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pb-ingest-'));
  workspaces.push(dir);
  const content = join(dir, 'new-site');
  const r = ingest([SEED, '--content', content]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /topics does not exist: the papers get no topics/);
  assert.match(r.stdout, /49 created/);
  assert.equal(readdirSync(join(content, 'papers')).length, 49);
  assert.ok(existsSync(join(content, 'digests/2025-03-17.txt')));
  // PAPERBOY_CONTENT sets the same root when --content is not given.
  const again = spawnSync(process.execPath, [join(root, 'src/cli/bundled.mjs'), 'ingest', SEED], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, PAPERBOY_CONTENT: content },
  });
  assert.equal(again.status, 0, again.stderr);
  assert.match(again.stdout, /0 created, 0 updated, 49 unchanged/);
  assert.match(again.stdout, /already archived/);
});

test('bad input: a message with file and line, exit 1, nothing written', () => {
  const { dir, content, out } = workspace();
  const bad = join(dir, 'bad.txt');
  writeFileSync(bad, 'Mar 17\n\nA Title\n\nAn abstract that is long enough to count as one. Really.\n\nTitle Without Abstract\n');
  const r = ingest([bad, '--content', content]);
  assert.equal(r.status, 1);
  assert.match(
    r.stderr,
    new RegExp(`error: ${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:7: the title "Title Without Abstract" has no abstract`),
  );
  assert.match(r.stderr, /nothing was written/);
  assert.equal(existsSync(out), false);
  assert.equal(existsSync(join(dir, 'content/digests')), false);

  const missing = ingest([join(dir, 'nope.txt'), '--content', content]);
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /nope\.txt: no such file/);
  const usage = ingest([]);
  assert.equal(usage.status, 2);
  assert.match(usage.stderr, /usage: npm run ingest/);
});

test('titles in any script become files: a long Chinese title and an emoji-only one ingest cleanly', () => {
  const { dir, content, out } = workspace();
  const digest = join(dir, '2025-05-01.txt');
  const chinese =
    '大规模语言模型的高效训练方法研究基于稀疏注意力机制与混合专家架构的可扩展性分析以及在多语言理解任务上的实证评估与理论解释和未来方向的系统性综述与展望';
  const abstract = 'We study the question at length and report what we found, with care for the details that matter here.';
  writeFileSync(digest, `May 1, 2025\n\n${chinese}\n\n${abstract}\n\n🚀🔥🤖\n\n${abstract} Again.\n`);
  const r = ingest([digest, '--content', content]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /2 created/);
  const files = readdirSync(out);
  assert.equal(files.length, 2);
  for (const f of files) assert.ok(Buffer.byteLength(f) <= 200, f);
});
