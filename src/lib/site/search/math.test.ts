import assert from 'node:assert/strict';
import { test } from 'node:test';
import katex from 'katex';
import { decodeEntities, indexableHtml, texSearchText } from './math.ts';

const render = (tex: string, displayMode = false) =>
  katex.renderToString(tex, { throwOnError: true, output: 'htmlAndMathml', strict: 'ignore', displayMode });

test('a formula is searched as its TeX source without backslashes, as the digests print it', () => {
  assert.equal(texSearchText('\\ell_\\infty'), 'ell_infty');
  assert.equal(texSearchText('\\ell_{\\infty}'), 'ell_{infty}');
  assert.equal(texSearchText('\\mathcal O_i(u) = \\sigma\\left( \\sum_j \\mathcal W_{ij} u + \\mathcal B_{ij}\\right)'), 'mathcal O_i(u) = sigmaleft( sum_j mathcal W_{ij} u + mathcal B_{ij}right)');
  assert.equal(texSearchText('L^2'), 'L^2');
});

test('control symbols keep their character, spacing commands and line breaks become spaces', () => {
  assert.equal(texSearchText('\\|x\\|_\\infty \\leq \\{a\\}'), '|x|_infty leq {a}');
  assert.equal(texSearchText('a\\,b\\;c\\!d\\ e~f'), 'a b c d e f');
  assert.equal(texSearchText('a \\\\ b'), 'a b');
  assert.equal(texSearchText('  x \n\t y  '), 'x y');
  assert.equal(texSearchText('100\\%'), '100%');
  assert.equal(texSearchText('\\'), '');
});

test('character references are decoded, whichever way the serializer wrote them', () => {
  assert.equal(decodeEntities('a &lt; b &amp;&amp; c &#x3C; d &#60; e &#x26; &quot;&apos;&nbsp;'), 'a < b && c < d < e & "\'\u00a0');
  assert.equal(decodeEntities('&unknown; &#xFFFFFFF;'), '&unknown; &#xFFFFFFF;');
});

test('each KaTeX formula is indexed once, as its searchable text, and nothing else changes', () => {
  const html = `<h1>Fast Regression with ${render('\\ell_\\infty')} Guarantee</h1>`;
  assert.ok(html.includes('katex-mathml') && html.includes('katex-html'));
  assert.equal(indexableHtml(html), '<h1>Fast Regression with ell_infty Guarantee</h1>');
});

test('several formulas, display math and nested constructs are each replaced whole', () => {
  const html = [
    `<p>Let ${render('x\\in\\mathbb{R}^d')} and ${render('\\sqrt{\\frac{a}{b}} < \\text{cost}(n)')}.</p>`,
    render('\\overrightarrow{AB} = \\sum_{i=1}^n x_i', true), // KaTeX wraps it in .katex-display
    '<p>After.</p>',
  ].join('');
  const out = indexableHtml(html);
  assert.equal(
    out,
    '<p>Let xinmathbb{R}^d and sqrt{frac{a}{b}} &lt; text{cost}(n).</p><span class="katex-display">overrightarrow{AB} = sum_{i=1}^n x_i</span><p>After.</p>',
  );
  assert.ok(!out.includes('katex"'));
});

test('the markup of the Markdown pipeline (hast serializer) is read the same way', () => {
  // rehype-stringify writes `<` in text as &#x3C; and keeps KaTeX's structure.
  const html =
    '<p>Bound <span class="katex"><span class="katex-mathml"><math xmlns="http://www.w3.org/1998/Math/MathML"><semantics><mrow><mi>a</mi><mo>&#x3C;</mo><mi>b</mi></mrow>' +
    '<annotation encoding="application/x-tex">a &#x3C; b</annotation></semantics></math></span><span class="katex-html" aria-hidden="true"><span class="base"><span class="mord mathnormal">a</span></span></span></span> holds.</p>';
  assert.equal(indexableHtml(html), '<p>Bound a &lt; b holds.</p>');
});

test('markup without a TeX annotation or cut short is left as it is', () => {
  const htmlOnly = katex.renderToString('x^2', { output: 'html' });
  assert.equal(indexableHtml(`<p>${htmlOnly}</p>`), `<p>${htmlOnly}</p>`);
  const cut = '<p><span class="katex"><span class="katex-mathml">';
  assert.equal(indexableHtml(cut), cut);
  assert.equal(indexableHtml('<p>No math, <span class="katex-display">label</span></p>'), '<p>No math, <span class="katex-display">label</span></p>');
});
