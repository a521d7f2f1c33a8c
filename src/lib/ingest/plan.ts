/**
 * The ingest, as a pure function: a digest and the current content in, the files to write
 * and a report out. Nothing is written here, so bad input can never leave half an update.
 */
import { InputError } from '../contract/errors.ts';
import { dateFromFileName, isValidIsoDate, resolveDateLine } from './digest/date.ts';
import { decodeDigest } from './digest/parse.ts';
import { oneLine, withLinks, writeBody } from '../contract/body.ts';
import { parseEntryFile, readEntryKeys, updateEntryFile, writeEntryFile, type EntryFile, type TextSource } from '../contract/entry-file.ts';
import { entryFileName, entrySlug } from '../contract/paths.ts';
import { toRich } from '../contract/rich.ts';
import { createEntry, mergeEntry, type GeneratedPaper } from './entry/merge.ts';
import { baseSlug, titleKey, uniqueSlug } from './entry/slug.ts';
import { restoreMath } from '../math/restore.ts';
import { splitMath } from '../text/split.ts';
import { parseSource, type SourceDigest, type SourceKind, type SourcePaper } from './sources/index.ts';
import { assignTopics, type TopicDef } from './topics/assign.ts';
import { cleanText } from './clean.ts';

export interface IngestInput {
  /** The digest's path as the user gave it, for messages and its file name's date. */
  digestPath: string;
  digestBytes: Uint8Array;
  /** --date, if given. */
  date: string | undefined;
  /** --format, if given; otherwise the source's kind is read from its content. */
  kind?: SourceKind | undefined;
  /** Today's date (YYYY-MM-DD), for a date line without a year. */
  today: string;
  /** Existing entries: file name (`<slug>.mdx`) to text (read on demand: lazy-folder.ts). */
  entries: ReadonlyMap<string, string>;
  /**
   * An entry's text through its frontmatter (entry-head.ts), where the keys of every entry are
   * read, so that only the entries merged into are read whole; without it, `entries` is read.
   */
  entryHead?: (file: string) => string;
  /** Existing archived digests: file name to bytes. */
  digests: ReadonlyMap<string, Uint8Array>;
  topics: readonly TopicDef[];
  /**
   * The authors' texts of papers already on the site (npm run originals): each is merged into
   * its entry (found by arXiv id, or by exact title) and nothing else: no digest appearance, no
   * archived digest, no new entry. Papers with no entry are reported as unmatched.
   */
  originals?: boolean;
}

export interface IngestPlan {
  date: string;
  /** How the date was found, when the user should know (a year that was inferred). */
  dateNote: string | undefined;
  /** The archived digest's file name in the digests folder. */
  digestName: string;
  /** The digest copy to archive, unless an identical one is there already. */
  archive: Uint8Array | undefined;
  /** Entry files to write: file name to text. Unchanged entries are left out. */
  writes: Map<string, string>;
  report: IngestReport;
}

export interface IngestReport {
  papers: number;
  created: string[];
  updated: string[];
  unchanged: string[];
  /** Papers listed twice in this digest: the later listing is skipped. */
  duplicates: string[];
  conflicts: { file: string; fields: string[] }[];
  /** Math segments written, restored or kept from the source. */
  formulas: number;
  /** Formulas restored from damaged text, and those of them marked incomplete. */
  formulasRestored: number;
  incompleteFormulas: { file: string; tex: string; reason: string }[];
  papersWithMath: number;
  /** Candidate formulas KaTeX refused, kept as text. */
  rejectedFormulas: { file: string; tex: string }[];
  /** Originals only: papers of the source that match no entry. */
  unmatched: string[];
  /** Entries formatted by hand whose frontmatter's spacing the update normalized (comments and values kept). */
  respaced: string[];
}

