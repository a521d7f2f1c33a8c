/**
 * The `papers` collection's loader: reads content/papers/*.mdx and renders each body once with
 * the site's Markdown processor (remark-math + rehype-katex), caching by content digest so that
 * an unchanged entry is never parsed or rendered again. The store holds each entry's data; its
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
import { join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { RenderPool } from './render-pool.ts';
import { ensureFolder, pruneRendered, renderedDigests, renderedFile, renderedFolder, writeRendered } from './rendered-cache.ts';
import { KATEX_RENDER_ID } from '../lib/render/katex.ts';
import { InputError } from '../lib/errors.ts';
import { excerptSegments } from '../lib/entry/excerpt.ts';
import { lineOfKey, parseEntryFile, unknownTopics } from '../lib/entry/file.ts';
import { parsePlainMdx } from '../lib/entry/mdx-guard.ts';
import { segmentsOf } from '../lib/entry/read-body.ts';
import { toRich } from '../lib/entry/rich.ts';
import { cacheDir, contentPaths } from '../lib/content/paths.ts';
import { plainText } from '../lib/site/meta.ts';

type RenderedContent = Awaited<ReturnType<LoaderContext['renderMarkdown']>>;

/** From this many entries to render on, worker threads pay for their start-up. */
const POOL_THRESHOLD = 200;

/** Part of every cache key: bump it when what the loader derives from an entry changes. */
const RENDER_VERSION = `paperboy-2 ${KATEX_RENDER_ID}`;

/** An excerpt cut mid-sentence ends with an ellipsis; one of whole sentences needs none. */
function excerptText(segments: Parameters<typeof toRich>[0], cut: boolean): string {
  const text = toRich(segments);
  return cut && !/[.!?]["')\]]?$/.test(text) ? `${text}…` : text;
}

/** `root`: the content root (absolute, or relative to the project); entries are its papers/. */
export function papersLoader(options: { root: string }): Loader {
  return {
    name: 'paperboy-papers',
    load: async ({ store, parseData, renderMarkdown, generateDigest, config, logger }) => {
      const paths = contentPaths(resolve(fileURLToPath(config.root), options.root));
      if (existsSync(paths.journal)) {
        throw new Error(`An ingest was interrupted while writing ${paths.root} (its journal ${paths.journal} remains): run \`npm run ingest -- --repair\` to complete it (any later ingest does so too), then build again.`);
      }
      const dir = pathToFileURL(`${paths.papers}/`);
      const names = existsSync(dir) ? (await readdir(dir)).filter((n) => n.endsWith('.mdx') && !n.startsWith('.')).sort() : [];
      const relBase = relative(fileURLToPath(config.root), paths.papers) || '.';
      const present = new Set<string>();
      // Rendered abstracts live beside the store, one file per entry version (rendered-cache.ts).
      const folder = renderedFolder(fileURLToPath(config.cacheDir));
      if (folder !== renderedFolder(cacheDir())) throw new Error(`the papers loader needs Astro's cacheDir to be cacheDir() of src/lib/content/paths.ts (${cacheDir()}), not ${fileURLToPath(config.cacheDir)}: pages read the rendered abstracts from there`);
      ensureFolder(folder);
      const onDisk = renderedDigests(folder);
      const digests = new Set<string>();
      const changed: { id: string; fileUrl: URL; relPath: string; text: string; digest: string }[] = [];
      for (const name of names) {
        const id = name.slice(0, -'.mdx'.length);
        present.add(id);
        const fileUrl = new URL(name, dir);
        // Blocking reads: a readFile promise per entry costs seconds over 10,000 entries.
        const text = readFileSync(fileUrl, 'utf8');
        const digest = generateDigest(`${RENDER_VERSION}\n${text}`);
        digests.add(digest);
        if (store.get(id)?.digest !== digest || !onDisk.has(digest)) changed.push({ id, fileUrl, relPath: join(relBase, name), text, digest });
      }
      // Many entries to render (a cold build): worker threads; a few (a daily update): in process.
      const pool = changed.length >= POOL_THRESHOLD ? new RenderPool() : undefined;
      const render = async (body: string, fileURL: URL): Promise<RenderedContent> => {
        if (!pool) return renderMarkdown(body, { fileURL });
        const { html, headings } = await pool.render(body);
        return { html, metadata: { headings, imagePaths: [] } } as RenderedContent;
      };
      try {
        const ready = changed.map(async ({ id, fileUrl, relPath, text, digest }) => {
          const entry = parseEntryFile(text, relPath);
          const segments = segmentsOf(parsePlainMdx(entry.body, relPath, entry.bodyLine));
          const { segments: first, cut } = excerptSegments(segments);
          const data = await parseData({
            id,
            filePath: fileURLToPath(fileUrl),
            data: { ...entry.data, excerpt: excerptText(first, cut), abstractText: plainText(toRich(segments)) },
          });
          const rendered = await render(entry.body, fileUrl);
          // A formula KaTeX refuses, or that breaks a limit, is shown as its marked source
          // (src/lib/render/katex.ts): the build goes on, and says where.
          const refused = [...rendered.html.matchAll(/<span class="math-source[^"]*" data-math-error="(\w+)"/g)].map((m) => m[1]);
          if (refused.length > 0) logger.warn(`${relPath}:${entry.bodyLine}: ${refused.length} formula(s) shown as TeX source (${[...new Set(refused)].join(', ')})`);
          writeRendered(renderedFile(folder, digest), { html: rendered.html, body: entry.body });
          return { id, data, digest, filePath: relPath };
        });
        for (const entry of await Promise.all(ready)) store.set(entry);
      } finally {
        await pool?.close();
      }
      for (const id of store.keys()) if (!present.has(id)) store.delete(id);
      pruneRendered(folder, digests);
      // Every entry's topics must be topics of the taxonomy, cached entries too (a topic file may have gone).
      const known = new Set(existsSync(paths.topics) ? (await readdir(paths.topics)).filter((n) => /\.ya?ml$/.test(n)).map((n) => n.replace(/\.ya?ml$/, '')) : []);
      for (const id of store.keys()) {
        const unknown = unknownTopics(store.get(id)?.data['topics'], known);
        if (unknown.length > 0) {
          const relPath = join(relBase, `${id}.mdx`);
          const line = lineOfKey(await readFile(join(paths.papers, `${id}.mdx`), 'utf8'), 'topics');
          throw new InputError(relPath, line, `unknown topic ${unknown.map((t) => `"${t}"`).join(', ')}: the topics are the files of ${relative(fileURLToPath(config.root), paths.topics) || '.'}/ (${[...known].sort().join(', ') || 'none'})`);
        }
      }
      logger.info(`${names.length} papers: ${changed.length} rendered${pool ? ' on worker threads' : ''}, ${names.length - changed.length} cached`);
    },
  };
}
