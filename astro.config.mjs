// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { katexAssets } from './src/integrations/katex-assets.ts';
import { securityHeaders } from './src/integrations/security-headers.ts';
import { incrementalDist } from './src/integrations/incremental-dist.ts';
import { markdownProcessor } from './src/lib/render/markdown.ts';
import { cacheDir, outDir } from './src/lib/contract/paths.ts';

// SITE and BASE let the same build serve a domain root or a sub-path (e.g. GitHub Pages).
const site = process.env.SITE ?? 'https://paperboy.example.org';
const base = process.env.BASE ?? '/';

export default defineConfig({
  site,
  base,
  // PAPERBOY_OUT and PAPERBOY_CACHE (with PAPERBOY_CONTENT, read by src/content.config.ts) let a
  // test build a fixture site beside the live one without sharing output or cache.
  outDir: outDir(),
  cacheDir: cacheDir(),
  trailingSlash: 'always',
  // Stylesheets stay files: the Content-Security-Policy allows no inline <style>.
  build: { format: 'directory', inlineStylesheets: 'never' },
  // The offline page (the service worker's answer for what it has not stored) is not content.
  // incrementalDist last: it removes what this build did not write, after every other hook wrote;
  // pagefind/ and sw.js are the search step's (src/cli/search-index.ts), which keeps and prunes them.
  integrations: [
    mdx(),
    sitemap({ filter: (page) => !page.endsWith('/offline/') }),
    katexAssets(),
    securityHeaders(),
    incrementalDist({ keep: ['pagefind', 'sw.js'] }),
  ],
  markdown: { processor: markdownProcessor() },
  devToolbar: { enabled: false },
  // Scripts stay files too: Astro inlines a small component script (the copy button's) below
  // this limit, which the Content-Security-Policy (script-src 'self') would block.
  // The search code is bundled as an ES module of its own (src/scripts/site.ts says why).
  vite: { build: { assetsInlineLimit: 0 }, worker: { format: 'es' } },
  // Paper, digest and topic pages give a cacheKey of everything they show: a rebuild after a new
  // digest renders only the pages that changed, and leaves the others in place in the output
  // folder (src/integrations/incremental-dist.ts).
  experimental: { incrementalBuild: true },
});
