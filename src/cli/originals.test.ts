/**
 * npm run originals against a local HTTP server that answers as the arXiv API does, from the
 * seed's 20 papers with math and their authors' LaTeX (recorded in seed-cases.json): the
 * restored entries get the authors' text, edits are kept, the answers are archived, the pace
 * is kept, and without network nothing changes.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseEntryFile, writeEntryFile } from '../lib/contract/entry-file.ts';
import { titleKey } from '../lib/ingest/entry/slug.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
// The CLIs run as `npm run` runs them: from their bundle (src/cli/bundled.mjs).
const BUNDLED = join(root, 'src/cli/bundled.mjs');
const cases = JSON.parse(readFileSync(join(root, 'test/fixtures/math/seed-cases.json'), 'utf8')) as {
  title: string;
  arxiv: string;
  original: string;
}[];
const work = mkdtempSync(join(tmpdir(), 'pb-originals-'));
let server: Server;
let api = '';
const requests: { url: URL; at: number }[] = [];

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const entryXml = (c: (typeof cases)[number]): string =>
  `<entry><id>http://arxiv.org/abs/${c.arxiv}v2</id><published>2024-01-02T00:00:00Z</published><title>${esc(c.title)}</title><summary>  ${esc(c.original)}\n</summary><author><name>A. Author</name></author><arxiv:primary_category term="cs.LG"/></entry>`;
const feed = (entries: string[]): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom">\n${entries.join('\n')}\n</feed>\n`;
const words = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

before(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    requests.push({ url, at: Date.now() });
    const ids = url.searchParams.get('id_list');
    const query = /^ti:"(.*)"$/.exec(url.searchParams.get('search_query') ?? '')?.[1];
    const found = ids
      ? cases.filter((c) => ids.split(',').includes(c.arxiv))
      : query !== undefined
        ? cases.filter((c) => words(c.title) === words(query))
        : [];
    res.writeHead(200, { 'Content-Type': 'application/atom+xml' }).end(feed(found.map(entryXml)));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  api = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/query`;
});
after(() => {
  server.close();
  rmSync(work, { recursive: true, force: true });
});

function run(name: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BUNDLED, name, ...args], {
      cwd: work,
      env: { ...process.env, PAPERBOY_ARXIV_INTERVAL_MS: '100', PAPERBOY_ARXIV_BACKOFF_MS: '50', ...env },
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    child.on('close', (code) => resolve({ code, out }));
  });
}

function snapshot(dir: string): Map<string, string> {
  return new Map(
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.mdx') || f.endsWith('.xml') || f.endsWith('.txt'))
      .sort()
      .map((f) => [f, readFileSync(join(dir, f), 'utf8')]),
  );
}

async function seededContent(name: string): Promise<string> {
  const content = join(work, name);
  cpSync(join(root, 'test/fixtures/seed/topics'), join(content, 'topics'), { recursive: true });
  const r = await run('ingest', [join(root, 'test/fixtures/seed/digests/2025-03-17.txt'), '--content', content], {});
  assert.equal(r.code, 0, r.out);
  return content;
}

test("restored entries get the authors' text from the API; edits are kept; the answers are archived; a second run changes nothing", async () => {
  const content = await seededContent('main');
  const papers = join(content, 'papers');
  // One restored entry with math edited by hand: its edit must survive, reported as a conflict.
  const editedFile = readdirSync(papers).find((f) => f.startsWith('a-nearly-optimal-bound'))!;
  const edited = parseEntryFile(readFileSync(join(papers, editedFile), 'utf8'), editedFile);
  writeFileSync(join(papers, editedFile), writeEntryFile(edited.data, 'Edited by hand.\n'));
  requests.length = 0;
  const r = await run('originals', ['--content', content], { PAPERBOY_ARXIV_API: api });
  assert.equal(r.code, 0, r.out);
  assert.match(r.out, /49 entries with restored text: 49 requests/);
  assert.match(r.out, /20 entries now have the authors' text; 29 still restored/);
  assert.match(r.out, /conflict: a-nearly-optimal-bound.*body edited by hand; kept the hand edit/);
  // Paced at one request every 100 ms (as sent: arrival times jitter, so their span is what is checked).
  assert.ok(requests.at(-1)!.at - requests[0]!.at >= (requests.length - 1) * 100 - 150, 'requests keep their interval');
  for (const c of cases) {
    const file = readdirSync(papers).find(
      (f) =>
        titleKey((parseEntryFile(readFileSync(join(papers, f), 'utf8'), f).data['ingest'] as { sourceTitle: string }).sourceTitle) ===
        titleKey(c.title),
    );
    assert.ok(file, c.title);
    const entry = parseEntryFile(readFileSync(join(papers, file), 'utf8'), file);
    if (file === editedFile) {
      assert.equal(entry.body, 'Edited by hand.\n');
      continue;
    }
    assert.equal((entry.data['ingest'] as { textSource: string }).textSource, 'authors', file);
    assert.equal(entry.data['arxivId'], c.arxiv, file);
    assert.deepEqual(entry.data['authors'], ['A. Author']);
    // The authors' formulas are on the page as they wrote them.
    for (const [, tex] of c.original.matchAll(/\$([^$]+)\$/g))
      assert.ok(entry.body.includes(tex!.trim().slice(0, 12)), `${file}: $${tex}$`);
  }
  const archived = readdirSync(join(content, 'originals'));
  assert.ok(archived.length === 20 && archived.every((f) => f.endsWith('.xml')), archived.join(', '));
  // Again: only the entries still restored are asked for, by title, and nothing changes.
  const before = snapshot(content);
  const again = await run('originals', ['--content', content], { PAPERBOY_ARXIV_API: api });
  assert.equal(again.code, 0, again.out);
  assert.match(again.out, /29 entries with restored text: 29 requests/);
  assert.deepEqual(snapshot(content), before);
});

test('without network: a clear message, exit 1, nothing changed', async () => {
  const content = await seededContent('offline');
  const before = snapshot(content);
  const r = await run('originals', ['--content', content], {
    PAPERBOY_ARXIV_API: 'http://127.0.0.1:9/api/query',
    PAPERBOY_FETCH_TIMEOUT_MS: '2000',
  });
  assert.equal(r.code, 1, r.out);
  assert.match(r.out, /error: http:\/\/127\.0\.0\.1:9\/api\/query\?.*cannot fetch it/);
  assert.match(r.out, /retry 3 of/);
  assert.match(r.out, /\nnothing was written\n/);
  assert.deepEqual(snapshot(content), before);
  assert.equal(existsSync(join(content, 'originals')), false);
});
