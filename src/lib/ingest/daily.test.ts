import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { InputError } from '../contract/errors.ts';
import {
  dailyPapersUrl,
  diffSnapshots,
  emptySummaryMarkdown,
  failureSummaryMarkdown,
  githubOutput,
  listDateNote,
  readDailyList,
  reportLines,
  summaryMarkdown,
  todayUtc,
  type DailyResult,
} from './daily.ts';
import { fetchTimeoutMs } from './fetch.ts';

const FIXTURE = readFileSync(new URL('../../../test/fixtures/sources/hf-daily-2025-03-17.json', import.meta.url));
const URL_ = 'http://127.0.0.1:1/api/daily_papers?date=2025-03-17';
const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

test('the URL and the default date', () => {
  assert.equal(dailyPapersUrl('https://huggingface.co/api', '2025-03-17'), 'https://huggingface.co/api/daily_papers?date=2025-03-17');
  assert.equal(dailyPapersUrl('http://127.0.0.1:8080/x//', '2025-03-17'), 'http://127.0.0.1:8080/x/daily_papers?date=2025-03-17');
  // UTC, not the machine's zone: 23:30 on the 16th in New York is the 17th.
  assert.equal(todayUtc(new Date('2025-03-17T03:30:00Z')), '2025-03-17');
  assert.equal(todayUtc(new Date('2025-03-16T23:59:59.999Z')), '2025-03-16');
});

test('the timeout: 30 s by default, a positive whole number of milliseconds otherwise', () => {
  assert.equal(fetchTimeoutMs(undefined), 30_000);
  assert.equal(fetchTimeoutMs(''), 30_000);
  assert.equal(fetchTimeoutMs('250'), 250);
  for (const bad of ['0', '-5', '1.5', 'soon'])
    assert.throws(() => fetchTimeoutMs(bad, '--timeout-ms'), /--timeout-ms: must be a positive whole number/);
});

test('a day without papers is the empty array, with or without spaces', () => {
  assert.deepEqual(readDailyList(bytes('[]'), URL_), { kind: 'empty' });
  assert.deepEqual(readDailyList(bytes(' [ \n ]\n'), URL_), { kind: 'empty' });
});

test('the recorded list reads as its papers', () => {
  const list = readDailyList(FIXTURE, URL_);
  assert.equal(list.kind, 'papers');
  if (list.kind !== 'papers') return;
  assert.equal(list.digest.papers.length, 4);
  assert.equal(listDateNote(list.digest, '2025-03-17'), undefined);
  assert.match(listDateNote(list.digest, '2025-03-18') ?? '', /put on the daily list on 2025-03-17, not 2025-03-18/);
});

test('an empty body, a truncated, partial or invalid answer is an error naming the URL', () => {
  const refused = (body: Uint8Array, message: RegExp): void => {
    assert.throws(
      () => readDailyList(body, URL_),
      (e: unknown) => e instanceof InputError && e.file === URL_ && message.test(e.message),
    );
  };
  refused(bytes(''), /empty body/);
  refused(bytes('\n  \n'), /empty body/);
  refused(FIXTURE.subarray(0, Math.floor(FIXTURE.length / 2)), /invalid JSON/);
  refused(bytes('<!doctype html><title>502 Bad Gateway</title>'), /invalid JSON/);
  refused(bytes('{"error":"Invalid date"}'), /expected a JSON array/);
  refused(bytes('[{"title":"A paper without its abstract"}]'), /no abstract/);
  refused(new Uint8Array([0x5b, 0xff, 0x5d]), /not valid UTF-8/);
});

test('the snapshot diff: created and updated entries; an archived digest alone still counts as a change', () => {
  const before = new Map([
    ['papers/a.mdx', '1'],
    ['papers/b.mdx', '2'],
  ]);
  const after = new Map([
    ['papers/a.mdx', '1'],
    ['papers/b.mdx', '3'],
    ['papers/c.mdx', '4'],
    ['digests/2025-03-17.json', '5'],
  ]);
  assert.deepEqual(diffSnapshots(before, after), { created: ['c'], updated: ['b'], changed: true });
  assert.deepEqual(diffSnapshots(before, new Map(before)), { created: [], updated: [], changed: false });
  assert.deepEqual(diffSnapshots(before, new Map([...before, ['digests/x.json', '9']])), { created: [], updated: [], changed: true });
});

const RESULT: DailyResult = {
  date: '2025-03-17',
  url: URL_,
  papers: 3,
  change: { created: ['pipes'], updated: ['old'], changed: true },
  titles: new Map([
    ['pipes', 'A | B with $\\ell_\\infty$ <script>'],
    ['old', 'Old paper'],
  ]),
  notes: [],
};

test('GITHUB_OUTPUT lines: papers=0 for a day without papers, the counts otherwise', () => {
  assert.equal(githubOutput('2025-03-15', undefined), 'date=2025-03-15\npapers=0\ncreated=0\nupdated=0\nchanged=false\n');
  assert.equal(githubOutput('2025-03-17', RESULT), 'date=2025-03-17\npapers=3\ncreated=1\nupdated=1\nchanged=true\n');
});

test('the report names every created and updated entry with its title', () => {
  const lines = reportLines(RESULT).join('\n');
  assert.match(lines, /^2025-03-17: 3 papers in the list/);
  assert.match(lines, /1 created, 1 updated, 1 already up to date/);
  assert.match(lines, /created {2}papers\/pipes\.mdx {2}"A \| B/);
  assert.match(lines, /updated {2}papers\/old\.mdx {2}"Old paper"/);
  assert.match(reportLines({ ...RESULT, change: { created: [], updated: [], changed: false } }).join('\n'), /content unchanged/);
});

test('the step summary is Markdown whose titles stay text', () => {
  const md = summaryMarkdown(RESULT);
  assert.match(md, /^## Paperboy: digest of 2025-03-17\n/);
  assert.ok(md.includes('| created | `pipes` | A \\| B with \\$\\\\ell\\_\\\\infty\\$ \\<script\\> |'), md);
  assert.ok(md.includes('| updated | `old` | Old paper |'));
  assert.match(emptySummaryMarkdown('2025-03-15'), /No papers for 2025-03-15: nothing to publish/);
  assert.match(failureSummaryMarkdown('2025-03-17', 'x: the server answered 500'), /\*\*Failed:\*\* x: the server answered 500/);
});
