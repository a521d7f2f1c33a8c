/** The benchmark's report as printed on stdout: a plain-text table per corpus size, then the targets. Pure. */
import type { PageVisit, SearchMeasure } from './browser.ts';
import type { DistStats } from './dist-stats.ts';
import { bytes, memory, seconds, type BaselineRun, type BenchReport, type BuildRun, type SizeRun } from './report.ts';

/** A plain-text table: a header row, a rule, the rows; columns padded to their widest cell. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** What a warm build redid: paper pages rendered again, pages shaped again for the search index. */
function warmWork(build: BuildRun): string {
  const parts = [
    ...(build.rerendered ? [`${build.rerendered.papers} paper pages re-rendered`] : []),
    ...(build.stages.shaped !== undefined ? [`${build.stages.shaped} shaped for search`] : []),
  ];
  return parts.length > 0 ? `; ${parts.join(', ')}` : '';
}

const ratio = (a: number | undefined, b: number | undefined): string => (a && b ? `${(a / b).toFixed(2)}x` : 'n/a');

/** The report as printed: one column per corpus size, then the targets. */
export function formatReport(report: BenchReport): string {
  const runs = report.runs;
  const col = (f: (r: SizeRun) => string): string[] => runs.map(f);
  const rows: string[][] = [
    ['digests', ...col((r) => String(r.digests))],
    [
      'ingest (all digests, one CLI run each)',
      ...col((r) => `${seconds(r.ingest.ms)} (${Math.round(r.ingest.firstMs)}..${Math.round(r.ingest.lastMs)} ms/digest)`),
    ],
    ['ingest peak memory (one run)', ...col((r) => memory(r.ingest.peakBytes))],
    ['build, cold (npm run build)', ...col((r) => seconds(r.build.ms))],
    ['  astro build', ...col((r) => seconds(r.build.stages.astro))],
    ['    content layer (loader)', ...col((r) => seconds(r.build.stages.content))],
    ['    bundle (vite)', ...col((r) => seconds(r.build.stages.bundle))],
    ['    render pages', ...col((r) => seconds(r.build.stages.render))],
    ['    build:done hooks', ...col((r) => seconds(r.build.stages.postRender))],
    ['  after astro build', ...col((r) => seconds(r.build.stages.afterAstro))],
    ['  search indexing (Pagefind, as logged)', ...col((r) => seconds(r.build.stages.indexing))],
    ['total (ingest + cold build)', ...col((r) => seconds(r.totalMs))],
    [
      'peak memory, cold build',
      ...col(
        (r) =>
          `${memory(r.build.peakBytes)}${r.build.peakProcess ? ` (${r.build.peakProcess.comm} ${memory(r.build.peakProcess.bytes)})` : ''}`,
      ),
    ],
    ['warm: ingest one more digest', ...col((r) => (r.warm ? seconds(r.warm.ingestMs) : 'n/a'))],
    [
      'warm: rebuild',
      ...col((r) =>
        r.warm
          ? `${seconds(r.warm.build.ms)} (content ${seconds(r.warm.build.stages.content)}, render ${seconds(r.warm.build.stages.render)}, index ${seconds(r.warm.build.stages.indexing)})${warmWork(r.warm.build)}`
          : 'n/a',
      ),
    ],
    ['warm: peak memory', ...col((r) => (r.warm ? memory(r.warm.build.peakBytes) : 'n/a'))],
    ['pages (HTML files)', ...col((r) => String(r.dist.pages))],
    ['dist size', ...col((r) => `${bytes(r.dist.distBytes)} (${r.dist.files} files)`)],
    ['Pagefind index (dist/pagefind)', ...col((r) => bytes(r.dist.pagefindBytes))],
    [
      'paper page HTML p50 / p95 / max',
      ...col((r) => `${bytes(r.dist.paperHtml.p50)} / ${bytes(r.dist.paperHtml.p95)} / ${bytes(r.dist.paperHtml.max)}`),
    ],
    ['typical paper page: HTML+CSS+JS+fonts', ...col((r) => weightCell(r.dist.typical))],
    ['typical paper page with math', ...col((r) => weightCell(r.dist.typicalMath))],
    [
      'pages with math / KaTeX CSS mismatches',
      ...col((r) => `${r.dist.pagesWithMath} / ${r.dist.katexCssWithoutMath + r.dist.mathWithoutKatexCss}`),
    ],
    ['paper page in Chromium (no interaction)', ...col((r) => visitCell(r.visit))],
    ['first search: bytes (page + search, sw)', ...col((r) => searchBytesCell(r.search))],
    ['first search: time to first result', ...col((r) => searchTimeCell(r.search))],
    ['baseline (bare Astro + MDX) build', ...col((r) => baselineCell(r.baseline))],
    ['baseline peak memory', ...col((r) => (r.baseline?.status === 'ok' ? memory(r.baseline.peakBytes) : 'n/a'))],
    [
      'ours / baseline: time, memory',
      ...col((r) =>
        r.baseline?.status === 'ok' ? `${ratio(r.build.ms, r.baseline.ms)}, ${ratio(r.build.peakBytes, r.baseline.peakBytes)}` : 'n/a',
      ),
    ],
  ];
  const out = [table(['papers', ...col((r) => r.papers.toLocaleString('en'))], rows)];
  out.push(
    '',
    `machine: ${report.machine.cpus} CPUs, ${memory(report.machine.memoryBytes)}, Node ${report.machine.node}; load average ${report.load.start.toFixed(2)} at start, ${report.load.end.toFixed(2)} at end${report.load.start > report.machine.cpus / 2 || report.load.end > report.machine.cpus ? ' (busy machine: times are inflated)' : ''}`,
  );
  if (report.totalMs !== undefined) {
    const skipped = report.skipped?.length ? ` (${report.skipped.join(', ')} skipped)` : '';
    out.push('', `whole run: ${seconds(report.totalMs)}${skipped}`);
  }
  if (report.growth) {
    const g = report.growth;
    out.push(
      '',
      `growth ${g.from.toLocaleString('en')} -> ${g.to.toLocaleString('en')} papers (x${(g.to / g.from).toFixed(1)}): build time x${g.buildRatio.toFixed(2)}, peak memory x${g.memoryRatio.toFixed(2)}, ingest x${g.ingestRatio.toFixed(2)}`,
    );
  }
  out.push(
    '',
    table(
      ['target', 'value', 'limit', 'result', 'note'],
      report.targets.map((t) => [t.name, t.value, t.limit, t.status, t.note ?? '']),
    ),
  );
  return out.join('\n');
}

