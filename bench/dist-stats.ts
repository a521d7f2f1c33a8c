/**
 * What a build produced: pages, bytes of dist/ and of its Pagefind index, the weight of a
 * typical paper page, and which pages load KaTeX's stylesheet against which show math.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { pageRefs, pageWeight, percentile, type PageWeight } from './page-weight.ts';

export interface DistStats {
  pages: number;
  files: number;
  distBytes: number;
  /** dist/pagefind, or undefined when there is none. */
  pagefindBytes: number | undefined;
  paperPages: number;
  paperHtml: { p50: number; p95: number; max: number; maxPage: string };
  /** The paper page whose HTML is the median size: the "typical" page. */
  typical: PageWeight | undefined;
  /** The median-size paper page among those with math (it loads KaTeX's CSS and fonts). */
  typicalMath: PageWeight | undefined;
  /** Pages (any kind) that link KaTeX's stylesheet but show no math, and the reverse. */
  katexCssWithoutMath: string[];
  mathWithoutKatexCss: string[];
  pagesWithMath: number;
}

const isKatexCss = (href: string): boolean => /(^|\/)katex[^/]*\.css(\?|$)|\/katex\/[^?]*\.css/.test(href);

export async function distStats(dist: string, base = '/'): Promise<DistStats> {
  const entries = await readdir(dist, { recursive: true, withFileTypes: true });
  let distBytes = 0;
  let pagefindBytes: number | undefined;
  let files = 0;
  const html: string[] = [];
  for (const e of entries) {
    if (!e.isFile()) continue;
    const rel = relative(dist, join(e.parentPath, e.name)).split(sep).join('/');
    const size = (await stat(join(dist, rel))).size;
    files++;
    distBytes += size;
    if (rel.startsWith('pagefind/')) pagefindBytes = (pagefindBytes ?? 0) + size;
    if (rel.endsWith('.html')) html.push(rel);
  }
  const papers: { path: string; bytes: number; math: boolean }[] = [];
  const katexCssWithoutMath: string[] = [];
  const mathWithoutKatexCss: string[] = [];
  let pagesWithMath = 0;
  for (const rel of html) {
    const text = await readFile(join(dist, rel), 'utf8');
    const refs = pageRefs(text);
    const css = refs.stylesheets.some(isKatexCss);
    if (refs.math) pagesWithMath++;
    if (css && !refs.math) katexCssWithoutMath.push(rel);
    if (!css && refs.math) mathWithoutKatexCss.push(rel);
    if (/^papers\/[^/]+\/index\.html$/.test(rel)) papers.push({ path: rel, bytes: Buffer.byteLength(text), math: refs.math });
  }
  const urlOf = (rel: string): string => `${base.replace(/\/?$/, '/')}${rel.replace(/index\.html$/, '')}`;
  const median = async (list: typeof papers): Promise<PageWeight | undefined> => {
    if (list.length === 0) return undefined;
    const sorted = [...list].sort((a, b) => a.bytes - b.bytes || (a.path < b.path ? -1 : 1));
    return pageWeight(dist, urlOf(sorted[Math.floor((sorted.length - 1) / 2)]!.path), base);
  };
  const sizes = papers.map((p) => p.bytes);
  const biggest = papers.reduce<(typeof papers)[number] | undefined>((a, b) => (a === undefined || b.bytes > a.bytes ? b : a), undefined);
  return {
    pages: html.length,
    files,
    distBytes,
    pagefindBytes,
    paperPages: papers.length,
    paperHtml: {
      p50: percentile(sizes, 50),
      p95: percentile(sizes, 95),
      max: biggest?.bytes ?? Number.NaN,
      maxPage: biggest ? urlOf(biggest.path) : '',
    },
    typical: await median(papers),
    typicalMath: await median(papers.filter((p) => p.math)),
    katexCssWithoutMath,
    mathWithoutKatexCss,
    pagesWithMath,
  };
}
