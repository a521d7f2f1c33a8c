/**
 * Writes an ingest plan so that the content root is either as before or fully updated:
 * 1. every file is written in full beside its target under a name no other run can take (any
 *    failure here, a full disk included, removes what this run staged: as before);
 * 2. a journal listing the renames is written, atomically (a failure removes the staged files);
 * 3. the files are renamed into place (each rename is atomic), and the journal is removed.
 * A crash during step 3 leaves the journal: the next ingest completes the renames before
 * anything else (fully updated), and the site's loader refuses to build until then. A crash
 * before it leaves only staging files, which the next ingest removes (cleanStaging).
 * The journal names files relative to its own folder, so it reads the same from any working
 * directory. The caller holds the content root's lock (lock.ts) throughout.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';

export interface FileWrite {
  dir: string;
  name: string;
  data: string | Uint8Array;
}

const STAGE_SUFFIX = '.ingest-tmp';

interface Journal {
  /** Paths relative to the journal's folder. */
  renames: { tmp: string; target: string }[];
}

/** For tests: a way to stop the write at a step, as a crash would. */
export interface WriteHooks {
  afterStage?: (index: number) => void;
  beforeRename?: (index: number) => void;
}

export async function writeAllOrNothing(files: readonly FileWrite[], journal: string, hooks: WriteHooks = {}): Promise<void> {
  const staged: { tmp: string; target: string }[] = [];
  const unstage = (): Promise<unknown> =>
    Promise.allSettled([...staged.map((s) => rm(s.tmp, { force: true })), rm(`${journal}.tmp`, { force: true })]);
  const run = randomBytes(6).toString('hex');
  try {
    for (const [i, f] of files.entries()) {
      await mkdir(f.dir, { recursive: true });
      const tmp = join(f.dir, `.${f.name}.${run}${STAGE_SUFFIX}`);
      // Registered before the write, so that a write that fails half-way is removed too.
      staged.push({ tmp, target: join(f.dir, f.name) });
      await writeFile(tmp, f.data, { flag: 'wx' });
      hooks.afterStage?.(i);
    }
    if (staged.length === 0) return;
    const base = dirname(resolve(journal));
    const entries = staged.map((s) => ({ tmp: relative(base, resolve(s.tmp)), target: relative(base, resolve(s.target)) }));
    await writeFile(`${journal}.tmp`, JSON.stringify({ renames: entries } satisfies Journal));
    await rename(`${journal}.tmp`, journal);
  } catch (error) {
    await unstage();
    throw error;
  }
  for (const [i, s] of staged.entries()) {
    hooks.beforeRename?.(i);
    await rename(s.tmp, s.target);
  }
  await rm(journal);
}

/** Completes the renames of an ingest that was interrupted; returns how many files it moved. */
export async function completeInterruptedWrite(journal: string): Promise<number> {
  if (!existsSync(journal)) return 0;
  const base = dirname(resolve(journal));
  const { renames } = JSON.parse(await readFile(journal, 'utf8')) as Journal;
  // Journals of earlier versions held paths as given; relative ones resolve against the journal's folder.
  const at = (p: string): string => (isAbsolute(p) ? p : join(base, p));
  let moved = 0;
  for (const r of renames) {
    // A rename done before the interruption has no staged file left.
    if (existsSync(at(r.tmp))) {
      await rename(at(r.tmp), at(r.target));
      moved += 1;
    }
  }
  await rm(journal);
  return moved;
}

/**
 * Removes the staging files that a run killed before its journal left in `dirs` (with no
 * journal, they were never part of the content). Call it holding the lock, after
 * completeInterruptedWrite. Returns how many it removed.
 */
export async function cleanStaging(...dirs: string[]): Promise<number> {
  let removed = 0;
  for (const dir of dirs) {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names.filter((n) => n.startsWith('.') && n.endsWith(STAGE_SUFFIX))) {
      await rm(join(dir, name), { force: true, recursive: true });
      removed += 1;
    }
  }
  return removed;
}

/**
 * Reads every file of a folder whose name ends with one of `exts`; a missing folder is empty.
 * The reads are synchronous on purpose: a daily ingest reads every entry (10,000 and more), and
 * one readFile promise per file costs about 15 times as long as plain blocking reads (1.5 s
 * against 0.1 s at 10,000 entries), with nothing else for the process to do meanwhile.
 */
export async function readFolder(dir: string, ...exts: string[]): Promise<Map<string, Buffer>> {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    throw error;
  }
  const out = new Map<string, Buffer>();
  for (const name of names.filter((n) => exts.some((ext) => n.endsWith(ext)) && !n.startsWith('.')).sort()) {
    out.set(name, readFileSync(join(dir, name)));
  }
  return out;
}
