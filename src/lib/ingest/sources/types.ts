/**
 * Papers from a source digest: the scraped text page, the Hugging Face daily-papers JSON,
 * or an arXiv API Atom feed. Every parser returns the same shape, in trending order.
 */
import type { DateLine } from '../digest/date.ts';

export interface SourcePaper {
  title: string;
  abstract: string;
  /** 1-based trending order (HF: upvotes, most first, ties in list order; arXiv and text: feed order). */
  rank: number;
  /** 1-based lines of the title and of the abstract in the file, for error messages (best effort for JSON and XML). */
  line: number;
  abstractLine: number;
  /** Normalised arXiv id without a version: "2310.19809", or old-style "math/0601001". */
  arxivId?: string;
  authors?: string[];
  /** YYYY-MM-DD: the first version's date as the source states it. */
  published?: string;
  primaryCategory?: string;
  categories?: string[];
  upvotes?: number;
  /** The abstract already carries $...$ LaTeX (arXiv-style): the restoration must keep it, not restore twice. */
  hasTex: boolean;
}

export type SourceKind = 'text' | 'hf-daily' | 'arxiv-atom';

export interface SourceDigest {
  kind: SourceKind;
  /**
   * A date the source states, if any (YYYY-MM-DD). HF: the date of the daily list; text: the date
   * line when it has a year; arXiv: none.
   */
  date?: string;
  /** Text digests only: the date line as written (it may lack a year) and its line, for the caller to resolve. */
  dateLine?: { value: DateLine; line: number };
  papers: SourcePaper[];
}
