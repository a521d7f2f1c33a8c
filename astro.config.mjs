// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import { katexAssets } from './src/integrations/katex-assets.ts';
import { securityHeaders } from './src/integrations/security-headers.ts';

// SITE and BASE let the same build serve a domain root or a sub-path (e.g. GitHub Pages).
const site = process.env.SITE ?? 'https://paperboy.example.org';
const base = process.env.BASE ?? '/';

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  // Stylesheets stay files: the Content-Security-Policy allows no inline <style>.
  build: { format: 'directory', inlineStylesheets: 'never' },
  integrations: [mdx(), sitemap(), katexAssets(), securityHeaders()],
  markdown: {
    // Astro 7's default processor (Sätteri) runs no remark/rehype plugins: math needs unified.
    // Abstracts are text: no smart quotes or GFM autolinks may change what the digest said.
    processor: unified({
      remarkPlugins: [remarkMath],
      rehypePlugins: [[rehypeKatex, { output: 'htmlAndMathml', strict: 'ignore' }]],
      gfm: false,
      smartypants: false,
    }),
  },
  devToolbar: { enabled: false },
});
