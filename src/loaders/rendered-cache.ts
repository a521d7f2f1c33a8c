/**
 * Where a paper's rendered abstract lives: in a pack file beside Astro's data store, not in it.
 *
 * Why not the data store: Astro keeps the store as one devalue-serialised file and bundles it
 * into the build as one module, so each build parses it, writes it back, bundles, parses and
 * revives it again, whatever changed. At 10,000 papers the rendered HTML and the Markdown bodies
 * were 60 of its 79 MB, and most of those seconds and of the build's memory. Pages read only the
 * abstracts they render: all of them in a cold build, the few that changed in a warm one.
 *
 * Why one pack and not a file per entry: creating 10,000 files cost a cold build 3 s more.
 * `<cacheDir>/paperboy-papers/` holds:
 * - `pack-<n>`: the records ({ html, body } as JSON, one per entry version), back to back;
 * - `index.json`: { version, pack: "pack-<n>", records: { <digest>: [offset, length] } }.
 * A build appends the records of the entries it rendered and rewrites the index (written aside
 * and renamed, so it is always whole); when more than half the pack is records no entry uses
 * any more, it writes a new pack of the live ones, then the index that names it, then deletes
 * the old pack. A crash leaves at worst bytes the index does not mention. An index that names a
 * missing or too short pack is read as empty: every entry is rendered again.
 * An entry's record is found by its digest, in the cache folder of the build (PAPERBOY_CACHE,
 * as astro.config.mjs sets it): the loader writes it, pages and feeds read it.
 */
