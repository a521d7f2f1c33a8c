/**
 * Which files of a Pagefind output folder (one month's bucket, buckets.ts) its current index uses, read from the index itself:
 * pagefind-entry.json names each language's pagefind.<hash>.pf_meta, and that file (gzip,
 * Pagefind's "pagefind_dcd" marker, then CBOR) lists the fragment of every page, the word-index
 * chunks and the filter files, by the hashes in their names.
 *
 * Why: Pagefind never deletes, and it skips writing a hashed file whose name is already there
 * (the name is a hash of the content). The search step keeps the previous build's fragments so
 * that Pagefind compresses and writes only those of changed pages (keepFragments), then removes
 * what the new index does not use; in a month written again that is ~1,500 files not deleted,
 * then compressed and created again. What each month's folder held is recorded (IndexManifest),
 * so that a build keeps the months whose pages did not change as they are.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

const MARKER = 'pagefind_dcd';

type Cbor = number | bigint | string | Uint8Array | boolean | null | undefined | Cbor[] | Map<Cbor, Cbor>;

/** A CBOR decoder for what Pagefind writes (RFC 8949 major types 0-7, definite and indefinite lengths). */
export function decodeCbor(bytes: Uint8Array): Cbor {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;
  const need = (n: number): void => {
    if (at + n > bytes.length) throw new Error('CBOR: unexpected end of data');
  };
  const argument = (info: number): number | bigint => {
    if (info < 24) return info;
    if (info === 24) return (need(1), bytes[at++]!);
    if (info === 25) return (need(2), (at += 2), view.getUint16(at - 2));
    if (info === 26) return (need(4), (at += 4), view.getUint32(at - 4));
    if (info === 27) {
      need(8);
      const big = view.getBigUint64(at);
      at += 8;
      return big <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : big;
    }
    throw new Error(`CBOR: reserved additional information ${info}`);
  };
  const BREAK = Symbol('break');
  const item = (): Cbor | typeof BREAK => {
    need(1);
    const initial = bytes[at++]!;
    const major = initial >> 5;
    const info = initial & 31;
    if (info === 31) {
      if (major === 7) return BREAK;
      if (major === 2 || major === 3) {
        const parts: Uint8Array[] = [];
        for (let part = item(); part !== BREAK; part = item())
          parts.push(typeof part === 'string' ? new TextEncoder().encode(part) : (part as Uint8Array));
        const joined = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
        let o = 0;
        for (const p of parts) {
          joined.set(p, o);
          o += p.length;
        }
        return major === 3 ? new TextDecoder().decode(joined) : joined;
      }
      if (major === 4) {
        const list: Cbor[] = [];
        for (let x = item(); x !== BREAK; x = item()) list.push(x);
        return list;
      }
      if (major === 5) {
        const map = new Map<Cbor, Cbor>();
        for (let k = item(); k !== BREAK; k = item()) map.set(k, value());
        return map;
      }
      throw new Error(`CBOR: indefinite length for major type ${major}`);
    }
    if (major === 7) {
      if (info === 20) return false;
      if (info === 21) return true;
      if (info === 22) return null;
      if (info === 23) return undefined;
      if (info === 25) return (need(2), (at += 2), halfFloat(view.getUint16(at - 2)));
      if (info === 26) return (need(4), (at += 4), view.getFloat32(at - 4));
      if (info === 27) return (need(8), (at += 8), view.getFloat64(at - 8));
      return info < 24 ? info : Number(argument(info));
    }
    const arg = argument(info);
    if (major === 0) return arg;
    if (major === 1) return typeof arg === 'bigint' ? -1n - arg : -1 - arg;
    const n = Number(arg);
    if (major === 2 || major === 3) {
      need(n);
      const slice = bytes.subarray(at, at + n);
      at += n;
      return major === 3 ? new TextDecoder().decode(slice) : slice;
    }
    if (major === 4) return Array.from({ length: n }, () => value());
    if (major === 5) {
      const map = new Map<Cbor, Cbor>();
      for (let i = 0; i < n; i++) map.set(value(), value());
      return map;
    }
    // Major type 6: a tag, then the tagged item.
    return value();
  };
  const value = (): Cbor => {
    const x = item();
    if (x === BREAK) throw new Error('CBOR: unexpected break');
    return x;
  };
  const result = value();
  if (at !== bytes.length) throw new Error(`CBOR: ${bytes.length - at} bytes after the value`);
  return result;
}

function halfFloat(h: number): number {
  const exp = (h >> 10) & 31;
  const frac = h & 1023;
  const sign = h & 32768 ? -1 : 1;
  if (exp === 0) return sign * 2 ** -14 * (frac / 1024);
  if (exp === 31) return frac ? NaN : sign * Infinity;
  return sign * 2 ** (exp - 15) * (1 + frac / 1024);
}

