import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseHfDaily } from './hf-daily.ts';
import { assertInputError } from '../../../../test/support/input-error.ts';

const FIXTURE = new URL('../../../../test/fixtures/sources/hf-daily-2025-03-17.json', import.meta.url);
const F = 'daily.json';
const ABSTRACT = 'We study a problem and solve it.';

/** A pretty-printed daily-papers array of these items, as `jq .` writes it. */
function doc(items: unknown[]): string {
  return JSON.stringify(items, null, 2);
}
function item(title: string, upvotes: number | undefined, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { paper: { id: '2501.00001', summary: ABSTRACT, ...(upvotes === undefined ? {} : { upvotes }), ...extra }, title };
}
/** The 1-based line of the first line of text containing needle. */
function lineOf(text: string, needle: string, from = 0): number {
  const i = text.indexOf(needle, from);
  assert.ok(i >= 0, needle);
  return text.slice(0, i).split('\n').length;
}

test('the fixture: papers ranked by upvotes, ties in list order, the sparse item last', () => {
  const text = readFileSync(FIXTURE, 'utf8');
  const digest = parseHfDaily(text, 'fixtures/hf-daily-2025-03-17.json');
  assert.equal(digest.kind, 'hf-daily');
  assert.equal(digest.date, '2025-03-17');
  assert.deepEqual(
    digest.papers.map((p) => [p.rank, p.upvotes, p.arxivId, p.title]),
    [
      [1, 21, '2302.00248', 'A Nearly-Optimal Bound for Fast Regression with $\\ell_\\infty$ Guarantee'],
      [2, 7, '2310.19809', 'MgNO: Efficient Parameterization of Linear Operators via Multigrid'],
      [3, 7, '2310.02227', 'SNIP: Bridging Mathematical Symbolic and Numeric Realms with Unified Pre-training'],
      [4, undefined, '2405.19101', 'Poseidon: Efficient Foundation Models for PDEs'],
    ],
  );
  const [nearly, mgno, snip, poseidon] = digest.papers;
  assert.deepEqual(mgno!.authors, ['Juncai He', 'Xinliang Liu', 'Jinchao Xu']);
  assert.deepEqual(nearly!.authors, ['Zhao Song', 'Mingquan Ye', 'Junze Yin', 'Lichen Zhang']);
  assert.equal(mgno!.published, '2023-10-30');
  assert.equal(nearly!.published, '2023-02-01');
  // Hard-wrapped summaries are joined with single spaces; TeX is kept and flagged.
  assert.match(
    mgno!.abstract,
    /defined by \$\\mathcal O_i\(u\) = \\sigma\\left\( \\sum_j \\mathcal W_\{ij\} u \+ \\mathcal B_\{ij\}\\right\)\$\. Here,/,
  );
  assert.doesNotMatch(mgno!.abstract, /\n| {2}/);
  assert.equal(mgno!.hasTex, true);
  assert.equal(nearly!.hasTex, true);
  assert.equal(snip!.hasTex, false);
  assert.equal(
    snip!.abstract,
    readFileSync(new URL('../../../../test/fixtures/seed/digests/2025-03-17.txt', import.meta.url), 'utf8').split('\n')[12],
  );
  // The sparse item: no authors, upvotes nor dates; its abstract only at the item level.
  assert.equal(poseidon!.authors, undefined);
  assert.equal(poseidon!.published, undefined);
  assert.match(poseidon!.abstract, /^We introduce Poseidon, a foundation model/);
  assert.equal(poseidon!.abstractLine, lineOf(text, '"summary": "We introduce Poseidon'));
  // Lines point at the title and the abstract used.
  // The item-level title (the second "title" of the item, after its paper's).
  assert.equal(mgno!.line, lineOf(text, '"title": "MgNO', text.indexOf('"title": "MgNO') + 1));
  assert.equal(mgno!.abstractLine, lineOf(text, '"summary": "In this work'));
  for (const p of digest.papers) {
    assert.ok(p.line > 0 && p.abstractLine > 0);
    assert.equal(p.primaryCategory, undefined);
    assert.equal(p.categories, undefined);
  }
});

test('ties keep the list order; papers without upvotes come after those with some, zero included', () => {
  const digest = parseHfDaily(doc([item('A', undefined), item('B', 0), item('C', 5), item('D', undefined), item('E', 5), item('F', 9)]), F);
  assert.deepEqual(
    digest.papers.map((p) => p.title),
    ['F', 'C', 'E', 'B', 'A', 'D'],
  );
  assert.deepEqual(
    digest.papers.map((p) => p.rank),
    [1, 2, 3, 4, 5, 6],
  );
});

