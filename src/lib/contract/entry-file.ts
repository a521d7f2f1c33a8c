/** An entry file: YAML frontmatter between `---` lines, then the MDX body. */
import { parse as parseYaml, parseDocument, stringify } from 'yaml';
import { InputError } from './errors.ts';
import { paperSchema, type PaperFrontmatter } from './schema.ts';

export type { DigestAppearance, IngestRecord, PaperFrontmatter, TextSource } from './schema.ts';

export interface EntryFile {
  /** The file, as named in messages. */
  file: string;
  /** The file's text, for the lines of messages about its keys. */
  text: string;
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
    throw new InputError(
      file,
      line,
      `invalid YAML frontmatter: ${(error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '')}`,
    );
  }
  const data: unknown = doc.toJS();
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new InputError(file, 2, 'the frontmatter must be a YAML mapping of fields');
  }
  const rest = source.slice(m[0].length);
  const body = rest.replace(/^(?:[ \t]*\r?\n)+/, '');
  const bodyLine = m[0].split('\n').length + rest.slice(0, rest.length - body.length).split('\n').length - 1;
  return { file, text, data: data as Record<string, unknown>, body, bodyLine };
}

/**
 * Every string double-quoted, never folded (lineWidth 0): readEntryKeys relies on it to find
 * the keys on their own lines without parsing the YAML.
 */
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

/**
 * An entry's frontmatter, checked against the paper schema (schema.ts): what the ingest merges
 * into. A field that breaks it (a hand edit the build would refuse too) is an InputError at
 * that field's line.
 */
export function readPaper(entry: EntryFile): PaperFrontmatter {
  const parsed = paperSchema.safeParse(entry.data);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const key = String(issue.path[0] ?? '');
  const where = issue.path.length > 0 ? issue.path.map(String).join('.') : 'the frontmatter';
  throw new InputError(entry.file, key === '' ? 2 : lineOfKey(entry.text, key), `${where}: ${issue.message}`);
}

/** The topics of an entry's data that are not in `known` (a reference Astro's schema leaves unchecked). */
export function unknownTopics(topics: unknown, known: ReadonlySet<string>): string[] {
  if (!Array.isArray(topics)) return [];
  // Astro may hand references back as { collection, id } objects.
  return topics
    .map((t: unknown) => (typeof t === 'object' && t !== null && 'id' in t ? String((t as { id: unknown }).id) : String(t)))
    .filter((t) => !known.has(t));
}

/** The keys a paper is recognised by in later digests. */
export interface EntryKeys {
  /** ingest.sourceTitle, else the title (an entry written by hand). */
  sourceTitle: unknown;
  arxivId: unknown;
}

/** `sourceTitle:` and `arxivId:` lines as writeEntryFile writes them: double-quoted YAML scalars on one line. */
const QUOTED_KEY = /^\s*(sourceTitle|arxivId): ("(?:[^"\\]|\\.)*")\s*$/gm;

/** A double-quoted YAML scalar's value: without escapes, the text between the quotes (most titles). */
function quotedScalar(quoted: string): unknown {
  return quoted.includes('\\') ? (parseYaml(quoted) as unknown) : quoted.slice(1, -1);
}

/**
 * The keys of an entry, read from the lines where writeEntryFile puts them, without parsing
 * the YAML (a daily ingest looks up thousands of entries and merges into a few); an entry
 * without an ingest record (one written or reformatted by hand) is parsed, by `parsed`.
 */
export function readEntryKeys(text: string, parsed: () => EntryFile): EntryKeys {
  const found: Record<string, unknown> = {};
  const frontmatter = text.slice(0, text.indexOf('\n---', 3) + 1);
  for (const m of frontmatter.matchAll(QUOTED_KEY)) found[m[1]!] = quotedScalar(m[2]!);
  if (found['sourceTitle'] !== undefined) return { sourceTitle: found['sourceTitle'], arxivId: found['arxivId'] };
  const { data } = parsed();
  const ingest = data['ingest'] as { sourceTitle?: unknown } | undefined;
  return { sourceTitle: typeof ingest?.sourceTitle === 'string' ? ingest.sourceTitle : data['title'], arxivId: data['arxivId'] };
}
