/**
 * npm run reprocess on a real content root: with the code that wrote it, nothing changes; what
 * an older restorer or taxonomy generated is derived again; hand edits stay, and a hand edit the
 * current code would now generate differently is reported; a second run changes no byte.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { checksum } from '../lib/text/checksum.ts';
import { parseEntryFile, writeEntryFile } from '../lib/contract/entry-file.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
// The CLIs run as `npm run` runs them: from their bundle (src/cli/bundled.mjs).
const BUNDLED = join(root, 'src/cli/bundled.mjs');
const work = mkdtempSync(join(tmpdir(), 'pb-reprocess-'));
after(() => rmSync(work, { recursive: true, force: true }));

function cli(name: string, args: string[]): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, [BUNDLED, name, ...args], { cwd: work, encoding: 'utf8' });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}
const snapshot = (dir: string): Map<string, string> =>
  new Map(
    readdirSync(dir)
      .sort()
      .map((f) => [f, readFileSync(join(dir, f), 'utf8')]),
  );

test('reprocess derives again what older code generated, keeps hand edits, reports conflicts, and is idempotent', () => {
  const content = join(work, 'content');
  cpSync(join(root, 'test/fixtures/seed/topics'), join(content, 'topics'), { recursive: true });
  for (const source of ['test/fixtures/seed/digests/2025-03-17.txt', 'test/fixtures/sources/hf-daily-2025-03-17.json']) {
    const r = cli('ingest', [join(root, source), '--content', content]);
    assert.equal(r.status, 0, r.out);
  }
  const papers = join(content, 'papers');
  const ingested = snapshot(papers);

  // With the code that wrote them, reprocessing changes nothing.
  const same = cli('reprocess', ['--content', content]);
  assert.equal(same.status, 0, same.out);
  assert.match(same.out, /49 entries reprocessed from 2 archived sources; 0 changed/);
  assert.deepEqual(snapshot(papers), ingested);

  // An entry as an older restorer left it (untouched: its record matches its body) ...
  const [oldFile, editedFile] = [...ingested.keys()].filter((f) => /\$/.test(ingested.get(f)!.split('\n---\n')[1] ?? '')).slice(0, 2) as [
    string,
    string,
  ];
  const older = parseEntryFile(ingested.get(oldFile)!, oldFile);
  const oldBody = 'What an older restorer made of this abstract.\n';
  const withSum = (data: Record<string, unknown>, body: string) => ({
    ...data,
    ingest: { ...(data['ingest'] as object), checksums: { ...(data['ingest'] as { checksums: object }).checksums, body: checksum(body) } },
  });
  writeFileSync(join(papers, oldFile), writeEntryFile(withSum(older.data, oldBody), oldBody));
  // ... and one edited by hand after an older ingest: its edit must stay, reported.
  const edited = parseEntryFile(ingested.get(editedFile)!, editedFile);
  writeFileSync(join(papers, editedFile), writeEntryFile(withSum(edited.data, oldBody), 'Edited by hand.\n'));
  // A topic of the taxonomy goes away: no entry may keep it.
  const gone = (older.data['topics'] as string[])[0]!;
  rmSync(join(content, 'topics', `${gone}.yaml`));

  const r = cli('reprocess', ['--content', content]);
  assert.equal(r.status, 0, r.out);
  assert.match(r.out, new RegExp(`changed: ${oldFile.replace(/\./g, '\\.')}: body`));
  assert.match(r.out, new RegExp(`conflict: ${editedFile.replace(/\./g, '\\.')}: body edited by hand`));
  const after = snapshot(papers);
  assert.equal(parseEntryFile(after.get(oldFile)!, oldFile).body, older.body, 'the current restoration is back');
  assert.equal(parseEntryFile(after.get(editedFile)!, editedFile).body, 'Edited by hand.\n');
  for (const [f, text] of after) assert.ok(!(parseEntryFile(text, f).data['topics'] as string[]).includes(gone), `${f} lost topic ${gone}`);

  const again = cli('reprocess', ['--content', content]);
  assert.equal(again.status, 0, again.out);
  assert.match(again.out, /; 0 changed/);
  assert.deepEqual(snapshot(papers), after, 'a second run changes no byte');
});
