/**
 * npm run ingest -- <digest> [--date YYYY-MM-DD] [--content DIR] [--format text|hf-daily|arxiv-atom]
 * Turns a digest (a file or a URL: the text digest, Hugging Face daily-papers JSON or an arXiv
 * API Atom feed) into MDX entries in the content root's papers/ (DIR, else PAPERBOY_CONTENT,
 * else content/), archives the digest in its digests/, and says what it did. Bad input: a message naming the file and
 * line, exit code 1, nothing written.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { todayIso } from '../lib/digest/date.ts';
import { InputError } from '../lib/errors.ts';
import { ARCHIVE_EXTENSIONS, planIngest, type IngestPlan } from '../lib/ingest/plan.ts';
import type { SourceKind } from '../lib/sources/index.ts';
import { FETCH_TIMEOUT_ENV, fetchBytes, fetchTimeoutMs } from '../lib/ingest/fetch.ts';
import { completeInterruptedWrite, readFolder, writeAllOrNothing } from '../lib/ingest/write.ts';
import { contentPaths, contentRoot } from '../lib/content/paths.ts';
import type { TopicDef } from '../lib/topics/assign.ts';
import { loadTopics } from '../lib/topics/load.ts';

const USAGE = 'usage: npm run ingest -- <digest file or URL> [--date YYYY-MM-DD] [--content DIR] [--format text|hf-daily|arxiv-atom]';
const FORMATS = Object.keys(ARCHIVE_EXTENSIONS) as SourceKind[];

async function readSource(path: string): Promise<Uint8Array> {
  if (/^https?:\/\//.test(path)) {
    // A time limit (30 s, or PAPERBOY_FETCH_TIMEOUT_MS) so that a hung server fails the ingest instead of stalling it.
    return fetchBytes(path, { timeoutMs: fetchTimeoutMs(process.env[FETCH_TIMEOUT_ENV]), accept: 'application/json, application/atom+xml, text/plain' });
  }
  try {
    return await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(path, undefined, code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a digest file' : `cannot read it (${code ?? String(error)})`);
  }
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { date: { type: 'string' }, content: { type: 'string' }, format: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length !== 1) {
    console.error(USAGE);
    return 2;
  }
  const digestPath = positionals[0]!;
  const kind = values.format as SourceKind | undefined;
  if (kind !== undefined && !FORMATS.includes(kind)) {
    console.error(`--format must be one of ${FORMATS.join(', ')}`);
    return 2;
  }
  const paths = contentPaths(contentRoot(values.content));
  const outDir = paths.papers;
  const digestsDir = paths.digests;
  const journal = paths.journal;
  const completed = await completeInterruptedWrite(journal);
  if (completed > 0) console.log(`note: completed an interrupted ingest (${completed} files moved into place)`);
  const bytes = await readSource(digestPath);
  // A new content root has no taxonomy yet: its papers get no topics until it has one.
  let topics: TopicDef[] = [];
  if (existsSync(paths.topics)) {
    try {
      topics = loadTopics(paths.topics);
    } catch (error) {
      throw new InputError(paths.topics, undefined, (error as Error).message);
    }
  } else {
    console.log(`note: ${relative('.', paths.topics) || '.'} does not exist: the papers get no topics`);
  }
  const entries = new Map([...(await readFolder(outDir, '.mdx'))].map(([name, buf]) => [name, buf.toString('utf8')] as const));
  const plan = planIngest({
    digestPath,
    digestBytes: bytes,
    date: values.date,
    kind,
    today: todayIso(),
    entries,
    digests: await readFolder(digestsDir, ...Object.values(ARCHIVE_EXTENSIONS)),
    topics,
  });
  await writeAllOrNothing(
    [
      ...(plan.archive ? [{ dir: digestsDir, name: plan.digestName, data: plan.archive }] : []),
      ...[...plan.writes].map(([name, data]) => ({ dir: outDir, name, data })),
    ],
    journal,
  );
  report(plan, digestPath, outDir, join(digestsDir, plan.digestName));
  return 0;
}

function report(plan: IngestPlan, digestPath: string, outDir: string, archived: string): void {
  const r = plan.report;
  if (plan.dateNote) console.log(`note: ${plan.dateNote}`);
  console.log(`${digestPath}: digest of ${plan.date}, ${r.papers} papers`);
  console.log(`  ${r.created.length} created, ${r.updated.length} updated, ${r.unchanged.length} unchanged in ${relative('.', outDir) || '.'}`);
  console.log(`  digest ${plan.archive ? 'archived as' : 'already archived as'} ${archived}`);
  console.log(`  math: restored ${r.formulas} formulas in ${r.papersWithMath} papers`);
  for (const d of r.duplicates) console.log(`  skipped a second listing of the same paper: ${d}`);
  for (const x of r.rejectedFormulas) console.log(`  warning: ${x.file}: kept as text, KaTeX cannot parse $${x.tex}$`);
  for (const c of r.conflicts) {
    console.log(`  conflict: ${join(outDir, c.file)}: ${c.fields.join(', ')} edited by hand and changed in this digest; kept the hand edit`);
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof InputError) {
      console.error(`error: ${error.message}`);
      console.error('nothing was written');
      process.exit(1);
    }
    throw error;
  },
);
