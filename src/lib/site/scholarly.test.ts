import assert from 'node:assert/strict';
import { test } from 'node:test';
import { citationMeta, scholarlyJsonLd } from './scholarly.ts';

const base = { title: 'T', abstract: 'A.', url: 'https://x.org/papers/t/', topics: ['Neural operators'] };

test('JSON-LD cannot be closed early by the text it carries, and parses back to the same text', () => {
  const hostile = { ...base, title: '</script><script>alert(1)</script> & <!-- \u2028', abstract: '{"a": 1} </SCRIPT>' };
  const json = scholarlyJsonLd(hostile);
  assert.doesNotMatch(json, /<|>|&/);
  const data = JSON.parse(json) as Record<string, unknown>;
  assert.equal(data['headline'], hostile.title);
  assert.equal(data['abstract'], hostile.abstract);
});

test('fields the digest lacks are left out, never empty', () => {
  const data = JSON.parse(scholarlyJsonLd(base)) as Record<string, unknown>;
  assert.deepEqual(Object.keys(data).sort(), ['@context', '@type', 'abstract', 'headline', 'keywords', 'name', 'url']);
  // No publication date without the paper's own: the digest's date is not one.
  assert.deepEqual(
    citationMeta(base).map((m) => m.name),
    ['citation_title', 'citation_abstract_html_url'],
  );
});

test('authors and arXiv data fill JSON-LD and citation tags', () => {
  const p = { ...base, authors: ['Juncai He', 'Xinliang Liu'], arxivId: '2310.19809', published: '2023-10-30' };
  const data = JSON.parse(scholarlyJsonLd(p)) as Record<string, unknown>;
  assert.deepEqual(data['author'], [
    { '@type': 'Person', name: 'Juncai He' },
    { '@type': 'Person', name: 'Xinliang Liu' },
  ]);
  assert.equal(data['sameAs'], 'https://arxiv.org/abs/2310.19809');
  assert.deepEqual(citationMeta(p), [
    { name: 'citation_title', content: 'T' },
    { name: 'citation_author', content: 'Juncai He' },
    { name: 'citation_author', content: 'Xinliang Liu' },
    { name: 'citation_publication_date', content: '2023/10/30' },
    { name: 'citation_arxiv_id', content: '2310.19809' },
    { name: 'citation_pdf_url', content: 'https://arxiv.org/pdf/2310.19809' },
    { name: 'citation_abstract_html_url', content: 'https://x.org/papers/t/' },
  ]);
});
