/**
 * Three-way merge of a re-ingested paper into its existing entry. The checksums the ingest
 * recorded last time tell which fields an editor changed since: those are kept as edited;
 * the others take the newly generated value. An edited field whose generated value changed
 * too is a conflict: kept as edited, and reported.
 * The authors' text wins: a title and body generated from a restoration never replace ones
 * generated from the authors' own text; the authors' text replaces a restoration nobody edited.
 * Written by hand: the merge is particular to this entry format and its checksums.
 */
import { checksum } from '../../text/checksum.ts';
import { readPaper, type EntryFile } from '../../contract/entry-file.ts';
import type { DigestAppearance, IngestRecord, PaperFrontmatter, TextSource } from '../../contract/schema.ts';

export interface GeneratedPaper {
  title: string;
  body: string;
  /** The TeX of formulas of title and body that the source's damage left incomplete: marked on the page. */
  incompleteMath: string[];
  topics: string[];
  sourceTitle: string;
  /** Whether title and body are the authors' own text or a restoration of damaged text. */
  textSource: TextSource;
  /** The digest listing that brought the paper; none for an authors' text fetched for it later (originals). */
  appearance: DigestAppearance | undefined;
  /** What richer sources know (arXiv id, authors, ...): fills fields an entry lacks, never replaces one. */
  facts?: Record<string, unknown>;
}

export interface MergedEntry {
  data: Record<string, unknown>;
  body: string;
  /** Fields edited by hand whose generated value has changed since: kept as edited. */
  conflicts: string[];
}

/** The fields an editor may change, and whose checksums the ingest records. */
interface Fields {
  title: string;
  body: string;
  topics: string[];
}

function take<K extends keyof Fields>(to: Fields, from: Fields, field: K): void {
  to[field] = from[field];
}

/** A body as the checksums see it: trailing blank space folded to one newline. */
export function normalizeBody(body: string): string {
  return `${body.replace(/\s+$/, '')}\n`;
}

function recordFor(gen: GeneratedPaper): IngestRecord {
  return {
    sourceTitle: gen.sourceTitle,
    checksums: { title: checksum(gen.title), body: checksum(normalizeBody(gen.body)), topics: checksum(gen.topics) },
    textSource: gen.textSource,
  };
}

/** `incompleteMath` for the data: the formulas still in the final title or body; no field when none. */
function incompleteField(list: readonly string[], title: string, body: string): { incompleteMath?: string[] } {
  const kept = list.filter((tex) => title.includes(tex) || body.includes(tex));
  return kept.length > 0 ? { incompleteMath: kept } : {};
}

/** The text source an entry's record names; entries from before the field are restorations. */
export function textSourceOf(data: PaperFrontmatter): TextSource {
  return data.ingest?.textSource === 'authors' ? 'authors' : 'restored';
}

export function createEntry(gen: GeneratedPaper): MergedEntry {
  if (gen.appearance === undefined) throw new Error('createEntry: a new entry needs the digest that lists it');
  return {
    data: {
      title: gen.title,
      ...gen.facts,
      digests: [gen.appearance],
      topics: gen.topics,
      ...incompleteField(gen.incompleteMath, gen.title, gen.body),
      ingest: recordFor(gen),
    },
    body: normalizeBody(gen.body),
    conflicts: [],
  };
}

/** Adds a digest appearance unless the paper already has one for that date. */
export function addAppearance(list: readonly DigestAppearance[], appearance: DigestAppearance): DigestAppearance[] {
  if (list.some((a) => a.date === appearance.date)) return [...list];
  return [...list, appearance].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

export function mergeEntry(existing: EntryFile, incoming: GeneratedPaper): MergedEntry {
  const stored = readPaper(existing);
  const previous = stored.ingest;
  // A restoration never replaces the authors' text: its title and body count as what was there.
  const worse = previous !== undefined && textSourceOf(stored) === 'authors' && incoming.textSource === 'restored';
  const kept = stored.incompleteMath ?? [];
  const gen: GeneratedPaper = worse
    ? { ...incoming, title: stored.title, body: existing.body, incompleteMath: kept, textSource: 'authors' }
    : incoming;
  const next: IngestRecord = worse
    ? { ...recordFor(gen), checksums: { ...recordFor(gen).checksums, title: previous.checksums.title, body: previous.checksums.body } }
    : recordFor(gen);
  const conflicts: string[] = [];
  const current: Fields = { title: stored.title, body: normalizeBody(existing.body), topics: stored.topics };
  const generated: Fields = { title: gen.title, body: normalizeBody(gen.body), topics: gen.topics };
  const merged: Fields = { ...current };
  for (const field of ['title', 'body', 'topics'] as const) {
    // Without a record of what the ingest wrote, every field counts as the editor's.
    const untouched = previous !== undefined && checksum(current[field]) === previous.checksums[field];
    if (untouched) {
      take(merged, generated, field);
    } else if (previous === undefined || next.checksums[field] !== previous.checksums[field]) {
      if (checksum(current[field]) !== next.checksums[field]) conflicts.push(field);
    }
  }
  const filled = Object.fromEntries(Object.entries(gen.facts ?? {}).filter(([k]) => existing.data[k] === undefined));
  const { incompleteMath: _old, ingest: _record, ...rest } = existing.data;
  const data: Record<string, unknown> = {
    ...rest,
    ...filled,
    title: merged.title,
    digests: gen.appearance === undefined ? stored.digests : addAppearance(stored.digests, gen.appearance),
    topics: merged.topics,
    // Marks follow the formulas: those of the generated text, and those of an edited text still in it.
    ...incompleteField([...new Set([...gen.incompleteMath, ...kept])], merged.title, merged.body),
    ingest: { ...next, sourceTitle: previous?.sourceTitle ?? gen.sourceTitle },
  };
  return { data, body: merged.body, conflicts };
}