function resolveDate(input: IngestInput, source: SourceDigest): { date: string; note: string | undefined } {
  if (input.date !== undefined) {
    if (!isValidIsoDate(input.date))
      throw new InputError(input.digestPath, undefined, `--date ${input.date} is not a date of the form YYYY-MM-DD`);
    return { date: input.date, note: undefined };
  }
  const fromName = dateFromFileName(input.digestPath);
  if (fromName) return { date: fromName, note: undefined };
  if (source.date) return { date: source.date, note: undefined };
  if (source.dateLine) {
    const { iso, inferredYear } = resolveDateLine(source.dateLine.value, input.today);
    const note = inferredYear
      ? `the date line (line ${source.dateLine.line}) has no year: read as ${iso}, its latest occurrence not after today (${input.today}); pass --date to choose another`
      : undefined;
    return { date: iso, note };
  }
  throw new InputError(
    input.digestPath,
    undefined,
    'the digest has no date: give --date YYYY-MM-DD, put YYYY-MM-DD in the file name, or start the digest with a date line such as "Mar 17"',
  );
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** Archived digests keep their format in their extension. */
export const ARCHIVE_EXTENSIONS: Readonly<Record<SourceKind, string>> = { text: '.txt', 'hf-daily': '.json', 'arxiv-atom': '.xml' };

/** The archive name for this digest: <date>.txt, or <date>-2.txt, ... when another digest of that date is there. */
function archiveName(
  date: string,
  ext: string,
  bytes: Uint8Array,
  digests: ReadonlyMap<string, Uint8Array>,
): { name: string; fresh: boolean } {
  // A digest already archived under any name of that date is the same digest.
  for (const name of digests.keys()) if (name.startsWith(date) && sameBytes(digests.get(name)!, bytes)) return { name, fresh: false };
  for (let n = 1; ; n += 1) {
    const name = n === 1 ? `${date}${ext}` : `${date}-${n}${ext}`;
    const existing = digests.get(name);
    if (existing === undefined) return { name, fresh: true };
    if (sameBytes(existing, bytes)) return { name, fresh: false };
  }
}

interface Existing {
  file: string;
  arxivId: string | undefined;
  /** Parsed on first use: most entries are only looked up, never merged. */
  entry: () => EntryFile;
}

interface ExistingIndex {
  byId: Map<string, Existing>;
  /** Title key to the entries of that title: more than one when papers of different ids share a title. */
  byTitle: Map<string, Existing[]>;
}

/**
 * Existing entries by the keys a paper is recognised by: its arXiv id, and its title key. Only
 * the lines holding the keys are read here; a daily ingest over thousands of entries parses
 * the YAML of just the few it merges into.
 */
function indexExisting(entries: ReadonlyMap<string, string>, head: (file: string) => string): ExistingIndex {
  const byId = new Map<string, Existing>();
  const byTitle = new Map<string, Existing[]>();
  for (const file of [...entries.keys()].sort()) {
    let parsed: EntryFile | undefined;
    const entry = (): EntryFile => (parsed ??= parseEntryFile(entries.get(file)!, file));
    const { sourceTitle, arxivId } = readEntryKeys(head(file), entry);
    const existing: Existing = { file, arxivId: typeof arxivId === 'string' ? arxivId : undefined, entry };
    if (existing.arxivId !== undefined && !byId.has(existing.arxivId)) byId.set(existing.arxivId, existing);
    if (typeof sourceTitle === 'string') {
      const key = titleKey(sourceTitle);
      byTitle.set(key, [...(byTitle.get(key) ?? []), existing]);
    }
  }
  return { byId, byTitle };
}

/**
 * The entry a paper is: the one of its arXiv id; else one of its title, provided that not both
 * have an id (two ids are two papers, whatever their titles).
 */
function findEntry(index: ExistingIndex, arxivId: string | undefined, key: string): Existing | undefined {
  if (arxivId !== undefined) {
    const byId = index.byId.get(arxivId);
    if (byId) return byId;
  }
  return index.byTitle.get(key)?.find((e) => arxivId === undefined || e.arxivId === undefined);
}

export function planIngest(input: IngestInput): IngestPlan {
  const text = decodeDigest(input.digestBytes, input.digestPath);
  const digest = parseSource(text, input.digestPath, input.kind);
  const { date, note } = input.originals ? { date: input.today, note: undefined } : resolveDate(input, digest);
  const { name: digestName, fresh } = input.originals
    ? { name: '', fresh: false }
    : archiveName(date, ARCHIVE_EXTENSIONS[digest.kind], input.digestBytes, input.digests);
  const existing = indexExisting(input.entries, input.entryHead ?? ((file) => input.entries.get(file)!));
  const taken = new Set([...input.entries.keys()].map(entrySlug));
  const seenIds = new Set<string>();
  const seenTitles = new Map<string, Set<string | undefined>>();
  const writes = new Map<string, string>();
  const report: IngestReport = {
    papers: 0,
    created: [],
    updated: [],
    unchanged: [],
    duplicates: [],
    conflicts: [],
    formulas: 0,
    formulasRestored: 0,
    incompleteFormulas: [],
    papersWithMath: 0,
    rejectedFormulas: [],
    unmatched: [],
    respaced: [],
  };

  for (const paper of digest.papers) {
    const sourceTitle = cleanText(oneLine(paper.title), input.digestPath, paper.line);
    const key = titleKey(sourceTitle);
    const id = paper.arxivId;
    // Listed twice in this digest: the same id, or the same title where one of the two has no id.
    const idsOfTitle = seenTitles.get(key);
    if ((id !== undefined && seenIds.has(id)) || (idsOfTitle !== undefined && (id === undefined || idsOfTitle.has(undefined)))) {
      report.duplicates.push(`${input.digestPath}:${paper.line}: "${sourceTitle}"`);
      continue;
    }
    seenTitles.set(key, new Set([...(idsOfTitle ?? []), id]));
    if (id !== undefined) seenIds.add(id);
    report.papers += 1;
    const match = findEntry(existing, id, key);
    if (input.originals && !match) {
      report.unmatched.push(`${input.digestPath}:${paper.line}: "${sourceTitle}"${id === undefined ? '' : ` (${id})`}`);
      continue;
    }
    // A new paper whose title another paper has: its arXiv id tells the two apart, stably.
    const base = baseSlug(sourceTitle);
    const slug = match
      ? entrySlug(match.file)
      : id !== undefined && taken.has(base)
        ? uniqueSlug(`${base}-${id.replace(/[./]/g, '-')}`, taken)
        : uniqueSlug(base, taken);
    taken.add(slug);
    const file = entryFileName(slug);
    const gen = generate(
      paper,
      sourceTitle,
      textSourceFor(digest.kind, paper),
      input.originals ? undefined : { date, rank: paper.rank, source: `digests/${digestName}` },
      input,
      report,
      file,
    );
    const merged = match ? mergeEntry(match.entry(), gen) : createEntry(gen);
    // A merge keeps the comments and formatting a person gave the entry's frontmatter.
    const update = match
      ? updateEntryFile(input.entries.get(match.file)!, merged.data, merged.body)
      : { text: writeEntryFile(merged.data, merged.body), respaced: false };
    const out = update.text;
    if (update.respaced && match && out !== input.entries.get(match.file)) report.respaced.push(file);
    if (merged.conflicts.length > 0) report.conflicts.push({ file, fields: merged.conflicts });
    if (!match) {
      report.created.push(file);
      writes.set(file, out);
    } else if (out !== input.entries.get(match.file)) {
      report.updated.push(file);
      writes.set(file, out);
    } else {
      report.unchanged.push(file);
    }
  }
  return { date, dateNote: note, digestName, archive: fresh ? input.digestBytes : undefined, writes, report };
}

/**
 * The authors' own text: arXiv's API, and a Hugging Face list whose abstract carries `$...$`
 * (it has the arXiv abstract as typed). A text digest, or a list without math, may have lost it.
 */
function textSourceFor(kind: SourceKind, paper: SourcePaper): TextSource {
  return kind === 'arxiv-atom' || (kind === 'hf-daily' && paper.hasTex) ? 'authors' : 'restored';
}

/**
 * The TeX of the formulas, as written in title and body, that hold an incomplete one: the
 * writer merges neighbouring formulas, and a merged formula is incomplete if a part of it is.
 */
function incompleteMathOf(texts: readonly string[], incomplete: readonly string[]): string[] {
  if (incomplete.length === 0) return [];
  const written = texts.flatMap((t) => splitMath(t).flatMap((s) => (s.kind === 'math' ? [s.tex] : [])));
  return [...new Set(written.filter((tex) => incomplete.some((part) => tex.includes(part))))];
}

function generate(
  paper: SourcePaper,
  sourceTitle: string,
  textSource: TextSource,
  appearance: GeneratedPaper['appearance'],
  input: IngestInput,
  report: IngestReport,
  file: string,
): GeneratedPaper {
  const abstract = cleanText(oneLine(paper.abstract), input.digestPath, paper.abstractLine);
  // Text that already carries $...$ (arXiv-style sources) keeps its formulas: restoreMath only
  // tidies the prose between them, it never restores twice; the authors' text is never restored.
  const damaged = textSource === 'restored';
  const title = restoreMath(sourceTitle, { damaged });
  const body = restoreMath(abstract, { damaged });
  const formulas = title.formulas + body.formulas;
  report.formulas += formulas;
  report.formulasRestored += title.restored + body.restored;
  if (formulas > 0) report.papersWithMath += 1;
  for (const tex of [...title.rejected, ...body.rejected]) report.rejectedFormulas.push({ file, tex });
  for (const f of [...title.incompleteFormulas, ...body.incompleteFormulas])
    report.incompleteFormulas.push({ file, tex: f.tex, reason: f.reason });
  const richTitle = toRich(title.segments);
  const writtenBody = writeBody(withLinks(body.segments));
  return {
    title: richTitle,
    body: writtenBody,
    incompleteMath: incompleteMathOf(
      [richTitle, writtenBody],
      [...title.incompleteFormulas, ...body.incompleteFormulas].map((f) => f.tex),
    ),
    topics: input.topics.length === 0 ? [] : assignTopics(input.topics, sourceTitle, abstract),
    sourceTitle,
    textSource,
    appearance,
    facts: {
      ...(paper.arxivId !== undefined && { arxivId: paper.arxivId }),
      ...(paper.authors !== undefined && paper.authors.length > 0 && { authors: paper.authors }),
      ...(paper.published !== undefined && { published: paper.published }),
      ...(paper.primaryCategory !== undefined && { primaryCategory: paper.primaryCategory }),
    },
  };
}
