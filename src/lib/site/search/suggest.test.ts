import assert from 'node:assert/strict';
import { test } from 'node:test';
import { closestWord, editDistance, suggestQuery } from './suggest.ts';

test('edit distance counts a swap of neighbours as one edit, and stops past its bound', () => {
  assert.equal(editDistance('difusion', 'diffusion', 2), 1);
  assert.equal(editDistance('netwrok', 'network', 2), 1);
  assert.equal(editDistance('kitten', 'sitting', 3), 3);
  assert.equal(editDistance('abc', 'abcdefgh', 2), 3);
});

test('the closest known word, the commoner of equals, nothing for known or short words', () => {
  const vocab = ['network', 'diffusion', 'networks', 'fusion'];
  assert.equal(closestWord('difusion', vocab), 'diffusion');
  assert.equal(closestWord('netwrk', vocab), 'network');
  assert.equal(closestWord('network', vocab), undefined);
  assert.equal(closestWord('nt', vocab), undefined);
  assert.equal(closestWord('zqxjvbwk', vocab), undefined);
});

test('a query gets a suggestion only when one of its words changes', () => {
  const vocabulary = { version: 1 as const, words: ['diffusion', 'models', 'quantization'] };
  assert.equal(suggestQuery('difusion models', vocabulary), 'diffusion models');
  assert.equal(suggestQuery('quantisaton', vocabulary), 'quantization');
  assert.equal(suggestQuery('diffusion', vocabulary), undefined);
});
