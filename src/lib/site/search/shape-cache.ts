/**
 * The search step's memory of shaped pages (math.ts's indexablePage is ~3 ms a page, ~30 s at
 * 10,000 papers): what the shaping made of each page's indexed part, by a hash of that part,
 * kept in the build cache folder between builds, so that a warm build shapes only the pages
 * that changed. The cache is tied to the shaping code (codeId): a change to math.ts or any
 * module it imports, to the installed packages (the lock file) or to Node's Unicode tables
 * makes every entry stale. A missing, unreadable or stale file is an empty cache, never an
 * error; each run writes back only the pages it indexed, so the file does not grow with old pages.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Shaped {
  html: string;
  /** The page's search forms, each once (what VocabularyCounter counts). */
  words: string[];
}

interface CacheFile {
  version: 1;
  code: string;
  pages: [key: string, html: string, words: string[]][];
}

/** Relative module specifiers a source file imports or re-exports (static and dynamic). */
const RELATIVE_IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g;

/** The nearest folder at or above `dir` holding `name`, or undefined. */
function findUp(dir: string, name: string): string | undefined {
  for (let at = dir; ; at = dirname(at)) {
    if (existsSync(join(at, name))) return join(at, name);
    if (dirname(at) === at) return undefined;
  }
}

/**
 * A hash of the code that shapes pages: the source of `entry` and of every module it reaches
 * by relative imports, the project's lock file (the packages they use, and theirs), and the
 * Unicode version of this Node (case folding and normalisation).
 */
export function codeId(entry: string | URL): string {
  const hash = createHash('sha256');
  const seen = new Set<string>();
  const start = typeof entry === 'string' ? entry : fileURLToPath(entry);
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    // Named relative to the entry, so that a copy of the project elsewhere has the same id.
    const name = relative(dirname(start), file);
    const source = existsSync(file) ? readFileSync(file, 'utf8') : '(missing)';
    hash.update(`${name.length}:${name}${source.length}:`).update(source);
    if (existsSync(file)) for (const m of source.matchAll(RELATIVE_IMPORT)) visit(resolve(dirname(file), m[1]!));
  };
  visit(start);
  const lock = findUp(dirname(start), 'package-lock.json');
  hash.update(lock ? readFileSync(lock) : 'no lock file');
  hash.update(`unicode ${process.versions.unicode ?? ''} icu ${process.versions.icu ?? ''}`);
  return hash.digest('base64url').slice(0, 22);
}

/** The key of a page's indexed part. */
export const shapeKey = (part: string): string => createHash('sha256').update(part).digest('base64url').slice(0, 22);

export class ShapeCache {
  readonly #known: Map<string, Shaped>;
  readonly #used = new Map<string, Shaped>();
  readonly #code: string;
  hits = 0;
  misses = 0;

  private constructor(code: string, known: Map<string, Shaped>) {
    this.#code = code;
    this.#known = known;
  }

  /** The cache in `file` if it was written by the same shaping code, else an empty one. */
  static load(file: string, code: string): ShapeCache {
    const known = new Map<string, Shaped>();
    try {
      const data = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
      if (data.version === 1 && data.code === code && Array.isArray(data.pages)) {
        for (const page of data.pages) {
          const [key, html, words] = page;
          if (typeof key === 'string' && typeof html === 'string' && Array.isArray(words)) known.set(key, { html, words });
        }
      }
    } catch {
      // No cache, or not one this code can read: every page is shaped.
    }
    return new ShapeCache(code, known);
  }

  /** What was shaped for the part of this key, if known; a hit is kept for the next run. */
  get(key: string): Shaped | undefined {
    const found = this.#used.get(key) ?? this.#known.get(key);
    if (found === undefined) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    this.#used.set(key, found);
    return found;
  }

  set(key: string, shaped: Shaped): void {
    this.#used.set(key, { html: shaped.html, words: [...new Set(shaped.words)] });
  }

  /** Writes the pages of this run (a temporary file renamed over the old one: never half a file). */
  save(file: string): void {
    const data: CacheFile = { version: 1, code: this.#code, pages: [...this.#used].map(([k, s]) => [k, s.html, s.words]) };
    const temp = `${file}.${process.pid}.tmp`;
    try {
      writeFileSync(temp, JSON.stringify(data));
      renameSync(temp, file);
    } catch (error) {
      rmSync(temp, { force: true });
      throw error;
    }
  }
}
