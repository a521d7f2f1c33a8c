/**
 * The benchmark's ingest step: digests ingested one CLI run each (the package's `ingest`
 * script, as npm runs it), and, with `--ingest-only`, the daily cost alone: one more digest
 * ingested into the corpus, several times over (what it created removed between runs, so each
 * run meets the same content), by this project and, with `--compare DIR`, by another checkout
 * (before a change, say) on the same content in the same run, taking turns so that a busy
 * machine weighs on both alike.
 */
import { readFileSync } from 'node:fs';
import { cp, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SyntheticDigest } from './corpus.ts';
import { projectEnv, runStage, type StageRun } from './project.ts';

const say = (msg: string): void => void process.stderr.write(`[bench] ${msg}\n`);
const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

/** The ingest script of package.json, run as npm runs it (node_modules/.bin first on PATH). */
export function ingestCommand(dir: string): string {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  const script = pkg.scripts?.['ingest'];
  if (!script) throw new Error(`${dir}/package.json has no "ingest" script`);
  return script;
}

/** One CLI ingest of `file` into `content`, by the project in `dir`. */
function ingestOnce(dir: string, file: string, content: string, log: string): Promise<StageRun> {
  return runStage(`${ingestCommand(dir)} ${quote(file)} --content ${quote(content)}`, [], {
    cwd: dir,
    env: projectEnv(dir),
    logFile: log,
    shell: true,
    keep: () => false,
  });
}

export async function ingestAll(
  dir: string,
  inputDir: string,
  digests: readonly SyntheticDigest[],
  log: string,
  fail: (digest: string, run: StageRun) => Error,
): Promise<{ ms: number; peakBytes: number; firstMs: number; lastMs: number }> {
  let ms = 0;
  let peakBytes = 0;
  const times: number[] = [];
  for (const [i, d] of digests.entries()) {
    await writeFile(join(inputDir, d.name), d.text);
    const run = await ingestOnce(dir, join(inputDir, d.name), join(dir, 'content'), log);
    if (run.code !== 0) throw fail(d.name, run);
    ms += run.ms;
    times.push(run.ms);
    peakBytes = Math.max(peakBytes, run.memory.peakBytes);
    if ((i + 1) % 20 === 0 || i === digests.length - 1)
      say(`ingested ${i + 1}/${digests.length} digests (${(ms / 1000).toFixed(1)} s, last ${Math.round(run.ms)} ms)`);
  }
  return { ms, peakBytes, firstMs: times[0] ?? 0, lastMs: times[times.length - 1] ?? 0 };
}

export interface DailyIngest {
  project: string;
  runsMs: number[];
  medianMs: number;
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s.length % 2 === 1 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/**
 * One more digest ingested `rounds` times by each project, taking turns, each on its own copy
 * of `content` (so that no project's caches serve another), each run undone before the next.
 */
export async function dailyIngest(
  projects: readonly string[],
  content: string,
  next: SyntheticDigest,
  work: string,
  rounds: number,
  fail: (digest: string, run: StageRun) => Error,
): Promise<DailyIngest[]> {
  const file = join(work, next.name);
  await writeFile(file, next.text);
  const copies = await Promise.all(
    projects.map(async (_, i) => {
      const copy = join(work, `daily-${i}`);
      await rm(copy, { recursive: true, force: true });
      await cp(content, copy, { recursive: true });
      return copy;
    }),
  );
  const before = await Promise.all(
    copies.map(async (c) => ({ papers: new Set(await readdir(join(c, 'papers'))), digests: new Set(await readdir(join(c, 'digests'))) })),
  );
  const results: DailyIngest[] = projects.map((project) => ({ project, runsMs: [], medianMs: 0 }));
  // A first run each, not counted: it fills the caches a daily ingest finds warm (tsx's, the entry index).
  for (let round = 0; round <= rounds; round++) {
    for (const [i, project] of projects.entries()) {
      const run = await ingestOnce(project, file, copies[i]!, join(work, 'daily-ingest.log'));
      if (run.code !== 0) throw fail(next.name, run);
      if (round > 0) results[i]!.runsMs.push(run.ms);
      for (const [folder, known] of [
        ['papers', before[i]!.papers],
        ['digests', before[i]!.digests],
      ] as const) {
        for (const name of await readdir(join(copies[i]!, folder))) if (!known.has(name)) await rm(join(copies[i]!, folder, name));
      }
    }
    if (round > 0)
      say(`daily ingest round ${round}/${rounds}: ${results.map((r) => `${Math.round(r.runsMs[r.runsMs.length - 1]!)} ms`).join(' / ')}`);
  }
  for (const r of results) r.medianMs = median(r.runsMs);
  return results;
}

export function formatDailyIngest(
  papers: number,
  fresh: number,
  results: readonly DailyIngest[],
  load: { start: number; end: number },
): string {
  const lines = [
    `one more ${fresh}-paper digest ingested into ${papers.toLocaleString('en')} entries (CLI, median of ${results[0]?.runsMs.length ?? 0} runs; load average ${load.start.toFixed(1)} -> ${load.end.toFixed(1)})`,
  ];
  for (const r of results)
    lines.push(`  ${(r.medianMs / 1000).toFixed(2)} s  ${r.project}  (runs: ${r.runsMs.map((ms) => (ms / 1000).toFixed(2)).join(', ')})`);
  const [self, other] = results;
  if (self && other && self.medianMs > 0)
    lines.push(`  ratio ${other.project} / ${self.project}: ${(other.medianMs / self.medianMs).toFixed(2)}`);
  return lines.join('\n');
}