/** A Pagefind data file's payload: gunzipped, without its marker. */
export function pagefindPayload(file: string): Buffer {
  const data = gunzipSync(readFileSync(file));
  if (data.subarray(0, MARKER.length).toString('latin1') !== MARKER) throw new Error(`${file}: not a Pagefind data file`);
  return data.subarray(MARKER.length);
}

/** The URL of the page a fragment file holds. */
export function fragmentUrl(file: string): string {
  const url = (JSON.parse(pagefindPayload(file).toString('utf8')) as { url?: unknown }).url;
  if (typeof url !== 'string') throw new Error(`${file}: a fragment without a URL`);
  return url;
}

export interface IndexFiles {
  /** Relative paths of the hashed files the index uses: pf_meta, fragments, index chunks, filters. */
  used: Set<string>;
  /** The fragment hashes, in page order. */
  fragments: string[];
}

const text = (x: Cbor, what: string): string => {
  if (typeof x !== 'string' || !/^[\w-]+$/.test(x)) throw new Error(`Pagefind metadata: ${what} is not a file hash`);
  return x;
};

/** The hashed files the index in `dir` (a Pagefind output folder) uses, every one of them checked to be there. */
export function indexFiles(dir: string): IndexFiles {
  const entry = JSON.parse(readFileSync(join(dir, 'pagefind-entry.json'), 'utf8')) as {
    languages?: Record<string, { hash?: unknown; page_count?: unknown }>;
  };
  const used = new Set<string>();
  const fragments: string[] = [];
  for (const [language, { hash, page_count: pageCount }] of Object.entries(entry.languages ?? {})) {
    const before = fragments.length;
    const meta = `pagefind.${text(hash as Cbor, `the ${language} metadata`)}.pf_meta`;
    used.add(meta);
    // MetaIndex: [version, pages [[hash, word count, ...]], index chunks [[from, to, hash]], filters [[name, hash]], sorts, meta fields].
    const index = decodeCbor(pagefindPayload(join(dir, meta)));
    if (!Array.isArray(index) || !Array.isArray(index[1]) || !Array.isArray(index[2]) || !Array.isArray(index[3]))
      throw new Error(`${meta}: not the metadata layout this code reads`);
    for (const page of index[1]) {
      const h = text((page as Cbor[])[0], 'a page');
      fragments.push(h);
      used.add(`fragment/${h}.pf_fragment`);
    }
    // Pagefind's own count of the language's pages: a layout read wrongly would not match it.
    if (typeof pageCount === 'number' && pageCount !== fragments.length - before)
      throw new Error(`${meta}: ${fragments.length - before} pages read, the entry file says ${pageCount}`);
    for (const chunk of index[2]) used.add(`index/${text((chunk as Cbor[])[2], 'an index chunk')}.pf_index`);
    for (const filter of index[3]) used.add(`filter/${text((filter as Cbor[])[1], 'a filter')}.pf_filter`);
  }
  if (fragments.length === 0) throw new Error(`${dir}: the index has no pages`);
  const missing = [...used].filter((f) => !existsSync(join(dir, f)));
  if (missing.length > 0)
    throw new Error(`${dir}: the index uses ${missing.length} file(s) that are not there (${missing.slice(0, 3).join(', ')})`);
  return { used, fragments };
}

/** The hashed files of an output folder (relative paths), whether the index uses them or not. */
export function hashedFiles(dir: string): string[] {
  const out: string[] = [];
  for (const sub of ['fragment', 'index', 'filter']) {
    if (existsSync(join(dir, sub))) for (const name of readdirSync(join(dir, sub))) out.push(`${sub}/${name}`);
  }
  if (existsSync(dir)) for (const name of readdirSync(dir)) if (name.endsWith('.pf_meta')) out.push(name);
  return out;
}

/**
 * What the previous run left in each bucket's folder (src/lib/site/search/buckets.ts), kept in
 * the cache folder: per bucket, what was indexed for each of its pages (url → input hash), and
 * each fragment's page with the hash of what was indexed for it. A bucket whose pages are the
 * same is kept as it is; in one that is written again, a fragment file is reused only when it
 * is the one of a page indexed from the same markup now: a short hash that happens to equal the
 * name of an old fragment of another page (Pagefind's names are 7 hex digits) is caught, and written.
 */
export interface BucketRecord {
  inputs: Record<string, string>;
  fragments: Record<string, [url: string, input: string]>;
}

export interface IndexManifest {
  version: 2;
  outDir: string;
  /** What else decides the index's bytes (Pagefind's version, its settings): another recipe, every bucket is written again. */
  recipe: string;
  buckets: Record<string, BucketRecord>;
}

export function readManifest(file: string, outDir: string, recipe: string): IndexManifest | undefined {
  try {
    const m = JSON.parse(readFileSync(file, 'utf8')) as IndexManifest;
    return m.version === 2 && m.outDir === outDir && m.recipe === recipe && typeof m.buckets === 'object' && m.buckets !== null
      ? m
      : undefined;
  } catch {
    return undefined;
  }
}

