/**
 * What a paper page shows, as one object: built from the paper, its digest neighbours, its
 * related papers and the taxonomy, without Astro. The page's incremental cache key is derived
 * from exactly this object (`viewKey`), so a page is rebuilt whenever anything it shows changes.
 * The abstract is named by the entry version: it is rendered by the loader and read by the page
 * (src/loaders/rendered-cache.ts); `abstractParts` derives what depends on its markup.
 */
import { bibtex } from './bibtex.ts';
import { listItem, lostOf, searchTitleOf, topicChips, type ListItem, type PaperRecord, type TopicChip } from './list-view.ts';
import type { LostMath } from '../render/inline-math.ts';
import { hasMath, plainText } from './meta.ts';
import { arxivAuthorSearch, paperLinks, type PaperLink } from './paper-links.ts';
import { mathNote, type MathNote } from './provenance.ts';
import { citationMeta, scholarlyJsonLd } from './scholarly.ts';
import { checksum } from '../text/checksum.ts';

export interface PaperViewInput {
  paper: PaperRecord;
  prev?: Pick<PaperRecord, 'id' | 'title' | 'incompleteMath' | 'textSource'> | undefined;
  next?: Pick<PaperRecord, 'id' | 'title' | 'incompleteMath' | 'textSource'> | undefined;
  related: readonly PaperRecord[];
  topicName: ReadonlyMap<string, string>;
  /** The site's origin (SITE) and base path (BASE, ending in /). */
  site: string;
  base: string;
}

export interface PaperView {
  id: string;
  /** The entry version whose rendered abstract the page shows. */
  abstractVersion: string;
  url: string;
  /** Rich: prose with $...$ math. */
  title: string;
  /** Plain text: <title>, OpenGraph. */
  titleText: string;
  /** What its source lost: marked in the title as in the abstract. */
  lost: LostMath;
  description: string;
  /** The digest the "← Digest" link goes to: the paper's latest appearance. */
  home: { date: string; rank: number };
  /** Every appearance, newest first. */
  appearances: { date: string; rank: number }[];
  authors: { name: string; search: string }[];
  links: PaperLink[];
  arxiv?: { id: string; primaryCategory?: string | undefined } | undefined;
  published?: string | undefined;
  topics: TopicChip[];
  prev?: Neighbour | undefined;
  next?: Neighbour | undefined;
  related: ListItem[];
  citationMeta: { name: string; content: string }[];
  jsonLd: string;
  bibtex?: string | undefined;
  /** Whether anything but the abstract shows math: the title, the pager, the related list. */
  mathOutsideAbstract: boolean;
  provenance: { textSource: string | undefined; searchTitle: string; incomplete: number; titleHasMath: boolean };
}

export interface Neighbour {
  id: string;
  title: string;
  lost: LostMath;
}

const newestFirst = (a: { date: string }, b: { date: string }): number => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0);

export function paperView({ paper, prev, next, related, topicName, site, base }: PaperViewInput): PaperView {
  const appearances = [...paper.digests].sort(newestFirst).map((d) => ({ date: d.date, rank: d.rank }));
  const titleText = plainText(paper.title);
  const url = new URL(`${base}papers/${paper.id}/`, site).href;
  const topics = topicChips(paper.topics, topicName);
  const authors = paper.authors ? [...paper.authors] : undefined;
  const scholarly = {
    title: titleText,
    abstract: paper.abstractText,
    url,
    topics: topics.map((t) => t.name),
    authors,
    arxivId: paper.arxivId,
    published: paper.published,
  };
  // Related excerpts as plain text: a page lists five, and KaTeX markup in them made paper pages heavy.
  const relatedItems = related.map((r) => listItem(r, topicName, { plain: true }));
  const shownPrev = prev && { id: prev.id, title: prev.title, lost: lostOf(prev) };
  const shownNext = next && { id: next.id, title: next.title, lost: lostOf(next) };
  return {
    id: paper.id,
    abstractVersion: paper.version,
    url,
    title: paper.title,
    titleText,
    lost: lostOf(paper),
    description: plainText(paper.excerpt),
    home: appearances[0]!,
    appearances,
    authors: (authors ?? []).map((name) => ({ name, search: arxivAuthorSearch(name) })),
    links: paperLinks({ arxivId: paper.arxivId, searchTitle: searchTitleOf(paper) }),
    ...(paper.arxivId && { arxiv: { id: paper.arxivId, ...(paper.primaryCategory && { primaryCategory: paper.primaryCategory }) } }),
    ...(paper.published && { published: paper.published }),
    topics,
    ...(shownPrev && { prev: shownPrev }),
    ...(shownNext && { next: shownNext }),
    related: relatedItems,
    citationMeta: citationMeta(scholarly),
    jsonLd: scholarlyJsonLd(scholarly),
    // A citation needs who and which: only papers whose source gave authors and an arXiv id have one.
    ...(paper.arxivId &&
      authors && {
        bibtex: bibtex({
          title: paper.title,
          authors,
          arxivId: paper.arxivId,
          year: (paper.published ?? paper.digests[0]!.date).slice(0, 4),
          ...(paper.primaryCategory && { primaryCategory: paper.primaryCategory }),
        }),
      }),
    mathOutsideAbstract: [paper.title, shownPrev?.title ?? '', shownNext?.title ?? '', ...relatedItems.map((r) => r.title)].some(hasMath),
    provenance: {
      textSource: paper.textSource,
      searchTitle: searchTitleOf(paper),
      incomplete: paper.incompleteMath?.length ?? 0,
      titleHasMath: hasMath(paper.title),
    },
  };
}

/** The incremental build's cache key of a page: a checksum of everything it shows. */
export function viewKey(view: unknown): string {
  return checksum(JSON.stringify(view));
}

/** What depends on the abstract's markup: whether the page loads KaTeX's stylesheet, and the note on restored math. */
export function abstractParts(view: PaperView, abstractHtml: string): { math: boolean; provenance: MathNote | undefined } {
  const abstractMath = abstractHtml.includes('class="katex"');
  return {
    math: abstractMath || view.mathOutsideAbstract,
    provenance: mathNote({
      textSource: view.provenance.textSource,
      arxivId: view.arxiv?.id,
      title: view.provenance.searchTitle,
      hasMath: abstractMath || view.provenance.titleHasMath,
      incomplete: view.provenance.incomplete,
    }),
  };
}
