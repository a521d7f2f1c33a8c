/**
 * The papers loader under `astro dev`: an entry edited, added or removed while the server runs
 * shows on its page without a restart (the loader's watcher). A real dev server on a content
 * root of its own, made by the real ingest from the seed fixture.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'pb-dev-'));
const content = join(work, 'content');
const env = {
  ...process.env,
  PAPERBOY_CONTENT: content,
  PAPERBOY_CACHE: join(work, 'cache'),
  PAPERBOY_OUT: join(work, 'dist'),
  ASTRO_TELEMETRY_DISABLED: '1',
  PATH: `${join(ROOT, 'node_modules/.bin')}:${process.env['PATH']}`,
};
let stop = (): void => {};
after(() => {
  stop();
  rmSync(work, { recursive: true, force: true });
});

/** Polls `check` until it holds, for at most `seconds` (a busy machine reloads slowly); the last answer otherwise. */
async function eventually(seconds: number, check: () => Promise<boolean>): Promise<boolean> {
  for (let waited = 0; waited < seconds * 1000; waited += 500) {
    if (await check().catch(() => false)) return true;
    await new Promise((r) => setTimeout(r, 500));
  }
  return check().catch(() => false);
}

test('astro dev reloads an entry edited, added or removed while it runs', async () => {
  cpSync(join(ROOT, 'test/fixtures/seed/topics'), join(content, 'topics'), { recursive: true });
  const ingest = spawnSync(
    process.execPath,
    ['src/cli/bundled.mjs', 'ingest', join(ROOT, 'test/fixtures/seed/digests/2025-03-17.txt'), '--content', content],
    { cwd: ROOT, env, encoding: 'utf8' },
  );
  assert.equal(ingest.status, 0, ingest.stderr);
  const papers = join(content, 'papers');
  const [name] = readdirSync(papers).sort();
  const slug = name!.replace(/\.mdx$/, '');

  const server = spawn(join(ROOT, 'node_modules/.bin/astro'), ['dev', '--host', '127.0.0.1', '--port', '0'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  stop = () => server.kill('SIGTERM');
  const origin = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`astro dev printed no address in 180 s:\n${output.slice(-2000)}`)), 180_000);
    const read = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      const m = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(output.replace(/\x1b\[[0-9;]*m/g, ''));
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    server.stdout.on('data', read);
    server.stderr.on('data', read);
    server.on('exit', (code) => reject(new Error(`astro dev exited (${code}):\n${output.slice(-2000)}`)));
  });
  const page = async (s: string): Promise<{ status: number; html: string }> => {
    const r = await fetch(`${origin}/papers/${s}/`);
    return { status: r.status, html: await r.text() };
  };
  assert.ok(await eventually(120, async () => (await page(slug)).status === 200), `the page of ${slug} is served:\n${output.slice(-2000)}`);

  const file = join(papers, name!);
  const original = readFileSync(file, 'utf8');
  writeFileSync(file, original.replace(/\n\n[\s\S]*$/, '\n\nAn abstract edited while the server runs, zebra-quokka.\n'));
  assert.ok(await eventually(60, async () => (await page(slug)).html.includes('zebra-quokka')), `the edit shows:\n${output.slice(-2000)}`);

  writeFileSync(join(papers, 'a-paper-added-by-hand.mdx'), original.replace(/\n\n[\s\S]*$/, '\n\nA paper added while the server runs.\n'));
  assert.ok(
    await eventually(60, async () => (await page('a-paper-added-by-hand')).status === 200),
    `the added entry is served:\n${output.slice(-2000)}`,
  );

  rmSync(join(papers, 'a-paper-added-by-hand.mdx'));
  assert.ok(
    await eventually(60, async () => (await page('a-paper-added-by-hand')).status === 404),
    `the removed entry is gone:\n${output.slice(-2000)}`,
  );
});
