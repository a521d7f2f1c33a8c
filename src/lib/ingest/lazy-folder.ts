/**
 * A folder of the content root as a daily ingest needs it: every name, and the contents of
 * the few files it asks for. The archived digests (18 MB at 10,000 papers) are compared only
 * with the digests of the same date; the entries' texts are read as the plan reads them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A folder's files whose names end with one of the extensions (staging files, starting with a dot, left out), read on demand. */
export class LazyFolder<T> implements ReadonlyMap<string, T> {
  readonly #dir: string;
  readonly #names: string[];
  readonly #known: Set<string>;
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
    this.#known = new Set(this.#names);
  }

  get dir(): string {
    return this.#dir;
  }

  get size(): number {
    return this.#names.length;
  }

  has(name: string): boolean {
    return this.#known.has(name);
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
