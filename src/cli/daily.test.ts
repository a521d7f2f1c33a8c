/**
 * The daily command as the workflow runs it, against a local stand-in for the Hugging Face API
 * serving recorded answers: a full list, a day without papers, and the answers that must never
 * reach the site (truncated, an error status, an empty body, a connection cut mid-body, no answer).
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const FULL = readFileSync(join(root, 'test/fixtures/sources/hf-daily-2025-03-17.json'));
const EMPTY = readFileSync(join(root, 'test/fixtures/daily/hf-daily-2025-03-15-empty.json'));
const TRUNCATED = readFileSync(join(root, 'test/fixtures/daily/hf-daily-2025-03-17-truncated.json'));

const temps: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pb-daily-'));
  temps.push(dir);
  return dir;
}

/** A content root with the seed taxonomy only, as a new site has. */
function contentRootWithTopics(): string {
  const content = join(tempDir(), 'content');
  cpSync(join(root, 'test/fixtures/seed/topics'), join(content, 'topics'), { recursive: true });
  return content;
}

/** Every file under `dir`, by relative path, with its bytes. */
function tree(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(dir, p), readFileSync(p));
    }
  };
  walk(dir);
  return out;
}

const requests: string[] = [];
let server: Server;
let origin = '';

before(async () => {
  // The first path segment says how this stand-in answers /daily_papers.
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const [, kind, rest] = /^\/([^/]+)(\/.*)$/.exec(new URL(req.url ?? '/', 'http://x').pathname) ?? [];
    if (rest !== '/daily_papers') {
      res.writeHead(404).end();
      return;
    }
    const json = (body: Buffer | string): void => {
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' }).end(body);
    };
    switch (kind) {
      case 'full':
        return json(FULL);
      case 'empty':
        return json(EMPTY);
      case 'truncated':
        return json(TRUNCATED);
      case 'blank':
        return json('');
      case 'error':
        res.writeHead(500, { 'Content-Type': 'application/json' }).end('{"error":"Internal Error"}');
        return;
      case 'cut':
        // Announces the whole list, sends half of it, then drops the connection.
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(FULL.length) });
        res.write(FULL.subarray(0, FULL.length >> 1), () => res.destroy());
        return;
      case 'hang':
        return; // never answers
      default:
        res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  output: string;
  summary: string;
}

/** Runs src/cli/daily.ts (from its bundle, as `npm run daily` does) against the stand-in `kind`, asynchronously: the server answers from this process. */
function daily(kind: string, content: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  const dir = tempDir();
  const outputFile = join(dir, 'github-output');
  const summaryFile = join(dir, 'step-summary');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const child = spawn(process.execPath, [join(root, 'src/cli/bundled.mjs'), 'daily', ...args], {
    cwd: root,
    env: {
      ...process.env,
      PAPERBOY_HF_API: `${origin}/${kind}`,
      PAPERBOY_CONTENT: content,
      PAPERBOY_FETCH_TIMEOUT_MS: '',
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      ...env,
    },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
  child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) =>
      resolve({ status, stdout, stderr, output: readFileSync(outputFile, 'utf8'), summary: readFileSync(summaryFile, 'utf8') }),
    );
  });
}

const SLUGS = [
  'a-nearly-optimal-bound-for-fast-regression-with-ell-infty-guarantee',
  'mgno-efficient-parameterization-of-linear-operators-via-multigrid',
  'poseidon-efficient-foundation-models-for-pdes',
  'snip-bridging-mathematical-symbolic-and-numeric-realms-with-unified-pre-training',
];

