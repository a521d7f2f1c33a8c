import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseArxivAtom } from './arxiv-atom.ts';
import { assertInputError } from '../../../../test/support/input-error.ts';

const FIXTURE = new URL('../../../../test/fixtures/sources/arxiv-query.xml', import.meta.url);
const F = 'query.xml';
const ROOT =
  '<feed xmlns="http://www.w3.org/2005/Atom" xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom">';

/** A feed around these entries: the declaration is line 1, the root line 2, entries from line 3. */
function feed(...entries: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${ROOT}\n${entries.join('\n')}\n</feed>\n`;
}
function entry(inner: string): string {
  return `<entry>\n${inner}\n</entry>`;
}
const TS = '<title>T</title>\n<summary>S.</summary>';

test('the fixture: three entries in feed order with ids, authors, dates and categories', () => {
  const digest = parseArxivAtom(readFileSync(FIXTURE, 'utf8'), 'fixtures/arxiv-query.xml');
  assert.equal(digest.kind, 'arxiv-atom');
  assert.equal(digest.date, undefined);
  assert.equal('date' in digest, false);
  assert.deepEqual(
    digest.papers.map((p) => ({
      rank: p.rank,
      id: p.arxivId,
      published: p.published,
      primary: p.primaryCategory,
      categories: p.categories,
      authors: p.authors,
      hasTex: p.hasTex,
      line: p.line,
      abstractLine: p.abstractLine,
    })),
    [
      {
        rank: 1,
        id: '2302.00248',
        published: '2023-02-01',
        primary: 'cs.DS',
        categories: ['cs.DS', 'cs.LG', 'stat.ML'],
        authors: ['Zhao Song', 'Mingquan Ye', 'Junze Yin', 'Lichen Zhang'],
        hasTex: true,
        line: 15,
        abstractLine: 20,
      },
      {
        rank: 2,
        id: '2310.19809',
        published: '2023-10-30',
        primary: 'cs.LG',
        categories: ['cs.LG', 'cs.NA', 'math.NA'],
        authors: ['Juncai He', 'Xinliang Liu', 'Jinchao Xu'],
        hasTex: true,
        line: 67,
        abstractLine: 71,
      },
      {
        rank: 3,
        id: 'math/0601001',
        published: '2006-01-01',
        primary: 'math.NT',
        categories: ['math.NT', 'math.AG', '11G50'],
        authors: ['Ana María Suárez', 'Ole Jørgensen'],
        hasTex: true,
        line: 112,
        abstractLine: 117,
      },
    ],
  );
  const [nearly, mgno, third] = digest.papers;
  // A title wrapped over two lines with indentation comes out on one line, its TeX intact.
  assert.equal(nearly!.title, 'A Nearly-Optimal Bound for Fast Regression with $\\ell_\\infty$ Guarantee');
  assert.match(nearly!.abstract, /^Given a matrix \$A\\in \\mathbb\{R\}\^\{n\\times d\}\$ and a vector/);
  assert.match(nearly!.abstract, /dense sketches for tensor product of vectors\.$/);
  assert.doesNotMatch(nearly!.abstract, /\n| {2}/);
  assert.equal(mgno!.title, 'MgNO: Efficient Parameterization of Linear Operators via Multigrid');
  assert.match(
    mgno!.abstract,
    /defined by \$\\mathcal O_i\(u\) = \\sigma\\left\( \\sum_j \\mathcal W_\{ij\} u \+ \\mathcal B_\{ij\}\\right\)\$\./,
  );
  // Entities decoded once: &amp;lt; is the text "&lt;", &lt; is "<"; character references too.
  assert.equal(third!.title, 'Averages of Heights on Abelian Varieties & the $p$-adic Places');
  assert.match(third!.abstract, /with \$p < 2\^\{k\}\$ we give/);
  assert.match(third!.abstract, /an expression like &lt;x&gt; stays literal, and so does the ampersand in AT&T\./);
  assert.match(third!.abstract, /such as é and – are decoded: café, pages 1–10\.$/);
  assert.match(third!.abstract, /Fees quoted in \\\$ are not math/);
});

test('ids: the version is dropped, http or https, new and old style; else taken from the abstract link', () => {
  const ids = parseArxivAtom(
    feed(
      entry(`<id>http://arxiv.org/abs/2310.19809v2</id>\n${TS}`),
      entry(`<id>\n  https://arxiv.org/abs/2310.19809v10\n</id>\n${TS}`),
      entry(`<id>http://arxiv.org/abs/hep-th/9901001v3</id>\n${TS}`),
      entry(
        `<id>urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a</id>\n<link rel="alternate" href="https://arxiv.org/abs/1706.03762v7"/>\n${TS}`,
      ),
      entry(`<id>urn:uuid:x</id>\n<link title="pdf" rel="related" href="https://arxiv.org/pdf/1706.03762v7"/>\n${TS}`),
      entry(`<id>tag:example.org,2025:1</id>\n<link href="https://example.org/1"/>\n${TS}`),
      entry(TS),
    ),
    F,
  ).papers.map((p) => p.arxivId);
  assert.deepEqual(ids, ['2310.19809', '2310.19809', 'hep-th/9901001', '1706.03762', '1706.03762', undefined, undefined]);
});

