/**
 * The site's Markdown processor: unified with remark-math, and formulas rendered by rehype-katex
 * between the checks of math-plugins.ts (one set of options and limits: katex.ts), through
 * @astrojs/markdown-remark (Astro 7's default processor, Sätteri, runs no remark/rehype
 * plugins). Abstracts are text: no smart quotes or GFM autolinks may change what the digest
 * said. astro.config.mjs and the entry renderer's worker threads both use it.
 */
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import { mathPlugins } from './math-plugins.ts';

export function markdownProcessor(): ReturnType<typeof unified> {
  return unified({
    remarkPlugins: [remarkMath],
    rehypePlugins: [...mathPlugins('htmlAndMathml')],
    gfm: false,
    smartypants: false,
  });
}
