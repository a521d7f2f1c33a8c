import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { InputError } from '../contract/errors.ts';
import { parseDigest } from './digest/parse.ts';
import { parseEntryFile, writeEntryFile } from '../contract/entry-file.ts';
import { loadTopics } from './topics/load.ts';
import { planIngest, type IngestInput } from './plan.ts';

const root = new URL('../../../', import.meta.url);
const seedBytes = readFileSync(new URL('test/fixtures/seed/digests/2025-03-17.txt', root));
const topics = loadTopics(new URL('test/fixtures/seed/topics/', root).pathname);
const encode = (s: string): Uint8Array => new TextEncoder().encode(s);

function input(overrides: Partial<IngestInput> = {}): IngestInput {
  return {
    digestPath: 'digests/2025-03-17.txt',
    digestBytes: seedBytes,
    date: undefined,
    today: '2026-11-28',
    entries: new Map(),
    digests: new Map(),
    topics,
    ...overrides,
  };
}

function seedTitles(): string[] {
  return parseDigest(new TextDecoder().decode(seedBytes), 'seed').papers.map((p) => p.title);
}

function applied(plan: ReturnType<typeof planIngest>, entries: ReadonlyMap<string, string>): Map<string, string> {
  return new Map([...entries, ...plan.writes]);
}

test('the seed becomes 49 entries with title, date, rank, source and topics', () => {
  const plan = planIngest(input());
  assert.equal(plan.date, '2025-03-17');
  assert.equal(plan.writes.size, 49);
  assert.equal(plan.report.created.length, 49);
  const mgno = parseEntryFile(plan.writes.get('mgno-efficient-parameterization-of-linear-operators-via-multigrid.mdx')!, 'mgno');
  assert.equal(mgno.data['title'], 'MgNO: Efficient Parameterization of Linear Operators via Multigrid');
  const mgnoRank = seedTitles().indexOf('MgNO: Efficient Parameterization of Linear Operators via Multigrid') + 1;
  assert.deepEqual(mgno.data['digests'], [{ date: '2025-03-17', rank: mgnoRank, source: 'digests/2025-03-17.txt' }]);
  const ranks = [...plan.writes.values()]
    .map((t) => (parseEntryFile(t, 'x').data['digests'] as { rank: number }[])[0]!.rank)
    .sort((a, b) => a - b);
  assert.deepEqual(
    ranks,
    Array.from({ length: 49 }, (_, i) => i + 1),
  );
  for (const [file, text] of plan.writes) {
    const topicsOf = parseEntryFile(text, file).data['topics'] as string[];
    assert.ok(topicsOf.length >= 1 && topicsOf.length <= 3, file);
  }
  assert.ok(plan.report.formulas > 0 && plan.report.papersWithMath > 0);
});

test('re-running the same digest changes no byte, and archives nothing twice', () => {
  const first = planIngest(input());
  const entries = applied(first, new Map());
  const second = planIngest(input({ entries, digests: new Map([[first.digestName, seedBytes]]) }));
  assert.equal(second.writes.size, 0);
  assert.equal(second.report.unchanged.length, 49);
  assert.equal(second.archive, undefined);
});

test('a later digest with a paper seen before adds its date to the same entry', () => {
  const first = planIngest(input());
  const entries = applied(first, new Map());
  const later = encode(
    'Mar 18\n\nMgNO: Efficient Parameterization of Linear Operators via Multigrid\n\nIn this work, we propose a concise neural operator architecture for operator learning, again.\n\nA Brand New Paper\n\nWe do something new. It is long enough to be an abstract of a paper.\n',
  );
  const plan = planIngest(input({ digestPath: 'later.txt', digestBytes: later, entries, today: '2025-03-20' }));
  assert.equal(plan.date, '2025-03-18');
  assert.match(plan.dateNote ?? '', /no year: read as 2025-03-18/);
  assert.deepEqual(plan.report.created, ['a-brand-new-paper.mdx']);
  assert.deepEqual(plan.report.updated, ['mgno-efficient-parameterization-of-linear-operators-via-multigrid.mdx']);
  const mgno = parseEntryFile(plan.writes.get('mgno-efficient-parameterization-of-linear-operators-via-multigrid.mdx')!, 'x');
  assert.deepEqual(
    (mgno.data['digests'] as { date: string }[]).map((d) => d.date),
    ['2025-03-17', '2025-03-18'],
  );
});

