import assert from 'node:assert/strict';
import { test } from 'node:test';
import { arxivAuthorSearch, paperLinks } from './paper-links.ts';

test('a paper with an arXiv id links to its abstract, its PDF and its Hugging Face page', () => {
  assert.deepEqual(paperLinks({ arxivId: '2310.19809', searchTitle: 'MgNO' }), [
    { label: 'arXiv:2310.19809', href: 'https://arxiv.org/abs/2310.19809' },
    { label: 'PDF', href: 'https://arxiv.org/pdf/2310.19809' },
    { label: 'Hugging Face', href: 'https://huggingface.co/papers/2310.19809' },
  ]);
  // Hugging Face has no page for old-style ids.
  assert.deepEqual(
    paperLinks({ arxivId: 'math/0601001', searchTitle: 'x' }).map((l) => l.label),
    ['arXiv:math/0601001', 'PDF'],
  );
});

test('a paper without an id is found by its title on arXiv and Google Scholar, without the TeX punctuation the source left', () => {
  const [arxiv, scholar] = paperLinks({ searchTitle: 'A Nearly-Optimal Bound for Fast Regression with $ell_infty$ Guarantee' });
  assert.equal(arxiv!.label, 'Find on arXiv');
  const a = new URL(arxiv!.href);
  assert.equal(`${a.origin}${a.pathname}`, 'https://arxiv.org/search/');
  assert.equal(a.searchParams.get('query'), 'A Nearly-Optimal Bound for Fast Regression with ell infty Guarantee');
  assert.equal(a.searchParams.get('searchtype'), 'title');
  assert.equal(scholar!.label, 'Google Scholar');
  const s = new URL(scholar!.href);
  assert.equal(`${s.origin}${s.pathname}`, 'https://scholar.google.com/scholar');
  assert.equal(s.searchParams.get('q'), 'A Nearly-Optimal Bound for Fast Regression with ell infty Guarantee');
});

test('an author search names the author, encoded', () => {
  const u = new URL(arxivAuthorSearch('Jürgen & Co'));
  assert.equal(u.searchParams.get('query'), 'Jürgen & Co');
  assert.equal(u.searchParams.get('searchtype'), 'author');
});
