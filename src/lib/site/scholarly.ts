/**
 * Metadata for scholarly search engines and reference managers: JSON-LD ScholarlyArticle and
 * Google Scholar's citation_* meta tags. Fields the digest did not give are left out, never empty.
 */
import { arxivLinks } from './paper-links.ts';

export interface ScholarlyPaper {
  title: string;
  abstract: string;
  url: string;
  topics: readonly string[];
  authors?: readonly string[] | undefined;
  arxivId?: string | undefined;
  /** YYYY-MM-DD: the paper's publication date where the source gives it. */
  published?: string | undefined;
}

/** JSON-LD, safe inside a <script> element: no `<` can close it early. */
export function scholarlyJsonLd(p: ScholarlyPaper): string {
  const data: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'ScholarlyArticle',
    headline: p.title,
    name: p.title,
    abstract: p.abstract,
    url: p.url,
    ...(p.topics.length > 0 && { keywords: p.topics.join(', ') }),
    ...(p.authors && p.authors.length > 0 && { author: p.authors.map((name) => ({ '@type': 'Person', name })) }),
    ...(p.published && { datePublished: p.published }),
    ...(p.arxivId && { sameAs: arxivLinks(p.arxivId).abs, identifier: `arXiv:${p.arxivId}` }),
  };
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * Google Scholar's citation_* tags, in the order its guidelines list them. The publication
 * date is the paper's own, when a source gave it: a digest's date is not when it was published.
 */
export function citationMeta(p: ScholarlyPaper): { name: string; content: string }[] {
  return [
    { name: 'citation_title', content: p.title },
    ...(p.authors ?? []).map((a) => ({ name: 'citation_author', content: a })),
    ...(p.published ? [{ name: 'citation_publication_date', content: p.published.replace(/-/g, '/') }] : []),
    ...(p.arxivId
      ? [
          { name: 'citation_arxiv_id', content: p.arxivId },
          { name: 'citation_pdf_url', content: arxivLinks(p.arxivId).pdf },
        ]
      : []),
    { name: 'citation_abstract_html_url', content: p.url },
  ];
}
