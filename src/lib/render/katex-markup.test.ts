/**
 * katex-markup.ts reads KaTeX's markup into exactly the hast that hast-util-from-html-isomorphic
 * (parse5) gives, so that outputProblem's checks (katex.ts) are as strict on either reading:
 * compared node for node on every formula of the math fixtures, the hostile formulas and a list
 * of KaTeX's constructs (SVG, colours, placeholders, arrays, text, spacing), in both modes.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fromHtmlIsomorphic } from 'hast-util-from-html-isomorphic';
import katex from 'katex';
import { HOSTILE_FORMULAS } from '../../../test/support/hostile.ts';
import { katexHast, parsedKatexHast, scannedKatexHast } from './katex-markup.ts';
import { katexOptions, outputProblem, sourceProblem } from './katex.ts';

const reference = (html: string) => fromHtmlIsomorphic(html, { fragment: true }).children;

/** Every `$...$` in the strings of a JSON fixture. */
function formulasOf(file: URL): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') for (const m of v.matchAll(/\$([^$]+)\$/g)) out.push(m[1]!);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(JSON.parse(readFileSync(file, 'utf8')));
  return out;
}

const CONSTRUCTS = [
  '\\sqrt{x^2+1}',
  '\\sqrt[3]{\\frac{a}{b}}',
  '\\widehat{abc} \\overrightarrow{AB} \\underbrace{x+y}_{n} \\overbrace{a}^{b}',
  '\\xrightarrow[under]{over} \\xleftarrow{f}',
  '\\left( \\frac{1}{2} \\right] \\Big\\| x \\Big\\|',
  '\\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}',
  '\\begin{array}{c|l} 1 & 2 \\\\ \\hline 3 & 4 \\end{array}',
  '\\begin{aligned} f(x) &= x^2 \\\\ &\\leq 1 \\end{aligned}',
  '\\begin{cases} 1 & x > 0 \\\\ 0 & \\text{otherwise} \\end{cases}',
  '\\text{a < b & "c" \'d\'} \\textbf{bold} \\mathrm{d}x',
  '\\color{red}{x} \\textcolor{#0a0}{y} \\colorbox{yellow}{z} \\fcolorbox{red}{blue}{w}',
  '\\href{https://example.org}{link} \\url{https://example.org}',
  '\\includegraphics{x.png}',
  '\\htmlClass{c}{x} \\htmlStyle{color: red}{y}',
  '\\cancel{x} \\bcancel{y} \\xcancel{z} \\sout{w} \\boxed{v}',
  '\\overline{x} \\underline{y} \\vec{v} \\tilde{a} \\dot{b} \\ddot{c}',
  'a\\,b\\;c\\quad d\\qquad e\\! f\\ g~h',
  '\\mathbb{R}^n \\mathcal{O}(n \\log n) \\mathfrak{g} \\mathscr{L} \\boldsymbol{\\theta}',
  '\\sum_{i=1}^{n} \\int_0^\\infty \\prod_j \\lim_{x \\to 0} \\operatorname{argmin}_\\theta',
  '\\binom{n}{k} \\tbinom{a}{b} \\dfrac{1}{2} \\cfrac{1}{1+\\cfrac{1}{2}}',
  '\\rule{1em}{2em} \\rule[-1em]{3em}{0.5em} \\kern2em \\hspace{1em} \\raisebox{0.5em}{x}',
  '\\phantom{x} \\hphantom{y} \\vphantom{z} \\smash{w} \\mathllap{a} \\mathrlap{b} \\mathclap{c}',
  '\\stackrel{def}{=} \\overset{a}{b} \\underset{c}{d} \\xtofrom{x}',
  '\\langle x, y \\rangle \\lVert v \\rVert \\lfloor z \\rfloor \\lceil w \\rceil',
  '\\tag{1} x = y',
  '\\not= \\neq \\ne \\notin \\nleq',
  '<> & \\lt \\gt \\& \\% \\# \\$ \\{ \\}',
  'ℓ_∞ α β → ∈ ∑ 日本',
  '\\verb|<a href="x">|',
  '\\large x \\Huge y \\tiny z',
  '\\displaystyle \\sum x \\textstyle \\sum y \\scriptstyle z',
  '\\substack{a \\\\ b} \\sideset{_a^b}{_c^d}\\sum',
  '\\mathchoice{a}{b}{c}{d} \\TeX \\LaTeX',
  '\\overleftrightarrow{AB} \\overgroup{x} \\utilde{y} \\underleftarrow{z}',
  '\\begin{CD} A @>a>> B \\\\ @VbVV @AAcA \\\\ C @= D \\end{CD}',
  '\\ce{H2O}',
  '\\char"41 \\mathit{Ab}',
  '\\newline a \\\\ b',
];

