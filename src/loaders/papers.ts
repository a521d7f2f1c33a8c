/**
 * The `papers` collection's loader: reads content/papers/*.mdx and prepares each entry once
 * (prepare-entry.ts: frontmatter, MDX guard, excerpt, the body rendered as the site's Markdown
 * processor renders it: renderBody), on worker threads for a cold build, caching by content digest so that an
 * unchanged entry is never parsed or rendered again. The store holds each entry's data; its
 * rendered HTML and body go to a file per entry version beside it (rendered-cache.ts), which
 * keeps Astro's bundled data store small.
 *
 * Why not glob() with @astrojs/mdx: that compiles every entry into a Vite module, which costs
 * minutes and gigabytes at 10,000 entries. Entry bodies are MDX restricted to what Markdown
 * also means (the ingest escapes everything else, mdx-guard refuses the rest), so rendering
 * them as Markdown gives the same page at a fraction of the cost.
 */
import { existsSync, readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { RenderPool, workerBundle } from './render-pool.ts';
import { prepareEntry, type PreparedEntry } from './prepare-entry.ts';
import { RenderedPack, renderedFolder } from './rendered-cache.ts';
import { KATEX_RENDER_ID } from '../lib/render/katex.ts';
import { renderBody } from '../lib/render/markdown.ts';
import { InputError } from '../lib/contract/errors.ts';
import { lineOfKey, unknownTopics } from '../lib/contract/entry-file.ts';
import { cacheDir, contentPaths, entryFileName, entrySlug, isEntryFileName, type ContentPaths } from '../lib/contract/paths.ts';

/** From this many entries to render on, worker threads pay for their start-up. */
const POOL_THRESHOLD = 200;

/** Part of every cache key: bump it when what the loader derives from an entry changes. */
const RENDER_VERSION = `paperboy-4 ${KATEX_RENDER_ID}`;

/** The dev servers' watchers this loader listens to already (load runs again on every change). */
const watching = new WeakSet<object>();

/**
 * In `astro dev`, a change to an entry, a topic file or the journal loads the collection again:
 * only the entries whose content changed are prepared again (the digest cache), and a deleted
 * entry leaves the store. Errors are logged, as Astro's own loaders do, and the server goes on.
 */
function watch(context: LoaderContext, paths: ContentPaths, reload: () => Promise<void>): void {
  const { watcher, logger } = context;
  if (watcher === undefined || watching.has(watcher)) return;
  watching.add(watcher);
  watcher.add([paths.papers, paths.topics]);
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const onChange = (changed: string): void => {
    const path = resolve(changed);
    const relevant =
      (dirname(path) === paths.papers && isEntryFileName(basename(path))) ||
      (dirname(path) === paths.topics && /\.ya?ml$/.test(path)) ||
      path === paths.journal;
    if (!relevant) return;
    // One reload for a burst of changes (an ingest renames many files at once), one at a time.
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(reload).catch((error: unknown) => logger.error(error instanceof Error ? error.message : String(error)));
    }, 100);
  };
  for (const event of ['add', 'change', 'unlink'] as const) watcher.on(event, onChange);
}

