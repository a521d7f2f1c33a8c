/**
 * npm run reprocess [-- --content DIR]
 * Derives every generated field of every entry again with the current code (restored math,
 * topics, title and body from the best source) from the sources archived in the content root,
 * in date order (src/lib/ingest/reprocess.ts). Hand edits are kept, conflicts reported; all
 * changes land in one atomic write; a second run changes no byte. Prints what changed.
 */
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { runCommand } from './run-command.ts';
import { contentPaths, contentRoot } from '../lib/contract/paths.ts';
import { todayIso } from '../lib/ingest/digest/date.ts';
import { ARCHIVE_EXTENSIONS } from '../lib/ingest/plan.ts';
import { reprocess, type ArchivedSource } from '../lib/ingest/reprocess.ts';
import { readEntries, readTaxonomy, withContent } from '../lib/ingest/session.ts';
import { readFolder, writeAllOrNothing } from '../lib/ingest/write.ts';

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { content: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    console.log('usage: npm run reprocess -- [--content DIR]');
    return 0;
  }
  const paths = contentPaths(contentRoot(values.content));
  await withContent(paths, async () => {
    const entries = await readEntries(paths);
    const sources: ArchivedSource[] = [
      ...[...(await readFolder(paths.digests, ...Object.values(ARCHIVE_EXTENSIONS)))].map(([name, bytes]) => ({
        path: `digests/${name}`,
        bytes,
      })),
      ...[...(await readFolder(paths.originals, '.xml'))].map(([name, bytes]) => ({ path: `originals/${name}`, bytes })),
    ];
    const result = reprocess(entries, sources, readTaxonomy(paths), todayIso());
    await writeAllOrNothing(
      [...result.writes].map(([name, data]) => ({ dir: paths.papers, name, data })),
      paths.journal,
    );
    console.log(
      `${paths.root}: ${entries.size} entries reprocessed from ${sources.length} archived sources; ${result.writes.size} changed`,
    );
    for (const c of result.changes) console.log(`  changed: ${basename(c.file)}: ${c.fields.join(', ')}`);
    for (const c of result.conflicts)
      console.log(
        `  conflict: ${c.file}: ${c.fields.join(', ')} edited by hand, and the current code generates another value; kept the hand edit`,
      );
  });
  return 0;
}

runCommand(main);
