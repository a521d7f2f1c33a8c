/**
 * npm run bench -- [--papers N] [--json FILE] [--growth] [--skip-baseline] [--skip-browser]
 *                  [--seed S] [--query WORD] [--keep] [--work DIR] [--project DIR]
 * npm run bench -- --ingest-only [--papers N] [--rounds R] [--compare DIR]   (bench/ingest-step.ts)
 *
 * Builds a synthetic corpus of N papers (default 10,000) the way a user would, in a temporary
 * copy of the project: the ingest CLI once per daily digest, then `npm run build`; then a warm
 * rebuild after one more digest, a first search in Chromium, and the same entries built by a
 * bare Astro + MDX project for comparison. Prints a table and the scale targets (PASS/FAIL) on
 * stdout, progress on stderr. Exits 0 whatever the targets say; non-zero only when a stage
 * crashes (an ingest or a build fails, the browser cannot run a search that exists).
 */
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { writeBaseline } from './baseline.ts';
import { launch, measureSearch, queryWord, serve, visitPage, type PageVisit, type SearchMeasure } from './browser.ts';
import { HEADER_PANEL, measureTyped, SEARCH_PAGE } from './browser-typed.ts';
import { buildStages, pageLine, stripAnsi, type LogLine } from './build-log.ts';
import { buildCorpus, DEFAULT_PER_DIGEST, DEFAULT_SEED, nextDigest, sourcePapers, type SourcePaper } from './corpus.ts';
import { distStats } from './dist-stats.ts';
import { copyProject, linkNodeModules, projectEnv, runStage, type StageRun } from './project.ts';
import { formatReport } from './format-report.ts';
import { dailyIngest, formatDailyIngest, ingestAll } from './ingest-step.ts';
import { evaluateTargets, memory, seconds, type BaselineRun, type BenchReport, type BuildRun, type SizeRun } from './report.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const USAGE =
  'usage: npm run bench -- [--papers N] [--json FILE] [--growth] [--skip-baseline] [--skip-browser] [--seed S] [--query WORD] [--keep] [--work DIR] [--project DIR]\n       npm run bench -- --ingest-only [--papers N] [--rounds R] [--compare DIR]';

/** A stage that failed: the run stops and exits non-zero. */
class StageError extends Error {
  constructor(stage: string, detail: string) {
    super(`${stage} failed: ${detail}`);
  }
}

const say = (msg: string): void => void process.stderr.write(`[bench] ${msg}\n`);

