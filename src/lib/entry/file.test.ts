import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lineOfKey, parseEntryFile, unknownTopics } from './file.ts';

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
