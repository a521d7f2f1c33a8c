import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { stem, termOf, tokenize, words } from './tokenize.ts';

describe('stem', () => {
  it('folds plurals and inflections onto one stem', () => {
    const groups = [
      ['operator', 'operators'],
      ['quantization', 'quantized', 'quantize', 'quantizing'],
      ['sparsity', 'sparse'],
      ['optimization', 'optimisation', 'optimize'],
      ['generalization', 'generalisation', 'generalize'],
      ['embedding', 'embeddings', 'embedded', 'embed'],
      ['learning', 'learned', 'learns'],
      ['solve', 'solving', 'solved'],
      ['approximation', 'approximate', 'approximated'],
      ['verification', 'verified', 'verify'],
      ['matrix', 'matrices'],
      ['bias', 'biases'],
      ['pdes', 'pde'],
    ];
    for (const group of groups) {
      const stems = new Set(group.map(stem));
      assert.equal(stems.size, 1, `${group.join(', ')} -> ${[...stems].join(', ')}`);
    }
  });

  it('leaves short and non-plural words alone', () => {
    for (const w of ['bring', 'need', 'analysis', 'bias', 'loss', 'ode', 'gan']) {
      assert.ok(stem(w).length >= 3, `${w} -> ${stem(w)}`);
    }
    assert.equal(stem('analysis'), 'analysis');
    assert.equal(stem('loss'), 'loss');
  });
});

describe('tokenize', () => {
  it('drops stop words, numbers and LaTeX debris', () => {
    const toks = tokenize('We propose the mathcal W_{ij} operator with 10sim100times speed-up in 3D and L2 at 2024');
    assert.deepEqual(toks, ['ij', 'operator', 'speed', '3d', 'l2']);
  });

  it('folds case and accents', () => {
    assert.deepEqual(tokenize('Poincaré NEURAL Operators'), tokenize('poincare neural operator'));
  });

  it('is the composition of words() and termOf()', () => {
    const text = 'Physics-Informed Gaussians as Adaptive Parametric Mesh Representations';
    const viaParts = words(text)
      .map(termOf)
      .filter((t) => t !== null);
    assert.deepEqual(tokenize(text), viaParts);
    assert.deepEqual(tokenize(text), ['physic', 'inform', 'gaussian', 'adaptiv', 'parametric', 'mesh', 'represent']);
  });

  it('returns nothing for empty or junk text', () => {
    assert.deepEqual(tokenize(''), []);
    assert.deepEqual(tokenize('  {} ^_ 42 3.14 '), []);
  });
});
