/**
 * The entries of a content root as a daily ingest needs them: every name, the keys of every
 * entry (source title, arXiv id), and the text of the few it merges into. Reading 10,000 entry
 * files to find 50 was a fifth of an ingest, so:
 * - a LazyFolder lists a folder's files and reads each one only when asked for it;
 * - an EntryKeyIndex keeps the keys of every entry in a cache file (under the build's cache
 *   folder, PAPERBOY_CACHE: never in the content root), checked per file against its size,
 *   times and inode; a file that changed (a hand edit, the last ingest's writes) is read again.
 * A missing, unreadable or foreign cache is only slower: every entry is read, as before.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEntryFile, readEntryKeys, type EntryKeys } from '../contract/entry-file.ts';
import { cacheDir } from '../contract/paths.ts';

/** A folder's files whose names end with one of the extensions (staging files, starting with a dot, left out), read on demand. */
export class LazyFolder<T> implements ReadonlyMap<string, T> {
  readonly #dir: string;
  readonly #names: string[];
  readonly #read: (bytes: Buffer) => T;
  readonly #loaded = new Map<string, T>();

  constructor(dir: string, exts: readonly string[], read: (bytes: Buffer) => T) {
    this.#dir = dir;
    this.#read = read;
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      names = [];
    }
    this.#names = names.filter((n) => exts.some((ext) => n.endsWith(ext)) && !n.startsWith('.')).sort();
  }

  get dir(): string {
    return this.#dir;
  }

  get size(): number {
    return this.#names.length;
  }

  has(name: string): boolean {
    return this.#names.includes(name);
  }

  get(name: string): T | undefined {
    const loaded = this.#loaded.get(name);
    if (loaded !== undefined || !this.has(name)) return loaded;
    // Blocking reads, as readFolder's: nothing else for the process to do meanwhile.
    const value = this.#read(readFileSync(join(this.#dir, name)));
    this.#loaded.set(name, value);
    return value;
  }

  keys(): MapIterator<string> {
    return this.#names[Symbol.iterator]();
  }

  *entries(): MapIterator<[string, T]> {
    for (const name of this.#names) yield [name, this.get(name)!];
  }

  *values(): MapIterator<T> {
    for (const name of this.#names) yield this.get(name)!;
  }

  [Symbol.iterator](): MapIterator<[string, T]> {
    return this.entries();
  }

  forEach(callback: (value: T, key: string, map: ReadonlyMap<string, T>) => void): void {
    for (const [name, value] of this) callback(value, name, this);
  }
}

const INDEX_VERSION = 1;

/** What identifies a file's version without reading it: size, modification and change times, inode. */
type Stamp = [size: number, mtimeMs: number, ctimeMs: number, ino: number];

interface IndexFile {
  version: number;
  root: string;
  entries: Record<string, [...Stamp, sourceTitle: unknown, arxivId: unknown]>;
}

/** The cache file of a content root's entry keys. */
export function keyIndexPath(papersDir: string, cache: string = cacheDir()): string {
  return join(cache, 'paperboy-ingest', `keys-${createHash('sha256').update(papersDir).digest('hex').slice(0, 16)}.json`);
}

export class EntryKeyIndex {
  readonly #entries: LazyFolder<string>;
  readonly #path: string;
  readonly #cached: IndexFile['entries'];
  readonly #next: IndexFile['entries'] = {};
  #changed = false;

  constructor(entries: LazyFolder<string>, path: string = keyIndexPath(entries.dir)) {
    this.#entries = entries;
    this.#path = path;
    this.#cached = {};
    try {
      const file = JSON.parse(readFileSync(path, 'utf8')) as IndexFile;
      if (file.version === INDEX_VERSION && file.root === entries.dir && typeof file.entries === 'object') this.#cached = file.entries;
    } catch {
      // No index yet, or one that cannot be read: every entry is read.
    }
  }

  /** The keys of an entry: from the index when the file is the version indexed, else read from it. */
  keysOf(name: string): EntryKeys {
    const stat = statSync(join(this.#entries.dir, name));
    const stamp: Stamp = [stat.size, stat.mtimeMs, stat.ctimeMs, stat.ino];
    const hit = this.#cached[name];
    if (hit !== undefined && stamp.every((v, i) => hit[i] === v)) {
      this.#next[name] = hit;
      return { sourceTitle: hit[4], arxivId: hit[5] };
    }
    const text = this.#entries.get(name)!;
    const keys = readEntryKeys(text, () => parseEntryFile(text, name));
    this.#next[name] = [...stamp, keys.sourceTitle, keys.arxivId ?? null];
    this.#changed = true;
    return keys;
  }

  /** Writes the index of the entries looked up, if any changed (whole, by rename); a failure costs only speed. */
  save(): void {
    if (!this.#changed && Object.keys(this.#next).length === Object.keys(this.#cached).length) return;
    try {
      mkdirSync(join(this.#path, '..'), { recursive: true });
      const tmp = `${this.#path}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify({ version: INDEX_VERSION, root: this.#entries.dir, entries: this.#next } satisfies IndexFile));
      renameSync(tmp, this.#path);
    } catch {
      // A read-only cache folder: the next ingest reads the entries again.
    }
  }
}
