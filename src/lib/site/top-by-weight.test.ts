import assert from 'node:assert/strict';
import { test } from 'node:test';
import { topByWeight } from './top-by-weight.ts';

const sorted = (a: Int32Array): number[] => [...a].sort((x, y) => x - y);

test('keeps the m heaviest candidates', () => {
  const w = new Float64Array([0.1, 0.9, 0.5, 0.7, 0.2]);
  const ids = new Int32Array([0, 1, 2, 3, 4]);
  const rank = new Int32Array([0, 1, 2, 3, 4]);
  assert.deepEqual(sorted(topByWeight(new Int32Array([0, 1, 2, 3, 4]), w, ids, rank, 2)), [1, 3]);
});

test('ties at the cut go to the terms ranked first (alphabetically), whatever their order', () => {
  const w = new Float64Array([0.5, 0.5, 0.5, 0.9]);
  const ids = new Int32Array([10, 11, 12, 13]);
  const rank = new Int32Array(14);
  rank[10] = 2;
  rank[11] = 0;
  rank[12] = 1;
  rank[13] = 3;
  assert.deepEqual(sorted(topByWeight(new Int32Array([0, 1, 2, 3]), w, ids, rank, 2)), [1, 3]);
  assert.deepEqual(sorted(topByWeight(new Int32Array([2, 0, 3, 1]), w, ids, rank, 3)), [1, 2, 3]);
});

test('fewer candidates than m are returned as they are', () => {
  const c = new Int32Array([2, 0]);
  assert.equal(topByWeight(c, new Float64Array(3), new Int32Array(3), new Int32Array(3), 5), c);
});
