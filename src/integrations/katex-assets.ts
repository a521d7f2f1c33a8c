/**
 * Self-hosts KaTeX's stylesheet and fonts, from the same KaTeX that rendered the markup
 * (rehype-katex's, which renders entry bodies; titles and excerpts use the project's own `katex`,
 * which must be the same one: the build refuses to start otherwise), woff2 only: every browser
 * that runs the site reads woff2. The folder name carries the version, so a KaTeX upgrade never
 * pairs new markup with a stale cached sheet.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile, copyFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import katex from 'katex';

export const KATEX_DIR = `katex/${katex.version}`;
export const KATEX_CSS = `${KATEX_DIR}/katex.min.css`;

const fromRehypeKatex = () => createRequire(createRequire(import.meta.url).resolve('rehype-katex'));

/** KaTeX's dist folder, as rehype-katex resolves it. */
export function katexDist(): string {
  return dirname(fromRehypeKatex().resolve('katex/dist/katex.min.css'));
}

/** The version of the KaTeX rehype-katex renders with. */
export function renderingKatexVersion(): string {
  return (JSON.parse(readFileSync(fromRehypeKatex().resolve('katex/package.json'), 'utf8')) as { version: string }).version;
}

/** Keeps only the woff2 source of each @font-face, and lets text show before fonts arrive. */
export function woff2Only(css: string): string {
  return css
    .replace(/,\s*url\([^)]*\.woff\)\s*format\(["']woff["']\)/g, '')
    .replace(/,\s*url\([^)]*\.ttf\)\s*format\(["']truetype["']\)/g, '')
    .replace(/@font-face\{/g, '@font-face{font-display:swap;');
}

async function emit(outDir: string): Promise<void> {
  const dist = katexDist();
  const target = join(outDir, KATEX_DIR);
  await mkdir(join(target, 'fonts'), { recursive: true });
  await writeFile(join(target, 'katex.min.css'), woff2Only(await readFile(join(dist, 'katex.min.css'), 'utf8')));
  for (const font of (await readdir(join(dist, 'fonts'))).filter((f) => f.endsWith('.woff2'))) {
    await copyFile(join(dist, 'fonts', font), join(target, 'fonts', font));
  }
}

export function katexAssets(): AstroIntegration {
  return {
    name: 'paperboy-katex-assets',
    hooks: {
      'astro:config:setup': () => {
        const rendering = renderingKatexVersion();
        if (rendering !== katex.version) {
          throw new Error(
            `rehype-katex renders with KaTeX ${rendering}, titles and excerpts with KaTeX ${katex.version}: one stylesheet cannot serve both (run \`npm dedupe katex\`, or align the katex dependency with rehype-katex's)`,
          );
        }
      },
      'astro:server:setup': ({ server }) => {
        // In dev, serve the same files straight from KaTeX's package.
        server.middlewares.use(async (req, res, next) => {
          const path = (req.url ?? '').split('?')[0] ?? '';
          const at = path.indexOf(`/${KATEX_DIR}/`);
          if (at < 0) return next();
          const rel = path.slice(at + KATEX_DIR.length + 2);
          if (!/^(katex\.min\.css|fonts\/[\w-]+\.woff2)$/.test(rel)) return next();
          const file = join(katexDist(), rel);
          const body = rel.endsWith('.css') ? woff2Only(await readFile(file, 'utf8')) : await readFile(file);
          res.setHeader('Content-Type', rel.endsWith('.css') ? 'text/css' : 'font/woff2');
          res.end(body);
        });
      },
      'astro:build:done': async ({ dir }) => {
        await emit(fileURLToPath(dir));
      },
    },
  };
}
