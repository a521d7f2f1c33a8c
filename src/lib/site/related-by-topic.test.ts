import assert from 'node:assert/strict';
import { test } from 'node:test';
import { idfSnapshot, relatedByTopic, type TopicDoc } from './related-by-topic.ts';
import { relatedDocs } from './related.ts';
import { readSeedPapers } from '../../../test/support/seed-papers.ts';

const doc = (id: string, text: string, topics: string[], date = '2025-03-17'): TopicDoc => ({ id, text, topics, date });

test('what the text finds comes first, as relatedDocs has it; a paper it links to fewer than three gets papers of its topics', () => {
  const docs = [
    doc('a', 'multigrid operator learning multigrid operator', ['ops']),
    doc('b', 'multigrid operator network multigrid', ['ops']),
    doc('c', 'bandits regret exploration', ['ops'], '2025-03-10'),
    doc('d', 'bandits regret contextual', ['bandits']),
    doc('e', 'protein folding structure', ['ops', 'bandits'], '2025-03-18'),
    doc('f', 'quantum chemistry orbitals', []),
  ];
  const text = relatedDocs(docs, 5);
  const got = relatedByTopic(docs);
  assert.deepEqual(got.get('a')!.slice(0, text.get('a')!.length), text.get('a'));
  assert.ok(text.get('a')!.includes('b'));
  for (const [id, list] of got) {
    assert.ok(!list.includes(id), `${id} lists itself`);
    assert.equal(new Set(list).size, list.length);
    assert.ok(list.length <= 5);
  }
  // a has b by text; c and e share its topic (c, the older, first among equals by text).
  assert.deepEqual(got.get('a'), ['b', 'c', 'e']);
  // e shares a topic with everyone but f: three of them.
  assert.equal(got.get('e')!.length, 3);
  // No topic and no text in common: nothing is forced in.
  assert.deepEqual(got.get('f'), []);
  // d: c by text first, then e, the one paper sharing its topic; no other paper shares a word with it.
  assert.deepEqual(got.get('d'), ['c', 'e']);
});

test("when fewer papers share its topics than the minimum, the text's weaker neighbours make up the rest", () => {
  const docs = [doc('x', 'alpha beta', ['t']), doc('y', 'gamma delta', ['t']), doc('z', 'alpha gamma', []), doc('w', 'beta delta', [])];
  // Nothing is similar enough to count by text alone here.
  const got = relatedByTopic(docs, { minSimilarity: 0.99 }).get('x')!;
  assert.equal(got[0], 'y');
  assert.deepEqual(got.slice(1).sort(), ['w', 'z']);
  // The one paper sharing its topic is already its text's neighbour: weak neighbours still fill the list.
  const near = [
    doc('x', 'alpha beta gamma delta', ['t']),
    doc('y', 'alpha beta', ['t']),
    doc('z', 'gamma zeta', []),
    doc('w', 'delta eta', []),
  ];
  const filled = relatedByTopic(near, { minSimilarity: 0.5 }).get('x')!;
  assert.equal(filled[0], 'y');
  assert.deepEqual(filled.slice(1).sort(), ['w', 'z']);
  // Without a topic in common with anyone, weak neighbours are not forced in.
  assert.deepEqual(relatedByTopic(docs, { minSimilarity: 0.99 }).get('z'), []);
});

test('two topics in common beat one', () => {
  const docs = [doc('x', 'alpha', ['t1', 't2']), doc('y', 'beta', ['t1']), doc('z', 'gamma', ['t1', 't2']), doc('w', 'delta', ['t2'])];
  assert.deepEqual(relatedByTopic(docs, { min: 2 }).get('x'), ['z', 'w']);
});

test('on the seed digest, every paper gets at least three when the text finds few, given one shared topic', () => {
  const papers = readSeedPapers();
  const docs = papers.map((p, i) => doc(`p${i}`, `${p.title} ${p.title} ${p.abstract}`, ['all']));
  for (const [id, list] of relatedByTopic(docs)) assert.ok(list.length >= 3 && list.length <= 5, `${id}: ${list.length}`);
});

test("a new digest's papers join an old paper's top-up only by being more related: its list stays as it was", () => {
  const old = [
    doc('x', 'spectral wavelets', ['graphs'], '2025-03-01'),
    doc('p', 'message passing molecules', ['graphs'], '2025-03-02'),
    doc('q', 'knowledge embeddings', ['graphs'], '2025-03-03'),
    doc('r', 'transformers attention', ['graphs'], '2025-03-04'),
  ];
  const before = relatedByTopic(old).get('x')!;
  assert.equal(before.length, 3);
  const newer = [1, 2, 3, 4, 5].map((n) => doc(`n${n}`, `unrelated topic words ${n}`, ['graphs'], `2025-04-0${n}`));
  const after = relatedByTopic([...old, ...newer]);
  assert.deepEqual(after.get('x'), before);
  // A new paper that is more related (two topics in common) still gets in.
  const closer = relatedByTopic([
    ...old.map((d) => (d.id === 'x' ? { ...d, topics: ['graphs', 'wavelets'] } : d)),
    doc('w', 'lifting schemes', ['graphs', 'wavelets'], '2025-04-09'),
  ]);
  assert.equal(closer.get('x')![0], 'w');
});

test("the idf snapshot is the papers before the newest paper's month, while they are at least half of the corpus", () => {
  const docs = [
    doc('a', 'x', [], '2025-01-30'),
    doc('b', 'x', [], '2025-02-27'),
    doc('c', 'x', [], '2025-02-28'),
    doc('d', 'x', [], '2025-03-01'),
    doc('e', 'x', [], '2025-03-02'),
  ];
  // A digest within the month keeps the snapshot; the first of the next month renews it.
  assert.deepEqual(idfSnapshot(docs.slice(0, 4)), new Set(['a', 'b', 'c']));
  assert.deepEqual(idfSnapshot(docs), new Set(['a', 'b', 'c']));
  assert.deepEqual(idfSnapshot([...docs, doc('f', 'x', [], '2025-04-01')]), new Set(['a', 'b', 'c', 'd', 'e']));
  // Too few papers before the month, or none: all papers weigh.
  assert.equal(idfSnapshot([...docs, doc('f', 'x', [], '2025-03-03'), doc('g', 'x', [], '2025-03-04')]), undefined);
  assert.equal(idfSnapshot(docs.slice(3)), undefined);
  assert.equal(idfSnapshot([]), undefined);
  // A paper seen again this month stays where its first appearance put it.
  const again = docs.map((d) => (d.id === 'b' ? { ...d, date: '2025-03-02', firstSeen: '2025-02-27' } : d));
  assert.deepEqual(idfSnapshot(again), new Set(['a', 'b', 'c']));
});