test('a full list: the entries are written, reported and counted in GITHUB_OUTPUT; a second run changes nothing', async () => {
  const content = contentRootWithTopics();
  const r = await daily('full', content, ['--date', '2025-03-17']);
  assert.equal(r.status, 0, r.stderr);
  assert.ok(requests.includes('/full/daily_papers?date=2025-03-17'), requests.join('\n'));
  assert.deepEqual(
    readdirSync(join(content, 'papers')).sort(),
    SLUGS.map((s) => `${s}.mdx`),
  );
  assert.ok(existsSync(join(content, 'digests/2025-03-17.json')));
  assert.match(r.stdout, /2025-03-17: 4 papers in the list/);
  assert.match(r.stdout, /4 created, 0 updated/);
  for (const slug of SLUGS) assert.match(r.stdout, new RegExp(`created {2}papers/${slug}\\.mdx`));
  assert.match(r.stdout, /"Poseidon: Efficient Foundation Models for PDEs"/);
  assert.match(r.output, /^papers=4$/m);
  assert.match(r.output, /^created=4$/m);
  assert.match(r.output, /^changed=true$/m);
  assert.match(r.summary, /## Paperboy: digest of 2025-03-17/);
  assert.match(
    r.summary,
    /\| created \| `poseidon-efficient-foundation-models-for-pdes` \| Poseidon: Efficient Foundation Models for PDEs \|/,
  );

  const written = tree(content);
  const again = await daily('full', content, ['--date', '2025-03-17']);
  assert.equal(again.status, 0, again.stderr);
  assert.match(again.stdout, /0 created, 0 updated, 4 already up to date/);
  assert.match(again.output, /^papers=4$/m);
  assert.match(again.output, /^changed=false$/m);
  assert.deepEqual(tree(content), written);
});

test('a day without papers: exit 0, nothing written, papers=0', async () => {
  const content = contentRootWithTopics();
  const initial = tree(content);
  const r = await daily('empty', content, ['--date', '2025-03-15']);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /no papers for 2025-03-15: nothing to publish/);
  assert.match(r.output, /^papers=0$/m);
  assert.match(r.output, /^changed=false$/m);
  assert.match(r.summary, /No papers for 2025-03-15: nothing to publish/);
  assert.deepEqual(tree(content), initial);
  assert.equal(existsSync(join(content, 'papers')), false);
});

test('a valid list whose ingest fails (a broken taxonomy): exit 1, the content root byte-identical', async () => {
  const content = contentRootWithTopics();
  writeFileSync(join(content, 'topics/broken.yaml'), 'name: [unclosed\n');
  const initial = tree(content);
  const r = await daily('full', content, ['--date', '2025-03-17']);
  assert.equal(r.status, 1, r.stdout);
  assert.match(r.stderr, /topics/);
  assert.match(r.stderr, /error: the ingest failed \(exit status 1\)/);
  assert.doesNotMatch(r.output, /papers=/);
  assert.deepEqual(tree(content), initial);
});

describe('an answer that must not reach the site: exit 1, a message naming the URL, the content root byte-identical', () => {
  // A site that already has papers, so that "untouched" means something.
  let content = '';
  let initial = new Map<string, Buffer>();
  before(() => {
    content = contentRootWithTopics();
    const r = spawnSync(
      process.execPath,
      [join(root, 'src/cli/bundled.mjs'), 'ingest', join(root, 'test/fixtures/seed/digests/2025-03-17.txt'), '--content', content],
      { cwd: root, encoding: 'utf8' },
    );
    assert.equal(r.status, 0, r.stderr);
    initial = tree(content);
    assert.ok(initial.size > 40);
  });

  const cases: { kind: string; reason: RegExp; env?: Record<string, string> }[] = [
    { kind: 'truncated', reason: /:\d+: invalid JSON/ },
    { kind: 'error', reason: /: the server answered 500 Internal Server Error/ },
    { kind: 'blank', reason: /: the server answered with an empty body/ },
    { kind: 'cut', reason: /: the response was cut off/ },
    { kind: 'hang', reason: /: no answer within 0\.3 s \(timed out\)/, env: { PAPERBOY_FETCH_TIMEOUT_MS: '300' } },
  ];
  for (const { kind, reason, env } of cases) {
    test(kind, async () => {
      const r = await daily(kind, content, ['--date', '2025-03-18'], env);
      assert.equal(r.status, 1, `${r.stdout}\n${r.stderr}`);
      const url = `${origin}/${kind}/daily_papers?date=2025-03-18`;
      assert.ok(r.stderr.startsWith(`error: ${url}`), r.stderr);
      assert.match(r.stderr, reason);
      assert.match(r.stderr, /nothing was written; nothing to publish/);
      assert.doesNotMatch(r.output, /papers=/);
      assert.match(r.summary, /\*\*Failed:\*\*/);
      assert.deepEqual(tree(content), initial);
    });
  }

  test('a date that is not one: usage error, nothing fetched', async () => {
    const count = requests.length;
    const r = await daily('full', content, ['--date', '2025-02-30']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--date 2025-02-30 is not a date/);
    assert.equal(requests.length, count);
    assert.deepEqual(tree(content), initial);
  });
});