test('optional parts may be missing; categories are deduplicated and include the primary', () => {
  const [bare, cats] = parseArxivAtom(
    feed(
      entry(TS),
      entry(
        `${TS}\n<category term="cs.LG"/><category term="cs.LG"/><category term=" cs.AI "/><category/>\n<arxiv:primary_category term="stat.ML"/>`,
      ),
    ),
    F,
  ).papers;
  assert.deepEqual(bare, { title: 'T', abstract: 'S.', rank: 1, line: 4, abstractLine: 5, hasTex: false });
  assert.equal(cats!.primaryCategory, 'stat.ML');
  assert.deepEqual(cats!.categories, ['stat.ML', 'cs.LG', 'cs.AI']);
});

test('authors: names collapsed, empty names skipped, affiliations ignored', () => {
  const [p] = parseArxivAtom(
    feed(
      entry(
        `${TS}\n<author><name>\n  Juncai   He\n</name><arxiv:affiliation>PSU</arxiv:affiliation></author>\n<author><name> </name></author>\n<author/>\n<author><name>H1 Collaboration</name></author>`,
      ),
    ),
    F,
  ).papers;
  assert.deepEqual(p!.authors, ['Juncai He', 'H1 Collaboration']);
});

test('namespaces, not prefixes, identify Atom and arXiv elements', () => {
  const prefixed = `<a:feed xmlns:a="http://www.w3.org/2005/Atom" xmlns:x="http://arxiv.org/schemas/atom">\n<a:entry>\n<a:title>Prefixed</a:title>\n<a:summary>S.</a:summary>\n<x:primary_category term="cs.LG"/>\n<primary_category term="wrong"/>\n</a:entry>\n</a:feed>`;
  const [p] = parseArxivAtom(prefixed, F).papers;
  assert.deepEqual([p!.title, p!.primaryCategory, p!.line], ['Prefixed', 'cs.LG', 3]);
  // An element of another namespace named "title" is not the entry's title.
  const foreign = feed(
    entry('<dc:title xmlns:dc="http://purl.org/dc/elements/1.1/">Not this</dc:title>\n<title>This</title>\n<summary>S.</summary>'),
  );
  assert.equal(parseArxivAtom(foreign, F).papers[0]!.title, 'This');
});

test('CDATA is taken verbatim, comments and processing instructions are skipped', () => {
  const [p] = parseArxivAtom(
    feed(entry('<title>A <![CDATA[x &amp; <y>]]> B<!-- no --></title>\n<?pi skip?>\n<summary>S &amp;amp; T.</summary>')),
    F,
  ).papers;
  assert.equal(p!.title, 'A x &amp; <y> B');
  assert.equal(p!.abstract, 'S &amp; T.');
});

test('a type="xhtml" title: the text of its markup', () => {
  const [p] = parseArxivAtom(
    feed(
      entry('<title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">An <b>Emphatic</b> Title</div></title>\n<summary>S.</summary>'),
    ),
    F,
  ).papers;
  assert.equal(p!.title, 'An Emphatic Title');
});

test('hasTex follows the abstract: $...$ is math, \\$ and lone dollars are not', () => {
  const papers = parseArxivAtom(
    feed(
      entry('<title>$x$ in the title only</title>\n<summary>Plain.</summary>'),
      entry('<title>T</title>\n<summary>It costs \\$5 or $10.</summary>'),
      entry('<title>T</title>\n<summary>With\n  $O(n\n  \\log n)$ time.</summary>'),
    ),
    F,
  ).papers;
  assert.deepEqual(
    papers.map((p) => p.hasTex),
    [false, false, true],
  );
  assert.equal(papers[2]!.abstract, 'With $O(n \\log n)$ time.');
});

test('a byte-order mark and CRLF line ends', () => {
  const text = '\uFEFF' + feed(entry(TS), entry(TS)).replace(/\n/g, '\r\n');
  assert.deepEqual(
    parseArxivAtom(text, F).papers.map((p) => [p.line, p.abstractLine]),
    [
      [4, 5],
      [8, 9],
    ],
  );
});

test('invalid XML: the line of the fault', () => {
  assertInputError(
    () => parseArxivAtom(feed(entry('<title>T</summary>\n<summary>S.</summary>')), F),
    F,
    4,
    /invalid XML \(column \d+\): Expected closing tag 'title'/,
  );
  assertInputError(
    () => parseArxivAtom(`${ROOT}\n<entry>\n<title>T</title>\n`, F),
    F,
    4,
    /invalid XML: elements not closed at the end of the file: "feed","entry"/,
  );
  assertInputError(
    () => parseArxivAtom(feed(entry('<title a="1" a="2">T</title><summary>S.</summary>')), F),
    F,
    4,
    /invalid XML \(column \d+\): Attribute 'a' is repeated/,
  );
  assertInputError(
    () => parseArxivAtom('<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom"/>\n<feed/>', F),
    F,
    3,
    /a second root element <feed>/,
  );
  assertInputError(
    () => parseArxivAtom(feed(entry('<title>T</title>\n<x:summary>S.</x:summary>')), F),
    F,
    5,
    /the namespace prefix "x" of <x:summary> is not declared/,
  );
});

