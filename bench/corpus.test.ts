import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseDigest } from '../src/lib/ingest/digest/parse.ts';
import { looksLikeTitle as readsAsTitle } from '../src/lib/ingest/digest/parse.ts';
import { titleKey } from '../src/lib/ingest/entry/slug.ts';
import { digestText } from '../test/support/digest-text.ts';
import { prng } from '../test/support/prng.ts';
import { addDays, buildCorpus, nextDigest, sentences, sourcePapers, splitTitle, synthesizePapers } from './corpus.ts';

const seed = sourcePapers(readFileSync(new URL('../test/fixtures/seed/digests/2025-03-17.txt', import.meta.url), 'utf8'));

test('the real digest yields its 49 papers as sources', () => {
  assert.equal(seed.length, 49);
  assert.match(seed[0]!.title, /^SNIP: /);
  assert.ok(seed.every((p) => p.abstract.length > 80));
});

test('prng is deterministic and in [0, 1)', () => {
  const a = prng(7);
  const b = prng(7);
  const xs = Array.from({ length: 1000 }, () => a());
  assert.deepEqual(
    xs,
    Array.from({ length: 1000 }, () => b()),
  );
  assert.ok(xs.every((x) => x >= 0 && x < 1));
  assert.notDeepEqual(xs.slice(0, 5), Array.from({ length: 5 }, prng(8)));
});

test('sentences split at sentence ends, not inside "e.g., in"', () => {
  assert.deepEqual(sentences('We do X, e.g., in PDEs. Then Y holds for L^2. (A remark.) Done!'), [
    'We do X, e.g., in PDEs.',
    'Then Y holds for L^2.',
    '(A remark.)',
    'Done!',
  ]);
});

test('splitTitle cuts at a colon or a joining word', () => {
  assert.deepEqual(splitTitle('MgNO: Efficient Parameterization of Linear Operators via Multigrid'), {
    lead: 'MgNO',
    rest: ': Efficient Parameterization of Linear Operators via Multigrid',
    tail: ' via Multigrid',
  });
  assert.equal(splitTitle('Grokking'), undefined);
});

test('synthetic papers: unique titles, titles that read as titles, sentences of the sources', () => {
  const papers = synthesizePapers(seed, 3000, 1);
  assert.equal(new Set(papers.map((p) => titleKey(p.title))).size, 3000);
  assert.ok(papers.every((p) => readsAsTitle(p.title) && p.title.length <= 300));
  const known = new Set(seed.flatMap((p) => sentences(p.abstract)));
  for (const p of papers.slice(0, 200))
    for (const s of sentences(p.abstract)) assert.ok(known.has(s) || known.has(s.replace(/\.$/, '')), s);
  // Math-damaged fragments of the sources survive somewhere.
  assert.ok(papers.some((p) => p.abstract.includes('L^2')));
  assert.deepEqual(synthesizePapers(seed, 50, 1), papers.slice(0, 50));
});

test('the corpus: N/50 digests of consecutive dates that the real digest parser reads whole', () => {
  const corpus = buildCorpus(seed, { papers: 230, seed: 3 });
  assert.deepEqual(
    corpus.map((d) => [d.date, d.fresh]),
    [
      ['2021-01-04', 50],
      ['2021-01-05', 50],
      ['2021-01-06', 50],
      ['2021-01-07', 50],
      ['2021-01-08', 30],
    ],
  );
  for (const d of corpus) {
    const parsed = parseDigest(d.text, d.name);
    assert.deepEqual(
      parsed.papers.map((p) => p.title),
      d.titles,
    );
    assert.equal(parsed.dateLine?.year, Number(d.date.slice(0, 4)));
  }
  // Two papers of each day are listed again the next day; every other title is new.
  assert.deepEqual(corpus[1]!.titles.slice(0, 2), corpus[0]!.titles.slice(0, 2));
  assert.deepEqual(corpus[2]!.titles.slice(0, 2), corpus[1]!.titles.slice(2, 4));
  const fresh = corpus.flatMap((d, i) => (i === 0 ? d.titles : d.titles.slice(2)));
  assert.equal(new Set(fresh.map(titleKey)).size, 230);
});

test('nextDigest: the day after, with new titles only', () => {
  const corpus = buildCorpus(seed, { papers: 120, seed: 3 });
  const next = nextDigest(seed, corpus, 50, 3);
  assert.equal(next.date, '2021-01-07');
  assert.equal(next.fresh, 50);
  const old = new Set(corpus.flatMap((d) => d.titles.map(titleKey)));
  assert.ok(next.titles.every((t) => !old.has(titleKey(t))));
  assert.equal(parseDigest(next.text, next.name).papers.length, 50);
});

test('digestText and addDays', () => {
  assert.equal(addDays('2024-02-28', 1), '2024-02-29');
  assert.equal(addDays('2024-12-31', 1), '2025-01-01');
  assert.match(
    digestText('2025-03-17', [{ title: 'T', abstract: 'An abstract.' }]),
    /^new\n\n[\s\S]*\n\nMar 17, 2025\n\nT\n\nAn abstract\.\n$/,
  );
});
