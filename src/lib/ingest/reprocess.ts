/**
 * Reprocessing: every generated field of every entry (title and body from its best source,
 * restored math, topics) derived again with the current code, from the sources archived in the
 * content root (digests/, and originals/ as fetched by npm run originals), replayed in date
 * order through the same planner as the ingest. Hand edits are kept (the merge's checksums);
 * an edited field whose generated value the current code changes is reported as a conflict.
 * Pure: the caller reads the files and writes the result in one atomic write.
 */
import { parseEntryFile, readPaper } from '../contract/entry-file.ts';
import { checksum } from '../text/checksum.ts';
import { normalizeBody } from './entry/merge.ts';
import type { TopicDef } from './topics/assign.ts';
import { planIngest } from './plan.ts';

export interface ArchivedSource {
  /** `digests/<name>` or `originals/<name>`: the name starts with the date it was received. */
  path: string;
  bytes: Uint8Array;
}

export interface Reprocessed {
  /** Entries whose text changed: file name to new text. */
  writes: Map<string, string>;
  /** For each changed entry, the fields that changed. */
  changes: { file: string; fields: string[] }[];
  /** Edited fields kept as edited although the current code generates another value. */
  conflicts: { file: string; fields: string[] }[];
}

const FIELDS = ['title', 'body', 'topics'] as const;

/** Sources in the order they were received: by date, digests before the originals of that day. */
export function replayOrder(sources: readonly ArchivedSource[]): ArchivedSource[] {
  const key = (s: ArchivedSource): string => {
    const [folder = '', name = ''] = s.path.split('/');
    return `${name.slice(0, 10)} ${folder === 'digests' ? 0 : 1} ${name}`;
  };
  return [...sources].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

function fieldsOf(text: string, file: string): { values: Record<string, string>; sums: Record<string, string>; other: string } {
  const entry = parseEntryFile(text, file);
  const paper = readPaper(entry);
  const record: Record<string, string> = paper.ingest?.checksums ?? {};
  const values = { title: checksum(paper.title), body: checksum(normalizeBody(entry.body)), topics: checksum(paper.topics) };
  const { title: _t, topics: _p, ingest: _i, ...rest } = entry.data;
  return { values, sums: record, other: JSON.stringify(rest) };
}

export function reprocess(
  entries: ReadonlyMap<string, string>,
  sources: readonly ArchivedSource[],
  topics: readonly TopicDef[],
  today: string,
): Reprocessed {
  const all = new Map(
    sources.map((s) => [s.path.replace(/^digests\//, ''), s.bytes] as const).filter(([p]) => !p.startsWith('originals/')),
  );
  let current = new Map(entries);
  for (const source of replayOrder(sources)) {
    const originals = source.path.startsWith('originals/');
    const plan = planIngest({
      digestPath: source.path,
      digestBytes: source.bytes,
      date: undefined,
      today,
      entries: current,
      digests: all,
      topics,
      ...(originals ? { originals: true, kind: 'arxiv-atom' as const } : {}),
    });
    current = new Map([...current, ...plan.writes]);
  }
  const writes = new Map<string, string>();
  const changes: Reprocessed['changes'] = [];
  const conflicts: Reprocessed['conflicts'] = [];
  for (const [file, before] of entries) {
    const after = current.get(file)!;
    const was = fieldsOf(before, file);
    const now = fieldsOf(after, file);
    // Edited: the value differs from what the ingest recorded; a conflict when the current code generates another value.
    const edited = FIELDS.filter((f) => was.values[f] !== was.sums[f] && now.sums[f] !== was.sums[f]);
    if (edited.length > 0) conflicts.push({ file, fields: edited });
    if (after === before) continue;
    writes.set(file, after);
    const fields: string[] = FIELDS.filter((f) => was.values[f] !== now.values[f]);
    if (was.other !== now.other) fields.push('facts and digests');
    changes.push({ file, fields: fields.length > 0 ? fields : ['the ingest record'] });
  }
  // Entries a replay created (a source whose paper has no entry any more) are not brought back.
  return { writes, changes, conflicts };
}
