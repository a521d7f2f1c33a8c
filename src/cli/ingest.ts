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
import { runCommand } from './run-command.ts';
import { todayIso } from '../lib/ingest/digest/date.ts';
import { InputError } from '../lib/contract/errors.ts';
import { ARCHIVE_EXTENSIONS, planIngest, type IngestPlan } from '../lib/ingest/plan.ts';
import type { SourceKind } from '../lib/ingest/sources/index.ts';
import { FETCH_TIMEOUT_ENV, fetchBytes, fetchTimeoutMs } from '../lib/ingest/fetch.ts';
import { openEntries, readTaxonomy, withContent } from '../lib/ingest/session.ts';
import { LazyFolder } from '../lib/ingest/lazy-folder.ts';
import { writeAllOrNothing, type WriteHooks } from '../lib/ingest/write.ts';
import { contentPaths, contentRoot } from '../lib/contract/paths.ts';

const USAGE =
  'usage: npm run ingest -- <digest file or URL> [--date YYYY-MM-DD] [--content DIR] [--format text|hf-daily|arxiv-atom]\n       npm run ingest -- --repair [--content DIR]   (completes or removes what an interrupted ingest left)';
const FORMATS = Object.keys(ARCHIVE_EXTENSIONS) as SourceKind[];

async function readSource(path: string): Promise<Uint8Array> {
  if (/^https?:\/\//.test(path)) {
    // A time limit (30 s, or PAPERBOY_FETCH_TIMEOUT_MS) so that a hung server fails the ingest instead of stalling it.
    return fetchBytes(path, {
      timeoutMs: fetchTimeoutMs(process.env[FETCH_TIMEOUT_ENV]),
      accept: 'application/json, application/atom+xml, text/plain',
    });
  }
  try {
    return await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(
      path,
      undefined,
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a folder, not a digest file'
          : `cannot read it (${code ?? String(error)})`,
    );
  }
}

/**
 * Fault injection for the crash tests (src/cli/ingest-crash.test.ts):
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

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      date: { type: 'string' },
      content: { type: 'string' },
      format: { type: 'string' },
      repair: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
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
    await withContent(paths, async ({ repaired }) => {
      if (!repaired) console.log(`${paths.root}: nothing to repair`);
    });
    return 0;
  }
  const digestPath = positionals[0]!;
  // The source is read before the lock: a slow fetch holds up no other ingest.
  const bytes = await readSource(digestPath);
  await withContent(paths, async () => {
    // Entry texts and archived digests are read as the plan needs them (lazy-folder.ts).
    const plan = planIngest({
      digestPath,
      digestBytes: bytes,
      date: values.date,
      kind,
      today: todayIso(),
      ...openEntries(paths),
      digests: new LazyFolder(paths.digests, Object.values(ARCHIVE_EXTENSIONS), (b) => b),
      topics: readTaxonomy(paths),
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
  });
  return 0;
}

function report(plan: IngestPlan, digestPath: string, outDir: string, archived: string): void {
  const r = plan.report;
  if (plan.dateNote) console.log(`note: ${plan.dateNote}`);
  console.log(`${digestPath}: digest of ${plan.date}, ${r.papers} papers`);
  console.log(
    `  ${r.created.length} created, ${r.updated.length} updated, ${r.unchanged.length} unchanged in ${relative('.', outDir) || '.'}`,
  );
  console.log(`  digest ${plan.archive ? 'archived as' : 'already archived as'} ${archived}`);
  console.log(
    `  math: ${r.formulas} formulas in ${r.papersWithMath} papers; ${r.formulasRestored} restored from damaged text, ${r.incompleteFormulas.length} of them marked incomplete (part was lost)`,
  );
  for (const f of r.incompleteFormulas) console.log(`  incomplete: ${join(outDir, f.file)}: $${f.tex}$ (${f.reason})`);
  for (const d of r.duplicates) console.log(`  skipped a second listing of the same paper: ${d}`);
  for (const x of r.rejectedFormulas) console.log(`  warning: ${x.file}: KaTeX cannot parse $${x.tex}$: the page shows its source, marked`);
  for (const f of r.respaced)
    console.log(`  note: ${join(outDir, f)}: its frontmatter was formatted by hand; comments, quoting and values kept, spacing normalized`);
  for (const c of r.conflicts) {
    console.log(
      `  conflict: ${join(outDir, c.file)}: ${c.fields.join(', ')} edited by hand and changed in this digest; kept the hand edit`,
    );
  }
}

runCommand(main);
