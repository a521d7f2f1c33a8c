import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { detectSource } from './detect.ts';

const read = (path: string): string => readFileSync(new URL(path, import.meta.url), 'utf8');

test('the fixtures and the seed digest', () => {
  assert.equal(detectSource(read('../../../../test/fixtures/sources/hf-daily-2025-03-17.json')), 'hf-daily');
  assert.equal(detectSource(read('../../../../test/fixtures/sources/arxiv-query.xml')), 'arxiv-atom');
  assert.equal(detectSource(read('../../../../test/fixtures/seed/digests/2025-03-17.txt')), 'text');
});

test('JSON: an array (even an empty or broken one) or an object, after a BOM and whitespace', () => {
  for (const text of ['[{"title":"x"}]', '\uFEFF\n  [\n  {', '[]', '[ ]', '["a"]', '[[1]]', '{"papers": []}', '{}', '\r\n{ "a"']) {
    assert.equal(detectSource(text), 'hf-daily', JSON.stringify(text));
  }
});

test('XML: a declaration, a comment or an element first', () => {
  for (const text of [
    '<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">',
    '\uFEFF<feed xmlns="http://www.w3.org/2005/Atom">',
    '<!-- saved -->\n<feed>',
    '<a:feed xmlns:a="http://www.w3.org/2005/Atom">',
    '<rss version="2.0">',
    '<feed/>',
  ]) {
    assert.equal(detectSource(text), 'arxiv-atom', JSON.stringify(text));
  }
});

test('text: digests, including titles that open with a bracket or a less-than sign', () => {
  for (const text of [
    'new\n\nMar 17\n\nA Title',
    '[Re] Reproducing a Paper\n\nWe reproduce it.',
    '[1] numbered',
    '<3 Love Letters\n\nAbstract.',
    '< not a tag',
    '',
    '   ',
    'Daily Papers',
  ]) {
    assert.equal(detectSource(text), 'text', JSON.stringify(text));
  }
});
