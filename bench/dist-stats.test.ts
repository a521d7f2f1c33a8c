import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { distStats, formatHeaviest, kindOf } from './dist-stats.ts';

test('kindOf tells pages apart by their path', () => {
  assert.equal(kindOf('papers/x/index.html'), 'paper');
  assert.equal(kindOf('topics/t/index.html'), 'topic');
  assert.equal(kindOf('topics/t/3/index.html'), 'topic');
  assert.equal(kindOf('digests/2025-03-17/index.html'), 'digest');
  assert.equal(kindOf('digests/2025-03-17/2/index.html'), 'digest');
  assert.equal(kindOf('index.html'), 'home');
  assert.equal(kindOf('search/index.html'), 'search');
  assert.equal(kindOf('topics/index.html'), 'other');
});

test('distStats names the largest page of any kind and takes the heaviest of each kind apart', async (t) => {
  const dist = mkdtempSync(join(tmpdir(), 'pb-stats-'));
  t.after(() => rmSync(dist, { recursive: true, force: true }));
  const write = (rel: string, bytes: number): void => {
    mkdirSync(join(dist, rel, '..'), { recursive: true });
    writeFileSync(join(dist, rel), `<html><body><p>${'x'.repeat(bytes)}</p></body></html>`);
  };
  for (const [i, n] of [100, 300, 200, 50].entries()) write(`papers/p${i}/index.html`, n);
  write('topics/t/index.html', 1000);
  write('topics/t/2/index.html', 2000);
  write('index.html', 500);
  const stats = await distStats(dist);
  assert.equal(stats.htmlMax.page, '/topics/t/2/');
  assert.deepEqual(
    stats.heaviest.map((p) => [p.kind, p.page]),
    [
      ['paper', '/papers/p1/'],
      ['paper', '/papers/p2/'],
      ['paper', '/papers/p0/'],
      ['topic', '/topics/t/2/'],
      ['home', '/'],
    ],
  );
  assert.equal(stats.heaviest[0]!.parts.total, stats.heaviest[0]!.bytes);
  assert.match(formatHeaviest(stats.heaviest), /^total .*KiB/m);
});
