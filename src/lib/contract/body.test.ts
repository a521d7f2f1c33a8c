import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileSync } from '@mdx-js/mdx';
import remarkMath from 'remark-math';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { withLinks, writeBody, type BodySegment } from './body.ts';
import { escapeMarkdown as escapeText } from '../text/escape.ts';
import { segmentsText } from '../text/segments.ts';
import { readBody } from './read-body.ts';

const mdx = unified().use(remarkParse).use(remarkMdx).use(remarkMath);

/** What MDX reads: the flat text, and whether anything became code, JSX or ESM. */
function mdxReading(body: string): { text: string; nodes: Set<string> } {
  const nodes = new Set<string>();
  const parts: string[] = [];
  const walk = (node: { type: string; value?: string; children?: unknown[] }): void => {
    nodes.add(node.type);
    if (node.type === 'text' || node.type === 'inlineMath') parts.push(node.type === 'inlineMath' ? `$${node.value}$` : (node.value ?? ''));
    for (const child of node.children ?? []) walk(child as typeof node);
  };
  walk(mdx.parse(body) as never);
  return { text: parts.join(''), nodes };
}

function markdownText(body: string): string {
  return segmentsText(readBody(body));
}

const HOSTILE = [
  '{alert(1)}',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'export const x = 1',
  "import a from 'b'",
  '<!-- comment -->',
  '`code` and ``more``',
  '*not emphasis* and _neither_ and **bold**',
  '# not a heading',
  '> not a quote',
  '- not a list',
  '1. not a list',
  '| a | b |',
  '[link](http://example.com) ![img](x.png)',
  '&amp; &lt; &#123; &copy;',
  'C_{Phicirc Psi} and {\\em labeled} and 100\\%',
  'a $ b $$ c \\$ d',
  'tilde ~~strike~~ and caret ^ and pipe |',
  '<https://example.com> and <b>bold</b>',
  '\\\\ backslashes \\',
  'line\\\nbreak',
  '---',
  '===',
  '+ plus',
  '    indented code',
  '<div>{x}</div>',
  'text}{',
];

test('escaped text reads back as exactly that text, in MDX and in Markdown', () => {
  for (const input of HOSTILE) {
    const body = writeBody([{ kind: 'text', value: input }]);
    const expected = input.replace(/\s*\n\s*/g, ' ').trim();
    const reading = mdxReading(body);
    for (const bad of [
      'mdxjsEsm',
      'mdxJsxFlowElement',
      'mdxJsxTextElement',
      'mdxFlowExpression',
      'mdxTextExpression',
      'inlineCode',
      'code',
      'html',
      'heading',
      'list',
      'blockquote',
      'emphasis',
      'strong',
      'link',
      'image',
      'thematicBreak',
      'inlineMath',
    ]) {
      assert.ok(!reading.nodes.has(bad), `${JSON.stringify(input)} became ${bad}`);
    }
    assert.equal(reading.text, expected, `MDX reading of ${JSON.stringify(input)}`);
    assert.equal(markdownText(body), expected, `Markdown reading of ${JSON.stringify(input)}`);
    // And the body compiles as MDX (no syntax error).
    compileSync(body);
  }
});

test('random strings over the syntax alphabet stay text', () => {
  const alphabet = [
    '{',
    '}',
    '<',
    '>',
    '&',
    '`',
    '*',
    '_',
    '#',
    '|',
    '$',
    '\\',
    '[',
    ']',
    '(',
    ')',
    '!',
    '~',
    '^',
    '-',
    '+',
    '=',
    '.',
    ':',
    '/',
    '"',
    "'",
    ' ',
    'a',
    'b',
    '1',
    'import ',
    'export ',
    '<!--',
    '-->',
    'http://x.org',
    '\u200F',
    'é',
    'e\u0301',
    '😀',
  ];
  let seed = 42;
  const rand = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  for (let i = 0; i < 1500; i += 1) {
    const input = Array.from({ length: 1 + rand(30) }, () => alphabet[rand(alphabet.length)])
      .join('')
      .trim();
    if (input === '') continue;
    const body = writeBody([{ kind: 'text', value: input }]);
    const reading = mdxReading(body);
    assert.equal(
      reading.text,
      input.replace(/\s+/g, (s) => (s.includes('\n') ? ' ' : s)),
      `MDX: ${JSON.stringify(input)} -> ${JSON.stringify(body)}`,
    );
    assert.equal(markdownText(body), input, `Markdown: ${JSON.stringify(input)} -> ${JSON.stringify(body)}`);
  }
});

test('math, emphasis and links are written as Markdown that reads back the same', () => {
  const segments: BodySegment[] = [
    { kind: 'text', value: 'the map ' },
    { kind: 'math', tex: '\\mathcal O_i(u) = \\sigma\\left( \\sum_j W_{ij} u \\right)' },
    { kind: 'text', value: ' on ' },
    { kind: 'em', value: 'labeled' },
    { kind: 'text', value: ' data, see ' },
    { kind: 'link', href: 'https://github.com/camlab-ethz/poseidon', text: 'https://github.com/camlab-ethz/poseidon' },
    { kind: 'text', value: '.' },
  ];
  const body = writeBody(segments);
  assert.equal(
    body,
    'the map $\\mathcal O_i(u) = \\sigma\\left( \\sum_j W_{ij} u \\right)$ on *labeled* data, see [https://github.com/camlab-ethz/poseidon](https://github.com/camlab-ethz/poseidon).\n',
  );
  assert.deepEqual(readBody(body), segments);
  const reading = mdxReading(body);
  assert.ok(!reading.nodes.has('mdxTextExpression'));
});

test('URLs become links with sentence punctuation left outside', () => {
  const segs = withLinks([
    { kind: 'text', value: 'Code: https://github.com/a/b. See (https://x.org/p_(1)) and https://y.org/q?, or https://z.org/r!' },
  ]);
  assert.deepEqual(
    segs.filter((s) => s.kind === 'link').map((s) => (s.kind === 'link' ? s.href : '')),
    ['https://github.com/a/b', 'https://x.org/p_(1)', 'https://y.org/q', 'https://z.org/r'],
  );
  assert.equal(
    segs.map((s) => (s.kind === 'link' ? s.text : s.kind === 'text' ? s.value : '')).join(''),
    'Code: https://github.com/a/b. See (https://x.org/p_(1)) and https://y.org/q?, or https://z.org/r!',
  );
});

test('escapeText escapes only characters that are syntax somewhere', () => {
  assert.equal(escapeText('a {b} <c> & d_e*f'), 'a \\{b\\} \\<c\\> \\& d\\_e\\*f');
  assert.equal(escapeText('Plain prose, with (parentheses): 90%.'), 'Plain prose, with (parentheses): 90%.');
});
