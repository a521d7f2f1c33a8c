/**
 * What every command that writes a content root does around its own work (ingest, originals,
 * reprocess): take the root's lock, repair what an interrupted run left (complete its journal,
 * remove its staging files), read the taxonomy and the entries, and release the lock.
 */
import { existsSync } from 'node:fs';
import { rmdir } from 'node:fs/promises';
import { ENTRY_EXTENSION, type ContentPaths } from '../contract/paths.ts';
import { InputError } from '../contract/errors.ts';
import type { TopicDef } from './topics/assign.ts';
import { loadTopics } from './topics/load.ts';
import { lockContent } from './lock.ts';
import { cleanStaging, completeInterruptedWrite, readFolder } from './write.ts';
import { LazyFolder } from './lazy-folder.ts';
import { readEntryHead } from './entry-head.ts';

/** How long a command waits for another one holding the content root (PAPERBOY_LOCK_WAIT_MS). */
const LOCK_WAIT_MS = Number(process.env['PAPERBOY_LOCK_WAIT_MS'] ?? 120_000);

export interface Session {
  paths: ContentPaths;
  /** What was repaired before the work began, said to the user; empty when nothing was. */
  repaired: string;
}

/**
 * Runs `work` holding the lock of the content root, after repairing what an interrupted run
 * left. A new content root that a failed run made is removed again.
 */
export async function withContent<T>(
  paths: ContentPaths,
  work: (session: Session) => Promise<T>,
  log: (line: string) => void = console.log,
): Promise<T> {
  const created = !existsSync(paths.root);
  const release = await lockContent(paths.root, LOCK_WAIT_MS, () => log(`waiting for another ingest of ${paths.root} to finish...`));
  const session: Session = { paths, repaired: '' };
  let failed = true;
  try {
    const moved = await completeInterruptedWrite(paths.journal);
    const removed = await cleanStaging(paths.papers, paths.digests, paths.originals);
    if (moved > 0) session.repaired += `completed an interrupted ingest (${moved} files moved into place). `;
    if (removed > 0) session.repaired += `removed ${removed} staging files of an ingest killed before it wrote anything. `;
    session.repaired = session.repaired.trim();
    if (session.repaired) log(`note: ${session.repaired}`);
    const result = await work(session);
    failed = false;
    return result;
  } catch (error) {
    if (error instanceof Error && session.repaired) (error as Error & { repaired?: string }).repaired = session.repaired;
    throw error;
  } finally {
    await release();
    if (failed && created) await rmdir(paths.root).catch(() => {});
  }
}

/** The taxonomy of the content root; a new root has none yet (its papers get no topics), which is said. */
export function readTaxonomy(paths: ContentPaths, log: (line: string) => void = console.log): TopicDef[] {
  if (!existsSync(paths.topics)) {
    log(`note: ${paths.topics} does not exist: the papers get no topics`);
    return [];
  }
  try {
    return loadTopics(paths.topics);
  } catch (error) {
    throw new InputError(paths.topics, undefined, (error as Error).message);
  }
}

/** The entries of the content root: file name to text. */
export async function readEntries(paths: ContentPaths): Promise<Map<string, string>> {
  return new Map([...(await readFolder(paths.papers, ENTRY_EXTENSION))].map(([name, buf]) => [name, buf.toString('utf8')] as const));
}

/**
 * The entries of the content root as a daily ingest reads them: names listed, texts read on
 * demand (lazy-folder.ts), and the frontmatter alone of each for the index (entry-head.ts).
 */
export function openEntries(paths: ContentPaths): { entries: LazyFolder<string>; entryHead: (file: string) => string } {
  const entries = new LazyFolder(paths.papers, [ENTRY_EXTENSION], (bytes) => bytes.toString('utf8'));
  return { entries, entryHead: (file) => readEntryHead(paths.papers, file, () => entries.get(file)!) };
}

/** "nothing was written", or what was repaired before a failure, for the last line of an error. */
export function nothingWritten(error: unknown): string {
  const repaired = (error as { repaired?: string } | undefined)?.repaired;
  return repaired ? `nothing of this run was written (the repair above was done: ${repaired})` : 'nothing was written';
}
