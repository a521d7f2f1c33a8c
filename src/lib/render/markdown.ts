/**
 * The site's Markdown processor: unified with remark-math, and formulas rendered by rehype-katex
 * between the checks of math-plugins.ts (one set of options and limits: katex.ts), through
 * @astrojs/markdown-remark (Astro 7's default processor, Sätteri, runs no remark/rehype
 * plugins). Abstracts are text: no smart quotes or GFM autolinks may change what the digest
 * said. astro.config.mjs uses it.
 *
 * renderBody renders an entry body with the same steps minus three that do nothing to an entry
 * (the loader, in process and on its worker threads): rehype-raw, which parses the whole tree
 * again with parse5 to read raw HTML, and which an entry never holds (mdx-guard.ts refuses any
 * tag; the ingest escapes `<`); the collection and rewriting of images, which only a local
 * image path would start (an entry's links and images are http(s) URLs). rehype-raw alone was
 * a fifth of preparing an entry, the formulas' KaTeX trees being most of what it parsed. And one
 * step more: the marks of lost math (mark-incomplete.ts), made on the tree before it is written
 * rather than by parsing the written HTML again.
 */
import { rehypeHeadingIds, unified } from '@astrojs/markdown-remark';
import rehypeStringify from 'rehype-stringify';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified as unifiedPipeline } from 'unified';
import { rehypeMarkIncomplete, type IncompleteMarks } from './mark-incomplete.ts';
import { mathPlugins } from './math-plugins.ts';

export function markdownProcessor(): ReturnType<typeof unified> {
  return unified({
    remarkPlugins: [remarkMath],
    rehypePlugins: [...mathPlugins('htmlAndMathml')],
    gfm: false,
    smartypants: false,
  });
}

const [precheck, katex, fallback] = mathPlugins('htmlAndMathml');

const bodyPipeline = unifiedPipeline()
  .use(remarkParse)
  .use(remarkMath)
  // As @astrojs/markdown-remark sets it up.
  .use(remarkRehype, { allowDangerousHtml: true, passThrough: [] })
  .use(...precheck)
  .use(...katex)
  .use(...fallback)
  .use(rehypeMarkIncomplete)
  .use(rehypeHeadingIds)
  .use(rehypeStringify, { allowDangerousHtml: true });

/**
 * An entry body as HTML: what markdownProcessor()'s renderer gives for it (render-pool.test.ts
 * holds them equal), with the lost math of `marks` marked (mark-incomplete.ts) as it renders.
 */
export async function renderBody(body: string, marks?: IncompleteMarks): Promise<string> {
  return String(await bodyPipeline.process({ value: body, data: { astro: { frontmatter: {} }, incompleteMarks: marks } }));
}
