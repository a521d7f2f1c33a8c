import assert from 'node:assert/strict';
import { test } from 'node:test';
import { arxivAbsUrl, normaliseArxivId } from './arxiv-id.ts';

test('new-style ids: bare, versioned, arXiv: prefixed, abs and pdf URLs', () => {
  for (const raw of [
    '2310.19809',
    '2310.19809v2',
    ' arXiv:2310.19809v12 ',
    'http://arxiv.org/abs/2310.19809v2',
    'https://arxiv.org/abs/2310.19809',
    'https://arxiv.org/pdf/2310.19809v1',
    'https://arxiv.org/pdf/2310.19809v1.pdf',
    'http://export.arxiv.org/abs/2310.19809?context=cs',
    'https://arxiv.org/html/2310.19809v2/',
  ]) {
    assert.equal(normaliseArxivId(raw), '2310.19809', raw);
  }
  assert.equal(normaliseArxivId('0704.0001'), '0704.0001');
  assert.equal(normaliseArxivId('1412.9999v3'), '1412.9999');
  assert.equal(normaliseArxivId('1501.00001'), '1501.00001');
});

test('old-style ids keep their archive and drop a subject class', () => {
  assert.equal(normaliseArxivId('http://arxiv.org/abs/math/0601001v1'), 'math/0601001');
  assert.equal(normaliseArxivId('hep-th/9901001'), 'hep-th/9901001');
  assert.equal(normaliseArxivId('http://arxiv.org/abs/hep-ex/0307015'), 'hep-ex/0307015');
  assert.equal(normaliseArxivId('math.GT/0309136'), 'math/0309136');
  assert.equal(normaliseArxivId('cond-mat.mes-hall/0211022v2'), 'cond-mat/0211022');
  assert.equal(normaliseArxivId('arXiv:cs/9901002v1'), 'cs/9901002');
});

test('what is not an arXiv id', () => {
  for (const raw of [
    '',
    'abc',
    '2310.1980',
    '2310.198099',
    '2313.19809',
    '1412.00001',
    '1501.0001',
    'math/060100',
    'math/0613001',
    'http://arxiv.org/api/errors#incorrect_id_format_for_1234.12345',
    'https://example.org/page',
    '10.1145/3292500',
  ]) {
    assert.equal(normaliseArxivId(raw), undefined, raw);
  }
});

test('arxivAbsUrl', () => {
  assert.equal(arxivAbsUrl('2310.19809'), 'https://arxiv.org/abs/2310.19809');
  assert.equal(arxivAbsUrl('math/0601001'), 'https://arxiv.org/abs/math/0601001');
});
