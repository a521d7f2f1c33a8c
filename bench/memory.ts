/**
 * Peak memory of a process tree: the sum of the resident set sizes of a process and all its
 * descendants, sampled from /proc every ~100 ms (Linux only; elsewhere the sampler reports
 * nothing). Shared pages count once per process, as `ps` counts them: an upper bound.
 */
import { readdirSync, readFileSync } from 'node:fs';

export interface ProcStat {
  pid: number;
  ppid: number;
  /** Resident set, in pages. */
  rssPages: number;
  comm: string;
}

/**
 * Parses /proc/<pid>/stat. The command name is in parentheses and may hold spaces and
 * parentheses itself, so fields are counted from the last ')'.
 */
export function parseStat(text: string): ProcStat | undefined {
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  if (open < 0 || close < open) return undefined;
  const pid = Number(text.slice(0, open).trim());
  const fields = text.slice(close + 2).split(' ');
  // fields[0] is field 3 (state): ppid is field 4, rss field 24.
  const ppid = Number(fields[1]);
  const rssPages = Number(fields[21]);
  if (!Number.isInteger(pid) || !Number.isInteger(ppid) || !Number.isFinite(rssPages)) return undefined;
  return { pid, ppid, rssPages, comm: text.slice(open + 1, close) };
}

/** The processes of the tree rooted at `root` (root included), from a snapshot of /proc. */
export function treeOf(procs: readonly ProcStat[], root: number): ProcStat[] {
  const children = new Map<number, ProcStat[]>();
  for (const p of procs) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  const self = procs.find((p) => p.pid === root);
  if (!self) return [];
  const out: ProcStat[] = [];
  const stack = [self];
  const seen = new Set<number>();
  while (stack.length > 0) {
    const p = stack.pop()!;
    if (seen.has(p.pid)) continue;
    seen.add(p.pid);
    out.push(p);
    stack.push(...(children.get(p.pid) ?? []));
  }
  return out;
}

const PAGE_SIZE = 4096;

function snapshot(): ProcStat[] {
  let names: string[];
  try {
    names = readdirSync('/proc');
  } catch {
    return [];
  }
  const out: ProcStat[] = [];
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = parseStat(readFileSync(`/proc/${name}/stat`, 'utf8'));
      if (stat) out.push(stat);
    } catch {
      // The process ended between readdir and read.
    }
  }
  return out;
}

export interface MemoryPeak {
  /** Largest sum of RSS over the tree seen, in bytes. */
  peakBytes: number;
  /** The largest single process at that moment: what it was and its RSS. */
  peakProcess: { comm: string; bytes: number } | undefined;
  samples: number;
}

/** Samples the tree of `root` every `intervalMs` until stopped; stop() returns the peak. */
export function sampleTree(root: number, intervalMs = 100): { stop: () => MemoryPeak } {
  let peakBytes = 0;
  let peakProcess: MemoryPeak['peakProcess'];
  let samples = 0;
  const sample = (): void => {
    const tree = treeOf(snapshot(), root);
    if (tree.length === 0) return;
    samples++;
    const total = tree.reduce((n, p) => n + p.rssPages * PAGE_SIZE, 0);
    if (total > peakBytes) {
      peakBytes = total;
      const big = tree.reduce((a, b) => (b.rssPages > a.rssPages ? b : a));
      peakProcess = { comm: big.comm, bytes: big.rssPages * PAGE_SIZE };
    }
  };
  const timer = setInterval(sample, intervalMs);
  sample();
  return {
    stop: () => {
      clearInterval(timer);
      return { peakBytes, peakProcess, samples };
    },
  };
}
