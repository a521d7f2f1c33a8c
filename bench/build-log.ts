/**
 * Stages of an `astro build`, read from its log: each line is stamped with the time it arrived
 * (Astro's own stamps have one-second resolution), and the stages run from one marker line to
 * the next. Pure: the runner collects the lines, this turns them into durations.
 */

export interface LogLine {
  /** Milliseconds since the build command started. */
  at: number;
  text: string;
}

export interface BuildStages {
  /** Content layer: loaders and the data store, up to "[content] Synced content". */
  content?: number;
  /** Vite/Rolldown bundling of the site's code, up to "generating static routes". */
  bundle?: number;
  /** Rendering every page ("generating static routes" to its "Completed"). */
  render?: number;
  /** From rendering's end to Astro's "Complete!": integrations' build:done hooks. */
  postRender?: number;
  /** `astro build` itself, up to its "Complete!". */
  astro?: number;
  /** What the build command runs after `astro build` exits (e.g. the search index). */
  afterAstro?: number;
  /** Search indexing (Pagefind), from its own log lines: the time it prints, or their span. */
  indexing?: number;
  /** Pages Astro says it built ("N page(s) built in"). */
  pages?: number;
  /** Pages the search step shaped anew rather than took from its cache ("N shaped"). */
  shaped?: number;
}

const ANSI = /\u001b\[[0-9;]*m/g;

export const stripAnsi = (s: string): string => s.replace(ANSI, '');

/** Parses a duration as Astro and integrations print it: "344ms", "1.16s", "2m 3s". */
export function parseDuration(text: string): number | undefined {
  const m = /(?:(\d+)m\s*)?(\d+(?:\.\d+)?)\s*(ms|s)\b/.exec(text);
  if (!m) return undefined;
  const value = Number(m[2]) * (m[3] === 's' ? 1000 : 1);
  return value + (m[1] ? Number(m[1]) * 60_000 : 0);
}

const find = (lines: readonly LogLine[], re: RegExp, from = 0): number => {
  for (let i = from; i < lines.length; i++) if (re.test(lines[i]!.text)) return i;
  return -1;
};

/** The stages of a build, from its log lines (ANSI colours are ignored); `end` is when it exited. */
export function buildStages(raw: readonly LogLine[], end: number, indexTag = 'paperboy-pagefind'): BuildStages {
  const lines = raw.map((l) => ({ at: l.at, text: stripAnsi(l.text) }));
  const stages: BuildStages = {};
  const synced = find(lines, /\[content\] Synced content/);
  if (synced >= 0) stages.content = lines[synced]!.at;
  const entry = find(lines, /\[build\] Building static entrypoints/);
  const routes = find(lines, /generating static routes/, Math.max(0, entry));
  if (entry >= 0 && routes >= 0) stages.bundle = lines[routes]!.at - lines[entry]!.at;
  const done = routes >= 0 ? find(lines, /^\s*(\S+\s+)?✓ Completed in/, routes + 1) : -1;
  if (routes >= 0 && done >= 0) stages.render = lines[done]!.at - lines[routes]!.at;
  const complete = find(lines, /\[build\] Complete!/, Math.max(0, done));
  if (done >= 0) stages.postRender = (complete >= 0 ? lines[complete]!.at : end) - lines[done]!.at;
  if (complete >= 0) {
    stages.astro = lines[complete]!.at;
    stages.afterAstro = end - lines[complete]!.at;
  }
  const tag = new RegExp(`\\[${indexTag.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\]`);
  const first = find(lines, tag, Math.max(0, done));
  if (first >= 0) {
    // The indexer's own figure if it prints one ("done in 21.9s", "indexed 10000 pages in
    // 12.3s"), else the span from the line before its first line to its last line.
    let last = first;
    let own: number | undefined;
    for (let i = first; i < lines.length; i++) {
      if (!tag.test(lines[i]!.text)) continue;
      last = i;
      const text = lines[i]!.text.replace(/^\d\d:\d\d:\d\d\s*/, '');
      const m = /\b(?:done|indexed\b.*?)\s+in\s+(.+)$/.exec(text);
      if (m) own = parseDuration(m[1]!);
    }
    stages.indexing = own ?? lines[last]!.at - lines[Math.max(0, first - 1)]!.at;
  }
  const indexed = find(lines, /\[paperboy-pagefind\] indexed \d+ pages \((\d+) shaped/);
  if (indexed >= 0) stages.shaped = Number(/\((\d+) shaped/.exec(lines[indexed]!.text)![1]);
  const built = find(lines, /\[build\] (\d+) page\(s\) built/);
  if (built >= 0) stages.pages = Number(/(\d+) page\(s\) built/.exec(lines[built]!.text)![1]);
  return stages;
}

/**
 * A line of Astro's page list ("  ├─ /papers/x/index.html (+12ms)", "(cached)" when an
 * incremental build kept the page): its path and whether it was rendered, or undefined.
 */
export function pageLine(raw: string): { path: string; rendered: boolean } | undefined {
  const m = /^(?:\S+\s+)?\s*[├└]─ (\/\S*)(.*)$/.exec(stripAnsi(raw).trim());
  return m ? { path: m[1]!, rendered: !/\(cached\)/.test(m[2]!) } : undefined;
}

/** Splits streamed output into lines, stamping each with `now()` when its newline arrives. */
export function lineStamper(now: () => number, onLine: (line: LogLine) => void): { push: (chunk: string) => void; end: () => void } {
  let rest = '';
  return {
    push(chunk: string) {
      const parts = (rest + chunk).split('\n');
      rest = parts.pop() ?? '';
      const at = now();
      for (const text of parts) onLine({ at, text: text.replace(/\r$/, '') });
    },
    end() {
      if (rest !== '') onLine({ at: now(), text: rest });
      rest = '';
    },
  };
}
