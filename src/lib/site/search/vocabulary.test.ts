import assert from 'node:assert/strict';
import { test } from 'node:test';
import { VocabularyCounter } from './vocabulary.ts';

test('the vocabulary holds words seen on two pages or more, once per page, commonest first', () => {
  const v = new VocabularyCounter();
  v.add(['diffusion', 'diffusion', 'models', 'sim3', 'of', 'rare']);
  v.add(['diffusion', 'models', 'quantization']);
  v.add(['diffusion', 'quantization']);
  assert.deepEqual(v.toJson(), { version: 1, words: ['diffusion', 'models', 'quantization'] });
  assert.deepEqual(v.toJson(1).words, ['diffusion']);
});
