import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseDigest } from '../digest/parse.ts';
import { parseSource } from './index.ts';
import { assertInputError } from '../../../../test/support/input-error.ts';

const SEED = new URL('../../../../test/fixtures/seed/digests/2025-03-17.txt', import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, import.meta.url), 'utf8');
const ABSTRACT = 'We study a problem. It has an answer that is long enough to read as an abstract.';

test('dispatches by content', () => {
  assert.equal(parseSource(read('../../../../test/fixtures/sources/hf-daily-2025-03-17.json'), 'a.json').kind, 'hf-daily');
  assert.equal(parseSource(read('../../../../test/fixtures/sources/arxiv-query.xml'), 'a.xml').kind, 'arxiv-atom');
  assert.equal(parseSource(readFileSync(SEED, 'utf8'), 'seed.txt').kind, 'text');
});

test('text: the digest parser, papers as SourcePapers without TeX, and the date line for the caller', () => {
  const text = readFileSync(SEED, 'utf8');
  const digest = parseSource(text, 'seed.txt');
  const original = parseDigest(text, 'seed.txt');
  assert.deepEqual(
    digest.papers,
    original.papers.map((p) => ({ ...p, hasTex: false })),
  );
  assert.equal(digest.papers.length, 49);
  assert.equal(digest.date, undefined); // "Mar 17" has no year: the ingest infers it
  assert.deepEqual(digest.dateLine, { value: { month: 3, day: 17, year: undefined }, line: 9 });
  for (const p of digest.papers) assert.equal(p.arxivId, undefined);
});

test('text: a date line with a year is the date; without a date line there is none', () => {
  const dated = parseSource(`Mar 17, 2025\n\nA Title\n\n${ABSTRACT}\n`, 'x.txt');
  assert.equal(dated.date, '2025-03-17');
  assert.deepEqual(dated.dateLine, { value: { month: 3, day: 17, year: 2025 }, line: 1 });
  const undated = parseSource(`A Title\n\n${ABSTRACT}\n`, 'x.txt');
  assert.equal('date' in undated, false);
  assert.equal('dateLine' in undated, false);
});

test('an explicit kind overrides detection, and its parser reports the mismatch', () => {
  assertInputError(
    () => parseSource(readFileSync(SEED, 'utf8'), 'seed.txt', 'hf-daily'),
    'seed.txt',
    1,
    /invalid JSON \(column 1\): expected a JSON value, found 'n'/,
  );
  assertInputError(() => parseSource('[{"title": "x"}]', 'a.json', 'arxiv-atom'), 'a.json', 1, /invalid XML/);
  assert.equal(parseSource(`A Title\n\n${ABSTRACT}\n`, 'x.json', 'text').kind, 'text');
});

test('errors of each kind name the file and line', () => {
  assertInputError(
    () => parseSource('[\n{"title": "T"}\n]', 'd.json'),
    'd.json',
    2,
    /item 0 of the array \(0-based\) has no abstract for "T"/,
  );
  assertInputError(
    () => parseSource('<feed xmlns="http://www.w3.org/2005/Atom">\n</feed>', 'q.xml'),
    'q.xml',
    1,
    /the Atom feed has no entries/,
  );
  assertInputError(() => parseSource(`A Title\n\nB Title\n`, 't.txt'), 't.txt', 1, /has no abstract after it/);
});

test('the HF and arXiv fixtures overlap the seed digest by title', () => {
  const key = (t: string): string =>
    t
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  const seedTitles = new Set(parseSource(readFileSync(SEED, 'utf8'), 'seed.txt').papers.map((p) => key(p.title)));
  const hf = parseSource(read('../../../../test/fixtures/sources/hf-daily-2025-03-17.json'), 'a.json').papers;
  assert.deepEqual(
    hf.filter((p) => seedTitles.has(key(p.title))).map((p) => p.arxivId),
    ['2302.00248', '2310.19809', '2310.02227', '2405.19101'],
  );
  const arxiv = parseSource(read('../../../../test/fixtures/sources/arxiv-query.xml'), 'a.xml').papers;
  assert.deepEqual(
    arxiv.filter((p) => seedTitles.has(key(p.title))).map((p) => p.arxivId),
    ['2302.00248', '2310.19809'],
  );
});

test('an abstract over the size limit is refused for every source kind, naming the file and the paper', () => {
  const huge = 'x '.repeat(15_000); // 29,999 characters once the source's whitespace is collapsed
  const json = JSON.stringify([{ paper: { id: '2503.00001', summary: huge, title: 'A Huge One' }, title: 'A Huge One' }]);
  assert.throws(
    () => parseSource(json, 'h.json', 'hf-daily'),
    /^InputError: h\.json:\d+: the abstract of "A Huge One" is 29,999 characters, over the limit of 20,000/,
  );
});