function weightCell(w: DistStats['typical']): string {
  if (!w) return 'n/a';
  return `${bytes(w.total)} = ${bytes(w.html)} + ${bytes(w.css)} + ${bytes(w.js)} + ${bytes(w.fonts)}`;
}

function visitCell(v: PageVisit | undefined): string {
  if (!v) return 'n/a';
  if (v.status !== 'ok') return `failed: ${v.reason ?? ''}`;
  const total = Object.values(v.bytes).reduce((a, b) => a + b, 0);
  return `${bytes(total)}, JS ${bytes(v.jsBytes)}, sw ${bytes(v.serviceWorkerBytes)}`;
}

function searchBytesCell(s: SearchMeasure | undefined): string {
  if (!s) return 'n/a';
  if (s.status !== 'ok') return `${s.status}: ${s.reason ?? ''}`;
  return `${bytes(s.totalBytes)} (${bytes((s.totalBytes ?? 0) - (s.searchBytes ?? 0))} + ${bytes(s.searchBytes)}, sw ${bytes(s.serviceWorkerBytes)})`;
}

function searchTimeCell(s: SearchMeasure | undefined): string {
  if (!s || s.status !== 'ok') return 'n/a';
  const typed = (label: string, m: SearchMeasure | undefined): string =>
    m?.status === 'ok' ? `; typed on a loaded ${label} ${Math.round(m.queryToResultMs ?? NaN)} ms after the last key` : '';
  return `${Math.round(s.queryToResultMs ?? NaN)} ms from search start, ${Math.round(s.navToResultMs ?? NaN)} ms from navigation${typed('search page', s.loaded)}${typed('paper page, header panel', s.panel)}`;
}

function baselineCell(b: BaselineRun | undefined): string {
  if (!b || b.status === 'skipped') return 'skipped';
  if (b.status === 'failed') return `failed: ${b.reason ?? ''}`;
  return `${seconds(b.ms)} (${b.pages ?? '?'} pages)`;
}
