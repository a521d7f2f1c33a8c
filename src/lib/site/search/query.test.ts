import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countText, excerptSegments, isRealMatch, noResultText, pagefindQuery, parseState, stateHref, wordsAt } from './query.ts';

test('the query is asked in search forms; an exact phrase stays as typed', () => {
  assert.equal(pagefindQuery('  Quantisation of Łojasiewicz '), 'quantization of lojasiewicz');
  assert.equal(pagefindQuery('"neural operator"'), '"neural operator"');
  assert.equal(pagefindQuery('ℓ∞ bounds'), 'ℓ∞ bounds');
});

test('a fallback hit sharing only first letters is not a match; stems and spellings are', () => {
  const forms = (q: string): string[] => pagefindQuery(q).split(' ');
  assert.equal(isRealMatch(['d}', 'd'], forms('difusion')), false);
  assert.equal(isRealMatch(['q'], forms('quantisation')), false);
  assert.equal(isRealMatch(['LoRA'], forms('Lojasiewicz')), false);
  assert.equal(isRealMatch(['Networks:', 'network'], forms('networks')), true);
  assert.equal(isRealMatch(['optimization'], forms('optimising')), true);
  assert.equal(isRealMatch(['Łojasiewicz'], forms('Lojasiewicz')), true);
  assert.equal(isRealMatch(['learned'], forms('learning')), true);
  assert.equal(isRealMatch(['optimality'], forms('optimizers')), true);
  assert.equal(isRealMatch([], forms('x')), false);
  assert.equal(isRealMatch(['ell_infty'], forms('ell_infty')), true);
  assert.equal(isRealMatch(['ell'], forms('ell_infty')), false);
});

test('the words at Pagefind locations are read from the fragment content', () => {
  assert.deepEqual(wordsAt('We bound  the ℓ∞ norm.', [0, 3, 9]), ['We', 'ℓ∞']);
});

test('an excerpt becomes text segments, Pagefind marks kept and the query words marked too', () => {
  const segments = excerptSegments('A &lt;b&gt; of <mark>quantization</mark> and quantisation-aware nets', ['quantization']);
  assert.deepEqual(segments, [
    { text: 'A <b> of ', mark: false },
    { text: 'quantization', mark: true },
    { text: ' and ', mark: false },
    { text: 'quantisation-aware', mark: true },
    { text: ' nets', mark: false },
  ]);
  // Markup in the text is text: nothing here becomes an element.
  assert.deepEqual(excerptSegments('<img src=x onerror=alert(1)>', []), [{ text: '<img src=x onerror=alert(1)>', mark: false }]);
});

test('the query and the topic live in the URL', () => {
  assert.deepEqual(parseState('?q=%20ell_infty%20&topic=Learning+theory'), { q: 'ell_infty', topic: 'Learning theory' });
  assert.deepEqual(parseState(''), { q: '', topic: '' });
  assert.equal(stateHref('/search/', { q: 'a b', topic: 'Learning theory' }), '/search/?q=a+b&topic=Learning+theory');
  assert.equal(stateHref('/search/', { q: '', topic: '' }), '/search/');
});

test('the count names the query and the topic; no result says what to try', () => {
  assert.equal(countText(1, { q: 'multigrid', topic: '' }), '1 paper matches “multigrid”');
  assert.equal(countText(1234, { q: 'nets', topic: 'Learning theory' }), '1,234 papers match “nets” in Learning theory');
  const lines = noResultText({ q: 'zq', topic: 'Learning theory' });
  assert.equal(lines[0], 'No paper matches “zq” in Learning theory.');
  assert.ok(lines.includes('Try all topics.'));
  assert.match(noResultText({ q: 'zq', topic: '' }).join(' '), /another spelling/);
});
