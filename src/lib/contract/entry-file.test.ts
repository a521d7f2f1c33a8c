import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lineOfKey, parseEntryFile, readEntryKeys, unknownTopics, updateEntryFile, writeEntryFile } from './entry-file.ts';

test('broken frontmatter is reported at its own line of the entry file', () => {
  const text = '---\ntitle: "A title"\ndigests:\n  - date: 2025-03-17\n  bad: [\n---\n\nBody.\n';
  assert.throws(
    () => parseEntryFile(text, 'content/papers/x.mdx'),
    /^InputError: content\/papers\/x\.mdx:5: invalid YAML frontmatter: All mapping items must start at the same column$/,
  );
  assert.throws(
    () => parseEntryFile('---\ntitle: "ok"\ntopics: [a, b\n---\n\nBody.\n', 'y.mdx'),
    /^InputError: y\.mdx:[34]: invalid YAML frontmatter/,
  );
  assert.throws(() => parseEntryFile('no frontmatter\n', 'z.mdx'), /^InputError: z\.mdx:1: the entry does not start with YAML frontmatter/);
});

test('the body line is counted after the frontmatter and blank lines', () => {
  const e = parseEntryFile('---\ntitle: "t"\n---\n\n\nBody.\n', 'a.mdx');
  assert.equal(e.bodyLine, 6);
  assert.equal(e.body, 'Body.\n');
});

test("unknown topics and the line of a key, for the loader's error", () => {
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
  assert.deepEqual(updateEntryFile(canonical, { ...old.data, digests }, old.body), {
    text: writeEntryFile({ ...old.data, digests }, old.body),
    respaced: false,
  });
});

test('the keys are read from the lines the serializer writes, whatever the title holds, without parsing', () => {
  const titles = [
    'Plain title',
    'A "quoted" word',
    'Back\\slash \\(x\\) and \\$',
    'Colon: hash # and dash ---',
    "It's 'single'",
    'Ünïcödé 数学 😀 \u200F',
    'Tab\there',
    'Bell\u0007 and DEL\u007f',
    '\u2028 line separator',
    '  spaces around  ',
    '---',
    'sourceTitle: "fake"',
    'arxivId: "0000.00000"',
  ];
  for (const [i, title] of titles.entries()) {
    const arxivId = i % 2 === 0 ? '2310.19809' : undefined;
    const data = {
      title: `Shown ${title}`,
      ...(arxivId && { arxivId }),
      digests: [{ date: '2025-03-17', rank: 1, source: 'digests/2025-03-17.txt' }],
      topics: ['a'],
      ingest: { sourceTitle: title, checksums: { title: 'x', body: 'y', topics: 'z' } },
    };
    const text = writeEntryFile(data, 'Body.\n');
    const keys = readEntryKeys(text, () => assert.fail(`parsed the YAML of ${JSON.stringify(title)}`));
    assert.deepEqual(keys, { sourceTitle: title, arxivId }, JSON.stringify(title));
    assert.equal((parseEntryFile(text, 'x.mdx').data['ingest'] as { sourceTitle: string }).sourceTitle, title);
  }
});

test('an entry without an ingest record is parsed for its keys: the title stands for the source title', () => {
  const text = '---\ntitle: \'Typed by hand\'\narxivId: "2501.00001"\ndigests: []\n---\n\nBody.\n';
  let parsed = 0;
  const keys = readEntryKeys(text, () => {
    parsed += 1;
    return parseEntryFile(text, 'x.mdx');
  });
  assert.deepEqual(keys, { sourceTitle: 'Typed by hand', arxivId: '2501.00001' });
  assert.equal(parsed, 1);
});
