import assert from 'node:assert/strict';
import { test } from 'node:test';
import { baseSlug, titleKey, uniqueSlug } from './slug.ts';

test('slugs are readable, lower-case words of the title', () => {
  assert.equal(baseSlug('MgNO: Efficient Parameterization of Linear Operators via Multigrid'), 'mgno-efficient-parameterization-of-linear-operators-via-multigrid');
  assert.equal(baseSlug('Why Warmup the Learning Rate? Underlying Mechanisms and Improvements'), 'why-warmup-the-learning-rate-underlying-mechanisms-and-improvements');
  assert.equal(baseSlug('Bounds on $\\ell_\\infty$ error'), 'bounds-on-ell-infty-error');
  assert.equal(baseSlug('Apprentissage à grande échelle'), 'apprentissage-à-grande-échelle');
  assert.equal(baseSlug('<script>alert(1)</script>'), 'scriptalert1script');
  assert.equal(baseSlug('!!!'), 'paper');
});

test('long titles are cut at a word, within 80 characters', () => {
  const slug = baseSlug('word '.repeat(100));
  assert.ok(slug.length <= 80);
  assert.match(slug, /^word(-word)+$/);
});

test('a collision gets the first free numeric suffix', () => {
  assert.equal(uniqueSlug('a', new Set()), 'a');
  assert.equal(uniqueSlug('a', new Set(['a'])), 'a-2');
  assert.equal(uniqueSlug('a', new Set(['a', 'a-2'])), 'a-3');
});

test('title keys ignore case, spacing and punctuation', () => {
  assert.equal(titleKey('MgNO:  Efficient  Parameterization'), titleKey('mgno efficient parameterization'));
  assert.notEqual(titleKey('Attention is all you need'), titleKey('Attention is not all you need'));
});
