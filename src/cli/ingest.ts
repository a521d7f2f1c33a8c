/**
 * npm run ingest -- <digest> [--date YYYY-MM-DD] [--content DIR] [--format text|hf-daily|arxiv-atom]
 * Turns a digest (a file or a URL: the text digest, Hugging Face daily-papers JSON or an arXiv
 * API Atom feed) into MDX entries in the content root's papers/ (DIR, else PAPERBOY_CONTENT,
 * else content/), archives the digest in its digests/, and says what it did. Bad input: a message naming the file and
 * line, exit code 1, nothing written.
 */
import { existsSync } from 'node:fs';
import { readFile, rmdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { todayIso } from '../lib/digest/date.ts';
import { InputError } from '../lib/errors.ts';
import { ARCHIVE_EXTENSIONS, planIngest, type IngestPlan } from '../lib/ingest/plan.ts';
import type { SourceKind } from '../lib/sources/index.ts';
import { FETCH_TIMEOUT_ENV, fetchBytes, fetchTimeoutMs } from '../lib/ingest/fetch.ts';
import { LockedError, lockContent } from '../lib/ingest/lock.ts';
import { cleanStaging, completeInterruptedWrite, readFolder, writeAllOrNothing, type WriteHooks } from '../lib/ingest/write.ts';
import { contentPaths, contentRoot, type ContentPaths } from '../lib/content/paths.ts';
import type { TopicDef } from '../lib/topics/assign.ts';
import { loadTopics } from '../lib/topics/load.ts';

const USAGE = 'usage: npm run ingest -- <digest file or URL> [--date YYYY-MM-DD] [--content DIR] [--format text|hf-daily|arxiv-atom]\n       npm run ingest -- --repair [--content DIR]   (completes or removes what an interrupted ingest left)';
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

/** How long an ingest waits for another one holding the content root (PAPERBOY_LOCK_WAIT_MS). */
const LOCK_WAIT_MS = Number(process.env['PAPERBOY_LOCK_WAIT_MS'] ?? 120_000);

/** What an earlier, interrupted ingest left, repaired under the lock; said so that nothing is done silently. */
let repaired = '';

/**
 * Fault injection for the crash tests (e2e-style, in src/cli/ingest-crash.test.ts):
 * PAPERBOY_CRASH_AT=stage:N or rename:N kills this process with SIGKILL at that step.
 */
function crashHooks(): WriteHooks {
  const at = /^(stage|rename):(\d+)$/.exec(process.env['PAPERBOY_CRASH_AT'] ?? '');
  if (!at) return {};
  const kill = (step: string) => (i: number) => {
    if (step === at[1] && i === Number(at[2])) process.kill(process.pid, 'SIGKILL');
  };
  return { afterStage: kill('stage'), beforeRename: kill('rename') };
}

async function repair(paths: ContentPaths): Promise<void> {
  const moved = await completeInterruptedWrite(paths.journal);
  const removed = await cleanStaging(paths.papers, paths.digests);
  if (moved > 0) repaired += `completed an interrupted ingest (${moved} files moved into place). `;
  if (removed > 0) repaired += `removed ${removed} staging files of an ingest killed before it wrote anything. `;
  if (repaired) console.log(`note: ${repaired.trim()}`);
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { date: { type: 'string' }, content: { type: 'string' }, format: { type: 'string' }, repair: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length !== (values.repair ? 0 : 1)) {
    console.error(USAGE);
    return 2;
  }
  const kind = values.format as SourceKind | undefined;
  if (kind !== undefined && !FORMATS.includes(kind)) {
    console.error(`--format must be one of ${FORMATS.join(', ')}`);
    return 2;
  }
  const paths = contentPaths(contentRoot(values.content));
  if (values.repair) {
    if (!existsSync(paths.root)) throw new InputError(paths.root, undefined, 'no such content folder');
    const release = await lockContent(paths.root, LOCK_WAIT_MS, () => console.log(`waiting for another ingest of ${paths.root} to finish...`));
    try {
      await repair(paths);
      if (!repaired) console.log(`${paths.root}: nothing to repair`);
    } finally {
      await release();
    }
    return 0;
  }
  const digestPath = positionals[0]!;
  // The source is read before the lock: a slow fetch holds up no other ingest.
  const bytes = await readSource(digestPath);
  const created = !existsSync(paths.root);
  const release = await lockContent(paths.root, LOCK_WAIT_MS, () => console.log(`waiting for another ingest of ${paths.root} to finish...`));
  let failed = true;
  try {
    await repair(paths);
    await ingest(paths, digestPath, bytes, kind, values.date);
    failed = false;
  } finally {
    await release();
    // A new content root that this failed run made held only the lock: leave no empty folder behind.
    if (failed && created) await rmdir(paths.root).catch(() => {});
  }
  return 0;
}

async function ingest(paths: ContentPaths, digestPath: string, bytes: Uint8Array, kind: SourceKind | undefined, date: string | undefined): Promise<void> {
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
  const entries = new Map([...(await readFolder(paths.papers, '.mdx'))].map(([name, buf]) => [name, buf.toString('utf8')] as const));
  const plan = planIngest({
    digestPath,
    digestBytes: bytes,
    date,
    kind,
    today: todayIso(),
    entries,
    digests: await readFolder(paths.digests, ...Object.values(ARCHIVE_EXTENSIONS)),
    topics,
  });
  await writeAllOrNothing(
    [
      ...(plan.archive ? [{ dir: paths.digests, name: plan.digestName, data: plan.archive }] : []),
      ...[...plan.writes].map(([name, data]) => ({ dir: paths.papers, name, data })),
    ],
    paths.journal,
    crashHooks(),
  );
  report(plan, digestPath, paths.papers, join(paths.digests, plan.digestName));
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
    const nothing = repaired ? `nothing of this digest was written (the repair above was done: ${repaired.trim()})` : 'nothing was written';
    if (error instanceof InputError || error instanceof LockedError) {
      console.error(`error: ${error.message}`);
      if (error instanceof InputError) console.error(nothing);
      process.exit(1);
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== undefined) {
      // A write error (a full disk, a read-only folder): writeAllOrNothing has removed what it staged.
      console.error(`error: ${(error as Error).message}`);
      console.error(`${nothing}: the content folder is as it was`);
      process.exit(1);
    }
    throw error;
  },
);
