/**
 * Keeps the previous build's output in place, so that an incremental build leaves each unchanged
 * page where it is instead of emptying the output folder and copying ~10,000 pages back from
 * Astro's incremental cache (most of a warm rebuild's page stage at that size). What this build
 * did not produce is removed at its end, so the folder always holds exactly this build's site:
 * - vite.build.emptyOutDir is false: Astro skips a page whose cacheKey and code are unchanged and
 *   whose file is still in the output folder ("cached"), and writes every other file;
 * - at astro:build:start, a marker file is written into the cache folder; a file in the output
 *   folder older than the marker and not one of this build's pages is left over from an earlier
 *   build (a removed page, an old asset) and is deleted at astro:build:done, with the folders it
 *   leaves empty;
 * - a marker that is still there when a build starts means the build before it did not finish:
 *   its output folder may hold half-written files, so it is emptied first, as Astro would.
 * `keep` names what later steps own (the search index, which prunes its own folder): those
 * paths are never removed. This integration must come last in the config, after every
 * integration that writes files in its own astro:build:done.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, rmdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

const MARKER = 'paperboy-build-in-progress';

/** Files under `dir` (absolute paths) and folders, deepest first; the `skip` paths are not entered. */
function walk(dir: string, skip: ReadonlySet<string>): { files: string[]; dirs: string[] } {
  const files: string[] = [];
  const dirs: string[] = [];
  const visit = (at: string): void => {
    for (const e of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, e.name);
      if (skip.has(path)) continue;
      if (e.isDirectory()) {
        dirs.push(path);
        visit(path);
      } else files.push(path);
    }
  };
  visit(dir);
  dirs.sort((a, b) => b.length - a.length);
  return { files, dirs };
}

/**
 * Deletes what an earlier build left in `outDir`: files older than `sinceMs` (mtime) that are
 * not in `keep`, then the folders that are left empty. Returns the paths deleted.
 */
export function removeLeftovers(outDir: string, sinceMs: number, keep: ReadonlySet<string>, owned: readonly string[] = []): string[] {
  if (!existsSync(outDir)) return [];
  const removed: string[] = [];
  const { files, dirs } = walk(outDir, new Set(owned.map((p) => join(outDir, p))));
  for (const file of files) {
    if (keep.has(file)) continue;
    if (statSync(file).mtimeMs >= sinceMs) continue;
    rmSync(file, { force: true });
    removed.push(file);
  }
  for (const dir of dirs) {
    try {
      rmdirSync(dir);
    } catch {
      // Not empty: it holds this build's files.
    }
  }
  return removed;
}

/** `keep`: paths under the output folder (a folder, or a file) that a later step writes and cleans itself. */
export function incrementalDist(options: { keep?: readonly string[] } = {}): AstroIntegration {
  let outDir = '';
  let marker = '';
  let since = 0;
  return {
    name: 'paperboy-incremental-dist',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { build: { emptyOutDir: false } } });
      },
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        marker = join(fileURLToPath(config.cacheDir), MARKER);
      },
      'astro:build:start': ({ logger }) => {
        if (existsSync(marker)) {
          logger.info('the previous build did not finish: emptying the output folder');
          rmSync(outDir, { recursive: true, force: true });
        }
        mkdirSync(join(marker, '..'), { recursive: true });
        writeFileSync(marker, `${process.pid}\n`);
        since = statSync(marker).mtimeMs;
      },
      'astro:build:done': ({ assets, logger }) => {
        const keep = new Set([...assets.values()].flat().map((url) => fileURLToPath(url)));
        const removed = removeLeftovers(outDir, since, keep, options.keep ?? []);
        if (removed.length > 0) {
          const where = new Map<string, number>();
          for (const file of removed) {
            const top = relative(outDir, file).split(sep)[0]!;
            where.set(top, (where.get(top) ?? 0) + 1);
          }
          logger.info(
            `removed ${removed.length} file(s) left by an earlier build (${[...where].map(([top, n]) => `${top}: ${n}`).join(', ')})`,
          );
        }
        rmSync(marker, { force: true });
      },
    },
  };
}
