/**
 * The site's Markdown processor: unified with remark-math and rehype-katex, through
 * @astrojs/markdown-remark (Astro 7's default processor, Sätteri, runs no remark/rehype
 * plugins). Abstracts are text: no smart quotes or GFM autolinks may change what the digest
 * said. astro.config.mjs and the entry renderer's worker threads both use it.
 */
import { unified } from '@astrojs/markdown-remark';
import rehypeKatex from 'rehype-katex';
import remarkMath from 'remark-math';

export function markdownProcessor(): ReturnType<typeof unified> {
  return unified({
    remarkPlugins: [remarkMath],
    rehypePlugins: [[rehypeKatex, { output: 'htmlAndMathml', strict: 'ignore' }]],
    gfm: false,
    smartypants: false,
  });
}