export function writeManifest(file: string, manifest: IndexManifest): void {
  writeFileSync(file, JSON.stringify(manifest));
}

/** A hash of what was indexed for a page. */
export const inputHash = (html: string): string => createHash('sha256').update(html).digest('base64url').slice(0, 22);

/** Whether the Pagefind folder `dir` holds a whole index this code can read. */
export function intact(dir: string): boolean {
  try {
    indexFiles(dir);
    return true;
  } catch {
    return false;
  }
}

interface EntryFile {
  languages?: Record<string, { hash?: unknown; wasm?: unknown; page_count?: unknown }>;
}

/** The one language of a bucket's entry file (the search step forces one): its metadata hash and WebAssembly name. */
export function entryOf(dir: string): { meta: string; wasm: string; pages: number } {
  const entry = JSON.parse(readFileSync(join(dir, 'pagefind-entry.json'), 'utf8')) as EntryFile;
  const languages = Object.values(entry.languages ?? {});
  const lang = languages[0];
  if (languages.length !== 1 || !lang) throw new Error(`${dir}: an index of ${languages.length} languages, not one`);
  return {
    meta: text(lang.hash as Cbor, 'the metadata'),
    wasm: typeof lang.wasm === 'string' ? text(lang.wasm, 'the WebAssembly') : 'unknown',
    pages: typeof lang.page_count === 'number' ? lang.page_count : 0,
  };
}

/**
 * Removes what Pagefind writes into its folder beside the index and the browser never asks of a
 * bucket: its UIs, its worker, its script (the search step keeps one copy, in pagefind/), the
 * WebAssembly of other languages. What is left is the entry file, the files the index uses and
 * its language's WebAssembly.
 */
export function pruneBucket(dir: string): void {
  const { used } = indexFiles(dir);
  const keep = new Set(['pagefind-entry.json', `wasm.${entryOf(dir).wasm}.pagefind`, ...used]);
  for (const e of readdirSync(dir, { withFileTypes: true }))
    if (e.isFile() && !keep.has(e.name)) rmSync(join(dir, e.name), { force: true });
}

/**
 * Writes the index with `write`, keeping the previous fragments that are still right, and leaves
 * `dir` holding exactly the hashed files the new index uses. Returns how many fragments were
 * kept and the bucket's new record, or no record when the index cannot be read (then it is
 * written whole, as Pagefind alone would, and the next build writes it again).
 */
export async function keepFragments(
  dir: string,
  previous: BucketRecord['fragments'] | undefined,
  inputs: ReadonlyMap<string, string>,
  write: () => Promise<void>,
): Promise<{ reused: number; record: BucketRecord | undefined }> {
  // Without a record of the fragments there, none of them can be trusted.
  if (previous === undefined) rmSync(dir, { recursive: true, force: true });
  // The metadata, word-index chunks and filters change with almost any page: written anew.
  for (const f of hashedFiles(dir)) if (!f.startsWith('fragment/')) rmSync(join(dir, f), { force: true });
  const before = new Set(hashedFiles(dir));
  await write();
  let used: IndexFiles;
  try {
    used = indexFiles(dir);
  } catch (error) {
    // An index this code cannot read (another Pagefind version, say): nothing can be kept or
    // pruned safely, so the folder is written whole, and no record says otherwise.
    console.warn(`[paperboy-pagefind] ${(error as Error).message}: writing the whole index`);
    rmSync(dir, { recursive: true, force: true });
    await write();
    return { reused: 0, record: undefined };
  }
  const trusted = (f: string): boolean => {
    const m = previous?.[f];
    return m !== undefined && inputs.get(m[0]) === m[1];
  };
  const wrong = used.fragments.map((h) => `fragment/${h}.pf_fragment`).filter((f) => before.has(f) && !trusted(f));
  if (wrong.length > 0) {
    // An old file under a new fragment's name: remove it and write again, so that Pagefind writes it.
    for (const f of wrong) rmSync(join(dir, f), { force: true });
    await write();
    used = indexFiles(dir);
  }
  for (const f of hashedFiles(dir)) if (!used.used.has(f)) rmSync(join(dir, f), { force: true });
  const fragments: BucketRecord['fragments'] = {};
  let reused = 0;
  for (const h of used.fragments) {
    const f = `fragment/${h}.pf_fragment`;
    if (before.has(f) && !wrong.includes(f)) {
      fragments[f] = previous![f]!;
      reused++;
    } else {
      const url = fragmentUrl(join(dir, f));
      fragments[f] = [url, inputs.get(url) ?? ''];
    }
  }
  return { reused, record: { inputs: Object.fromEntries(inputs), fragments } };
}
