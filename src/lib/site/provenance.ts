/**
 * What a paper page says about where its text came from: a restoration of damaged math is
 * never passed off as the authors' words. A page whose math we restored says so in one line
 * near the abstract, and links to the original: the arXiv abstract page when the id is known,
 * otherwise an arXiv title search.
 */
import { arxivLinks, arxivTitleSearch } from './paper-links.ts';

export interface ProvenanceInput {
  /** ingest.textSource of the entry: undefined for entries from before the field (restorations). */
  textSource: string | undefined;
  arxivId: string | undefined;
  /** The title as its source gave it, for the search link. */
  title: string;
  /** Whether the title or the abstract shows math. */
  hasMath: boolean;
  /** How many of its formulas are marked incomplete. */
  incomplete: number;
}

export interface MathNote {
  text: string;
  href: string;
  linkText: string;
}

export function mathNote(p: ProvenanceInput): MathNote | undefined {
  if (p.textSource === 'authors' || !p.hasMath) return undefined;
  const lost =
    p.incomplete === 0
      ? ''
      : p.incomplete === 1
        ? ' One formula lost part of itself in the source: it is underlined with dashes and marked “?”.'
        : ` ${p.incomplete} formulas lost part of themselves in the source: they are underlined with dashes and marked “?”.`;
  return {
    text: `The math on this page was restored by Paperboy from a listing that had lost it; it is not the authors’ own typesetting.${lost}`,
    href: p.arxivId ? arxivLinks(p.arxivId).abs : arxivTitleSearch(p.title),
    linkText: p.arxivId ? 'Read the original abstract on arXiv' : 'Find the original abstract on arXiv',
  };
}
