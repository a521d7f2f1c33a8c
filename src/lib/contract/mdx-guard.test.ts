import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertPlainMdx, parsePlainMdx } from './mdx-guard.ts';
import { writeBody } from './body.ts';

test('bodies the ingest writes pass, whatever their text', () => {
  for (const text of ['{alert(1)}', 'export const x = 1', '<script>x</script>', 'a $x_{ij}$ b']) {
    assert.doesNotThrow(() => assertPlainMdx(writeBody([{ kind: 'text', value: text }]), 'a.mdx', 5));
  }
  assert.doesNotThrow(() => assertPlainMdx('Math $\\frac{a}{b} < c$ and *em*.\n', 'a.mdx', 5));
});

test('MDX-only syntax is refused with the file and the line', () => {
  assert.throws(
    () => assertPlainMdx('First line.\n\nSecond {alert(1)} line.\n', 'p.mdx', 10),
    /^InputError: p\.mdx:12: the body uses MDX-only syntax \(mdxTextExpression\)/,
  );
  assert.throws(() => assertPlainMdx('import X from "y"\n\nText.\n', 'p.mdx', 7), /^InputError: p\.mdx:7: .*mdxjsEsm/);
  assert.throws(() => assertPlainMdx('Text <b>bold</b>.\n', 'p.mdx', 7), /^InputError: p\.mdx:7: .*mdxJsxTextElement/);
  assert.throws(() => assertPlainMdx('Unclosed {brace\n', 'p.mdx', 7), /^InputError: p\.mdx:\d+: not valid MDX/);
});

test('the MDX tree of a written body reads as the same segments as its Markdown tree', async () => {
  const { readBody, segmentsOf } = await import('./read-body.ts');
  const { withLinks } = await import('./body.ts');
  const { restoreMath } = await import('../math/restore.ts');
  const { readSeedPapers } = await import('../../../test/support/seed-papers.ts');
  // The bodies the ingest writes for the seed digest: the real restorer, then the real writer.
  const bodies = readSeedPapers().map((p) => writeBody(withLinks(restoreMath(p.abstract).segments)));
  bodies.push(
    ...['{alert(1)}', 'export const x = 1', '<b>x</b> & *y* `z` $a_{i}$ [l](https://x.org)'].map((t) =>
      writeBody([{ kind: 'text', value: t }]),
    ),
  );
  assert.ok(bodies.length > 49);
  for (const body of bodies) assert.deepEqual(segmentsOf(parsePlainMdx(body, 'x.mdx', 1)), readBody(body));
});

test('a hand-edited link may point only to a web address', () => {
  assert.doesNotThrow(() => assertPlainMdx('See [the code](https://github.com/x/y).\n', 'p.mdx', 9));
  for (const url of ['javascript:alert(1)', 'data:text/html,<script>x</script>', 'JAVASCRIPT:void(0)', '/relative/path', 'vbscript:x']) {
    assert.throws(
      () => assertPlainMdx(`Intro.\n\nSee [here](${url}).\n`, 'p.mdx', 9),
      /^InputError: p\.mdx:11: the body links to .*only to http:\/\/ or https:\/\//,
      url,
    );
  }
  assert.throws(() => assertPlainMdx('Text ![pic](javascript:x) here.\n', 'p.mdx', 9), /^InputError: p\.mdx:9: the body links to/);
  assert.throws(
    () => assertPlainMdx('Text [a][r].\n\n[r]: javascript:alert(1)\n', 'p.mdx', 9),
    /^InputError: p\.mdx:11: the body links to/,
  );
});
