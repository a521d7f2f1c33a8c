import assert from 'node:assert/strict';
import { test } from 'node:test';
import katex from 'katex';
import { fromHtml } from 'hast-util-from-html';
import { select } from 'hast-util-select';
import { indexableHtml, texSearchText } from './math.ts';
import { spellingAliases } from './spelling.ts';
import { mathmlText } from './mathml-text.ts';

const render = (tex: string, displayMode = false) =>
  katex.renderToString(tex, { throwOnError: true, output: 'htmlAndMathml', strict: 'ignore', displayMode });
const unicode = (tex: string): string => mathmlText(select('math', fromHtml(render(tex), { fragment: true }))!);
const page = (title: string, abstract: string): string =>
  `<html lang="en"><body><article data-pagefind-sort="date:2025-03-17" data-pagefind-meta="date:2025-03-17"><h1 data-pagefind-body data-pagefind-meta="title:${title}">${title}</h1><div class="abstract" data-pagefind-body>${abstract}</div></article></body></html>`;

test('a formula is searched as its TeX source without backslashes, as the digests print it', () => {
  assert.equal(texSearchText('\\ell_\\infty'), 'ell_infty');
  assert.equal(texSearchText('\\mathcal O_i(u) = \\sigma\\left( \\sum_j u\\right)'), 'mathcal O_i(u) = sigmaleft( sum_j uright)');
  assert.equal(texSearchText('\\|x\\|_\\infty \\leq \\{a\\}'), '|x|_infty leq {a}');
  assert.equal(texSearchText('a\\,b\\;c\\!d\\ e~f \\\\ g 100\\%'), 'a b c d e f g 100%');
});

test('a formula reads as the reader sees it, in Unicode', () => {
  assert.equal(unicode('\\ell_\\infty'), 'ℓ∞');
  assert.equal(unicode('L^2'), 'L²');
  assert.equal(unicode('x_i'), 'xᵢ');
  assert.equal(unicode('A\\in\\mathbb{R}^{n\\times d}'), 'A ∈ ℝn×d');
  assert.equal(unicode('\\sim3'), '∼3');
  assert.equal(unicode("\\|x'-x^*\\|_\\infty \\leq \\epsilon"), '∥x′ − x∗∥∞ ≤ ϵ');
  assert.equal(unicode('\\frac{a}{b}'), 'a/b');
  assert.equal(unicode('\\log n + \\arg\\min_x f'), 'log n + arg minₓ f');
});

test('each formula is indexed once as its Unicode text; its TeX spelling is a hidden alias', () => {
  const out = indexableHtml(
    page(
      'Fast Regression with ℓ∞ Guarantee',
      `<p>A bound in ${render('\\ell_\\infty')} norm with ${render('\\sim3')} billion &amp; more.</p>`,
    ),
  );
  const tree = fromHtml(out);
  const abstract = select('.abstract', tree)!;
  assert.equal(
    select('.abstract p', tree)!
      .children.map((c) => ('value' in c ? c.value : ''))
      .join(''),
    'A bound in ℓ∞ norm with ∼3 billion & more.',
  );
  assert.ok(!out.includes('katex'));
  const alias = select('[data-pagefind-meta="alias"]', tree)!;
  assert.deepEqual(alias.children, [{ type: 'text', value: 'ell_infty sim3', position: alias.children[0]?.position }]);
  assert.ok(!select('[data-pagefind-meta="alias"]', abstract), 'the alias is outside the indexed body');
});

test('the title is metadata, not body; sort keys go; British spellings and folded letters become aliases', () => {
  const out = indexableHtml(page('Quantisation of Łojasiewicz flows', '<p>We optimise it.</p>'));
  const tree = fromHtml(out);
  const h1 = select('h1', tree)!;
  assert.equal(h1.properties['dataPagefindBody'], undefined);
  assert.equal(h1.properties['dataPagefindMeta'], 'title:Quantisation of Łojasiewicz flows');
  assert.equal(select('article', tree)!.properties['dataPagefindSort'], undefined);
  assert.equal(
    select('[data-pagefind-meta="alias"]', tree)!
      .children.map((c) => ('value' in c ? c.value : ''))
      .join(''),
    'quantization lojasiewicz optimize',
  );
});

test('a page with one body keeps it, and a page with nothing to alias gets no alias field', () => {
  const out = indexableHtml(
    '<html lang="en"><body><main data-pagefind-body data-pagefind-meta="title:About">About us.</main></body></html>',
  );
  assert.ok(/<main data-pagefind-body/.test(out));
  assert.ok(!out.includes('alias'));
});

test('KaTeX output without MathML is left as it is', () => {
  const htmlOnly = katex.renderToString('x^2', { output: 'html' });
  assert.ok(indexableHtml(page('T', `<p>${htmlOnly}</p>`)).includes('katex-html'));
});

test('the aliases are spellingAliases of the words the page shows, page after page (each word is judged once)', () => {
  const texts = ['Quantisation-aware colour models', 'Modelling the colour of quantisation-aware Łódź flows', 'colour'];
  for (const text of texts) {
    const tree = fromHtml(indexableHtml(page(text, `<p>${text}, again: ${text}.</p>`)));
    const alias = select('[data-pagefind-meta="alias"]', tree)!
      .children.map((c) => ('value' in c ? c.value : ''))
      .join('');
    assert.equal(alias, spellingAliases(`${text} ${text}, again: ${text}.`).join(' '));
  }
});
