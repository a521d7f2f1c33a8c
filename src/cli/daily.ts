/**
 * npm run daily -- [--date YYYY-MM-DD] [--content DIR] [--timeout-ms N]
 * The daily run's first step: fetches the day's Hugging Face daily papers
 * (`${PAPERBOY_HF_API ?? 'https://huggingface.co/api'}/daily_papers?date=D`; D defaults to today
 * in UTC), checks the answer with the Hugging Face parser and ingests it with the real ingest
 * (src/cli/ingest.ts) into the content root (DIR, else PAPERBOY_CONTENT, else content/).
 * - no papers (`[]`): says so, `papers=0` in $GITHUB_OUTPUT, exit 0, nothing written;
 * - papers: says what was created and updated, `papers=N`, `changed=...` in $GITHUB_OUTPUT;
 * - a failed, timed-out, empty, truncated or invalid answer, or a failed ingest: exit 1, the
 *   content root untouched.
 * $GITHUB_STEP_SUMMARY, when set, gets the same report in Markdown.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { contentPaths, contentRoot, ENTRY_EXTENSION, entryFileName } from '../lib/contract/paths.ts';
import { isValidIsoDate } from '../lib/ingest/digest/date.ts';
import { parseEntryFile } from '../lib/contract/entry-file.ts';
import { InputError } from '../lib/contract/errors.ts';
import {
  DEFAULT_HF_API,
  dailyPapersUrl,
  diffSnapshots,
  emptySummaryMarkdown,
  failureSummaryMarkdown,
  githubOutput,
  HF_API_ENV,
  listDateNote,
  nothingToPublish,
  readDailyList,
  reportLines,
  summaryMarkdown,
  todayUtc,
  type DailyResult,
  type Snapshot,
} from '../lib/ingest/daily.ts';
import { FETCH_TIMEOUT_ENV, fetchBytes, fetchTimeoutMs } from '../lib/ingest/fetch.ts';
import { ARCHIVE_EXTENSIONS } from '../lib/ingest/plan.ts';
import { readFolder } from '../lib/ingest/write.ts';

const USAGE = 'usage: npm run daily -- [--date YYYY-MM-DD] [--content DIR] [--timeout-ms N]';
// The ingest as `npm run ingest` runs it: from its bundle, not ~100 modules type-stripped one by one.
const BUNDLED = fileURLToPath(new URL('./bundled.mjs', import.meta.url));

/** A failure of the run that is no input's fault (the ingest's exit status). */
class DailyError extends Error {}

function appendTo(envName: string, text: string): void {
  const file = process.env[envName];
  if (file) appendFileSync(file, text);
}

async function snapshot(root: string): Promise<Snapshot> {
  const paths = contentPaths(root);
  const out = new Map<string, string>();
  const folders = [
    ['papers', await readFolder(paths.papers, ENTRY_EXTENSION)],
    ['digests', await readFolder(paths.digests, ...Object.values(ARCHIVE_EXTENSIONS))],
  ] as const;
  for (const [folder, files] of folders) {
    for (const [name, bytes] of files) out.set(`${folder}/${name}`, createHash('sha256').update(bytes).digest('hex'));
  }
  return out;
}

/** Runs the real ingest on the saved answer, with this same node; its own report goes to the console. */
async function ingest(bytes: Uint8Array, date: string, root: string): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'paperboy-daily-'));
  try {
    const file = join(dir, `daily_papers-${date}.json`);
    await writeFile(file, bytes);
    const r = spawnSync(process.execPath, [BUNDLED, 'ingest', file, '--date', date, '--format', 'hf-daily', '--content', root], {
      stdio: 'inherit',
    });
    if (r.error) throw new DailyError(`cannot run the ingest (${r.error.message})`);
    if (r.status !== 0) throw new DailyError(`the ingest failed (${r.status === null ? `signal ${r.signal}` : `exit status ${r.status}`})`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function titlesOf(root: string, slugs: string[]): Promise<Map<string, string>> {
  const titles = new Map<string, string>();
  for (const slug of slugs) {
    const file = join(contentPaths(root).papers, entryFileName(slug));
    const title = parseEntryFile(await readFile(file, 'utf8'), file).data['title'];
    if (typeof title === 'string') titles.set(slug, title);
  }
  return titles;
}

async function main(argv: string[], state: { date: string }): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      date: { type: 'string' },
      content: { type: 'string' },
      'timeout-ms': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length > 0) {
    console.error(USAGE);
    return 2;
  }
  const date = values.date ?? todayUtc();
  if (!isValidIsoDate(date)) {
    console.error(`--date ${date} is not a date of the form YYYY-MM-DD`);
    return 2;
  }
  state.date = date;
  const timeoutMs =
    values['timeout-ms'] === undefined
      ? fetchTimeoutMs(process.env[FETCH_TIMEOUT_ENV])
      : fetchTimeoutMs(values['timeout-ms'], '--timeout-ms');
  const url = dailyPapersUrl(process.env[HF_API_ENV] || DEFAULT_HF_API, date);
  const root = contentRoot(values.content);

  console.log(`fetching ${url}`);
  const bytes = await fetchBytes(url, { timeoutMs, accept: 'application/json' });
  const list = readDailyList(bytes, url);
  if (list.kind === 'empty') {
    console.log(nothingToPublish(date));
    appendTo('GITHUB_OUTPUT', githubOutput(date, undefined));
    appendTo('GITHUB_STEP_SUMMARY', emptySummaryMarkdown(date));
    return 0;
  }

  const before = await snapshot(root);
  await ingest(bytes, date, root);
  const change = diffSnapshots(before, await snapshot(root));
  const note = listDateNote(list.digest, date);
  const result: DailyResult = {
    date,
    url,
    papers: list.digest.papers.length,
    change,
    titles: await titlesOf(root, [...change.created, ...change.updated]),
    notes: note === undefined ? [] : [note],
  };
  console.log(reportLines(result).join('\n'));
  appendTo('GITHUB_OUTPUT', githubOutput(date, result));
  appendTo('GITHUB_STEP_SUMMARY', summaryMarkdown(result));
  return 0;
}

const state = { date: '' };
main(process.argv.slice(2), state).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (!(error instanceof InputError || error instanceof DailyError)) throw error;
    console.error(`error: ${error.message}`);
    console.error(error instanceof InputError ? 'nothing was written; nothing to publish' : 'nothing to publish');
    if (state.date) appendTo('GITHUB_STEP_SUMMARY', failureSummaryMarkdown(state.date, error.message));
    process.exit(1);
  },
);
