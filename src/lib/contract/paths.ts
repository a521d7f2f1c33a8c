/**
 * Where a site's content and build output live. One setting each, read by the ingest, the
 * loader, the build and the tests, so that a fixture site is the same code on another folder:
 * - PAPERBOY_CONTENT: the content root (papers/, digests/, originals/, topics/), default `content`;
 * - PAPERBOY_OUT: the built site, default `dist`;
 * - PAPERBOY_CACHE: Astro's cache (data store, incremental build), default `node_modules/.astro`.
 * Relative values resolve against the working directory of the command that reads them.
 */
import { isAbsolute, join, resolve } from 'node:path';

export const CONTENT_ENV = 'PAPERBOY_CONTENT';
export const OUT_ENV = 'PAPERBOY_OUT';
export const CACHE_ENV = 'PAPERBOY_CACHE';

/** The journal of an ingest in progress, at the top of the content root. */
export const JOURNAL_NAME = '.ingest-journal.json';

/** An entry is papers/<slug>.mdx; its slug is its id in the site's collection. */
export const ENTRY_EXTENSION = '.mdx';

export function entryFileName(slug: string): string {
  return `${slug}${ENTRY_EXTENSION}`;
}

/** The slug of an entry file's name. */
export function entrySlug(name: string): string {
  return name.endsWith(ENTRY_EXTENSION) ? name.slice(0, -ENTRY_EXTENSION.length) : name;
}

/** An entry file, and not a file an ingest is staging beside one (those start with a dot). */
export function isEntryFileName(name: string): boolean {
  return name.endsWith(ENTRY_EXTENSION) && !name.startsWith('.');
}

export interface ContentPaths {
  root: string;
  papers: string;
  digests: string;
  /** The arXiv API's answers with the authors' abstracts (npm run originals), kept for reprocessing. */
  originals: string;
  topics: string;
  journal: string;
}

type Env = Readonly<Record<string, string | undefined>>;

function fromEnv(env: Env, name: string, fallback: string, cwd: string): string {
  const value = env[name];
  const path = value === undefined || value === '' ? fallback : value;
  return isAbsolute(path) ? path : resolve(cwd, path);
}

/** The content root: `explicit` (a command-line option) if given, else PAPERBOY_CONTENT, else `content`. */
export function contentRoot(explicit?: string, env: Env = process.env, cwd: string = process.cwd()): string {
  return explicit === undefined ? fromEnv(env, CONTENT_ENV, 'content', cwd) : resolve(cwd, explicit);
}

export function contentPaths(root: string): ContentPaths {
  const abs = resolve(root);
  return {
    root: abs,
    papers: join(abs, 'papers'),
    digests: join(abs, 'digests'),
    originals: join(abs, 'originals'),
    topics: join(abs, 'topics'),
    journal: join(abs, JOURNAL_NAME),
  };
}

export function outDir(env: Env = process.env, cwd: string = process.cwd()): string {
  return fromEnv(env, OUT_ENV, 'dist', cwd);
}

export function cacheDir(env: Env = process.env, cwd: string = process.cwd()): string {
  return fromEnv(env, CACHE_ENV, 'node_modules/.astro', cwd);
}
