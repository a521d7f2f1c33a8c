import assert from 'node:assert/strict';
import { test } from 'node:test';
import { americanSpelling, foldDiacritics, searchForm, spellingAliases } from './spelling.ts';

test('letters with their own mark fold to their base letter, and accents go', () => {
  assert.equal(foldDiacritics('Łojasiewicz'), 'lojasiewicz');
  assert.equal(foldDiacritics('Erdős–Rényi'), 'erdos–renyi');
  assert.equal(foldDiacritics('Straße Ørsted'), 'strasse orsted');
});

test('British spellings become American, the words of their own stay', () => {
  const cases: [string, string][] = [
    ['quantisation', 'quantization'],
    ['optimisation', 'optimization'],
    ['normalisation', 'normalization'],
    ['generalise', 'generalize'],
    ['regularised', 'regularized'],
    ['summarising', 'summarizing'],
    ['categorise', 'categorize'],
    ['analyse', 'analyze'],
    ['behaviour', 'behavior'],
    ['neighbours', 'neighbors'],
    ['colour', 'color'],
    ['modelling', 'modeling'],
    ['labelled', 'labeled'],
    ['centre', 'center'],
    ['misbehaviour', 'misbehavior'],
  ];
  for (const [british, american] of cases) assert.equal(americanSpelling(british), american, british);
  for (const word of [
    'supervised',
    'unsupervised',
    'noise',
    'denoising',
    'precise',
    'imprecise',
    'premise',
    'promises',
    'exercise',
    'raised',
    'rise',
    'pairwise',
    'otherwise',
    'surprising',
    'four',
    'hour',
    'contour',
    'your',
    'analyses',
    'spelling',
    'model',
    'modeled',
    'quantization',
  ]) {
    assert.equal(americanSpelling(word), word, word);
  }
});

test('a text gives the search forms that differ from its words, each once', () => {
  assert.deepEqual(spellingAliases('The Łojasiewicz inequality and quantisation-aware training; quantisation again.'), [
    'lojasiewicz',
    'quantization',
  ]);
  assert.deepEqual(spellingAliases('Plain American optimization of networks, café'), []);
  assert.equal(searchForm('Optimisation'), 'optimization');
});

test("words that name an object's own properties stay themselves", () => {
  for (const word of ['constructor', 'tostring', 'valueof', '__proto__', 'hasownproperty']) assert.equal(searchForm(word), word);
});
