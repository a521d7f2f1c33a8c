/**
 * What a build produced: pages, bytes of dist/ and of its Pagefind index, the weight of a
 * typical paper page, the heaviest pages of each kind and where their bytes go, and which pages
 * load KaTeX's stylesheet against which show math.
 *
 * Alone: `node --import tsx bench/dist-stats.ts DIST` prints the heaviest pages and their parts.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pageParts, pageRefs, pageWeight, percentile, type PageParts, type PageWeight } from './page-weight.ts';

export type PageKind = 'paper' | 'topic' | 'digest' | 'home' | 'search' | 'other';

/** A heavy page and where its bytes go. */
export interface HeavyPage {
  kind: PageKind;
  page: string;
  bytes: number;
  parts: PageParts;
}

/** The kind of page a file of dist/ is, by its path. */
export function kindOf(rel: string): PageKind {
  if (/^papers\/[^/]+\/index\.html$/.test(rel)) return 'paper';
  if (/^topics\/[^/]+\/(\d+\/)?index\.html$/.test(rel)) return 'topic';
  if (/^digests\/[^/]+\/(\d+\/)?index\.html$/.test(rel)) return 'digest';
  if (rel === 'index.html') return 'home';
  if (rel === 'search/index.html') return 'search';
  return 'other';
}

/** How many of the heaviest paper pages are taken apart (one page of each other kind). */
const HEAVIEST_PAPERS = 3;

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
  /** The largest HTML page of any kind. */
  htmlMax: { bytes: number; page: string };
  /** The HEAVIEST_PAPERS heaviest paper pages, then the heaviest page of each other kind. */
  heaviest: HeavyPage[];
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
  const all: { path: string; bytes: number; kind: PageKind }[] = [];
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
    const kind = kindOf(rel);
    all.push({ path: rel, bytes: Buffer.byteLength(text), kind });
    if (kind === 'paper') papers.push({ path: rel, bytes: Buffer.byteLength(text), math: refs.math });
  }
  const urlOf = (rel: string): string => `${base.replace(/\/?$/, '/')}${rel.replace(/index\.html$/, '')}`;
  const median = async (list: typeof papers): Promise<PageWeight | undefined> => {
    if (list.length === 0) return undefined;
    const sorted = [...list].sort((a, b) => a.bytes - b.bytes || (a.path < b.path ? -1 : 1));
    return pageWeight(dist, urlOf(sorted[Math.floor((sorted.length - 1) / 2)]!.path), base);
  };
  const sizes = papers.map((p) => p.bytes);
  const biggest = papers.reduce<(typeof papers)[number] | undefined>((a, b) => (a === undefined || b.bytes > a.bytes ? b : a), undefined);
  const byWeight = [...all].sort((a, b) => b.bytes - a.bytes || (a.path < b.path ? -1 : 1));
  const picked = [
    ...byWeight.filter((p) => p.kind === 'paper').slice(0, HEAVIEST_PAPERS),
    ...(['topic', 'digest', 'home', 'search', 'other'] as const).flatMap((k) => byWeight.find((p) => p.kind === k) ?? []),
  ];
  const heaviest: HeavyPage[] = [];
  for (const p of picked) {
    heaviest.push({
      kind: p.kind,
      page: urlOf(p.path),
      bytes: p.bytes,
      parts: await pageParts(await readFile(join(dist, p.path), 'utf8')),
    });
  }
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
    htmlMax: { bytes: byWeight[0]?.bytes ?? Number.NaN, page: byWeight[0] ? urlOf(byWeight[0].path) : '' },
    heaviest,
  };
}

const PART_NAMES: [keyof PageParts, string][] = [
  ['head', 'head'],
  ['jsonLd', '  JSON-LD'],
  ['headMeta', '  meta repeating page text'],
  ['chrome', 'site header and footer'],
  ['abstract', 'abstract'],
  ['katexHtml', 'KaTeX HTML tree'],
  ['katexStyleAttrs', '  its style attributes'],
  ['katexMathml', 'KaTeX MathML tree'],
  ['katexAnnotation', '  its TeX annotations'],
  ['hiddenNotes', 'notes for screen readers'],
  ['related', 'related papers'],
  ['cite', 'cite / copy section'],
  ['pager', "digest's prev / next"],
  ['whitespace', 'white space between tags'],
];

/** The heaviest pages as a table: one column a page, one row a part (bytes; parts overlap as nested). */
export function formatHeaviest(pages: readonly HeavyPage[]): string {
  const kib = (n: number): string => `${(n / 1024).toFixed(1)} KiB`;
  const rows: string[][] = [
    ['', ...pages.map((p) => `${p.kind}`)],
    ['page', ...pages.map((p) => p.page.replace(/^(.{28}).+$/, '$1…'))],
    ['total', ...pages.map((p) => kib(p.bytes))],
    ...PART_NAMES.map(([key, name]) => [name, ...pages.map((p) => kib(p.parts[key]))]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')).join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dist = process.argv[2];
  if (!dist) {
    console.error('usage: node --import tsx bench/dist-stats.ts DIST');
    process.exit(2);
  }
  const stats = await distStats(resolve(dist));
  console.log(`largest HTML page: ${(stats.htmlMax.bytes / 1024).toFixed(1)} KiB ${stats.htmlMax.page}`);
  console.log(
    `paper pages: p50 ${(stats.paperHtml.p50 / 1024).toFixed(1)} KiB, p95 ${(stats.paperHtml.p95 / 1024).toFixed(1)} KiB, max ${(stats.paperHtml.max / 1024).toFixed(1)} KiB`,
  );
  console.log(formatHeaviest(stats.heaviest));
}
