import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseStat, sampleTree, treeOf, type ProcStat } from './memory.ts';

test('parseStat reads pid, ppid and rss, whatever the command name holds', () => {
  const line =
    '4242 (node (worker) x) S 4100 4242 13692 0 -1 4194304 100 0 0 0 5 1 0 0 20 0 11 0 139184 1213440000 51234 18446744073709551615 1 1 0 0 0';
  assert.deepEqual(parseStat(line), { pid: 4242, ppid: 4100, rssPages: 51234, comm: 'node (worker) x' });
  assert.equal(parseStat('garbage'), undefined);
});

test('treeOf collects a process and all its descendants, and nothing else', () => {
  const p = (pid: number, ppid: number, rssPages = 1): ProcStat => ({ pid, ppid, rssPages, comm: `p${pid}` });
  const procs = [p(1, 0), p(10, 1), p(11, 10), p(12, 10), p(13, 12), p(20, 1), p(21, 20)];
  assert.deepEqual(
    treeOf(procs, 10)
      .map((x) => x.pid)
      .sort((a, b) => a - b),
    [10, 11, 12, 13],
  );
  assert.deepEqual(treeOf(procs, 99), []);
});

test('sampleTree sees this process on Linux', { skip: process.platform !== 'linux' }, async () => {
  assert.ok(parseStat(readFileSync('/proc/self/stat', 'utf8')));
  const s = sampleTree(process.pid, 10);
  await new Promise((r) => setTimeout(r, 50));
  const peak = s.stop();
  assert.ok(peak.samples >= 1);
  assert.ok(peak.peakBytes > 10 * 1024 * 1024, `peak ${peak.peakBytes}`);
});