test('item-level fields stand in for missing paper fields, and nulls count as missing', () => {
  const text = doc([
    {
      paper: { id: null, summary: null, upvotes: null, authors: null },
      title: 'T',
      summary: ABSTRACT,
      upvotes: 3,
      publishedAt: '2025-03-14T00:00:00.000Z',
      id: '2503.11111',
    },
    { paper: null, title: 'U', summary: ABSTRACT },
    { title: 'V', summary: ABSTRACT, paper: { title: 'V (paper title)' } },
    { paper: { title: 'W', summary: ABSTRACT } },
  ]);
  const [t, u, v, w] = parseHfDaily(text, F).papers;
  assert.deepEqual([t!.title, t!.upvotes, t!.published, t!.arxivId, t!.authors], ['T', 3, '2025-03-14', '2503.11111', undefined]);
  assert.equal(u!.title, 'U');
  assert.equal(v!.title, 'V'); // the item's title is the one the list shows
  assert.equal(w!.title, 'W');
});

test('authors: names from objects or strings, blank and null names skipped, hidden ones kept', () => {
  const [p] = parseHfDaily(
    doc([
      item('A', 1, {
        authors: [
          { _id: '1', name: ' Juncai\n He ', hidden: false },
          { name: 'Xinliang Liu', hidden: true },
          'Jinchao Xu',
          { name: '' },
          { name: null },
          { _id: '5' },
        ],
      }),
    ]),
    F,
  ).papers;
  assert.deepEqual(p!.authors, ['Juncai He', 'Xinliang Liu', 'Jinchao Xu']);
  const [q] = parseHfDaily(doc([item('A', 1, { authors: [] })]), F).papers;
  assert.equal(q!.authors, undefined);
});

test('ids: versions and URLs are normalised; an id that is not arXiv gives no arxivId', () => {
  const papers = parseHfDaily(
    doc([
      item('A', 1, { id: '2310.19809v2' }),
      item('B', 1, { id: 'https://arxiv.org/abs/2310.19809' }),
      item('C', 1, { id: 'not-an-arxiv-id' }),
    ]),
    F,
  ).papers;
  assert.deepEqual(
    papers.map((p) => p.arxivId),
    ['2310.19809', '2310.19809', undefined],
  );
});

test('whitespace is collapsed in titles and abstracts; hasTex ignores escaped dollars', () => {
  const [a, b] = parseHfDaily(
    doc([
      item('  Wrapped\n  Title ', 2, { summary: 'It costs \\$5,\n  not \\$10.' }),
      item('Math', 1, { summary: 'Let $x\\in\n\\mathbb{R}^d$.' }),
    ]),
    F,
  ).papers;
  assert.equal(a!.title, 'Wrapped Title');
  assert.equal(a!.abstract, 'It costs \\$5, not \\$10.');
  assert.equal(a!.hasTex, false);
  assert.equal(b!.abstract, 'Let $x\\in \\mathbb{R}^d$.');
  assert.equal(b!.hasTex, true);
});

test('the date of the list: the most common submittedOnDailyAt, else publishedAt, ties to the later date', () => {
  const at = (daily: string | undefined, published: string | undefined): Record<string, unknown> => ({
    paper: {
      summary: ABSTRACT,
      ...(daily === undefined ? {} : { submittedOnDailyAt: daily }),
      ...(published === undefined ? {} : { publishedAt: published }),
    },
    title: 'T',
    ...(published === undefined ? {} : { publishedAt: published }),
  });
  assert.equal(
    parseHfDaily(
      doc([
        at('2025-03-17T08:00:00.000Z', '2025-03-13T00:00:00.000Z'),
        at('2025-03-17T09:00:00.000Z', '2025-03-14T00:00:00.000Z'),
        at('2025-03-18T01:00:00.000Z', '2025-03-14T00:00:00.000Z'),
      ]),
      F,
    ).date,
    '2025-03-17',
  );
  assert.equal(
    parseHfDaily(
      doc([
        at(undefined, '2025-03-13T00:00:00.000Z'),
        at(undefined, '2025-03-14T00:00:00.000Z'),
        at(undefined, '2025-03-14T05:00:00.000Z'),
      ]),
      F,
    ).date,
    '2025-03-14',
  );
  assert.equal(
    parseHfDaily(doc([at('2025-03-16T08:00:00.000Z', undefined), at('2025-03-17T08:00:00.000Z', undefined)]), F).date,
    '2025-03-17',
  );
  assert.equal(parseHfDaily(doc([at(undefined, undefined)]), F).date, undefined);
  assert.equal('date' in parseHfDaily(doc([at(undefined, undefined)]), F), false);
});

test('minified JSON (as the API sends it), CRLF line ends and a byte-order mark', () => {
  const minified = JSON.stringify([item('A', 1), item('B', 2)]);
  assert.deepEqual(
    parseHfDaily(minified, F).papers.map((p) => [p.title, p.line]),
    [
      ['B', 1],
      ['A', 1],
    ],
  );
  const crlf = '\uFEFF' + doc([item('A', 1), item('B', 2)]).replace(/\n/g, '\r\n');
  const papers = parseHfDaily(crlf, F).papers;
  assert.deepEqual(
    papers.map((p) => p.title),
    ['B', 'A'],
  );
  assert.equal(papers[1]!.line, lineOf(crlf, '"title": "A"'));
});

