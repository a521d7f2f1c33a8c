import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { parseEntryFile, readEntryKeys, writeEntryFile } from '../contract/entry-file.ts';
import { readEntryHead } from './entry-head.ts';

const dir = mkdtempSync(join(tmpdir(), 'pb-head-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** readEntryHead of a file holding `text`, and the names whose whole text it asked for. */
function headOf(text: string): { head: string; wholeReads: number } {
  writeFileSync(join(dir, 'e.mdx'), text);
  let wholeReads = 0;
  const head = readEntryHead(dir, 'e.mdx', () => {
    wholeReads += 1;
    return readFileSync(join(dir, 'e.mdx'), 'utf8');
  });
  return { head, wholeReads };
}

const entry = (sourceTitle: string, extra: Record<string, unknown> = {}): string =>
  writeEntryFile(
    {
      title: sourceTitle,
      arxivId: '2310.19809',
      ...extra,
      digests: [{ date: '2025-03-17', rank: 1, source: 'digests/2025-03-17.txt' }],
      topics: [],
      ingest: { sourceTitle, checksums: { title: 'a', body: 'b', topics: 'c' } },
    },
    'Body with a line\n---\nthat looks like a fence.\n',
  );

const keysOf = (text: string) => readEntryKeys(text, () => parseEntryFile(text, 'e.mdx'));

test('the head is the text through the fence that closes the frontmatter, and gives the same keys as the whole text', () => {
  const text = entry('Ünïcödé — “quoted” \\"title\\"');
  const { head, wholeReads } = headOf(text);
  assert.ok(text.startsWith(head) && head.endsWith('\n---') && !head.includes('Body'));
  assert.equal(wholeReads, 0);
  assert.deepEqual(keysOf(head), keysOf(text));
  assert.deepEqual(keysOf(head), { sourceTitle: 'Ünïcödé — “quoted” \\"title\\"', arxivId: '2310.19809' });
});

test('a frontmatter longer than the buffer is read whole, and gives the same keys', () => {
  const authors = Array.from({ length: 4000 }, (_, i) => `Author Number ${i}`);
  const text = entry('Many authors', { authors });
  assert.ok(Buffer.byteLength(text) > 64 * 1024);
  const { head, wholeReads } = headOf(text);
  assert.equal(wholeReads, 1);
  assert.equal(head, text);
  assert.deepEqual(keysOf(head), { sourceTitle: 'Many authors', arxivId: '2310.19809' });
});

test('a file with no closing fence is given whole; characters of several bytes before byte 3 are read whole', () => {
  assert.deepEqual(headOf('---\ntitle: "Open"\n'), { head: '---\ntitle: "Open"\n', wholeReads: 0 });
  // Byte 3 falls inside `é`'s second character: the byte search and the text's own search disagree.
  const odd = 'éé\n---\nsourceTitle: "x"\n---\n';
  const { head, wholeReads } = headOf(odd);
  assert.equal(wholeReads, 1);
  assert.equal(head, odd);
});
