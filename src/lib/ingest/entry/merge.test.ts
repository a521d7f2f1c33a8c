import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseEntryFile, writeEntryFile } from '../../contract/entry-file.ts';
import { addAppearance, createEntry, mergeEntry, type GeneratedPaper } from './merge.ts';

const gen: GeneratedPaper = {
  title: 'A Title with $\\ell_\\infty$',
  body: 'The abstract.\n',
  topics: ['neural-operators'],
  sourceTitle: 'A Title with ell_infty',
  textSource: 'restored',
  incompleteMath: [],
  appearance: { date: '2025-03-17', rank: 3, source: 'digests/2025-03-17.txt' },
};

function roundTrip(data: Record<string, unknown>, body: string) {
  return parseEntryFile(writeEntryFile(data, body), 'x.mdx');
}

test('an entry written and read back is the same entry, byte for byte when written again', () => {
  const created = createEntry(gen);
  const text = writeEntryFile(created.data, created.body);
  const parsed = parseEntryFile(text, 'x.mdx');
  assert.deepEqual(parsed.data, created.data);
  assert.equal(parsed.body, created.body);
  assert.equal(writeEntryFile(parsed.data, parsed.body), text);
  assert.match(text, /^---\ntitle: "A Title with \$\\\\ell_\\\\infty\$"\n/);
});

test('re-ingesting the same paper changes nothing', () => {
  const created = createEntry(gen);
  const merged = mergeEntry(roundTrip(created.data, created.body), gen);
  assert.deepEqual(merged.conflicts, []);
  assert.equal(writeEntryFile(merged.data, merged.body), writeEntryFile(created.data, created.body));
});

test('hand edits to title, body, topics and extra fields survive a re-ingest', () => {
  const created = createEntry(gen);
  const edited = roundTrip(
    { ...created.data, title: 'Corrected Title', topics: ['robustness-verification'], note: 'kept' },
    'An edited abstract.\n',
  );
  const merged = mergeEntry(edited, gen);
  assert.equal(merged.data['title'], 'Corrected Title');
  assert.deepEqual(merged.data['topics'], ['robustness-verification']);
  assert.equal(merged.data['note'], 'kept');
  assert.equal(merged.body, 'An edited abstract.\n');
  assert.deepEqual(merged.conflicts, []);
});

test('an unedited field takes the new generated value; an edited one whose source changed is a conflict', () => {
  const created = createEntry(gen);
  const edited = roundTrip({ ...created.data, title: 'Corrected Title' }, created.body);
  const newer: GeneratedPaper = { ...gen, title: 'A Title with $\\ell_\\infty$ (v2)', body: 'A better restoration.\n' };
  const merged = mergeEntry(edited, newer);
  assert.equal(merged.data['title'], 'Corrected Title');
  assert.equal(merged.body, 'A better restoration.\n');
  assert.deepEqual(merged.conflicts, ['title']);
});

test('a later digest adds its date, once; an entry written by hand is never overwritten', () => {
  const created = createEntry(gen);
  const later = { ...gen, appearance: { date: '2025-03-18', rank: 1, source: 'digests/2025-03-18.txt' } };
  const merged = mergeEntry(roundTrip(created.data, created.body), later);
  assert.deepEqual(merged.data['digests'], [gen.appearance, later.appearance]);
  const again = mergeEntry(roundTrip(merged.data, merged.body), {
    ...later,
    appearance: { ...later.appearance, source: 'digests/2025-03-18-2.txt' },
  });
  assert.deepEqual(again.data['digests'], [gen.appearance, later.appearance]);

  const handMade = roundTrip({ title: 'Hand Title', digests: [gen.appearance], topics: [] }, 'Hand body.\n');
  const merged2 = mergeEntry(handMade, gen);
  assert.equal(merged2.data['title'], 'Hand Title');
  assert.equal(merged2.body, 'Hand body.\n');
  assert.deepEqual(merged2.conflicts.sort(), ['body', 'title', 'topics']);
});

test('appearances stay in date order', () => {
  const list = addAppearance([{ date: '2025-03-18', rank: 1, source: 'b' }], { date: '2025-03-17', rank: 2, source: 'a' });
  assert.deepEqual(
    list.map((a) => a.date),
    ['2025-03-17', '2025-03-18'],
  );
});

test('bad frontmatter is reported with file and line', () => {
  assert.throws(() => parseEntryFile('no frontmatter', 'a.mdx'), /^InputError: a\.mdx:1: the entry does not start with YAML frontmatter/);
  assert.throws(() => parseEntryFile('---\ntitle: "x\nfoo: [\n---\nbody', 'b.mdx'), /b\.mdx:\d+: invalid YAML frontmatter/);
  assert.throws(() => parseEntryFile('---\n- a\n---\nbody', 'c.mdx'), /c\.mdx:2: the frontmatter must be a YAML mapping/);
});