test('invalid JSON: the line, and the column in the message', () => {
  const text = '[\n  {\n    "title": "A",\n    "summary": "B"\n\n]\n';
  assertInputError(() => parseHfDaily(text, F), F, 6, /invalid JSON \(column 1\): expected ',' or '\}' after a property value, found '\]'/);
  assertInputError(
    () => parseHfDaily('[\n  {"title": "A", "summary": "B\n"}\n]', F),
    F,
    2,
    /invalid JSON \(column 29\): a string is not closed/,
  );
  assertInputError(() => parseHfDaily('', F), F, 1, /invalid JSON \(column 1\): expected a JSON value, found the end of the file/);
  assertInputError(() => parseHfDaily('[\n{"title": "A"}\n,]', F), F, 3, /invalid JSON \(column 2\): expected a JSON value, found '\]'/);
});

test('not an array, or an empty one', () => {
  assertInputError(
    () => parseHfDaily('\n{"papers": []}', F),
    F,
    2,
    /expected a JSON array of daily papers \(as \/api\/daily_papers returns\), found an object/,
  );
  assertInputError(() => parseHfDaily('"x"', F), F, 1, /found a string/);
  assertInputError(() => parseHfDaily('\n\n[ ]', F), F, 3, /the daily-papers array is empty/);
});

test('an item that is not an object, or whose paper is not one', () => {
  const notObject = doc([item('A', 1), 'B']);
  assertInputError(
    () => parseHfDaily(notObject, F),
    F,
    lineOf(notObject, '"B"'),
    /item 1 of the array \(0-based\) is a string, not an object describing a paper/,
  );
  const text = doc([item('A', 1), { title: 'B', paper: [1] }]);
  assertInputError(
    () => parseHfDaily(text, F),
    F,
    lineOf(text, '"paper": ['),
    /item 1 of the array \(0-based\): "paper" is an array, not an object/,
  );
});

test('an item without a title or a summary: its index and its line', () => {
  const noTitle = doc([item('A', 1), { paper: { id: '2501.00002', summary: ABSTRACT } }]);
  assertInputError(
    () => parseHfDaily(noTitle, F),
    F,
    lineOf(noTitle, '{', noTitle.indexOf('"title": "A"')),
    /item 1 of the array \(0-based\) has no title \(neither "title" nor "paper.title"\)/,
  );
  const noSummary = doc([item('A', 1), item('B', 1), { paper: { id: '2501.00003' }, title: 'Lonely Title' }]);
  assertInputError(
    () => parseHfDaily(noSummary, F),
    F,
    lineOf(noSummary, '{', noSummary.indexOf('"title": "B"')),
    /item 2 of the array \(0-based\) has no abstract for "Lonely Title" \(neither "summary" nor "paper.summary"\)/,
  );
  const nullTitle = doc([{ paper: { summary: ABSTRACT, title: null }, title: null }]);
  assertInputError(() => parseHfDaily(nullTitle, F), F, 2, /item 0 of the array \(0-based\) has no title/);
});

test('a title or summary that is blank or not a string: the line of the value', () => {
  const blank = doc([item('A', 1), item(' \n ', 1)]);
  assertInputError(
    () => parseHfDaily(blank, F),
    F,
    lineOf(blank, '"title": " \\n "'),
    /item 1 of the array \(0-based\) has an empty title \("title"\)/,
  );
  const numeric = doc([{ title: 42, paper: { summary: ABSTRACT } }]);
  assertInputError(
    () => parseHfDaily(numeric, F),
    F,
    lineOf(numeric, '"title": 42'),
    /item 0 of the array \(0-based\): "title" is a number, not a string/,
  );
  const emptySummary = doc([item('A', 1, { summary: '' })]);
  assertInputError(
    () => parseHfDaily(emptySummary, F),
    F,
    lineOf(emptySummary, '"summary": ""'),
    /has an empty abstract for "A" \("summary"\)/,
  );
});

test('optional fields of the wrong kind: the line of the value', () => {
  const cases: [Record<string, unknown>, string, RegExp][] = [
    [{ authors: 'Juncai He' }, '"authors": "Juncai He"', /"paper.authors" is a string, not an array/],
    [{ authors: [{ name: 7 }] }, '"name": 7', /an author's name is a number, not a string/],
    [{ upvotes: -1 }, '"upvotes": -1', /"upvotes" is -1, not a count/],
    [{ upvotes: 2.5 }, '"upvotes": 2.5', /"upvotes" is 2.5, not a count/],
    [{ upvotes: '7' }, '"upvotes": "7"', /"upvotes" is a string, not a count/],
    [{ publishedAt: 'last week' }, '"publishedAt": "last week"', /"publishedAt" is not a date \("last week"\)/],
    [{ publishedAt: 20250317 }, '"publishedAt": 20250317', /"publishedAt" is not a date \(a number\)/],
    [{ id: 2310.19809 }, '"id": 2310.19809', /"paper.id" is a number, not a string/],
  ];
  for (const [extra, needle, re] of cases) {
    const text = doc([item('A', 1), item('B', 1, extra)]);
    assertInputError(() => parseHfDaily(text, F), F, lineOf(text, needle), new RegExp(`item 1 of the array \\(0-based\\)[^]*${re.source}`));
  }
});
