/**
 * npm run test:unit: the unit test files in two processes side by side (one per core), each
 * running its half of the files one after another in one process (node's
 * --experimental-test-isolation=none) instead of a process per file: 95 processes each loading
 * tsx, KaTeX and the math modules again cost about a quarter of the unit tests' CPU. Each
 * shard's report is printed whole when it ends, so that the two do not interleave.
 * Plain JavaScript: it runs before anything is type-stripped.
 */
import { spawn } from 'node:child_process';

const GLOBS = ['src/**/*.test.ts', 'test/**/*.test.ts', 'bench/**/*.test.ts'];
const SHARDS = 2;

function shard(index) {
  return new Promise((resolve) => {
    const args = ['--import', 'tsx', '--test', '--experimental-test-isolation=none', `--test-shard=${index}/${SHARDS}`];
    const child = spawn(process.execPath, [...args, '--test-reporter=spec', ...GLOBS], { stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    child.stdout.on('data', (c) => out.push(c));
    child.stderr.on('data', (c) => out.push(c));
    child.on('error', (error) => resolve({ index, code: 1, text: String(error) }));
    child.on('close', (code, signal) => resolve({ index, code: code ?? 1, signal, text: Buffer.concat(out).toString('utf8') }));
  });
}

const results = await Promise.all(Array.from({ length: SHARDS }, (_, i) => shard(i + 1)));
for (const r of results) {
  process.stdout.write(`\n=== unit tests, shard ${r.index}/${SHARDS} ===\n${r.text}`);
  if (r.code !== 0) console.error(`unit tests shard ${r.index}/${SHARDS} failed (${r.signal ?? `exit ${r.code}`})`);
}
process.exit(results.every((r) => r.code === 0) ? 0 : 1);
