import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mergeByScore, mergeCounts, newestOnlyText, partialCountText } from './merge.ts';

const r = (id: string, score: number) => ({ id, score });

test("the buckets' results are one list by relevance, the newer bucket first on a tie", () => {
  const newest = [r('n1', 9), r('n2', 3), r('n3', 1)];
  const older = [r('o1', 5), r('o2', 3), r('o3', 0.5)];
  assert.deepEqual(
    mergeByScore([newest, older]).map((x) => x.id),
    ['n1', 'o1', 'n2', 'o2', 'n3', 'o3'],
  );
  // Within a bucket, Pagefind's order stands for equal scores.
  assert.deepEqual(
    mergeByScore([[r('a', 1), r('b', 1)], [r('c', 1)]]).map((x) => x.id),
    ['a', 'b', 'c'],
  );
  assert.deepEqual(mergeByScore([[], older]), older);
  assert.deepEqual(mergeByScore([newest, []]), newest);
  // Every result once: nothing dropped or doubled.
  assert.equal(mergeByScore([newest, older]).length, 6);
});

test('topic counts of the buckets add up', () => {
  assert.deepEqual(mergeCounts([{ topic: { 'Learning theory': 2, Optimization: 1 } }, { topic: { Optimization: 4, Vision: 1 } }, {}]), {
    topic: { 'Learning theory': 2, Optimization: 5, Vision: 1 },
  });
});

test('while older papers are searched, the count says which month it covers; and when they could not be', () => {
  const state = { q: 'networks', topic: '' };
  assert.equal(partialCountText(12, state, 'March 2025'), '12 papers of March 2025 match “networks”; searching older papers…');
  assert.equal(
    partialCountText(1, { q: 'x', topic: 'Vision' }, 'March 2025'),
    '1 paper of March 2025 matches “x” in Vision; searching older papers…',
  );
  assert.equal(partialCountText(0, state, 'March 2025'), 'No paper of March 2025 matches “networks”; searching older papers…');
  assert.equal(partialCountText(1500, state, 'March 2025'), '1,500 papers of March 2025 match “networks”; searching older papers…');
  assert.equal(
    newestOnlyText(3, state, 'March 2025', true),
    '3 papers of March 2025 match “networks”. Older papers could not be searched offline.',
  );
  assert.equal(
    newestOnlyText(3, state, 'March 2025', false),
    '3 papers of March 2025 match “networks”. Older papers could not be searched.',
  );
});
