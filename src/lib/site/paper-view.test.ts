import assert from 'node:assert/strict';
import { test } from 'node:test';
import { record } from '../../../test/support/paper-record.ts';
import { abstractParts, paperView, viewKey, type PaperViewInput } from './paper-view.ts';

const topicName = new Map([['neural-operators', 'Neural operators']]);
const input = (over: Partial<PaperViewInput> = {}): PaperViewInput => ({
  paper: record({
    id: 'bounds',
    digests: [
      { date: '2025-03-10', rank: 4 },
      { date: '2025-03-17', rank: 2 },
    ],
  }),
  prev: record({ id: 'before', title: 'Before' }),
  next: undefined,
  related: [record({ id: 'r1', title: 'Related one' }), record({ id: 'r2', title: 'Related $x^2$' })],
  topicName,
  site: 'https://someone.github.io',
  base: '/paperboy/',
  ...over,
});

test('the view holds what the page shows: title, home digest, appearances newest first, topics, neighbours, related items', () => {
  const v = paperView(input());
  assert.equal(v.url, 'https://someone.github.io/paperboy/papers/bounds/');
  assert.equal(v.titleText, 'Bounds with ℓ∞ guarantee');
  assert.equal(v.description, 'We prove a bound with ε⁻² samples. It is tight.');
  assert.deepEqual(v.home, { date: '2025-03-17', rank: 2 });
  assert.deepEqual(
    v.appearances.map((a) => a.date),
    ['2025-03-17', '2025-03-10'],
  );
  assert.deepEqual(v.topics, [{ id: 'neural-operators', name: 'Neural operators' }]);
  assert.deepEqual(v.prev, { id: 'before', title: 'Before', lost: { incomplete: [], restored: true } });
  assert.equal(v.next, undefined);
  assert.deepEqual(
    v.related.map((r) => r.id),
    ['r1', 'r2'],
  );
  assert.equal(v.abstractVersion, 'v1');
  assert.equal(v.mathOutsideAbstract, true);
});

test('a paper from a text digest: searches for the paper, no authors, no citation date, no BibTeX', () => {
  const v = paperView(input());
  assert.deepEqual(
    v.links.map((l) => l.label),
    ['Find on arXiv', 'Google Scholar'],
  );
  assert.deepEqual(v.authors, []);
  assert.equal(v.bibtex, undefined);
  assert.equal(v.published, undefined);
  assert.deepEqual(
    v.citationMeta.map((m) => m.name),
    ['citation_title', 'citation_abstract_html_url'],
  );
  assert.equal('datePublished' in JSON.parse(v.jsonLd), false);
});

test('a paper with arXiv data: its links, searchable authors, citation date from its own date, BibTeX', () => {
  const paper = record({
    id: 'mgno',
    title: 'MgNO',
    arxivId: '2310.19809',
    authors: ['Juncai He', 'Xinliang Liu'],
    published: '2023-10-30',
    primaryCategory: 'cs.LG',
  });
  const v = paperView(input({ paper }));
  assert.deepEqual(
    v.links.map((l) => l.label),
    ['arXiv:2310.19809', 'PDF', 'Hugging Face'],
  );
  assert.deepEqual(v.authors[0], { name: 'Juncai He', search: 'https://arxiv.org/search/?query=Juncai+He&searchtype=author' });
  assert.deepEqual(v.arxiv, { id: '2310.19809', primaryCategory: 'cs.LG' });
  assert.ok(v.citationMeta.some((m) => m.name === 'citation_publication_date' && m.content === '2023/10/30'));
  assert.match(v.bibtex!, /^@misc\{he2023mgno,/);
  // An id and authors without the paper's own date: still no citation date.
  const undated = paperView(input({ paper: { ...paper, published: undefined } }));
  assert.ok(!undated.citationMeta.some((m) => m.name === 'citation_publication_date'));
});

test('the cache key changes with anything the page shows, and only then', () => {
  const key = viewKey(paperView(input()));
  assert.equal(viewKey(paperView(input())), key);
  const changes: Partial<PaperViewInput>[] = [
    { related: [record({ id: 'r1', title: 'Related one, renamed' })] },
    { prev: undefined },
    { next: record({ id: 'after', title: 'After' }) },
    { topicName: new Map([['neural-operators', 'Operators']]) },
    { base: '/' },
    { site: 'https://example.net' },
    {
      paper: record({
        id: 'bounds',
        version: 'v2',
        digests: [
          { date: '2025-03-10', rank: 4 },
          { date: '2025-03-17', rank: 2 },
        ],
      }),
    },
    { paper: record({ id: 'bounds', digests: [{ date: '2025-03-17', rank: 3 }] }) },
    // What a neighbour's or a related paper's source lost is marked in its title: shown too.
    { prev: record({ id: 'before', title: 'Before', incompleteMath: ['x'] }) },
    { related: [record({ id: 'r1', title: 'Related one', textSource: 'authors' }), record({ id: 'r2', title: 'Related $x^2$' })] },
  ];
  for (const change of changes) assert.notEqual(viewKey(paperView(input(change))), key, JSON.stringify(change));
});

test("what the source lost is carried to every title the page shows, its own, its neighbours' and its related papers'", () => {
  const lost = record({ id: 'l', title: 'Bound $\\epsilon{d}$', incompleteMath: ['\\epsilon{d}'] });
  const v = paperView(input({ paper: { ...lost, id: 'bounds' }, next: lost, related: [lost] }));
  for (const l of [v.lost, v.next!.lost, v.related[0]!.lost]) assert.deepEqual(l, { incomplete: ['\\epsilon{d}'], restored: true });
  assert.deepEqual(paperView(input({ paper: record({ textSource: 'authors' }) })).lost, { incomplete: [], restored: false });
});

test('the abstract decides the stylesheet and the note on restored math', () => {
  const plain = paperView(input({ paper: record({ id: 'p', title: 'Plain', excerpt: 'x.', topics: [] }), related: [], prev: undefined }));
  assert.deepEqual(abstractParts(plain, '<p>No math.</p>'), { math: false, provenance: undefined });
  const parts = abstractParts(plain, '<p><span class="katex">x</span></p>');
  assert.equal(parts.math, true);
  assert.match(parts.provenance!.text, /restored by Paperboy/);
  assert.equal(new URL(parts.provenance!.href).searchParams.get('searchtype'), 'title');
  const authors = paperView(input({ paper: record({ textSource: 'authors' }) }));
  assert.equal(abstractParts(authors, '<span class="katex">x</span>').provenance, undefined);
});
