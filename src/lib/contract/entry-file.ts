/** An entry file: YAML frontmatter between `---` lines, then the MDX body. */
import { parseDocument, stringify } from 'yaml';
import { InputError } from './errors.ts';

export interface DigestAppearance {
  date: string;
  rank: number;
  /** The digest file, relative to the content folder. */
  source: string;
}

/** What the ingest wrote last time, so that a later ingest can tell hand edits from its own. */
export interface IngestRecord {
  /** The title as the digest gave it: how the paper is recognised in later digests. */
  sourceTitle: string;
  /** Checksums of the values the ingest generated for the fields an editor may change. */
  checksums: { title: string; body: string; topics: string };
  /**
   * Where the generated title and body came from: `authors`, the authors' own text (a source
   * that carries the abstract's LaTeX), or `restored`, a restoration of damaged text. Entries
   * written before this field existed came from text digests: restored.
   */
  textSource?: TextSource;
}

export type TextSource = 'authors' | 'restored';

export interface PaperFrontmatter {
  title: string;
  digests: DigestAppearance[];
  topics: string[];
  ingest: IngestRecord;
  [extra: string]: unknown;
}

export interface EntryFile {
  data: Record<string, unknown>;
  body: string;
  /** Line of the first body line, for error messages about the body. */
  bodyLine: number;
}

const FENCE = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

export function parseEntryFile(text: string, file: string): EntryFile {
  const source = text.replace(/^\uFEFF/, '');
  const m = FENCE.exec(source);
  if (!m) throw new InputError(file, 1, 'the entry does not start with YAML frontmatter between --- lines');
  const doc = parseDocument(m[1] ?? '', { prettyErrors: true });
  const error = doc.errors[0];
  if (error) {
    // linePos is 1-based within the frontmatter, which starts on the file's line 2.
    const line = (error.linePos?.[0]?.line ?? 0) + 1;
    throw new InputError(file, line, `invalid YAML frontmatter: ${(error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '')}`);
  }
  const data: unknown = doc.toJS();
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new InputError(file, 2, 'the frontmatter must be a YAML mapping of fields');
  }
  const rest = source.slice(m[0].length);
  const body = rest.replace(/^(?:[ \t]*\r?\n)+/, '');
  const bodyLine = m[0].split('\n').length + rest.slice(0, rest.length - body.length).split('\n').length - 1;
  return { data: data as Record<string, unknown>, body, bodyLine };
}

const YAML_OPTIONS = { lineWidth: 0, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' } as const;

/** Serialises an entry deterministically: the same data always gives the same bytes. */
export function writeEntryFile(data: Record<string, unknown>, body: string): string {
  const yaml = stringify(data, YAML_OPTIONS);
  return `---\n${yaml}---\n\n${body.replace(/^\n+/, '')}`;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * Writes `data` and `body` over an existing entry file. A file as writeEntryFile writes it is
 * written anew; in one a person formatted, the comments, the quoting, the key order and every
 * key whose value did not change are kept (the yaml library's document model): only changed
 * keys are replaced, in place. That model does not keep spacing (`key: x  # c` becomes
 * `key: x # c`): `respaced` says so, for the ingest to report.
 */
export function updateEntryFile(text: string, data: Record<string, unknown>, body: string): { text: string; respaced: boolean } {
  const old = parseEntryFile(text, 'entry');
  if (writeEntryFile(old.data, old.body) === text) return { text: writeEntryFile(data, body), respaced: false };
  const m = FENCE.exec(text.replace(/^\uFEFF/, ''))!;
  const doc = parseDocument(m[1] ?? '');
  const respaced = doc.toString(YAML_OPTIONS) !== `${m[1] ?? ''}\n`;
  for (const key of Object.keys(old.data)) if (!(key in data)) doc.delete(key);
  for (const [key, value] of Object.entries(data)) {
    if (!same(old.data[key], value)) doc.set(key, doc.createNode(value, { flow: false }));
  }
  const head = text.slice(0, text.length - text.replace(/^\uFEFF/, '').length);
  const rest = text.replace(/^\uFEFF/, '').slice(m[0].length);
  const keptBody = old.body === body ? rest : `\n${body.replace(/^\n+/, '')}`;
  return { text: `${head}---\n${doc.toString(YAML_OPTIONS)}---\n${keptBody}`, respaced };
}

/** The 1-based line of a top-level frontmatter key in an entry file (1 if it is not there). */
export function lineOfKey(text: string, key: string): number {
  const lines = text.split('\n');
  const at = lines.findIndex((l, i) => i > 0 && l.startsWith(`${key}:`));
  return at < 0 ? 1 : at + 1;
}

/** The topics of an entry's data that are not in `known` (a reference Astro's schema leaves unchecked). */
export function unknownTopics(topics: unknown, known: ReadonlySet<string>): string[] {
  if (!Array.isArray(topics)) return [];
  // Astro may hand references back as { collection, id } objects.
  return topics.map((t: unknown) => (typeof t === 'object' && t !== null && 'id' in t ? String((t as { id: unknown }).id) : String(t))).filter((t) => !known.has(t));
}
