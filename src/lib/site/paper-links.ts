/**
 * The way from a paper to the paper itself: its arXiv abstract, PDF and Hugging Face page when
 * the id is known; otherwise an arXiv title search and a Google Scholar search, so that no page
 * or list item is a dead end.
 */

export interface PaperLink {
  /** The link's text, short enough for a list item. */
  label: string;
  href: string;
}

export function arxivLinks(arxivId: string): { abs: string; pdf: string } {
  return { abs: `https://arxiv.org/abs/${arxivId}`, pdf: `https://arxiv.org/pdf/${arxivId}` };
}

/** Hugging Face lists papers by new-style arXiv id only (2310.19809, not math/0601001). */
export function huggingFacePage(arxivId: string): string | undefined {
  return /^\d{4}\.\d{4,5}$/.test(arxivId) ? `https://huggingface.co/papers/${arxivId}` : undefined;
}

/**
 * A title's words for a search engine, without the TeX punctuation the source left
 * (`ell_infty` searches as `ell infty`, as arXiv indexes `\ell_\infty`).
 */
export function searchWords(title: string): string {
  return title
    .replace(/[$\\{}^_]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The arXiv search for a title, for papers whose id is not known. */
export function arxivTitleSearch(title: string): string {
  return `https://arxiv.org/search/?${new URLSearchParams({ query: searchWords(title), searchtype: 'title' })}`;
}

export function scholarSearch(title: string): string {
  return `https://scholar.google.com/scholar?${new URLSearchParams({ q: searchWords(title) })}`;
}

/** The arXiv search for an author's name: every paper of theirs. */
export function arxivAuthorSearch(name: string): string {
  return `https://arxiv.org/search/?${new URLSearchParams({ query: name, searchtype: 'author' })}`;
}

/**
 * The links to a paper, in reading order. `searchTitle` is the title as its source gave it
 * (for the searches); it is used only when the id is not known.
 */
export function paperLinks(p: { arxivId?: string | undefined; searchTitle: string }): PaperLink[] {
  if (p.arxivId) {
    const { abs, pdf } = arxivLinks(p.arxivId);
    const hf = huggingFacePage(p.arxivId);
    return [{ label: `arXiv:${p.arxivId}`, href: abs }, { label: 'PDF', href: pdf }, ...(hf ? [{ label: 'Hugging Face', href: hf }] : [])];
  }
  return [
    { label: 'Find on arXiv', href: arxivTitleSearch(p.searchTitle) },
    { label: 'Google Scholar', href: scholarSearch(p.searchTitle) },
  ];
}