function rendered(): string[] {
  const formulas = [
    ...CONSTRUCTS,
    ...HOSTILE_FORMULAS,
    ...formulasOf(new URL('../../../test/fixtures/math/seed-cases.json', import.meta.url)),
    ...formulasOf(new URL('../../../test/fixtures/math/written-abstracts.json', import.meta.url)),
  ];
  const out: string[] = [];
  for (const tex of new Set(formulas)) {
    // What the check renders: nothing sourceProblem refuses reaches KaTeX.
    if (sourceProblem(tex)) continue;
    for (const displayMode of [false, true]) {
      for (const output of ['htmlAndMathml', 'mathml'] as const) {
        try {
          out.push(katex.renderToString(tex, { ...katexOptions(output), displayMode, throwOnError: true }));
        } catch {
          // A formula KaTeX refuses has no markup to read.
        }
      }
    }
  }
  return out;
}

test('KaTeX markup reads as the same hast as parse5 reads it, so every check passes and fails alike', () => {
  const markups = rendered();
  assert.ok(markups.length > 500, `only ${markups.length} renderings`);
  const failures = new Set<string>();
  for (const html of markups) {
    const expected = reference(html);
    // The scanner reads all of it itself (no fallback), and as parse5 does.
    assert.deepEqual(scannedKatexHast(html), expected, html.slice(0, 200));
    failures.add(outputProblem(expected)?.reason ?? 'none');
  }
  // The comparison covers formulas that pass and formulas each check refuses.
  for (const reason of ['none', 'size', 'untrusted']) assert.ok(failures.has(reason), `no rendering with verdict ${reason}`);
});

test('markup outside what KaTeX writes is read by parse5, the same as before', () => {
  for (const html of [
    '<div class="katex">x</div>',
    '<span>a&nbsp;b &copy; &#65;</span>',
    '<span>line\r\nbreak\0</span>',
    '<span><b>bold</b></span>',
    '<span>unclosed',
    '<span></div>',
    '<span/>x',
    '<math><mi><span>html in math</span></mi></math>',
    '<math><mrow><div>breaks out</div></mrow></math>',
    '<math><mo><mspace width="1em"/>x</mo><mspace width="1em"/>y</math>',
    '<math><mtext><mrow><menu>html menu</menu></mrow></mtext></math>',
    '<math><mo><mrow><mspace width="1em"/>x</mrow></mo></math>',
    '<svg viewBox="0 0 1 1"><path d="M0 0"/><text>t</text></svg>',
    '<span CLASS="a" class="b" title=\'single\'>x</span>',
    '<span class="a" class="b">duplicate</span>',
    '<span constructor="x" __proto__="y">own properties</span>',
    '<span data-x="1" aria-hidden="true" style="height:1em">x</span>',
    '<!-- comment --><span>x</span>',
    'plain text & more',
    '',
  ]) {
    assert.deepEqual(katexHast(html), reference(html), html);
    assert.deepEqual(parsedKatexHast(html), reference(html), html);
  }
});

test('the scanner reads what KaTeX may write: its entities, in text and attributes, and SVG', () => {
  for (const html of [
    '<span title="a &amp; &quot;b&quot; &#x27;c&#x27; &lt;d&gt;" style="color:rgb(204, 0, 0)">&lt;x&gt; &amp; y</span>',
    '<span class="a  b"><svg xmlns="http://www.w3.org/2000/svg" width="400em" height="1em" viewBox="0 0 400 10" preserveAspectRatio="xMinYMin slice"><path d="M0 0h10"/><line x1="0" y1="0" x2="100%" y2="100%" stroke-width="0.046em"/></svg></span>',
    '<math xmlns="http://www.w3.org/1998/Math/MathML"><mo><mover><mo>=</mo><mi>d</mi></mover></mo><mspace width="1em"/><mi mathcolor="#cc0000" class ="x">z</mi></math>',
  ]) {
    assert.deepEqual(scannedKatexHast(html), reference(html), html);
  }
});
