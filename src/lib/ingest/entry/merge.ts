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
import type { DigestAppearance, EntryFile, IngestRecord, TextSource } from '../../contract/entry-file.ts';

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

type Field = 'title' | 'body' | 'topics';

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
export function textSourceOf(data: Record<string, unknown>): TextSource {
  return (data['ingest'] as { textSource?: TextSource } | undefined)?.textSource === 'authors' ? 'authors' : 'restored';
}

export function createEntry(gen: GeneratedPaper): MergedEntry {
  if (gen.appearance === undefined) throw new Error('createEntry: a new entry needs the digest that lists it');
  return {
    data: { title: gen.title, ...gen.facts, digests: [gen.appearance], topics: gen.topics, ...incompleteField(gen.incompleteMath, gen.title, gen.body), ingest: recordFor(gen) },
    body: normalizeBody(gen.body),
    conflicts: [],
  };
}

function readRecord(data: Record<string, unknown>): IngestRecord | undefined {
  const record = data['ingest'] as Partial<IngestRecord> | undefined;
  const sums = record?.checksums;
  if (typeof record?.sourceTitle !== 'string' || typeof sums !== 'object' || sums === null) return undefined;
  return record as IngestRecord;
}

export function readAppearances(data: Record<string, unknown>): DigestAppearance[] {
  const list = data['digests'];
  return Array.isArray(list) ? (list as DigestAppearance[]) : [];
}

/** Adds a digest appearance unless the paper already has one for that date. */
export function addAppearance(list: readonly DigestAppearance[], appearance: DigestAppearance): DigestAppearance[] {
  if (list.some((a) => a.date === appearance.date)) return [...list];
  return [...list, appearance].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

export function mergeEntry(existing: EntryFile, incoming: GeneratedPaper): MergedEntry {
  const previous = readRecord(existing.data);
  // A restoration never replaces the authors' text: its title and body count as what was there.
  const worse = previous !== undefined && textSourceOf(existing.data) === 'authors' && incoming.textSource === 'restored';
  const kept = Array.isArray(existing.data['incompleteMath']) ? (existing.data['incompleteMath'] as string[]) : [];
  const gen: GeneratedPaper = worse ? { ...incoming, title: existing.data['title'] as string, body: existing.body, incompleteMath: kept, textSource: 'authors' } : incoming;
  const next: IngestRecord = worse ? { ...recordFor(gen), checksums: { ...recordFor(gen).checksums, title: previous.checksums.title, body: previous.checksums.body } } : recordFor(gen);
  const conflicts: string[] = [];
  const current: Record<Field, string | string[]> = {
    title: existing.data['title'] as string,
    body: normalizeBody(existing.body),
    topics: (existing.data['topics'] as string[] | undefined) ?? [],
  };
  const generated: Record<Field, string | string[]> = { title: gen.title, body: normalizeBody(gen.body), topics: gen.topics };
  const merged = { ...current };
  for (const field of ['title', 'body', 'topics'] as const) {
    // Without a record of what the ingest wrote, every field counts as the editor's.
    const untouched = previous !== undefined && checksum(current[field]) === previous.checksums[field];
    if (untouched) {
      merged[field] = generated[field];
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
    digests: gen.appearance === undefined ? readAppearances(existing.data) : addAppearance(readAppearances(existing.data), gen.appearance),
    topics: merged.topics,
    // Marks follow the formulas: those of the generated text, and those of an edited text still in it.
    ...incompleteField([...new Set([...gen.incompleteMath, ...kept])], merged.title as string, merged.body as string),
    ingest: { ...next, sourceTitle: previous?.sourceTitle ?? gen.sourceTitle },
  };
  return { data, body: merged.body as string, conflicts };
}
