/**
 * Where a paper's rendered abstract lives: a file per entry version in Astro's cache folder,
 * `<cacheDir>/paperboy-papers/<digest>.json` ({ html, body }), not the data store.
 *
 * Why not the data store: Astro keeps the store as one devalue-serialised file and bundles it
 * into the build as one module, so each build parses it, writes it back, bundles, parses and
 * revives it again, whatever changed. At 10,000 papers the rendered HTML and the Markdown bodies
 * are 60 of its 79 MB and most of those seconds and of the build's memory. Pages read only the
 * abstracts they render: all of them in a cold build, the few that changed in a warm one.
 * An entry's file is found by its digest, in the cache folder of the build (PAPERBOY_CACHE, as
 * astro.config.mjs sets it): the loader writes it, pages and feeds read it.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cacheDir } from '../lib/content/paths.ts';

export interface RenderedPaper {
  /** The abstract as HTML (KaTeX markup for its formulas). */
  html: string;
  /** The entry's Markdown body, for feeds. */
  body: string;
}

export const RENDERED_DIR = 'paperboy-papers';

export function renderedFolder(cacheDir: string): string {
  return join(cacheDir, RENDERED_DIR);
}

export function renderedFile(folder: string, digest: string): string {
  return join(folder, `${digest}.json`);
}

export function writeRendered(file: string, rendered: RenderedPaper): void {
  writeFileSync(file, JSON.stringify(rendered));
}

/** The rendered abstract of a `papers` entry, by its digest, from this build's cache folder. */
export function renderedOf(entry: { id: string; digest?: string | number | undefined }): RenderedPaper {
  if (entry.digest === undefined) throw new Error(`paper ${entry.id} has no digest: it was not loaded by the papers loader`);
  return JSON.parse(readFileSync(renderedFile(renderedFolder(cacheDir()), String(entry.digest)), 'utf8')) as RenderedPaper;
}

/** The digests that have a file in the folder. */
export function renderedDigests(folder: string): Set<string> {
  try {
    return new Set(readdirSync(folder).filter((n) => n.endsWith('.json')).map((n) => n.slice(0, -'.json'.length)));
  } catch {
    return new Set();
  }
}

export function ensureFolder(folder: string): void {
  mkdirSync(folder, { recursive: true });
}

/** Removes the files of entry versions that are gone (edited or deleted entries). */
export function pruneRendered(folder: string, keep: ReadonlySet<string>): number {
  let removed = 0;
  for (const digest of renderedDigests(folder)) {
    if (keep.has(digest)) continue;
    rmSync(renderedFile(folder, digest), { force: true });
    removed++;
  }
  return removed;
}
