/**
 * Hand edits that break an entry fail the build with the entry's file and line, and build
 * nothing: a YAML error, an unknown topic, a javascript: link, MDX-only syntax. Each edit is
 * made on a copy of the seed fixture site's content (built by `npm run test:sites`).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { builtSite, ROOT } from '../test/support/sites.ts';

const seed = builtSite('seed');
const work = mkdtempSync(join(tmpdir(), 'pb-edits-'));
after(() => rmSync(work, { recursive: true, force: true }));
const ENTRY = 'mgno-efficient-parameterization-of-linear-operators-via-multigrid.mdx';

function buildWithEdit(name: string, edit: (text: string) => string): { status: number | null; output: string; dist: string } {
  const content = join(work, name, 'content');
  cpSync(seed.content, content, { recursive: true });
  const file = join(content, 'papers', ENTRY);
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
  const dist = join(work, name, 'dist');
  const r = spawnSync(join(ROOT, 'node_modules/.bin/astro'), ['build'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: {
      ...process.env,
      PAPERBOY_CONTENT: content,
      PAPERBOY_OUT: dist,
      PAPERBOY_CACHE: join(work, name, 'cache'),
      ASTRO_TELEMETRY_DISABLED: '1',
      PATH: `${join(ROOT, 'node_modules/.bin')}:${process.env['PATH']}`,
    },
  });
  return { status: r.status, output: `${r.stdout}\n${r.stderr}`, dist };
}

const lineOf = (text: string, needle: string): number => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
const original = readFileSync(join(seed.content, 'papers', ENTRY), 'utf8');

const cases: { name: string; edit: (t: string) => string; message: RegExp; line: number }[] = [
  {
    name: 'yaml',
    edit: (t) => t.replace(/^topics:/m, 'topics: [unclosed\nmore:'),
    message: /invalid YAML frontmatter/,
    line: lineOf(original, 'topics:'),
  },
  {
    name: 'topic',
    edit: (t) => t.replace(/^topics:\n/m, 'topics:\n  - "no-such-topic"\n'),
    message: /unknown topic "no-such-topic"/,
    line: lineOf(original, 'topics:'),
  },
  {
    name: 'link',
    edit: (t) => `${t.trimEnd()} See [the code](javascript:alert(1)).\n`,
    message: /links to "javascript:alert\(1\)".*only to http/,
    line: original.trimEnd().split('\n').length,
  },
  {
    name: 'mdx',
    edit: (t) => `${t.trimEnd()}\n\nSee {alert(1)}.\n`,
    message: /MDX-only syntax/,
    line: original.trimEnd().split('\n').length + 2,
  },
];

for (const c of cases) {
  test(`a hand edit with ${c.name === 'yaml' ? 'broken YAML' : c.name === 'topic' ? 'an unknown topic' : c.name === 'link' ? 'a javascript: link' : 'MDX-only syntax'} fails the build naming the file and line`, () => {
    const r = buildWithEdit(c.name, c.edit);
    assert.notEqual(r.status, 0, r.output.slice(-2000));
    const where = new RegExp(`papers/${ENTRY.replace(/\./g, '\\.')}:(\\d+): `);
    const m = where.exec(r.output);
    assert.ok(m, `the error names the entry file: ${r.output.slice(-1500)}`);
    assert.ok(Math.abs(Number(m[1]) - c.line) <= 1, `line ${m[1]}, expected about ${c.line}`);
    assert.match(r.output, c.message);
    assert.equal(existsSync(join(r.dist, 'index.html')), false, 'nothing built');
  });
}
