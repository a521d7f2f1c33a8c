/**
 * Parses an Atom feed of the arXiv API (/api/query): one paper per <entry>, in feed order.
 * Titles and abstracts come hard-wrapped and indented: whitespace is collapsed. Abstracts are
 * arXiv's TeX source, so `$...$` math is marked with hasTex.
 */
import { InputError } from '../../contract/errors.ts';
import { normaliseArxivId } from '../../contract/arxiv-id.ts';
import { collapseWhitespace, containsTex, isoDatePrefix, preview } from './text.ts';
import type { SourceDigest, SourcePaper } from './types.ts';
import { childNamed, childrenNamed, parseXml, textContent, XmlError, type XmlElement } from './xml.ts';

export const ATOM_NS = 'http://www.w3.org/2005/Atom';
export const ARXIV_NS = 'http://arxiv.org/schemas/atom';
export const OPENSEARCH_NS = 'http://a9.com/-/spec/opensearch/1.1/';

export function parseArxivAtom(text: string, file: string): SourceDigest {
  const body = text.replace(/^\uFEFF/, '');
  let root: XmlElement;
  try {
    root = parseXml(body);
  } catch (error) {
    if (error instanceof XmlError) throw new InputError(file, error.line, error.message);
    throw error;
  }
  if (root.local !== 'feed' || root.ns !== ATOM_NS) {
    const what = root.local === 'feed' ? `<${root.qname}> in the namespace "${root.ns}"` : `<${root.qname}>`;
    throw new InputError(file, root.line, `not an Atom feed: the root element is ${what}, not <feed xmlns="${ATOM_NS}">`);
  }

  const entries = childrenNamed(root, ATOM_NS, 'entry');
  if (entries.length === 0) {
    const total = childNamed(root, OPENSEARCH_NS, 'totalResults');
    const why =
      total && collapseWhitespace(textContent(total)) === '0' ? ' (opensearch:totalResults is 0: the query matched no papers)' : '';
    throw new InputError(file, root.line, `the Atom feed has no entries${why}`);
  }
  const error = apiError(entries);
  if (error) throw new InputError(file, error.line, `the arXiv API answered with an error, not papers: "${error.message}"`);

  const papers = entries.map((entry, i) => parseEntry(entry, i, file));
  return { kind: 'arxiv-atom', papers };
}

/** The API reports an error as a feed with one entry titled "Error" whose id is under /api/errors. */
function apiError(entries: XmlElement[]): { line: number; message: string } | undefined {
  if (entries.length !== 1) return undefined;
  const entry = entries[0]!;
  const id = collapseWhitespace(textOf(entry, 'id') ?? '');
  const title = collapseWhitespace(textOf(entry, 'title') ?? '');
  const authors = childrenNamed(entry, ATOM_NS, 'author').map((a) => collapseWhitespace(textOf(a, 'name') ?? ''));
  const isError = /\/api\/errors/.test(id) || (title === 'Error' && authors.includes('arXiv api core'));
  if (!isError) return undefined;
  return { line: entry.line, message: collapseWhitespace(textOf(entry, 'summary') ?? '') || id };
}

function textOf(el: XmlElement, local: string): string | undefined {
  const child = childNamed(el, ATOM_NS, local);
  return child ? textContent(child) : undefined;
}

function parseEntry(entry: XmlElement, index: number, file: string): SourcePaper {
  const which = `entry ${index + 1} of the feed`;
  const titleEl = childNamed(entry, ATOM_NS, 'title');
  const title = titleEl ? collapseWhitespace(textContent(titleEl)) : '';
  if (!titleEl) throw new InputError(file, entry.line, `${which} has no <title>`);
  if (title === '') throw new InputError(file, titleEl.line, `${which} has an empty <title>`);
  const summaryEl = childNamed(entry, ATOM_NS, 'summary');
  if (!summaryEl) throw new InputError(file, entry.line, `${which} ("${preview(title)}") has no <summary> (the abstract)`);
  const abstract = collapseWhitespace(textContent(summaryEl));
  if (abstract === '') throw new InputError(file, summaryEl.line, `${which} ("${preview(title)}") has an empty <summary> (the abstract)`);

  const paper: SourcePaper = {
    title,
    abstract,
    rank: index + 1,
    line: titleEl.line,
    abstractLine: summaryEl.line,
    hasTex: containsTex(abstract),
  };

  const arxivId = entryArxivId(entry);
  if (arxivId !== undefined) paper.arxivId = arxivId;

  const authors = childrenNamed(entry, ATOM_NS, 'author')
    .map((a) => collapseWhitespace(textOf(a, 'name') ?? ''))
    .filter((name) => name !== '');
  if (authors.length > 0) paper.authors = authors;

  const published = textOf(entry, 'published');
  if (published !== undefined) {
    const date = isoDatePrefix(published);
    if (date === undefined) {
      const el = childNamed(entry, ATOM_NS, 'published')!;
      throw new InputError(file, el.line, `${which} has a <published> that is not a date: "${preview(published)}"`);
    }
    paper.published = date;
  }

  const primary = childNamed(entry, ARXIV_NS, 'primary_category')?.attrs.get('term')?.trim();
  if (primary) paper.primaryCategory = primary;
  const categories: string[] = [];
  for (const c of childrenNamed(entry, ATOM_NS, 'category')) {
    const term = c.attrs.get('term')?.trim();
    if (term && !categories.includes(term)) categories.push(term);
  }
  if (primary && !categories.includes(primary)) categories.unshift(primary);
  if (categories.length > 0) paper.categories = categories;
  return paper;
}

/** The id from <id> (http://arxiv.org/abs/2310.19809v2), else from the abstract-page link. */
function entryArxivId(entry: XmlElement): string | undefined {
  const id = normaliseArxivId(textOf(entry, 'id') ?? '');
  if (id !== undefined) return id;
  for (const link of childrenNamed(entry, ATOM_NS, 'link')) {
    const rel = link.attrs.get('rel') ?? 'alternate';
    const href = link.attrs.get('href');
    if (href !== undefined && (rel === 'alternate' || link.attrs.get('title') === 'pdf')) {
      const fromLink = normaliseArxivId(href);
      if (fromLink !== undefined) return fromLink;
    }
  }
  return undefined;
}