/** `root`: the content root (absolute, or relative to the project); entries are its papers/. */
export function papersLoader(options: { root: string }): Loader {
  const load = async (context: LoaderContext): Promise<void> => {
    const { store, parseData, generateDigest, config, logger } = context;
    const paths = contentPaths(resolve(fileURLToPath(config.root), options.root));
    watch(context, paths, () => load(context));
    if (existsSync(paths.journal)) {
      throw new Error(
        `An ingest was interrupted while writing ${paths.root} (its journal ${paths.journal} remains): run \`npm run ingest -- --repair\` to complete it (any later ingest does so too), then build again.`,
      );
    }
    const dir = pathToFileURL(`${paths.papers}/`);
    const names = existsSync(dir) ? (await readdir(dir)).filter(isEntryFileName).sort() : [];
    const relBase = relative(fileURLToPath(config.root), paths.papers) || '.';
    const present = new Set<string>();
    // Rendered abstracts live beside the store, in a pack of records by entry version (rendered-cache.ts).
    const folder = renderedFolder(fileURLToPath(config.cacheDir));
    if (folder !== renderedFolder(cacheDir()))
      throw new Error(
        `the papers loader needs Astro's cacheDir to be cacheDir() of src/lib/contract/paths.ts (${cacheDir()}), not ${fileURLToPath(config.cacheDir)}: pages read the rendered abstracts from there`,
      );
    const pack = new RenderedPack(folder);
    const digests = new Set<string>();
    const changed: { id: string; fileUrl: URL; relPath: string; text: string; digest: string }[] = [];
    for (const name of names) {
      const id = entrySlug(name);
      present.add(id);
      const fileUrl = new URL(name, dir);
      // Blocking reads: a readFile promise per entry costs seconds over 10,000 entries.
      const text = readFileSync(fileUrl, 'utf8');
      const digest = generateDigest(`${RENDER_VERSION}\n${text}`);
      digests.add(digest);
      if (store.get(id)?.digest !== digest || !pack.has(digest)) changed.push({ id, fileUrl, relPath: join(relBase, name), text, digest });
    }
    // Many entries to prepare (a cold build): worker threads; a few (a daily update): in process.
    const pool = changed.length >= POOL_THRESHOLD ? new RenderPool({ workerFile: await workerBundle() }) : undefined;
    const prepare = (text: string, relPath: string): Promise<PreparedEntry> =>
      pool ? pool.prepare(text, relPath) : prepareEntry(text, relPath, renderBody);
    try {
      const ready = changed.map(async ({ id, fileUrl, relPath, text, digest }) => {
        const entry = await prepare(text, relPath);
        if (entry.refused.length > 0)
          logger.warn(
            `${relPath}:${entry.bodyLine}: ${entry.refused.length} formula(s) shown as TeX source (${[...new Set(entry.refused)].join(', ')})`,
          );
        const data = await parseData({ id, filePath: fileURLToPath(fileUrl), data: entry.data });
        pack.add(digest, { html: entry.html, body: entry.body });
        return { id, data, digest, filePath: relPath };
      });
      // The first broken entry in file order is the one reported, whichever worker finished first.
      const settled = await Promise.allSettled(ready);
      const failed = settled.find((r) => r.status === 'rejected');
      if (failed) throw failed.reason;
      for (const r of settled) if (r.status === 'fulfilled') store.set(r.value);
    } finally {
      await pool?.close();
    }
    for (const id of store.keys()) if (!present.has(id)) store.delete(id);
    pack.commit(digests);
    // Every entry's topics must be topics of the taxonomy, cached entries too (a topic file may have gone).
    const known = new Set(
      existsSync(paths.topics) ? (await readdir(paths.topics)).filter((n) => /\.ya?ml$/.test(n)).map((n) => n.replace(/\.ya?ml$/, '')) : [],
    );
    for (const id of store.keys()) {
      const unknown = unknownTopics(store.get(id)?.data['topics'], known);
      if (unknown.length > 0) {
        const relPath = join(relBase, entryFileName(id));
        const line = lineOfKey(await readFile(join(paths.papers, entryFileName(id)), 'utf8'), 'topics');
        throw new InputError(
          relPath,
          line,
          `unknown topic ${unknown.map((t) => `"${t}"`).join(', ')}: the topics are the files of ${relative(fileURLToPath(config.root), paths.topics) || '.'}/ (${[...known].sort().join(', ') || 'none'})`,
        );
      }
    }
    logger.info(
      `${names.length} papers: ${changed.length} rendered${pool ? ' on worker threads' : ''}, ${names.length - changed.length} cached`,
    );
  };
  return { name: 'paperboy-papers', load };
}
