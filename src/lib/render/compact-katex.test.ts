import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import katex from 'katex';
import { compactKatex, compactStyle } from './compact-katex.ts';

test('compactStyle drops leading zeros and the last semicolon, and a zero left margin on bare rows', () => {
  assert.equal(compactStyle('height:0.8444em;vertical-align:-0.15em;', false), 'height:.8444em;vertical-align:-.15em');
  assert.equal(compactStyle('top:-2.55em;margin-left:0em;margin-right:0.05em;', true), 'top:-2.55em;margin-right:.05em');
  assert.equal(compactStyle('top:-2.55em;margin-left:0em;margin-right:0.05em;', false), 'top:-2.55em;margin-left:0em;margin-right:.05em');
  // Not a leading zero: 10.5em, 2.05em stay; a lone 0em stays.
  assert.equal(compactStyle('height:10.5em;top:-2.05em;width:0em;', false), 'height:10.5em;top:-2.05em;width:0em');
  assert.equal(compactStyle('margin-left:0em;', true), '');
  assert.equal(compactStyle('margin-left:0.5em;', true), 'margin-left:.5em');
});

test("compactKatex keeps KaTeX's markup but the namespace and the style text", () => {
  const html = katex.renderToString('x_\\infty^2 + \\frac{a}{b}', { output: 'htmlAndMathml' });
  const tree = fromHtml(html, { fragment: true });
  compactKatex([tree]);
  const out = toHtml(tree);
  assert.ok(html.includes('xmlns="http://www.w3.org/1998/Math/MathML"'));
  assert.ok(!out.includes('xmlns'));
  assert.ok(!/style="[^"]*;"/.test(out), out);
  assert.ok(!/[:-]0\.\d/.test(out), out);
  // The same elements with the same classes, text and annotation, in the same order.
  const shape = (s: string): string =>
    s
      .replace(/ style="[^"]*"/g, '')
      .replace(/ xmlns="[^"]*"/g, '')
      .replace(/&#x27;/g, "'");
  assert.equal(shape(out), shape(toHtml(fromHtml(html, { fragment: true }))));
  assert.ok(out.length < html.length);
});
