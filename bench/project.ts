/**
 * The benchmark's workspace: a copy of the project as a user has it (its working tree, minus
 * the generated content), a node_modules of links to the repository's packages, and a way to
 * run a command there as a timed, memory-sampled stage with its log kept.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { copyFile, lstat, mkdir, readdir, symlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { lineStamper, type LogLine } from './build-log.ts';
import { sampleTree, type MemoryPeak } from './memory.ts';

/** Generated content, which the benchmark makes itself. */
const EXCLUDED = [/^content\/papers\//, /^content\/digests\//];

/**
 * The project's files: tracked and untracked-but-not-ignored (the working tree a user would
 * build), without generated content. Falls back to a walk when git is not there.
 */
export function projectFiles(root: string): string[] {
  let files: string[];
  try {
    files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    })
      .split('\0')
      .filter((f) => f !== '');
  } catch {
    files = [];
  }
  return [...new Set(files)].filter((f) => !EXCLUDED.some((re) => re.test(f))).sort();
}

/** Copies the project into `target` (files deleted in the working tree are skipped). */
export async function copyProject(root: string, target: string): Promise<number> {
  let files = projectFiles(root);
  if (files.length === 0) files = await walk(root);
  let copied = 0;
  for (const f of files) {
    const from = join(root, f);
    if (!existsSync(from)) continue;
    await mkdir(dirname(join(target, f)), { recursive: true });
    await copyFile(from, join(target, f));
    copied++;
  }
  await mkdir(join(target, 'content/papers'), { recursive: true });
  await mkdir(join(target, 'content/digests'), { recursive: true });
  return copied;
}

async function walk(root: string): Promise<string[]> {
  const skip = new Set(['node_modules', '.git', 'dist', '.astro', 'test-results', 'playwright-report']);
  const out: string[] = [];
  for (const e of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const rel = join(e.parentPath, e.name).slice(root.length + 1);
    if (rel.split('/').some((p) => skip.has(p))) continue;
    if (!EXCLUDED.some((re) => re.test(rel))) out.push(rel);
  }
  return out;
}

/**
 * node_modules as a folder of links to each of the repository's packages (and .bin): the
 * packages are shared, but Astro's cache (node_modules/.astro, where the build keeps its data
 * store) stays the copy's own, so no run reads another's cache or the repository's.
 */
export async function linkNodeModules(repoNodeModules: string, target: string): Promise<void> {
  const dir = join(target, 'node_modules');
  await mkdir(dir, { recursive: true });
  for (const name of await readdir(repoNodeModules)) {
    if (name === '.astro' || name === '.vite' || name === '.cache') continue;
    const link = join(dir, name);
    if (
      await lstat(link).then(
        () => true,
        () => false,
      )
    )
      continue;
    await symlink(join(repoNodeModules, name), link);
  }
}

export interface StageRun {
  ms: number;
  code: number | null;
  signal: NodeJS.Signals | null;
  memory: MemoryPeak;
  /** Log lines kept (all of them, or those `keep` selects). */
  lines: LogLine[];
  /** The last lines of output, for error messages. */
  tail: string[];
}

export interface StageOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Appends the command's stdout and stderr to this file. */
  logFile?: string;
  /** Which log lines to keep in memory (default: all). */
  keep?: (text: string) => boolean;
  /** Echo each line (prefixed) to stderr, for progress. */
  echo?: (text: string) => string | undefined;
  shell?: boolean;
}

/** Runs a command as one stage: wall time, peak RSS of its process tree, its log. */
export function runStage(command: string, args: readonly string[], options: StageOptions): Promise<StageRun> {
  const started = performance.now();
  const log = options.logFile ? createWriteStream(options.logFile, { flags: 'a' }) : undefined;
  log?.write(`$ ${[command, ...args].join(' ')}\n`);
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    shell: options.shell ?? false,
  });
  const sampler = child.pid === undefined ? undefined : sampleTree(child.pid);
  const lines: LogLine[] = [];
  const tail: string[] = [];
  const onLine = (line: LogLine): void => {
    if (!options.keep || options.keep(line.text)) lines.push(line);
    tail.push(line.text);
    if (tail.length > 40) tail.shift();
    const echo = options.echo?.(line.text);
    if (echo !== undefined) process.stderr.write(`${echo}\n`);
  };
  const out = lineStamper(() => performance.now() - started, onLine);
  const err = lineStamper(() => performance.now() - started, onLine);
  child.stdout.setEncoding('utf8').on('data', (c: string) => {
    log?.write(c);
    out.push(c);
  });
  child.stderr.setEncoding('utf8').on('data', (c: string) => {
    log?.write(c);
    err.push(c);
  });
  return new Promise((resolve, reject) => {
    child.on('error', (error) => {
      sampler?.stop();
      log?.end();
      reject(error);
    });
    child.on('close', (code, signal) => {
      const ms = performance.now() - started;
      const memory = sampler?.stop() ?? { peakBytes: 0, peakProcess: undefined, samples: 0 };
      out.end();
      err.end();
      log?.end(`\n[exit ${code ?? signal}] ${(ms / 1000).toFixed(1)} s\n`);
      resolve({ ms, code, signal, memory, lines, tail });
    });
  });
}

/** An environment whose PATH finds the project's own Node and binaries first. */
export function projectEnv(dir: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra, PATH: `${join(dir, 'node_modules/.bin')}:${process.env['PATH'] ?? ''}` };
  // No colours (the log is parsed) and no telemetry (the run must not call out); nothing else
  // differs from a user's shell.
  env['NO_COLOR'] = '1';
  delete env['FORCE_COLOR'];
  env['ASTRO_TELEMETRY_DISABLED'] = '1';
  return env;
}
