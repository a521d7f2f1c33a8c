/**
 * What a page costs a reader on first visit, read from the built files: its HTML, the
 * stylesheets and scripts it references, and, when the page shows math, the woff2 fonts that
 * KaTeX's stylesheet references (every one of them: an upper bound, as a browser fetches only
 * the faces the page uses). Pure helpers plus one function that reads dist/.
 */
import { readFile, stat } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { decodeEntities } from '../src/lib/text/entities.ts';

export interface PageRefs {
  stylesheets: string[];
  scripts: string[];
  /** Bytes of inline <script> bodies (JSON-LD and other non-JS types excluded). */
  inlineScriptBytes: number;
  /** Whether the page holds KaTeX output. */
  math: boolean;
}

const attr = (tag: string, name: string): string | undefined => {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return m ? decodeEntities(m[1] ?? m[2] ?? m[3] ?? '') : undefined;
};

const JS_TYPES = new Set(['', 'module', 'text/javascript', 'application/javascript']);

/** The stylesheets and scripts an HTML page references, in document order. */
export function pageRefs(html: string): PageRefs {
  const stylesheets: string[] = [];
  const scripts: string[] = [];
  let inlineScriptBytes = 0;
  for (const m of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = (attr(m[0], 'rel') ?? '').toLowerCase().split(/\s+/);
    const href = attr(m[0], 'href');
    if (rel.includes('stylesheet') && href) stylesheets.push(href);
  }
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const open = `<script ${m[1] ?? ''}>`;
    const type = (attr(open, 'type') ?? '').toLowerCase();
    if (!JS_TYPES.has(type)) continue;
    const src = attr(open, 'src');
    if (src) scripts.push(src);
    else inlineScriptBytes += Buffer.byteLength(m[2] ?? '');
  }
  return { stylesheets, scripts, inlineScriptBytes, math: /class="katex"/.test(html) };
}

/** The woff2 files a stylesheet references, as written in it. */
export function woff2Urls(css: string): string[] {
  const out = new Set<string>();
  for (const m of css.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)/g)) {
    const url = m[1] ?? m[2] ?? m[3] ?? '';
    if (/\.woff2(\?|#|$)/i.test(url)) out.add(url);
  }
  return [...out];
}

/**
 * The path under dist/ that a URL in a page (or stylesheet) at `fromPath` points to; undefined
 * for other origins and data: URLs. `fromPath` is the document's URL path, e.g. /papers/x/.
 */
export function distPath(url: string, fromPath: string, base = '/'): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) && !/^https?:\/\/(127\.0\.0\.1|localhost)[:/]/i.test(url)) return undefined;
  if (url.startsWith('//')) return undefined;
  const clean = url.replace(/[?#].*$/, '');
  const absolute = clean.startsWith('/') ? clean : posix.join(fromPath.endsWith('/') ? fromPath : posix.dirname(fromPath), clean);
  const normal = posix.normalize(absolute);
  const b = base.replace(/\/?$/, '/');
  if (!normal.startsWith(b)) return undefined;
  const rel = normal.slice(b.length);
  return rel === '' || rel.endsWith('/') ? `${rel}index.html` : rel;
}

export interface PageWeight {
  page: string;
  html: number;
  css: number;
  js: number;
  /** Inline script bytes, included in js. */
  inlineJs: number;
  fonts: number;
  total: number;
  math: boolean;
  files: { path: string; bytes: number; kind: 'css' | 'js' | 'font' }[];
  /** References that point to no file in dist/. */
  missing: string[];
}

async function size(path: string): Promise<number | undefined> {
  return stat(path).then(
    (s) => s.size,
    () => undefined,
  );
}

/** The first-visit weight of the page at URL path `pagePath` (e.g. /papers/x/), read from dist. */
export async function pageWeight(dist: string, pagePath: string, base = '/'): Promise<PageWeight> {
  const htmlFile = distPath(pagePath, '/', base)!;
  const html = await readFile(join(dist, htmlFile), 'utf8');
  const refs = pageRefs(html);
  const weight: PageWeight = {
    page: pagePath,
    html: Buffer.byteLength(html),
    css: 0,
    js: refs.inlineScriptBytes,
    inlineJs: refs.inlineScriptBytes,
    fonts: 0,
    total: 0,
    math: refs.math,
    files: [],
    missing: [],
  };
  const seen = new Set<string>();
  const add = async (path: string | undefined, url: string, kind: 'css' | 'js' | 'font'): Promise<string | undefined> => {
    if (path === undefined) return undefined;
    if (seen.has(path)) return undefined;
    seen.add(path);
    const bytes = await size(join(dist, path));
    if (bytes === undefined) {
      weight.missing.push(url);
      return undefined;
    }
    weight.files.push({ path, bytes, kind });
    weight[kind === 'font' ? 'fonts' : kind] += bytes;
    return path;
  };
  for (const href of refs.stylesheets) {
    const path = await add(distPath(href, pagePath, base), href, 'css');
    // Fonts only when the page shows math: without math, no KaTeX face is ever used.
    if (path && refs.math) {
      const css = await readFile(join(dist, path), 'utf8');
      for (const font of woff2Urls(css)) await add(distPath(font, `/${path}`, '/'), font, 'font');
    }
  }
  for (const src of refs.scripts) await add(distPath(src, pagePath, base), src, 'js');
  weight.total = weight.html + weight.css + weight.js + weight.fonts;
  return weight;
}

/** Nearest-rank percentile of a list of numbers (p in [0, 100]). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1]!;
}
