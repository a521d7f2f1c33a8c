import assert from 'node:assert/strict';
import { test } from 'node:test';
import { record } from '../../../test/support/paper-record.ts';
import { EXCERPT_CHARS, listItem, shortAuthors, shorten, topicFilter } from './list-view.ts';

const topicName = new Map([
  ['neural-operators', 'Neural operators'],
  ['inverse-problems', 'Inverse problems'],
]);

test('an item shows its title as rich text, a plain one-line excerpt, its topics and its links', () => {
  const item = listItem(record(), topicName, { rank: 2 });
  assert.equal(item.title, 'Bounds with $\\ell_\\infty$ guarantee');
  assert.equal(item.excerpt, 'We prove a bound with ε⁻² samples. It is tight.');
  assert.equal(item.rank, 2);
  assert.deepEqual(item.topics, [{ id: 'neural-operators', name: 'Neural operators' }]);
  assert.deepEqual(item.links.map((l) => l.label), ['Find on arXiv', 'Google Scholar']);
  assert.equal(new URL(item.links[0]!.href).searchParams.get('query'), 'Bounds with ℓ∞ guarantee');
  // The source's own title, when known, is what the searches look for.
  const fromSource = listItem(record({ sourceTitle: 'Bounds with ell_infty guarantee' }), topicName);
  assert.equal(new URL(fromSource.links[0]!.href).searchParams.get('query'), 'Bounds with ell infty guarantee');
  assert.equal('authors' in item, false);
});

test('a paper with an id and authors links to arXiv, its PDF and Hugging Face, and names its authors in short', () => {
  const item = listItem(record({ arxivId: '2310.19809', authors: ['Juncai He', 'Xinliang Liu', 'Jinchao Xu', 'A. N. Other'] }), topicName, { date: '2025-03-17' });
  assert.deepEqual(item.links.map((l) => l.href), ['https://arxiv.org/abs/2310.19809', 'https://arxiv.org/pdf/2310.19809', 'https://huggingface.co/papers/2310.19809']);
  assert.equal(item.authors, 'Juncai He, Xinliang Liu et al.');
  assert.equal(item.date, '2025-03-17');
});

test('excerpts are cut at a word, with an ellipsis', () => {
  const long = `${'word '.repeat(60)}end.`;
  const cut = listItem(record({ excerpt: long }), topicName).excerpt;
  assert.ok(cut.length <= EXCERPT_CHARS, `${cut.length}`);
  assert.match(cut, /^word( word)+…$/);
  assert.equal(shorten('short', 10), 'short');
  assert.equal(shorten('abcdefghijklmnop', 8), 'abcdefg…');
});

test('authors in short', () => {
  assert.equal(shortAuthors(undefined), undefined);
  assert.equal(shortAuthors(['A']), 'A');
  assert.equal(shortAuthors(['A', 'B']), 'A and B');
  assert.equal(shortAuthors(['A', 'B', 'C']), 'A, B and C');
});

test('the topic filter counts the list\'s papers per topic, most first', () => {
  const items = [record({ id: 'a' }), record({ id: 'b', topics: ['inverse-problems', 'neural-operators'] }), record({ id: 'c', topics: ['inverse-problems'] }), record({ id: 'd', topics: [] })].map((r) =>
    listItem(r, topicName),
  );
  assert.deepEqual(topicFilter(items), [
    { id: 'inverse-problems', name: 'Inverse problems', count: 2 },
    { id: 'neural-operators', name: 'Neural operators', count: 2 },
  ]);
});