test('with entryHead, the index reads only heads, and whole texts only of the entries merged into: the same plan', () => {
  const entries = applied(planIngest(input()), new Map());
  const later = encode(
    'Mar 18\n\nMgNO: Efficient Parameterization of Linear Operators via Multigrid\n\nIn this work, we propose a concise neural operator architecture for operator learning, again.\n',
  );
  const whole: string[] = [];
  const counted = new Map(entries);
  counted.get = (file: string) => (whole.push(file), entries.get(file));
  const heads: string[] = [];
  const entryHead = (file: string): string => (heads.push(file), entries.get(file)!.slice(0, entries.get(file)!.indexOf('\n---', 3) + 4));
  const later18 = { digestPath: 'later.txt', digestBytes: later, today: '2025-03-20' };
  const plan = planIngest(input({ ...later18, entries: counted, entryHead }));
  assert.equal(heads.length, 49);
  assert.deepEqual([...new Set(whole)], ['mgno-efficient-parameterization-of-linear-operators-via-multigrid.mdx']);
  assert.deepEqual(plan, planIngest(input({ ...later18, entries })));
});

test('hand edits survive a re-ingest', () => {
  const first = planIngest(input());
  const file = 'mgno-efficient-parameterization-of-linear-operators-via-multigrid.mdx';
  const entry = parseEntryFile(first.writes.get(file)!, file);
  const edited = writeEntryFile(
    { ...entry.data, title: 'MgNO (corrected)', topics: ['symbolic-regression'] },
    `${entry.body.trim()} An editor's note.\n`,
  );
  const entries = applied(first, new Map());
  entries.set(file, edited);
  const again = planIngest(input({ entries, digests: new Map([[first.digestName, seedBytes]]) }));
  assert.equal(again.writes.size, 0, 'nothing to write: the edit is kept as is');
  assert.deepEqual(again.report.conflicts, []);
});

test('the same digest under another name, or a second digest of the same date, does not duplicate papers', () => {
  const first = planIngest(input());
  const entries = applied(first, new Map());
  const renamed = planIngest(input({ digestPath: 'copy-2025-03-17.txt', entries, digests: new Map([[first.digestName, seedBytes]]) }));
  assert.equal(renamed.writes.size, 0);
  assert.equal(renamed.archive, undefined);
  const other = encode(
    'MgNO: Efficient Parameterization of Linear Operators via Multigrid\n\nIn this work, we propose a concise neural operator architecture for operator learning.\n',
  );
  const sameDate = planIngest(
    input({ digestPath: 'x.txt', digestBytes: other, date: '2025-03-17', entries, digests: new Map([[first.digestName, seedBytes]]) }),
  );
  assert.equal(sameDate.digestName, '2025-03-17-2.txt');
  assert.equal(sameDate.report.created.length, 0);
  const mgno = [...sameDate.writes].map(([f, t]) => parseEntryFile(t, f))[0];
  assert.equal((mgno?.data['digests'] as unknown[] | undefined)?.length ?? 1, 1, 'the paper already has an appearance on that date');
});

test('a paper listed twice in one digest is kept once', () => {
  const twice = encode(
    'Mar 17\n\nSame Title\n\nAn abstract long enough to be one. It has two sentences.\n\nSame title\n\nAn abstract long enough to be one. It has two sentences.\n',
  );
  const plan = planIngest(input({ digestPath: 'd.txt', digestBytes: twice }));
  assert.equal(plan.writes.size, 1);
  assert.match(plan.report.duplicates[0]!, /^d\.txt:7: "Same title"/);
});

