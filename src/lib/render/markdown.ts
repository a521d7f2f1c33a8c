/**
 * The site's Markdown processor: unified with remark-math, and formulas rendered by KaTeX
 * through rehypeMath (one set of options and limits: katex.ts), through
 * @astrojs/markdown-remark (Astro 7's default processor, Sätteri, runs no remark/rehype
 * plugins). Abstracts are text: no smart quotes or GFM autolinks may change what the digest
 * said. astro.config.mjs and the entry renderer's worker threads both use it.
 */
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import { rehypeMath } from './rehype-math.ts';

export function markdownProcessor(): ReturnType<typeof unified> {
  return unified({
    remarkPlugins: [remarkMath],
    rehypePlugins: [[rehypeMath, { output: 'htmlAndMathml' }]],
    gfm: false,
    smartypants: false,
  });
}
