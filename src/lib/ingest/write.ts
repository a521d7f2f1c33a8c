/**
 * Writes an ingest plan so that content/ is either as before or fully updated: every file is
 * first written in full beside its target, then all are renamed into place. Renames within a
 * folder are atomic, so no reader ever sees half a file, and a failure before the renames
 * leaves nothing behind.
 */
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface FileWrite {
  dir: string;
  name: string;
  data: string | Uint8Array;
}

const STAGE_SUFFIX = '.ingest-tmp';

export async function writeAllOrNothing(files: readonly FileWrite[]): Promise<void> {
  const staged: { tmp: string; target: string }[] = [];
  try {
    for (const f of files) {
      await mkdir(f.dir, { recursive: true });
      const tmp = join(f.dir, `.${f.name}.${process.pid}${STAGE_SUFFIX}`);
      await writeFile(tmp, f.data, { flag: 'wx' });
      staged.push({ tmp, target: join(f.dir, f.name) });
    }
  } catch (error) {
    // Only what this run staged is removed: a file in the way belongs to someone else.
    await Promise.allSettled(staged.map((s) => rm(s.tmp, { force: true })));
    throw error;
  }
  for (const s of staged) await rename(s.tmp, s.target);
}

/** Reads every file of a folder whose name ends with one of `exts`; a missing folder is empty. */
export async function readFolder(dir: string, ...exts: string[]): Promise<Map<string, Buffer>> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    throw error;
  }
  const out = new Map<string, Buffer>();
  for (const name of names.filter((n) => exts.some((ext) => n.endsWith(ext)) && !n.startsWith('.')).sort()) {
    out.set(name, await readFile(join(dir, name)));
  }
  return out;
}