test('bad input names the file and line and plans nothing', () => {
  const cases: [string, Uint8Array, RegExp][] = [
    ['empty.txt', new Uint8Array(), /^empty\.txt: the digest is empty/],
    ['bin.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0]), /^bin\.txt:1: .*binary/],
    ['nodate.txt', encode('Title\n\nAn abstract that is long enough to be one. Yes.\n'), /^nodate\.txt: the digest has no date/],
    [
      'ctl.txt',
      encode('Mar 17\n\nTitle\n\nAn abstract with a \u0007 bell in it, long enough to be one.\n'),
      /^ctl\.txt:5: control character U\+0007/,
    ],
    [
      'notitle.txt',
      encode(
        'Mar 17\n\nTitle\n\nAn abstract that is long enough to be one. Yes.\n\nAnother abstract that is long enough to be one. Yes it is.\n',
      ),
      /^notitle\.txt:7: an abstract with no title/,
    ],
  ];
  for (const [path, bytes, message] of cases) {
    assert.throws(
      () => planIngest(input({ digestPath: path, digestBytes: bytes })),
      (e: unknown) => e instanceof InputError && message.test(e.message),
      path,
    );
  }
  assert.throws(() => planIngest(input({ date: '2025-02-30' })), /--date 2025-02-30 is not a date/);
});

const fixture = (name: string): Uint8Array => readFileSync(new URL(`../../../test/fixtures/sources/${name}`, import.meta.url));

test('a Hugging Face daily list merges into the seed: authors and arXiv ids filled in, nothing duplicated, hand edits kept', () => {
  const first = planIngest(input());
  const entries = applied(first, new Map());
  const file = 'mgno-efficient-parameterization-of-linear-operators-via-multigrid.mdx';
  const entry = parseEntryFile(entries.get(file)!, file);
  entries.set(file, writeEntryFile({ ...entry.data, title: 'MgNO, edited' }, entry.body));
  const hf = planIngest(
    input({
      digestPath: 'daily.json',
      digestBytes: fixture('hf-daily-2025-03-17.json'),
      entries,
      digests: new Map([[first.digestName, seedBytes]]),
    }),
  );
  assert.equal(hf.date, '2025-03-17');
  assert.equal(hf.digestName, '2025-03-17.json');
  assert.deepEqual(hf.report.created, []);
  const merged = parseEntryFile(hf.writes.get(file)!, file);
  assert.equal(merged.data['title'], 'MgNO, edited');
  assert.equal(merged.data['arxivId'], '2310.19809');
  assert.ok((merged.data['authors'] as string[]).length > 0);
  assert.equal((merged.data['digests'] as unknown[]).length, 1, 'same date: no second appearance');
});

test('an arXiv Atom feed keeps its LaTeX as it is and matches papers by id or title', () => {
  const first = planIngest(input());
  const entries = applied(first, new Map());
  const arxiv = planIngest(input({ digestPath: 'query.xml', digestBytes: fixture('arxiv-query.xml'), date: '2025-03-18', entries }));
  const nearly = [...arxiv.writes].find(([f]) => f.startsWith('a-nearly-optimal-bound'));
  assert.ok(nearly, 'the seed paper is updated, not duplicated');
  const data = parseEntryFile(nearly[1], nearly[0]).data;
  assert.equal(data['title'], 'A Nearly-Optimal Bound for Fast Regression with $\\ell_\\infty$ Guarantee');
  assert.deepEqual(
    (data['digests'] as { date: string }[]).map((d) => d.date),
    ['2025-03-17', '2025-03-18'],
  );
  assert.equal(arxiv.digestName, '2025-03-18.xml');
  for (const f of arxiv.report.created) {
    const created = parseEntryFile(arxiv.writes.get(f)!, f);
    assert.ok(typeof created.data['arxivId'] === 'string', `${f} has its arXiv id`);
  }
  // Re-ingesting the same feed changes nothing.
  const again = planIngest(
    input({
      digestPath: 'query.xml',
      digestBytes: fixture('arxiv-query.xml'),
      date: '2025-03-18',
      entries: applied(arxiv, entries),
      digests: new Map([[arxiv.digestName, fixture('arxiv-query.xml')]]),
    }),
  );
  assert.equal(again.writes.size, 0);
});

/** An arXiv API feed of the given papers, as the API writes it. */
function atom(papers: { id: string; title: string; summary: string }[]): Uint8Array {
  const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const entries = papers.map(
    (p) =>
      `<entry><id>http://arxiv.org/abs/${p.id}v1</id><published>2025-03-10T00:00:00Z</published><title>${esc(p.title)}</title><summary>${esc(p.summary)}</summary><author><name>A. Author</name></author></entry>`,
  );
  return encode(`<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n${entries.join('\n')}\n</feed>\n`);
}
const ABSTRACT = 'We study a question at length and report what we found, with care for the details that matter here.';

test('identity: two ids are two papers, whatever their titles; each keeps its own facts and a stable slug', () => {
  const first = planIngest(
    input({
      digestPath: 'a.xml',
      date: '2025-03-18',
      digestBytes: atom([{ id: '2503.00001', title: 'Scaling Laws Revisited', summary: `${ABSTRACT} First.` }]),
    }),
  );
  const entries = applied(first, new Map());
  const second = planIngest(
    input({
      digestPath: 'b.xml',
      date: '2025-03-19',
      entries,
      digestBytes: atom([{ id: '2503.00002', title: 'Scaling Laws Revisited', summary: `${ABSTRACT} Second.` }]),
    }),
  );
  assert.deepEqual(first.report.created, ['scaling-laws-revisited.mdx']);
  assert.deepEqual(second.report.created, ['scaling-laws-revisited-2503-00002.mdx'], 'the id tells the second apart');
  assert.deepEqual(second.report.updated, [], 'the first paper is untouched');
  const other = parseEntryFile(second.writes.get('scaling-laws-revisited-2503-00002.mdx')!, 'x');
  assert.equal(other.data['arxivId'], '2503.00002');
  assert.match(other.body, /Second\./);
  // A text digest of that title (no id) joins one of them, and moves no fact between them.
  const text = planIngest(
    input({
      digestPath: '2025-03-20.txt',
      entries: applied(second, entries),
      digestBytes: encode(`Mar 20, 2025\n\nScaling Laws Revisited\n\n${ABSTRACT} First.\n`),
    }),
  );
  assert.equal(text.report.created.length, 0);
  assert.equal(text.report.updated.length, 1);
});

test('identity: titles that differ only in punctuation are two papers; TeX damage, case and spacing are not differences', () => {
  const a = planIngest(
    input({ digestPath: '2025-03-18.txt', digestBytes: encode(`Mar 18, 2025\n\nFast C++ Kernels for Sparse Attention\n\n${ABSTRACT}\n`) }),
  );
  const b = planIngest(
    input({
      digestPath: '2025-03-19.txt',
      entries: applied(a, new Map()),
      digestBytes: encode(`Mar 19, 2025\n\nFast C# Kernels for Sparse Attention\n\n${ABSTRACT} Other.\n`),
    }),
  );
  assert.equal(b.report.created.length, 1, 'C# is not C++');
  const seed = applied(planIngest(input()), new Map());
  const regression = planIngest(
    input({
      digestPath: 'q.xml',
      date: '2025-03-18',
      entries: seed,
      digestBytes: atom([
        {
          id: '2310.00001',
          title: 'A  nearly-optimal bound for fast regression with $\\ell_\\infty$ guarantee',
          summary: `${ABSTRACT} With $x$.`,
        },
      ]),
    }),
  );
  assert.deepEqual(regression.report.created, [], "$\\ell_\\infty$ is the digest's ell_infty");
  assert.equal(regression.report.updated.length, 1);
});

test("the authors' text wins: it replaces a restoration nobody edited, and a restoration never replaces it", () => {
  const seed = planIngest(input());
  let entries = applied(seed, new Map());
  const file = [...entries.keys()].find((f) => f.startsWith('a-nearly-optimal-bound'))!;
  const restored = parseEntryFile(entries.get(file)!, file);
  assert.equal((restored.data['ingest'] as { textSource: string }).textSource, 'restored');
  const original = 'We give a bound with $\\ell_\\infty$ guarantee, in time $\\widetilde{O}(\\sqrt{n})$ for all $n$.';
  const feed = atom([
    { id: '2310.11111', title: 'A Nearly-Optimal Bound for Fast Regression with $\\ell_\\infty$ Guarantee', summary: original },
  ]);
  const arxiv = planIngest(input({ digestPath: 'q.xml', date: '2025-03-18', entries, digestBytes: feed }));
  entries = applied(arxiv, entries);
  const fromAuthors = parseEntryFile(entries.get(file)!, file);
  assert.equal((fromAuthors.data['ingest'] as { textSource: string }).textSource, 'authors');
  assert.match(fromAuthors.body, /\\widetilde\{O\}\(\\sqrt\{n\}\)/, "the authors' formula, not a restoration");
  // The damaged text digest again, later: the authors' text stays, the new date is added.
  const again = planIngest(
    input({ digestPath: 'digests/2025-03-20.txt', entries, digests: new Map(), digestBytes: seedBytes, date: '2025-03-20' }),
  );
  const after = parseEntryFile(again.writes.get(file) ?? entries.get(file)!, file);
  assert.equal(after.body, fromAuthors.body);
  assert.equal(after.data['title'], fromAuthors.data['title']);
  assert.equal((after.data['ingest'] as { textSource: string }).textSource, 'authors');
  assert.deepEqual(
    (after.data['digests'] as { date: string }[]).map((d) => d.date),
    ['2025-03-17', '2025-03-18', '2025-03-20'],
  );
  assert.deepEqual(
    again.report.conflicts.filter((c) => c.file === file),
    [],
  );
});

test("a restoration someone edited is kept when the authors' text arrives, and reported", () => {
  const seed = planIngest(input());
  const entries = applied(seed, new Map());
  const file = [...entries.keys()].find((f) => f.startsWith('a-nearly-optimal-bound'))!;
  const e = parseEntryFile(entries.get(file)!, file);
  entries.set(file, writeEntryFile(e.data, 'An abstract fixed by hand.\n'));
  const arxiv = planIngest(
    input({
      digestPath: 'q.xml',
      date: '2025-03-18',
      entries,
      digestBytes: atom([
        {
          id: '2310.11111',
          title: 'A Nearly-Optimal Bound for Fast Regression with $\\ell_\\infty$ Guarantee',
          summary: "The authors' text with $x$.",
        },
      ]),
    }),
  );
  const merged = parseEntryFile(arxiv.writes.get(file)!, file);
  assert.equal(merged.body, 'An abstract fixed by hand.\n');
  assert.ok(arxiv.report.conflicts.find((c) => c.file === file)?.fields.includes('body'), 'the kept edit is reported as a conflict');
});

test("a re-ingest keeps the comments a person wrote in an entry's frontmatter, and says when it normalized spacing", () => {
  const entries = applied(planIngest(input()), new Map());
  const file = 'mgno-efficient-parameterization-of-linear-operators-via-multigrid.mdx';
  const text = entries.get(file)!;
  entries.set(file, text.replace(/^---\n/, '---\n# Reviewed by hand: keep.\n').replace(/^(topics:)/m, '$1   # chosen by the editor'));
  const next = planIngest(input({ digestPath: 'digests/2025-03-18.txt', date: '2025-03-18', entries, digests: new Map() }));
  const out = next.writes.get(file)!;
  assert.match(out, /^---\n# Reviewed by hand: keep\.\n/);
  assert.match(out, /^topics:\s+# chosen by the editor$/m);
  assert.deepEqual(
    (parseEntryFile(out, file).data['digests'] as { date: string }[]).map((d) => d.date),
    ['2025-03-17', '2025-03-18'],
  );
  assert.ok(next.report.respaced.includes(file));
});
