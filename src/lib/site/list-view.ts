/**
 * What a list item of papers shows (home, digest, topic and related lists): rank or date, the
 * title, topic chips, a one-line excerpt, the authors in short, and the links to the paper.
 * Pure: the pages give it the collection's data (src/data/papers.ts), and their incremental
 * cache keys are derived from what it returns.
 */
import { hasMath, plainText } from './meta.ts';
import { toRich } from '../contract/rich.ts';
import { segmentsToPlain } from '../math/plain.ts';
import { splitMath } from '../text/split.ts';
import { paperLinks, type PaperLink } from './paper-links.ts';
import type { LostMath } from '../render/inline-math.ts';

/** What the site reads of a paper entry: the collection's data, by name. */
export interface PaperRecord {
  id: string;
  /** The entry version (the loader's digest of its file): it names the rendered abstract. */
  version: string;
  /** Prose with inline $...$ math. */
  title: string;
  /** The first sentences of the abstract, prose with $...$ math. */
  excerpt: string;
  abstractText: string;
  digests: readonly { date: string; rank: number }[];
  topics: readonly string[];
  arxivId?: string | undefined;
  authors?: readonly string[] | undefined;
  published?: string | undefined;
  primaryCategory?: string | undefined;
  incompleteMath?: readonly string[] | undefined;
  /** ingest.textSource: whether title and body are the authors' text or a restoration. */
  textSource?: string | undefined;
  /** ingest.sourceTitle: the title as its source gave it, for searches. */
  sourceTitle?: string | undefined;
}

export interface TopicChip {
  id: string;
  name: string;
}

export interface ListItem {
  id: string;
  /** Rich: prose with $...$ math. */
  title: string;
  /**
   * The abstract's first sentences, shown on one line: rich (prose with $...$ math, its formulas
   * whole, so that they are marked as on the paper's page; cut past what one line shows, and CSS
   * cuts the line) in the site's lists; plain text (math as Unicode) of at most EXCERPT_CHARS in a paper page's related list, which
   * must stay light.
   */
  excerpt: { rich: string } | { plain: string };
  rank?: number | undefined;
  date?: string | undefined;
  topics: TopicChip[];
  /** "A, B and C" or "A, B et al.", when the source gave authors. */
  authors?: string | undefined;
  links: PaperLink[];
  /** What its source lost: marked in the title as on the paper's page. */
  lost: LostMath;
}

/** A plain excerpt: one line on a wide screen; CSS cuts it to one line on a narrow one. */
export const EXCERPT_CHARS = 160;

/**
 * What a rich excerpt keeps of its text, as the reader sees it (math as Unicode): past what the
 * widest list line shows (632 px: at most 87 characters on the seed site's lists in Chromium; a
 * line of unusually narrow text, 0.4em a character, would show 104), so that the cut is never
 * seen, and CSS ends the line with its ellipsis. Only the formulas a line can show are sent: a
 * first sentence full of math had put 10–14 KB of KaTeX markup in each list, most of it out of
 * sight (e2e/list-excerpt.spec.ts checks that every cut excerpt still overflows its line).
 */
export const LINE_CHARS = 120;

/**
 * A rich string cut after `max` characters of its visible text, never inside a formula (a
 * formula that starts before the limit is kept whole), prose at the end of a word, with an
 * ellipsis for screen readers; unchanged when it is no longer.
 */
export function oneLine(rich: string, max = LINE_CHARS): string {
  const segments = splitMath(rich);
  const kept: typeof segments = [];
  let length = 0;
  for (const s of segments) {
    if (length >= max) return `${toRich(kept).trimEnd()}…`;
    const shown = segmentsToPlain([s]);
    if (s.kind === 'math' || length + shown.length <= max) {
      kept.push(s);
      length += shown.length;
      continue;
    }
    // Prose (or emphasis) across the limit: up to the end of the word at the limit.
    const end = s.value.slice(max - length).search(/\s/);
    if (end < 0) {
      kept.push(s);
      length += shown.length;
      continue;
    }
    const value = s.value.slice(0, max - length + end).replace(/[\s,;:]+$/, '');
    kept.push({ ...s, value });
    return `${toRich(kept)}…`;
  }
  return rich;
}

/** Text cut at a word boundary to at most `max` characters, with an ellipsis when cut. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

export function shortAuthors(authors: readonly string[] | undefined): string | undefined {
  if (!authors || authors.length === 0) return undefined;
  if (authors.length <= 3) return authors.length === 1 ? authors[0] : `${authors.slice(0, -1).join(', ')} and ${authors.at(-1)}`;
  return `${authors.slice(0, 2).join(', ')} et al.`;
}

export function topicChips(ids: readonly string[], topicName: ReadonlyMap<string, string>): TopicChip[] {
  return ids.map((id) => ({ id, name: topicName.get(id) ?? id }));
}

/** The entry's lost math (as lostMathOf of src/lib/render/inline-math.ts reads it from the data). */
export function lostOf(p: Pick<PaperRecord, 'incompleteMath' | 'textSource'>): LostMath {
  return { incomplete: [...(p.incompleteMath ?? [])], restored: p.textSource !== 'authors' };
}

export function searchTitleOf(p: Pick<PaperRecord, 'title' | 'sourceTitle'>): string {
  return p.sourceTitle ?? plainText(p.title);
}

export function listItem(
  p: PaperRecord,
  topicName: ReadonlyMap<string, string>,
  place: { rank?: number; date?: string; plain?: boolean } = {},
): ListItem {
  const authors = shortAuthors(p.authors);
  return {
    id: p.id,
    title: p.title,
    excerpt: place.plain ? { plain: shorten(plainText(p.excerpt), EXCERPT_CHARS) } : { rich: oneLine(p.excerpt) },
    ...(place.rank !== undefined && { rank: place.rank }),
    ...(place.date !== undefined && { date: place.date }),
    topics: topicChips(p.topics, topicName),
    ...(authors !== undefined && { authors }),
    links: paperLinks({ arxivId: p.arxivId, searchTitle: searchTitleOf(p) }),
    lost: lostOf(p),
  };
}

/**
 * The topics of a list's papers with how many papers have each, most first (then by name): the
 * list's topic filter, as links.
 */
export function topicFilter(items: readonly Pick<ListItem, 'topics'>[]): (TopicChip & { count: number })[] {
  const counts = new Map<string, TopicChip & { count: number }>();
  for (const item of items) {
    for (const t of item.topics) {
      const c = counts.get(t.id) ?? { ...t, count: 0 };
      c.count += 1;
      counts.set(t.id, c);
    }
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'en'));
}

/** Whether a list shows any formula: its page then loads KaTeX's stylesheet. */
export function listShowsMath(items: readonly Pick<ListItem, 'title' | 'excerpt'>[]): boolean {
  return items.some((p) => hasMath(p.title) || ('rich' in p.excerpt && hasMath(p.excerpt.rich)));
}
