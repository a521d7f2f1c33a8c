import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { removeLeftovers } from './incremental-dist.ts';

const made: string[] = [];
after(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

test("what an earlier build left is removed; this build's files and its kept pages stay", () => {
  const dist = mkdtempSync(join(tmpdir(), 'pb-dist-'));
  made.push(dist);
  const file = (rel: string, old: boolean): string => {
    const path = join(dist, rel);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, rel);
    if (old) utimesSync(path, new Date(Date.now() - 3_600_000), new Date(Date.now() - 3_600_000));
    return path;
  };
  const kept = file('papers/unchanged/index.html', true);
  const fresh = file('papers/new/index.html', false);
  file('papers/removed/index.html', true);
  file('_astro/old.abc123.css', true);
  const asset = file('_astro/new.def456.css', false);
  const since = Date.now() - 60_000;
  const removed = removeLeftovers(dist, since, new Set([kept]));
  assert.deepEqual(removed.map((p) => p.slice(dist.length + 1)).sort(), ['_astro/old.abc123.css', 'papers/removed/index.html']);
  for (const p of [kept, fresh, asset]) assert.ok(existsSync(p), p);
  assert.ok(!existsSync(join(dist, 'papers/removed')), 'the folder a removed page leaves empty goes too');
  assert.deepEqual(removeLeftovers(join(dist, 'missing'), since, new Set()), []);
  const fragment = file('pagefind/fragment/en_1234567.pf_fragment', true);
  const worker = file('sw.js', true);
  file('pagefinder/old.html', true);
  assert.deepEqual(
    removeLeftovers(dist, since, new Set([kept]), ['pagefind', 'sw.js']).map((p) => p.slice(dist.length + 1)),
    ['pagefinder/old.html'],
    'what a later step owns stays',
  );
  for (const p of [fragment, worker]) assert.ok(existsSync(p), p);
});
