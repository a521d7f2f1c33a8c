/**
 * The yardstick: the plainest Astro project that builds the same entries the same way — MDX
 * through @astrojs/mdx with the unified processor (remark-math + rehype-katex, as the site's
 * astro.config.mjs sets it), a glob() collection over the entry files, one page per entry
 * rendered with render(). No package.json: it uses the repository's packages through links.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const BASELINE_FILES: Readonly<Record<string, string>> = {
  'astro.config.mjs': `import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';

export default defineConfig({
  integrations: [mdx()],
  markdown: {
    processor: unified({
      remarkPlugins: [remarkMath],
      rehypePlugins: [[rehypeKatex, { output: 'htmlAndMathml', strict: 'ignore' }]],
      gfm: false,
      smartypants: false,
    }),
  },
});
`,
  'src/content.config.ts': `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

export const collections = {
  papers: defineCollection({ loader: glob({ pattern: '**/*.mdx', base: './content/papers' }) }),
};
`,
  'src/pages/[slug].astro': `---
import { getCollection, render } from 'astro:content';

export async function getStaticPaths() {
  const papers = await getCollection('papers');
  return papers.map((paper) => ({ params: { slug: paper.id }, props: { paper } }));
}
const { paper } = Astro.props;
const { Content } = await render(paper);
---
<html lang="en">
  <head><meta charset="utf-8" /><title>{String(paper.data.title)}</title></head>
  <body><Content /></body>
</html>
`,
};

/** Writes the bare project's own files into `dir` (entries and node_modules are the caller's). */
export async function writeBaseline(dir: string): Promise<void> {
  for (const [path, text] of Object.entries(BASELINE_FILES)) {
    await mkdir(join(dir, path, '..'), { recursive: true });
    await writeFile(join(dir, path), text);
  }
}
