/**
 * The daily publishing run's decisions, without I/O (src/cli/daily.ts does the fetching and
 * writing): which URL to fetch, whether the answer is a day without papers, a list to ingest or
 * an error, what the ingest changed, and how to say so on the console, in $GITHUB_OUTPUT and
 * in $GITHUB_STEP_SUMMARY.
 */
import { decodeDigest } from './digest/parse.ts';
import { InputError } from '../contract/errors.ts';
import { parseHfDaily } from './sources/hf-daily.ts';
import { parseJson, type JsonNode } from './sources/json.ts';
import type { SourceDigest } from './sources/types.ts';

export const HF_API_ENV = 'PAPERBOY_HF_API';
export const DEFAULT_HF_API = 'https://huggingface.co/api';

/** Today's date in UTC: the day of Hugging Face's list, whatever the machine's time zone. */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export function dailyPapersUrl(api: string, date: string): string {
  return `${api.replace(/\/+$/, '')}/daily_papers?date=${encodeURIComponent(date)}`;
}

export type DailyList = { kind: 'empty' } | { kind: 'papers'; digest: SourceDigest };

/**
 * Reads the API's answer: `[]` is a day without papers (weekends, holidays); anything the
 * Hugging Face parser refuses (an empty body, truncated or invalid JSON, an item without a
 * title or abstract) is an InputError naming `url`, so nothing gets ingested.
 */
export function readDailyList(bytes: Uint8Array, url: string): DailyList {
  if (bytes.every((b) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d)) {
    throw new InputError(url, undefined, 'the server answered with an empty body, not a JSON list of papers');
  }
  const text = decodeDigest(bytes, url);
  let root: JsonNode | undefined;
  try {
    root = parseJson(text);
  } catch {
    root = undefined; // the parser below says where the JSON breaks
  }
  if (root?.kind === 'array' && root.items.length === 0) return { kind: 'empty' };
  return { kind: 'papers', digest: parseHfDaily(text, url) };
}

/** When the list says it is another day's than the one asked for (the ingest still files it under `date`). */
export function listDateNote(digest: SourceDigest, date: string): string | undefined {
  return digest.date !== undefined && digest.date !== date
    ? `the list's papers were put on the daily list on ${digest.date}, not ${date}`
    : undefined;
}

/** The content root's files the ingest writes: path relative to the root (`papers/x.mdx`) to a hash of the bytes. */
export type Snapshot = ReadonlyMap<string, string>;

export interface ContentChange {
  /** Slugs of entries (papers/<slug>.mdx) that are new, or whose bytes changed. */
  created: string[];
  updated: string[];
  /** Any file at all changed (an archived digest counts): there is something to commit. */
  changed: boolean;
}

const ENTRY = /^papers\/(.+)\.mdx$/;

export function diffSnapshots(before: Snapshot, after: Snapshot): ContentChange {
  const created: string[] = [];
  const updated: string[] = [];
  let changed = before.size !== after.size;
  for (const [path, hash] of [...after].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const old = before.get(path);
    if (old === hash) continue;
    changed = true;
    const slug = ENTRY.exec(path)?.[1];
    if (slug !== undefined) (old === undefined ? created : updated).push(slug);
  }
  for (const path of before.keys()) if (!after.has(path)) changed = true;
  return { created, updated, changed };
}

export interface DailyResult {
  date: string;
  url: string;
  /** Papers in the list. */
  papers: number;
  change: ContentChange;
  /** Titles of the created and updated entries, by slug, as their entries now say. */
  titles: ReadonlyMap<string, string>;
  notes: string[];
}

export function nothingToPublish(date: string): string {
  return `no papers for ${date}: nothing to publish`;
}

/** `name=value` lines for $GITHUB_OUTPUT; a day without papers is `papers=0`. */
export function githubOutput(date: string, result: DailyResult | undefined): string {
  const c = result?.change;
  return [
    `date=${date}`,
    `papers=${result?.papers ?? 0}`,
    `created=${c?.created.length ?? 0}`,
    `updated=${c?.updated.length ?? 0}`,
    `changed=${c?.changed ?? false}`,
    '',
  ].join('\n');
}

export function reportLines(r: DailyResult): string[] {
  const { created, updated, changed } = r.change;
  const lines = [`${r.date}: ${r.papers} papers in the list (${r.url})`];
  for (const note of r.notes) lines.push(`  note: ${note}`);
  lines.push(`  ${created.length} created, ${updated.length} updated, ${r.papers - created.length - updated.length} already up to date`);
  for (const slug of created) lines.push(`  created  papers/${slug}.mdx  "${r.titles.get(slug) ?? slug}"`);
  for (const slug of updated) lines.push(`  updated  papers/${slug}.mdx  "${r.titles.get(slug) ?? slug}"`);
  lines.push(changed ? '  content changed: to be tested, committed and published' : '  content unchanged: the site already has this list');
  return lines;
}

/** Backslash-escapes what Markdown (GitHub's, with its `$` math and `|` tables) reads as syntax mid-line, so a title stays text. */
function mdText(s: string): string {
  return s.replace(/[\\`*_[\]<>|~$&]/g, '\\$&');
}

const HEADING = (date: string): string => `## Paperboy: digest of ${date}`;

export function summaryMarkdown(r: DailyResult): string {
  const { created, updated, changed } = r.change;
  const out = [
    HEADING(r.date),
    '',
    `${r.papers} papers in the Hugging Face list: ${created.length} created, ${updated.length} updated, ${r.papers - created.length - updated.length} already up to date.`,
  ];
  for (const note of r.notes) out.push('', `Note: ${mdText(note)}`);
  if (created.length + updated.length > 0) {
    out.push('', '| | entry | title |', '| --- | --- | --- |');
    for (const [what, slugs] of [
      ['created', created],
      ['updated', updated],
    ] as const) {
      for (const slug of slugs) out.push(`| ${what} | \`${slug}\` | ${mdText(r.titles.get(slug) ?? slug)} |`);
    }
  }
  out.push(
    '',
    changed
      ? 'The content changed: it is tested, committed and published next.'
      : 'The content is unchanged: the site already has this list.',
  );
  return `${out.join('\n')}\n`;
}

export function emptySummaryMarkdown(date: string): string {
  return `${HEADING(date)}\n\nNo papers for ${date}: nothing to publish.\n`;
}

export function failureSummaryMarkdown(date: string, message: string): string {
  return `${HEADING(date)}\n\n**Failed:** ${mdText(message)}\n\nNothing was written to the content folder; nothing is published.\n`;
}