/** Only the lines the stage parser needs are kept in memory; the full log goes to a file. */
const MARKERS = /\[content\]|\[build\]|generating static routes|✓ Completed in|\[paperboy-|\[@astrojs|error|Error/;

function failure(stage: string, run: StageRun): StageError {
  return new StageError(stage, `exit ${run.code ?? run.signal}\n${run.tail.slice(-25).map(stripAnsi).join('\n')}`);
}

interface Options {
  papers: number;
  growth: boolean;
  skipBaseline: boolean;
  skipBrowser: boolean;
  seed: number;
  query: string | undefined;
  keep: boolean;
  work: string | undefined;
  json: string | undefined;
  /** The project to benchmark (default: this repository's working tree), e.g. a patched copy. */
  project: string;
  chromium: string;
  perDigest: number;
  /** Only the ingest: the corpus, then one more digest `rounds` times (bench/ingest-step.ts). */
  ingestOnly: boolean;
  /** With --ingest-only: another checkout whose ingest runs beside this one's. */
  compare: string | undefined;
  rounds: number;
}

function options(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      papers: { type: 'string' },
      json: { type: 'string' },
      growth: { type: 'boolean' },
      'skip-baseline': { type: 'boolean' },
      'skip-browser': { type: 'boolean' },
      seed: { type: 'string' },
      query: { type: 'string' },
      keep: { type: 'boolean' },
      work: { type: 'string' },
      'per-digest': { type: 'string' },
      project: { type: 'string' },
      'ingest-only': { type: 'boolean' },
      compare: { type: 'string' },
      rounds: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const int = (v: string | undefined, name: string, fallback: number): number => {
    if (v === undefined) return fallback;
    const n = Number(v.replace(/[_,]/g, ''));
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer, got ${v}\n${USAGE}`);
    return n;
  };
  return {
    papers: int(values.papers, 'papers', 10_000),
    growth: values.growth ?? false,
    skipBaseline: values['skip-baseline'] ?? false,
    skipBrowser: values['skip-browser'] ?? false,
    seed: int(values.seed, 'seed', DEFAULT_SEED),
    query: values.query,
    keep: values.keep ?? false,
    work: values.work,
    json: values.json,
    project: values.project ? resolve(process.env['INIT_CWD'] ?? process.cwd(), values.project) : ROOT,
    chromium: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    perDigest: int(values['per-digest'], 'per-digest', DEFAULT_PER_DIGEST),
    ingestOnly: values['ingest-only'] ?? false,
    compare: values.compare ? resolve(process.env['INIT_CWD'] ?? process.cwd(), values.compare) : undefined,
    rounds: int(values.rounds, 'rounds', 5),
  };
}

async function realSources(): Promise<SourcePaper[]> {
  const dir = join(ROOT, 'content/digests');
  const names = (await readdir(dir)).filter((n) => n.endsWith('.txt')).sort();
  const papers = (await Promise.all(names.map(async (n) => sourcePapers(await readFile(join(dir, n), 'utf8'))))).flat();
  if (papers.length < 2)
    throw new StageError('corpus', `content/digests/ has ${papers.length} papers: the benchmark needs real digests to recombine`);
  return papers;
}

async function build(dir: string, log: string, label: string): Promise<BuildRun> {
  say(`${label}: npm run build`);
  let rendered = 0;
  // Pages Astro rendered rather than kept from the previous build (a warm build's cost), and how many of them are papers'.
  const rerendered = { pages: 0, papers: 0 };
  const run = await runStage('npm', ['run', 'build'], {
    cwd: dir,
    env: projectEnv(dir),
    logFile: log,
    keep: (t) => MARKERS.test(t),
    echo: (t) => {
      const page = pageLine(t);
      if (page) {
        rendered++;
        if (page.rendered) {
          rerendered.pages++;
          if (page.path.startsWith('/papers/')) rerendered.papers++;
        }
        return rendered % 2000 === 0 ? `[bench]   ${rendered} pages rendered` : undefined;
      }
      return MARKERS.test(t) && !/\[WARN\]/.test(t) ? `[build] ${stripAnsi(t).trim()}` : undefined;
    },
  });
  if (run.code !== 0) throw failure(label, run);
  say(`${label}: ${seconds(run.ms)}, peak ${memory(run.memory.peakBytes)}`);
  return {
    ms: run.ms,
    peakBytes: run.memory.peakBytes,
    peakProcess: run.memory.peakProcess,
    stages: buildStages(run.lines as LogLine[], run.ms),
    rerendered,
  };
}

async function baseline(work: string, entries: string): Promise<BaselineRun> {
  const dir = join(work, 'baseline');
  await writeBaseline(dir);
  await linkNodeModules(join(ROOT, 'node_modules'), dir);
  await cp(entries, join(dir, 'content/papers'), { recursive: true });
  say('baseline: astro build of a bare Astro + MDX project over the same entries');
  const run = await runStage(join(dir, 'node_modules/.bin/astro'), ['build'], {
    cwd: dir,
    env: projectEnv(dir),
    logFile: join(work, 'baseline-build.log'),
    keep: (t) => /page\(s\) built/.test(t),
    echo: (t) =>
      /\[build\] (Building|Complete|\d+ page)|generating static routes/.test(t) ? `[baseline] ${stripAnsi(t).trim()}` : undefined,
  });
  if (run.code !== 0) {
    return {
      status: 'failed',
      reason: `exit ${run.code ?? run.signal}: ${run.tail.slice(-3).map(stripAnsi).join(' / ')}`,
      ms: run.ms,
      peakBytes: run.memory.peakBytes,
    };
  }
  const pages = run.lines.map((l) => /(\d+) page\(s\) built/.exec(stripAnsi(l.text))?.[1]).find(Boolean);
  say(`baseline: ${seconds(run.ms)}, peak ${memory(run.memory.peakBytes)}`);
  return { status: 'ok', ms: run.ms, peakBytes: run.memory.peakBytes, ...(pages ? { pages: Number(pages) } : {}) };
}

async function browserStages(
  opts: Options,
  dir: string,
  query: string,
  typicalPage: string | undefined,
): Promise<{ search: SearchMeasure; visit?: PageVisit }> {
  const dist = join(dir, 'dist');
  if (!existsSync(opts.chromium))
    return { search: { status: 'n/a', reason: `no Chromium at ${opts.chromium} (set CHROMIUM_PATH)`, query } };
  const server = await serve(dir, dist, projectEnv(dir));
  const browser = await launch(opts.chromium);
  try {
    say(`browser: first search for "${query}"`);
    const search = await measureSearch(browser, server.origin, dist, query);
    if (search.status === 'failed') throw new StageError('first search', search.reason ?? 'no result');
    // The query typed on a loaded page: the search page's own field, then the header's panel.
    search.loaded = await measureTyped(browser, server.origin, '/search/', query, SEARCH_PAGE);
    if (typicalPage) search.panel = await measureTyped(browser, server.origin, typicalPage, query, HEADER_PANEL);
    const visit = typicalPage ? await visitPage(browser, server.origin, typicalPage) : undefined;
    return visit ? { search, visit } : { search };
  } finally {
    await browser.close();
    server.stop();
  }
}

async function runSize(opts: Options, papers: number, sources: readonly SourcePaper[], work: string, full: boolean): Promise<SizeRun> {
  const dir = join(work, 'site');
  const input = join(work, 'input');
  await mkdir(input, { recursive: true });
  say(`${papers} papers: copying ${opts.project === ROOT ? 'the project' : opts.project} into ${dir}`);
  const files = await copyProject(opts.project, dir);
  await linkNodeModules(join(ROOT, 'node_modules'), dir);
  say(`copied ${files} files; generating ${Math.ceil(papers / opts.perDigest)} digests`);
  const corpus = buildCorpus(sources, { papers, seed: opts.seed, perDigest: opts.perDigest });

  const ingest = await ingestAll(dir, input, corpus, join(work, 'ingest.log'), (d, r) => failure(`ingest of ${d}`, r));
  const written = (await readdir(join(dir, 'content/papers'))).filter((n) => n.endsWith('.mdx')).length;
  if (written !== papers) throw new StageError('ingest', `expected ${papers} entries, found ${written}`);
  if (full && !opts.skipBaseline) await cp(join(dir, 'content/papers'), join(work, 'entries'), { recursive: true });

  const cold = await build(dir, join(work, 'build-cold.log'), 'cold build');
  say('reading dist/');
  const stats = await distStats(join(dir, 'dist'));
  const run: SizeRun = {
    papers,
    digests: corpus.length,
    ingest: { ...ingest, digests: corpus.length },
    build: cold,
    totalMs: ingest.ms + cold.ms,
    dist: {
      ...stats,
      katexCssWithoutMath: stats.katexCssWithoutMath.length,
      mathWithoutKatexCss: stats.mathWithoutKatexCss.length,
      katexExamples: [...stats.katexCssWithoutMath.slice(0, 2), ...stats.mathWithoutKatexCss.slice(0, 2)],
    },
  };
  if (!full) return run;

  if (!opts.skipBrowser) {
    const query = opts.query ?? queryWord(sources.map((s) => s.title));
    const { search, visit } = await browserStages(opts, dir, query, stats.typical?.page);
    run.search = search;
    if (visit) run.visit = visit;
  }

  const next = nextDigest(sources, corpus, opts.perDigest, opts.seed);
  say(`warm: ingesting ${next.name} (${next.fresh} new papers)`);
  const warmIngest = await ingestAll(dir, input, [next], join(work, 'ingest.log'), (d, r) => failure(`ingest of ${d}`, r));
  const warm = await build(dir, join(work, 'build-warm.log'), 'warm rebuild');
  run.warm = { papers: next.fresh, ingestMs: warmIngest.ms, build: warm };

  run.baseline = opts.skipBaseline ? { status: 'skipped' } : await baseline(work, join(work, 'entries'));
  return run;
}

/**
 * --ingest-only: the corpus ingested as in a full run, then the daily ingest alone, by this
 * project and by --compare DIR (another checkout) on the same content, in turns.
 */
async function ingestOnly(opts: Options, sources: readonly SourcePaper[]): Promise<number> {
  const work = opts.work ? resolve(opts.work) : await mkdtemp(join(tmpdir(), 'paperboy-bench-'));
  const dir = join(work, 'site');
  const input = join(work, 'input');
  await mkdir(input, { recursive: true });
  await copyProject(opts.project, dir);
  await linkNodeModules(join(ROOT, 'node_modules'), dir);
  const corpus = buildCorpus(sources, { papers: opts.papers, seed: opts.seed, perDigest: opts.perDigest });
  say(`${opts.papers} papers: ingesting ${corpus.length} digests`);
  await ingestAll(dir, input, corpus, join(work, 'ingest.log'), (d, r) => failure(`ingest of ${d}`, r));
  const next = nextDigest(sources, corpus, opts.perDigest, opts.seed);
  const load = loadavg()[0]!;
  const daily = await dailyIngest([dir, ...(opts.compare ? [opts.compare] : [])], join(dir, 'content'), next, work, opts.rounds, (d, r) =>
    failure(`ingest of ${d}`, r),
  );
  console.log(formatDailyIngest(opts.papers, next.fresh, daily, { start: load, end: loadavg()[0]! }));
  if (!opts.keep && !opts.work) await rm(work, { recursive: true, force: true });
  return 0;
}

async function main(): Promise<number> {
  const started = performance.now();
  const opts = options(process.argv.slice(2));
  const sources = await realSources();
  if (opts.ingestOnly) return ingestOnly(opts, sources);
  const sizes = opts.growth ? [2_000, 10_000] : [opts.papers];
  const startedAt = new Date().toISOString();
  const loadStart = loadavg()[0]!;
  const base = opts.work ? resolve(opts.work) : await mkdtemp(join(tmpdir(), 'paperboy-bench-'));
  await mkdir(base, { recursive: true });
  say(`work folder ${base}${opts.keep ? ' (kept)' : ''}`);
  const runs: SizeRun[] = [];
  let ok = false;
  try {
    for (const [i, papers] of sizes.entries()) {
      const work = join(base, String(papers));
      await rm(work, { recursive: true, force: true });
      await mkdir(work, { recursive: true });
      // In a growth run the smaller sizes are measured cold only; the largest runs every stage.
      runs.push(await runSize(opts, papers, sources, work, i === sizes.length - 1));
      if (!opts.keep && !opts.work) await rm(join(work, 'site/dist'), { recursive: true, force: true });
    }
    ok = true;
  } finally {
    if (!ok) say(`work folder kept for inspection: ${base}`);
    else if (!opts.keep && !opts.work) await rm(base, { recursive: true, force: true });
  }
  const last = runs[runs.length - 1]!;
  const first = runs[0]!;
  const growth =
    runs.length > 1
      ? {
          from: first.papers,
          to: last.papers,
          buildRatio: last.build.ms / first.build.ms,
          memoryRatio: last.build.peakBytes / first.build.peakBytes,
          ingestRatio: last.ingest.ms / first.ingest.ms,
        }
      : undefined;
  const skipped = [...(opts.skipBaseline ? ['baseline'] : []), ...(opts.skipBrowser ? ['browser'] : [])];
  const totalMs = performance.now() - started;
  const report: BenchReport = {
    version: 1,
    startedAt,
    machine: { cpus: cpus().length, memoryBytes: totalmem(), node: process.version, platform: `${process.platform}-${process.arch}` },
    load: { start: loadStart, end: loadavg()[0]! },
    seed: opts.seed,
    runs,
    ...(growth ? { growth } : {}),
    targets: evaluateTargets(last, growth, { ms: totalMs, sizes, skipped }),
    totalMs,
    skipped,
    ...(opts.keep ? { workDir: base } : {}),
  };
  console.log(formatReport(report));
  if (opts.json) {
    // npm runs scripts in the package folder; a relative path is the caller's.
    const file = resolve(process.env['INIT_CWD'] ?? process.cwd(), opts.json);
    await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
    say(`wrote ${file}`);
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`[bench] ${error instanceof StageError ? error.message : ((error as Error).stack ?? String(error))}\n`);
    process.exit(1);
  },
);
