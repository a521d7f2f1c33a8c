import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { InputError } from '../../contract/errors.ts';
import { decodeDigest, MAX_ABSTRACT_LENGTH, MAX_DIGEST_BYTES, parseDigest } from './parse.ts';

const SEED = new URL('../../../../test/fixtures/seed/digests/2025-03-17.txt', import.meta.url);
const ABSTRACT = 'We study a problem. It has an answer that is long enough to read as an abstract.';

function errorOf(fn: () => unknown): InputError {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof InputError, String(error));
    return error;
  }
  assert.fail('expected an InputError');
}

test('the seed digest: 49 papers after the page header, in page order', () => {
  const digest = parseDigest(readFileSync(SEED, 'utf8'), 'seed.txt');
  assert.equal(digest.papers.length, 49);
  assert.deepEqual(digest.dateLine, { month: 3, day: 17, year: undefined });
  assert.equal(digest.dateLineNumber, 9);
  const first = digest.papers[0]!;
  assert.equal(first.title, 'SNIP: Bridging Mathematical Symbolic and Numeric Realms with Unified Pre-training');
  assert.equal(first.rank, 1);
  assert.equal(first.line, 11);
  assert.match(first.abstract, /^In an era where symbolic/);
  assert.deepEqual(
    digest.papers.map((p) => p.rank),
    Array.from({ length: 49 }, (_, i) => i + 1),
  );
  for (const p of digest.papers) assert.ok(p.abstract.length > 200, p.title);
});

test('CRLF, a byte-order mark, trailing spaces and extra blank lines are tolerated', () => {
  const text = `\uFEFFnew  \r\n\r\nMar 17 \r\n\r\n\r\n\r\nA Title  \r\n\r\n${ABSTRACT}   \r\n\r\n\r\nSecond Title\r\n\r\n${ABSTRACT}\r\n\r\n`;
  const digest = parseDigest(text, 'x.txt');
  assert.deepEqual(
    digest.papers.map((p) => [p.title, p.abstract, p.line, p.abstractLine]),
    [
      ['A Title', ABSTRACT, 7, 9],
      ['Second Title', ABSTRACT, 12, 14],
    ],
  );
});

test('an abstract wrapped over several lines is one paragraph', () => {
  const digest = parseDigest(`Mar 17\n\nTitle\n\nFirst half of the abstract\nand its second half, which ends here.\n`, 'x.txt');
  assert.equal(digest.papers[0]!.abstract, 'First half of the abstract and its second half, which ends here.');
});

test('bad input: each error names the file and the line', () => {
  assert.match(errorOf(() => decodeDigest(new Uint8Array(), 'e.txt')).message, /^e\.txt: the digest is empty/);
  assert.match(errorOf(() => decodeDigest(new Uint8Array([65, 10, 66, 0, 1]), 'b.bin')).message, /^b\.bin:2: .*binary/);
  assert.match(errorOf(() => decodeDigest(new Uint8Array([0xff, 0xfe, 0x41]), 'u.txt')).message, /^u\.txt: .*UTF-8/);
  assert.match(errorOf(() => parseDigest('\n\n  \n', 'w.txt')).message, /^w\.txt: .*no text/);
  assert.match(errorOf(() => parseDigest('new\n\nMar 17\n', 'h.txt')).message, /^h\.txt: .*no papers/);
  const noAbstract = errorOf(() => parseDigest(`Mar 17\n\nTitle One\n\n${ABSTRACT}\n\nTitle Two\n`, 't.txt'));
  assert.equal(noAbstract.line, 7);
  assert.match(noAbstract.message, /^t\.txt:7: the title "Title Two" has no abstract/);
  const titleThenTitle = errorOf(() => parseDigest(`Mar 17\n\nTitle One\n\nTitle Two\n\n${ABSTRACT}\n`, 't.txt'));
  assert.match(titleThenTitle.message, /^t\.txt:3: the title "Title One" has no abstract after it \(the next paragraph, line 5/);
  const orphan = errorOf(() => parseDigest(`Mar 17\n\n${ABSTRACT}\n\nTitle\n\n${ABSTRACT}\n`, 'o.txt'));
  assert.match(orphan.message, /^o\.txt:3: an abstract with no title/);
});

test('two title lines in a row are refused, however long the second title is', () => {
  const long = 'A Very Long Second Title About Scaling Laws for Sparse Mixture of Experts Language Models at Trillion Scale';
  assert.ok(long.length >= 80);
  const e = errorOf(() => parseDigest(`Mar 17\n\nTitle One\n\n${long}\n\n${ABSTRACT}\n`, 't.txt'));
  assert.match(e.message, /^t\.txt:3: the title "Title One" has no abstract after it \(the next paragraph, line 5/);
  // A short abstract of one sentence before the next paper's title still reads as an abstract.
  const short = parseDigest(
    `Mar 17\n\nTitle One\n\nWe show that a short abstract of one sentence is enough.\n\nTitle Two\n\n${ABSTRACT}\n`,
    's.txt',
  );
  assert.equal(short.papers.length, 2);
});

test('size limits: a huge digest or abstract is refused at once, naming the file (and the line)', () => {
  const big = new Uint8Array(MAX_DIGEST_BYTES + 1).fill(65);
  assert.match(errorOf(() => decodeDigest(big, 'big.txt')).message, /^big\.txt: the digest is 10\.0 MiB, over the limit of 10 MiB/);
  const huge = `${'word '.repeat(MAX_ABSTRACT_LENGTH / 5)}end.`;
  const e = errorOf(() => parseDigest(`Mar 17\n\nTitle One\n\n${huge}\n`, 'h.txt'));
  assert.equal(e.line, 5);
  assert.match(e.message, /^h\.txt:5: the abstract of "Title One" is 20,004 characters, over the limit of 20,000/);
});
