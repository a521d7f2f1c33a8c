/**
 * Thousands of hostile titles and abstracts through the real ingest: each entry is plain-Markdown
 * MDX whose text reads back as exactly what the restoration made of the input, and no part of
 * the input becomes code, JSX, ESM or markup.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InputError } from '../contract/errors.ts';
import { mergeAdjacentMath, withLinks, type BodySegment } from '../contract/body.ts';
import { parseEntryFile } from '../contract/entry-file.ts';
import { assertPlainMdx } from '../contract/mdx-guard.ts';
import { readBody } from '../contract/read-body.ts';
import { restoreMath } from '../math/restore.ts';
import { splitMath } from '../text/split.ts';
import { segmentsText } from '../text/segments.ts';
import { loadTopics } from './topics/load.ts';
import { digestText, hostilePapers } from '../../../test/support/hostile.ts';
import { planIngest } from './plan.ts';

const topics = loadTopics(new URL('../../../test/fixtures/seed/topics/', import.meta.url).pathname);

/** Segments as one comparable string: prose as is, math as $tex$ (side-by-side formulas as one). */
function flat(segments: readonly BodySegment[]): string {
  return segmentsText(mergeAdjacentMath(segments)).replace(/\s+/g, ' ').trim();
}

test('2,000 hostile papers: every entry is plain MDX and reads back as the restored input', () => {
  const papers = hostilePapers(7, 2000, { longLines: true });
  const digest = new TextEncoder().encode(digestText('2025-04-01', papers));
  const plan = planIngest({
    digestPath: 'hostile.txt',
    digestBytes: digest,
    date: '2025-04-01',
    today: '2026-01-01',
    entries: new Map(),
    digests: new Map(),
    topics,
  });
  assert.equal(plan.report.papers, 2000);
  const byTitleStart = new Map(papers.map((p, i) => [i, p]));
  for (const [file, text] of plan.writes) {
    const entry = parseEntryFile(text, file);
    assertPlainMdx(entry.body, file, entry.bodyLine);
    const index = Number((entry.data['ingest'] as { sourceTitle: string }).sourceTitle.split(' ')[0]);
    const paper = byTitleStart.get(index)!;
    const expectedBody = flat(withLinks(restoreMath(paper.abstract).segments as BodySegment[]));
    assert.equal(flat(readBody(entry.body)), expectedBody, `${file}: body`);
    const expectedTitle = flat(restoreMath(paper.title).segments as BodySegment[]);
    assert.equal(flat(splitMath(entry.data['title'] as string) as BodySegment[]), expectedTitle, `${file}: title`);
  }
});

test('control characters and broken text are refused with file and line', () => {
  for (const bad of ['\u0000', '\u0007', '\u001B[31m', '\u007F', '\u0085']) {
    const digest = new TextEncoder().encode(`Mar 17\n\nA Title\n\nAn abstract with ${bad} inside that is long enough to be one.\n`);
    assert.throws(
      () =>
        planIngest({
          digestPath: 'c.txt',
          digestBytes: digest,
          date: undefined,
          today: '2026-01-01',
          entries: new Map(),
          digests: new Map(),
          topics,
        }),
      (e: unknown) => e instanceof InputError && /^c\.txt:\d+: (control character|the digest is a binary file)/.test(e.message),
      JSON.stringify(bad),
    );
  }
});

test('hostile titles (quotes, backslashes, YAML escapes) are recognised again in a later digest', () => {
  const papers = hostilePapers(11, 300, { longLines: false });
  const first = planIngest({
    digestPath: 'a.txt',
    digestBytes: new TextEncoder().encode(digestText('2025-04-01', papers)),
    date: '2025-04-01',
    today: '2026-01-01',
    entries: new Map(),
    digests: new Map(),
    topics,
  });
  assert.ok(
    [...first.writes.values()].some((t) => /sourceTitle: ".*\\/.test(t)),
    'some source titles carry YAML escapes',
  );
  const again = planIngest({
    digestPath: 'b.txt',
    digestBytes: new TextEncoder().encode(digestText('2025-04-02', papers)),
    date: '2025-04-02',
    today: '2026-01-01',
    entries: first.writes,
    digests: new Map(),
    topics,
  });
  assert.equal(again.report.created.length, 0);
  assert.equal(again.report.updated.length, first.writes.size);
});