test('entities: a bare &, an undefined entity, a reference to no character, a DOCTYPE', () => {
  assertInputError(
    () => parseArxivAtom(feed(entry('<title>AT&T</title>\n<summary>S.</summary>')), F),
    F,
    4,
    /a bare '&' at line 4, column 10: write it as &amp;/,
  );
  assertInputError(
    () => parseArxivAtom(feed(entry('<title>T</title>\n<summary>A&nbsp;B</summary>')), F),
    F,
    5,
    /the entity &nbsp; at line 5, column 11 is not defined in XML/,
  );
  assertInputError(
    () => parseArxivAtom(feed(entry('<title>T&#0;</title>\n<summary>S.</summary>')), F),
    F,
    4,
    /the character reference &#0; at line 4, column 9 is not an XML character/,
  );
  assertInputError(
    () => parseArxivAtom(feed(entry('<title>T</title>\n<summary>&#xD800;</summary>')), F),
    F,
    5,
    /&#xD800; .* is not an XML character/,
  );
  assertInputError(
    () =>
      parseArxivAtom(
        `<?xml version="1.0"?>\n<!DOCTYPE feed [<!ENTITY boom "boom">]>\n${ROOT}<entry><title>&boom;</title></entry></feed>`,
        F,
      ),
    F,
    2,
    /a DOCTYPE at line 2, column 1/,
  );
  // In comments and CDATA an ampersand is text.
  assert.equal(
    parseArxivAtom(feed(`<!-- a & b -->\n${entry('<title><![CDATA[A & B]]></title>\n<summary>S.</summary>')}`), F).papers[0]!.title,
    'A & B',
  );
});

test('not an Atom feed: RSS, a feed without the Atom namespace, or another namespace', () => {
  assertInputError(
    () => parseArxivAtom('<?xml version="1.0"?>\n<rss version="2.0"><channel/></rss>', F),
    F,
    2,
    /not an Atom feed: the root element is <rss>, not <feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/,
  );
  assertInputError(
    () => parseArxivAtom('<feed>\n<entry/></feed>', F),
    F,
    1,
    /not an Atom feed: the root element is <feed> in the namespace ""/,
  );
  assertInputError(
    () => parseArxivAtom('<feed xmlns="http://purl.org/atom/ns#"/>', F),
    F,
    1,
    /in the namespace "http:\/\/purl.org\/atom\/ns#"/,
  );
});

test('a feed with no entries, and the reason when the query matched nothing', () => {
  assertInputError(() => parseArxivAtom(feed('<title>arXiv Query</title>'), F), F, 2, /^query.xml:2: the Atom feed has no entries$/);
  assertInputError(
    () => parseArxivAtom(feed('<opensearch:totalResults>0</opensearch:totalResults>'), F),
    F,
    2,
    /the Atom feed has no entries \(opensearch:totalResults is 0: the query matched no papers\)/,
  );
});

test('an error from the arXiv API: its message and line', () => {
  const error = feed(
    '<opensearch:totalResults>1</opensearch:totalResults>',
    entry(
      '<id>http://arxiv.org/api/errors#incorrect_id_format_for_1234.12345</id>\n<title>Error</title>\n<summary>incorrect id format for 1234.12345</summary>\n<author><name>arXiv api core</name></author>',
    ),
  );
  assertInputError(
    () => parseArxivAtom(error, F),
    F,
    4,
    /the arXiv API answered with an error, not papers: "incorrect id format for 1234.12345"/,
  );
  // A paper that happens to be titled "Error" is a paper.
  assert.equal(
    parseArxivAtom(feed(entry('<id>http://arxiv.org/abs/2301.00001v1</id>\n<title>Error</title>\n<summary>S.</summary>')), F).papers[0]!
      .title,
    'Error',
  );
});

test('an entry without a title or a summary: its number and line', () => {
  assertInputError(
    () => parseArxivAtom(feed(entry(TS), entry('<id>x</id>\n<summary>S.</summary>')), F),
    F,
    7,
    /entry 2 of the feed has no <title>/,
  );
  assertInputError(
    () => parseArxivAtom(feed(entry('<title>\n  \n</title>\n<summary>S.</summary>')), F),
    F,
    4,
    /entry 1 of the feed has an empty <title>/,
  );
  assertInputError(
    () => parseArxivAtom(feed(entry(TS), entry(TS), entry('<title>Lonely\n  Title</title>')), F),
    F,
    11,
    /entry 3 of the feed \("Lonely Title"\) has no <summary> \(the abstract\)/,
  );
  assertInputError(
    () => parseArxivAtom(feed(entry('<title>T</title>\n\n<summary/>')), F),
    F,
    6,
    /entry 1 of the feed \("T"\) has an empty <summary>/,
  );
});

test('a <published> that is not a date', () => {
  assertInputError(
    () => parseArxivAtom(feed(entry(`${TS}\n<published>soon</published>`)), F),
    F,
    6,
    /entry 1 of the feed has a <published> that is not a date: "soon"/,
  );
});
