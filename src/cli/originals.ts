/**
 * npm run originals [-- --content DIR]
 * For every entry whose text is a restoration of damaged text, asks the arXiv API for the
 * authors' own abstract (by id in batches where the id is known, by exact title otherwise) and
 * merges it as the ingest does: the authors' text replaces a restoration nobody edited; an edit
 * is kept and reported. The answers are kept in the content root's originals/ so that
 * `npm run reprocess` can use them again. At most one request every 3 s
 * (PAPERBOY_ARXIV_INTERVAL_MS), 30 s timeout (PAPERBOY_FETCH_TIMEOUT_MS), 3 retries with
 * backoff. Any failed request: a clear message, exit 1, nothing changed.
 */
import { parseArgs } from 'node:util';
import { runCommand } from './run-command.ts';
import { contentPaths, contentRoot } from '../lib/contract/paths.ts';
import { todayIso } from '../lib/ingest/digest/date.ts';
import { parseEntryFile, readPaper } from '../lib/contract/entry-file.ts';
import { textSourceOf } from '../lib/ingest/entry/merge.ts';
import { ARXIV_API_ENV, arxivQueries, DEFAULT_ARXIV_API, politeFetcher, type Wanted } from '../lib/ingest/arxiv-api.ts';
import { fetchTimeoutMs } from '../lib/ingest/fetch.ts';
import { planIngest } from '../lib/ingest/plan.ts';
import { readEntries, readTaxonomy, withContent } from '../lib/ingest/session.ts';
import { readFolder, writeAllOrNothing } from '../lib/ingest/write.ts';

const USAGE = 'usage: npm run originals -- [--content DIR]';

/** The entries whose text is a restoration, with what the API is asked for them. */
function wantedOf(entries: ReadonlyMap<string, string>): Wanted[] {
  const wanted: Wanted[] = [];
  for (const [file, text] of entries) {
    // Most entries of a grown site already have the authors' text: skip them without parsing.
    if (text.includes('textSource: "authors"')) continue;
    const data = readPaper(parseEntryFile(text, file));
    if (textSourceOf(data) === 'authors') continue;
    wanted.push({ file, arxivId: data.arxivId, title: data.ingest?.sourceTitle ?? data.title });
  }
  return wanted;
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { content: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const paths = contentPaths(contentRoot(values.content));
  const api = process.env[ARXIV_API_ENV] ?? DEFAULT_ARXIV_API;
  const fetchAtom = politeFetcher({
    intervalMs: Number(process.env['PAPERBOY_ARXIV_INTERVAL_MS'] ?? 3000),
    timeoutMs: fetchTimeoutMs(process.env['PAPERBOY_FETCH_TIMEOUT_MS']),
    retries: 3,
    backoffMs: Number(process.env['PAPERBOY_ARXIV_BACKOFF_MS'] ?? 5000),
    onRetry: (url, error, attempt, waitMs) =>
      console.log(`  retry ${attempt} of ${url} in ${(waitMs / 1000).toFixed(1)} s: ${error.message}`),
  });
  await withContent(paths, async () => {
    let entries = await readEntries(paths);
    const wanted = wantedOf(entries);
    if (wanted.length === 0) {
      console.log(`${paths.papers}: every entry has its authors' text; nothing to fetch`);
      return;
    }
    const urls = arxivQueries(api, wanted);
    console.log(`${wanted.length} entries with restored text: ${urls.length} requests to ${api}`);
    const topics = readTaxonomy(paths);
    const today = todayIso();
    const existing = await readFolder(paths.originals, '.xml');
    const answers: { name: string; data: Uint8Array }[] = [];
    const replaced = new Set<string>();
    const conflicts: string[] = [];
    let unmatched = 0;
    const writes = new Map<string, string>();
    for (const [i, url] of urls.entries()) {
      const bytes = await fetchAtom(url);
      // A title query may find nothing: an empty feed is an answer, not an error.
      if (!/<entry[\s>]/.test(new TextDecoder().decode(bytes))) continue;
      const name = freeName(`${today}-${String(i + 1).padStart(3, '0')}.xml`, existing);
      const plan = planIngest({
        digestPath: `originals/${name}`,
        digestBytes: bytes,
        date: undefined,
        kind: 'arxiv-atom',
        today,
        entries,
        digests: new Map(),
        topics,
        originals: true,
      });
      unmatched += plan.report.unmatched.length;
      for (const c of plan.report.conflicts) conflicts.push(`${c.file}: ${c.fields.join(', ')} edited by hand; kept the hand edit`);
      for (const file of plan.report.updated) replaced.add(file);
      if (plan.writes.size > 0) answers.push({ name, data: bytes });
      for (const [file, text] of plan.writes) writes.set(file, text);
      entries = new Map([...entries, ...plan.writes]);
    }
    await writeAllOrNothing(
      [
        ...answers.map((a) => ({ dir: paths.originals, name: a.name, data: a.data })),
        ...[...writes].map(([name, data]) => ({ dir: paths.papers, name, data })),
      ],
      paths.journal,
    );
    const still = wantedOf(entries).length;
    console.log(
      `  ${replaced.size} entries now have the authors' text; ${still} still restored (${unmatched} answers matched no entry exactly)`,
    );
    for (const c of conflicts) console.log(`  conflict: ${c}`);
    if (answers.length > 0) console.log(`  answers kept in ${paths.originals}: ${answers.map((a) => a.name).join(', ')}`);
  });
  return 0;
}

function freeName(name: string, taken: ReadonlyMap<string, unknown>): string {
  let candidate = name;
  for (let n = 2; taken.has(candidate); n += 1) candidate = name.replace(/\.xml$/, `-${n}.xml`);
  return candidate;
}

runCommand(main);
