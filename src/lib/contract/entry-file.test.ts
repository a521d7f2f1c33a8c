import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lineOfKey, parseEntryFile, unknownTopics, updateEntryFile, writeEntryFile } from './entry-file.ts';

test('broken frontmatter is reported at its own line of the entry file', () => {
  const text = '---\ntitle: "A title"\ndigests:\n  - date: 2025-03-17\n  bad: [\n---\n\nBody.\n';
  assert.throws(() => parseEntryFile(text, 'content/papers/x.mdx'), /^InputError: content\/papers\/x\.mdx:5: invalid YAML frontmatter: All mapping items must start at the same column$/);
  assert.throws(() => parseEntryFile('---\ntitle: "ok"\ntopics: [a, b\n---\n\nBody.\n', 'y.mdx'), /^InputError: y\.mdx:[34]: invalid YAML frontmatter/);
  assert.throws(() => parseEntryFile('no frontmatter\n', 'z.mdx'), /^InputError: z\.mdx:1: the entry does not start with YAML frontmatter/);
});

test('the body line is counted after the frontmatter and blank lines', () => {
  const e = parseEntryFile('---\ntitle: "t"\n---\n\n\nBody.\n', 'a.mdx');
  assert.equal(e.bodyLine, 6);
  assert.equal(e.body, 'Body.\n');
});

test('unknown topics and the line of a key, for the loader\'s error', () => {
  const known = new Set(['a', 'b']);
  assert.deepEqual(unknownTopics(['a', 'c', { collection: 'topics', id: 'd' }, { collection: 'topics', id: 'b' }], known), ['c', 'd']);
  assert.deepEqual(unknownTopics(undefined, known), []);
  assert.equal(lineOfKey('---\ntitle: "t"\ntopics:\n  - "a"\n---\n', 'topics'), 3);
  assert.equal(lineOfKey('---\ntitle: "t"\n---\n', 'topics'), 1);
});

test('an update keeps the comments and formatting a person gave the frontmatter, replacing only what changed', () => {
  const typed = [
    '---',
    '# Checked against the PDF by hand.',
    "title: 'My own title'  # keep this",
    'digests:',
    '  - { date: 2025-03-17, rank: 3, source: digests/2025-03-17.txt }',
    'topics: [neural-operators]',
    'ingest:',
    '  sourceTitle: "T"',
    '---',
    '',
    'Body as typed.',
    '',
  ].join('\n');
  const old = parseEntryFile(typed, 'x.mdx');
  const digests = [...(old.data['digests'] as object[]), { date: '2025-03-18', rank: 1, source: 'digests/2025-03-18.txt' }];
  const { text: out, respaced } = updateEntryFile(typed, { ...old.data, digests }, old.body);
  assert.match(out, /^---\n# Checked against the PDF by hand\.\ntitle: 'My own title' # keep this\n/);
  assert.match(out, /topics: \[ neural-operators \]/);
  assert.equal(respaced, true, 'the spacing the yaml model does not keep is reported');
  assert.match(out, /\n---\n\nBody as typed\.\n$/);
  assert.deepEqual(parseEntryFile(out, 'x.mdx').data['digests'], digests);
  // A file as the ingest writes it is written as the ingest writes it.
  const canonical = writeEntryFile(old.data, old.body);
  assert.deepEqual(updateEntryFile(canonical, { ...old.data, digests }, old.body), { text: writeEntryFile({ ...old.data, digests }, old.body), respaced: false });
});