import {
  closeSync,
  existsSync,
  fstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { cacheDir } from '../lib/contract/paths.ts';

/** Writes records at `offset` of an open pack, noting where each one stands; returns the offset after them. */
function appendRecords(
  fd: number,
  offset: number,
  recs: Iterable<readonly [string, Buffer]>,
  records: Record<string, [number, number]>,
): number {
  let at = offset;
  for (const [digest, buf] of recs) {
    writeAll(fd, buf);
    records[digest] = [at, buf.length];
    at += buf.length;
  }
  return at;
}

export interface RenderedPaper {
  /** The abstract as HTML (KaTeX markup for its formulas). */
  html: string;
  /** The entry's Markdown body, for feeds. */
  body: string;
}

export const RENDERED_DIR = 'paperboy-papers';
const INDEX = 'index.json';
const VERSION = 1;

interface PackIndex {
  version: number;
  pack: string;
  records: Record<string, [offset: number, length: number]>;
}

export function renderedFolder(cache: string): string {
  return join(cache, RENDERED_DIR);
}

/** The folder's index, or undefined when it is missing, of another version, or names a pack that is not whole. */
function readIndex(folder: string): PackIndex | undefined {
  let index: PackIndex;
  try {
    index = JSON.parse(readFileSync(join(folder, INDEX), 'utf8')) as PackIndex;
  } catch {
    return undefined;
  }
  if (index.version !== VERSION || typeof index.pack !== 'string' || !/^pack-\d+$/.test(index.pack)) return undefined;
  let size: number;
  try {
    const fd = openSync(join(folder, index.pack), 'r');
    size = fstatSync(fd).size;
    closeSync(fd);
  } catch {
    return undefined;
  }
  for (const [offset, length] of Object.values(index.records)) if (offset + length > size) return undefined;
  return index;
}

function writeIndex(folder: string, index: PackIndex): void {
  const tmp = join(folder, `${INDEX}.${process.pid}.tmp`);
  writeFileSync(tmp, JSON.stringify(index));
  renameSync(tmp, join(folder, INDEX));
}

function readRecord(fd: number, [offset, length]: [number, number]): Buffer {
  const buf = Buffer.allocUnsafe(length);
  let done = 0;
  while (done < length) {
    const n = readSync(fd, buf, done, length - done, offset + done);
    if (n === 0) throw new Error(`rendered-cache: the pack ends ${length - done} bytes short of a record`);
    done += n;
  }
  return buf;
}

/** The loader's side: which entry versions have a record, and the records of this build. */
export class RenderedPack {
  readonly #folder: string;
  readonly #index: PackIndex | undefined;
  readonly #added = new Map<string, Buffer>();

  constructor(folder: string) {
    this.#folder = folder;
    mkdirSync(folder, { recursive: true });
    this.#index = readIndex(folder);
  }

  has(digest: string): boolean {
    return this.#added.has(digest) || Object.hasOwn(this.#index?.records ?? {}, digest);
  }

  add(digest: string, rendered: RenderedPaper): void {
    this.#added.set(digest, Buffer.from(JSON.stringify(rendered)));
  }

  /** Writes the records added and an index of the `live` entry versions only. */
  commit(live: ReadonlySet<string>): void {
    const old = this.#index;
    const kept = Object.entries(old?.records ?? {}).filter(([digest]) => live.has(digest) && !this.#added.has(digest));
    const added = [...this.#added].filter(([digest]) => live.has(digest));
    if (old !== undefined && added.length === 0 && kept.length === Object.keys(old.records).length) return;
    const keptBytes = kept.reduce((n, [, [, length]]) => n + length, 0);
    const oldPath = old === undefined ? undefined : join(this.#folder, old.pack);
    const packSize = oldPath === undefined ? 0 : fstatSafe(oldPath);
    const records: PackIndex['records'] = {};
    if (old !== undefined && packSize - keptBytes <= keptBytes) {
      // Append: the pack stays mostly live records.
      const fd = openSync(oldPath!, 'a');
      try {
        for (const [digest, range] of kept) records[digest] = range;
        appendRecords(fd, fstatSync(fd).size, added, records);
      } finally {
        closeSync(fd);
      }
      writeIndex(this.#folder, { version: VERSION, pack: old.pack, records });
      return;
    }
    // A new pack of the live records: the old one is mostly records nobody reads any more.
    const generation = old === undefined ? 1 : Number(old.pack.slice('pack-'.length)) + 1;
    const pack = `pack-${generation}`;
    const fd = openSync(join(this.#folder, pack), 'w');
    try {
      let offset = 0;
      const from = kept.length > 0 ? openSync(oldPath!, 'r') : undefined;
      try {
        for (const [digest, range] of kept) {
          offset = appendRecords(fd, offset, [[digest, readRecord(from!, range)]], records);
        }
      } finally {
        if (from !== undefined) closeSync(from);
      }
      appendRecords(fd, offset, added, records);
    } finally {
      closeSync(fd);
    }
    writeIndex(this.#folder, { version: VERSION, pack, records });
    // Older packs (this one's predecessor, or any a crash left) are no longer named by the index.
    for (let n = generation - 1; n >= Math.max(1, generation - 3); n--) {
      try {
        rmSync(join(this.#folder, `pack-${n}`), { force: true });
      } catch {
        // Still open elsewhere (a dev server's pages, on a system that cannot remove open files): a later build removes it.
      }
    }
  }
}

function fstatSafe(path: string): number {
  try {
    const fd = openSync(path, 'r');
    try {
      return fstatSync(fd).size;
    } finally {
      closeSync(fd);
    }
  } catch {
    return 0;
  }
}

function writeAll(fd: number, buf: Buffer): void {
  let done = 0;
  while (done < buf.length) done += writeSync(fd, buf, done, buf.length - done);
}

/** The pages' side: this process's view of the index and an open pack. */
let reader: { folder: string; index: PackIndex; fd: number } | undefined;

function openReader(folder: string): NonNullable<typeof reader> {
  const index = readIndex(folder);
  if (index === undefined)
    throw new Error(`rendered-cache: no readable index in ${folder}: the papers loader writes it during the content sync`);
  if (reader !== undefined) closeSync(reader.fd);
  reader = { folder, index, fd: openSync(join(folder, index.pack), 'r') };
  return reader;
}

/** The rendered abstract of a `papers` entry, by its digest, from this build's cache folder. */
export function renderedOf(entry: { id: string; digest?: string | number | undefined }): RenderedPaper {
  if (entry.digest === undefined) throw new Error(`paper ${entry.id} has no digest: it was not loaded by the papers loader`);
  const digest = String(entry.digest);
  const folder = renderedFolder(cacheDir());
  let r = reader?.folder === folder ? reader : openReader(folder);
  // A record this process has not seen (the loader ran again, as in `astro dev`): read the index again.
  if (!Object.hasOwn(r.index.records, digest)) r = openReader(folder);
  const range = r.index.records[digest];
  if (range === undefined) throw new Error(`rendered-cache: paper ${entry.id} (${digest}) has no rendered abstract in ${folder}`);
  return JSON.parse(readRecord(r.fd, range).toString('utf8')) as RenderedPaper;
}

/** For tests: whether the folder holds a readable index. */
export function hasIndex(folder: string): boolean {
  return existsSync(join(folder, INDEX)) && readIndex(folder) !== undefined;
}
