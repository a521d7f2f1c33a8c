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

/** Where a page's HTML bytes go: named parts, each counted once (the outermost match). */
export interface PageParts {
  total: number;
  /** The whole <head>; of it: the JSON-LD, and the meta tags that repeat page text (description, og:, citation_). */
  head: number;
  jsonLd: number;
  headMeta: number;
  /** Site header and footer. */
  chrome: number;
  /** The abstract block of a paper page; of it, and of the whole page, KaTeX's parts below. */
  abstract: number;
  /** KaTeX's MathML tree (the TeX annotation included) and, of it, the annotations. */
  katexMathml: number;
  katexAnnotation: number;
  /** KaTeX's visual HTML tree and, of it, its style attributes. */
  katexHtml: number;
  katexStyleAttrs: number;
  /** Notes for screen readers (.visually-hidden), anywhere. */
  hiddenNotes: number;
  related: number;
  cite: number;
  pager: number;
  /** White space between tags (text nodes of white space only). */
  whitespace: number;
  /** Every style attribute of the page. */
  styleAttrs: number;
}

type HastNode = {
  type: string;
  tagName?: string;
  value?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
  position?: { start: { offset?: number }; end: { offset?: number } };
};

const classOf = (n: HastNode): string[] => {
  const c = n.properties?.['className'];
  return Array.isArray(c) ? c.map(String) : [];
};

/**
 * The parts of one HTML page (pageParts), from its parsed tree with source positions. For the
 * page-weight report only: it tells where the bytes of the heaviest pages go.
 */
export async function pageParts(html: string): Promise<PageParts> {
  const { fromHtml } = await import('hast-util-from-html');
  const tree = fromHtml(html) as unknown as HastNode;
  const parts: PageParts = {
    total: Buffer.byteLength(html),
    head: 0,
    jsonLd: 0,
    headMeta: 0,
    chrome: 0,
    abstract: 0,
    katexMathml: 0,
    katexAnnotation: 0,
    katexHtml: 0,
    katexStyleAttrs: 0,
    hiddenNotes: 0,
    related: 0,
    cite: 0,
    pager: 0,
    whitespace: 0,
    styleAttrs: 0,
  };
  const bytes = (n: HastNode): number => {
    const s = n.position?.start.offset;
    const e = n.position?.end.offset;
    return s === undefined || e === undefined ? 0 : Buffer.byteLength(html.slice(s, e));
  };
  const styleBytes = (n: HastNode): number => {
    const style = n.properties?.['style'];
    // As written: style="…" (the serializer's quotes; KaTeX's values never need escaping).
    return typeof style === 'string' ? Buffer.byteLength(` style="${style}"`) : 0;
  };
  const stack: { node: HastNode; in: Set<string> }[] = [{ node: tree, in: new Set() }];
  while (stack.length > 0) {
    const { node, in: inside } = stack.pop()!;
    if (node.type === 'text') {
      if (/^\s+$/.test(node.value ?? '')) parts.whitespace += Buffer.byteLength(node.value ?? '');
      continue;
    }
    const here = new Set(inside);
    const count = (part: keyof PageParts, n: HastNode): void => {
      if (here.has(part)) return;
      here.add(part);
      parts[part] += bytes(n);
    };
    if (node.type === 'element') {
      const cls = classOf(node);
      const tag = node.tagName;
      const p = node.properties ?? {};
      const style = styleBytes(node);
      parts.styleAttrs += style;
      if (here.has('katexHtml')) parts.katexStyleAttrs += style;
      if (tag === 'head') count('head', node);
      if (tag === 'script' && p['type'] === 'application/ld+json') count('jsonLd', node);
      if (tag === 'meta' && /^(description|citation_)/.test(String(p['name'] ?? ''))) count('headMeta', node);
      if (tag === 'meta' && /^og:(title|description)$/.test(String(p['property'] ?? ''))) count('headMeta', node);
      if (cls.includes('site-header') || cls.includes('site-footer')) count('chrome', node);
      if (cls.includes('abstract')) count('abstract', node);
      if (cls.includes('katex-mathml')) count('katexMathml', node);
      if (tag === 'annotation') count('katexAnnotation', node);
      if (cls.includes('katex-html')) count('katexHtml', node);
      if (cls.includes('visually-hidden')) count('hiddenNotes', node);
      if (tag === 'section' && String(p['ariaLabelledBy']) === 'related') count('related', node);
      if (tag === 'section' && cls.includes('cite')) count('cite', node);
      if (tag === 'nav' && p['ariaLabel'] === 'Papers of this digest') count('pager', node);
    }
    for (const child of node.children ?? []) stack.push({ node: child, in: here });
    // <template> content, if any, is not walked: the site has none.
  }
  return parts;
}
