/**
 * The KaTeX options and limits (katex.ts): every hostile formula is math within the limits or
 * its marked source, wherever formulas are rendered (entry bodies through rehype-katex and the
 * steps around it, in process (the worker threads: src/loaders/render-pool.test.ts); feeds; titles and excerpts; the ingest's
 * check), and nothing throws.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import katex from 'katex';
import rehypeKatex from 'rehype-katex';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { HOSTILE_FORMULAS, hugeFormula } from '../../../test/support/hostile.ts';
import { parsesInKatex } from '../math/katex-check.ts';
import { compactKatex } from './compact-katex.ts';
import { feedHtml } from './feed-html.ts';
import { inlineMath } from './inline-math.ts';
import {
  formulaHtml,
  katexHast,
  katexOptions,
  LIMITS,
  markupProblem,
  mathSourceHast,
  mathSourceHtml,
  outputProblem,
  renderFormula,
  SHOWN_SOURCE,
  sourceProblem,
} from './katex.ts';
import { markdownProcessor } from './markdown.ts';
import { mathPlugins, rehypeMathFallback, rehypeMathPrecheck } from './math-plugins.ts';

async function renderBody(body: string): Promise<string> {
  const renderer = await markdownProcessor().createRenderer({ syntaxHighlight: false } as Parameters<
    ReturnType<typeof markdownProcessor>['createRenderer']
  >[0]);
  return (await renderer.render(body, { frontmatter: {} })).code;
}

/** The reasons of the marked formulas of some markup, in order. */
const markedReasons = (html: string): string[] => [...html.matchAll(/class="math-source[^"]*" data-math-error="(\w+)"/g)].map((m) => m[1]!);

const reasonOf = (tex: string): string => {
  const r = renderFormula(tex);
  return r.ok ? 'ok' : r.reason;
};

/** The deepest element nesting of some markup. */
function depthOf(html: string): number {
  let depth = 0;
  let max = 0;
  for (const m of html.matchAll(/<(\/?)([a-zA-Z][\w-]*)\b[^>]*?(\/?)>/g)) {
    if (m[1]) depth -= 1;
    else if (!m[3]) max = Math.max(max, (depth += 1));
  }
  return max;
}

/** Every length KaTeX writes in a style, in ems. */
const styleEms = (html: string): number[] =>
  [...html.matchAll(/style="([^"]*)"/g)].flatMap((s) => [...(s[1] ?? '').matchAll(/(-?\d*\.?\d+)em/g)].map((m) => Number(m[1])));

test('each hostile formula is refused for its reason, or rendered within the limits', () => {
  const expected: [string, string][] = [
    ['\\rule{100000em}{100000em}', 'ok'],
    ['\\rule[-100000em]{1em}{1em}', 'size'],
    ['a\\kern100000em b', 'ok'],
    ['a\\kern-100000em b', 'size'],
    ['a\\hspace{-100000em}b', 'size'],
    ['x\\mkern-1000000mu y', 'size'],
    ['\\raisebox{-100000em}{x}', 'size'],
    ['\\Huge\\rule{100000em}{100000em}', 'ok'],
    [`${'\\sqrt{'.repeat(400)}x${'}'.repeat(400)}`, 'length'],
    [`${'{'.repeat(400)}x${'}'.repeat(400)}`, 'depth'],
    [`${'\\sqrt{'.repeat(17)}x${'}'.repeat(17)}`, 'depth'],
    [`${'\\left('.repeat(17)}x${'\\right)'.repeat(17)}`, 'depth'],
    [`${'x^{'.repeat(40)}x${'}'.repeat(40)}`, 'depth'],
    ['\\href{javascript:alert(1)}{click}', 'untrusted'],
    ['\\url{javascript:alert(1)}', 'untrusted'],
    ['\\includegraphics[height=100000em]{https://evil.example/x.png}', 'untrusted'],
    // A URL without a valid protocol: KaTeX refuses the command without asking `trust`, and
    // shows a placeholder, which the output check finds.
    ['\\href{java&colon;script:alert(1)}{x}', 'untrusted'],
    ['\\href{&#58;x}{y}', 'untrusted'],
    ['\\url{&colon;x}', 'untrusted'],
    ['\\includegraphics{&#x3a;x}', 'untrusted'],
    ['\\color{#cc0000}{x} \\textcolor{red}{y}', 'ok'],
    ['\\htmlData{foo=bar}{x}', 'parse'],
    ['\\htmlStyle{position:fixed}{x}', 'parse'],
    ['\\def\\a{\\a\\a}\\a', 'command'],
    ['\\newcommand{\\x}{\\x\\x}\\x', 'command'],
    ['\\gdef\\x{1}\\x', 'command'],
    ['\\message{hello}x', 'command'],
    [`\\begin{matrix}${'a\\\\'.repeat(300)}\\end{matrix}`, 'size'],
    [`\\smash{\\begin{matrix}${'a\\\\'.repeat(100)}\\end{matrix}}`, 'size'],
    [hugeFormula(100_000), 'length'],
    ['\\undefinedcommand', 'parse'],
    ['\\frac{1}{', 'parse'],
  ];
  for (const [tex, reason] of expected) assert.equal(reasonOf(tex), reason, tex.slice(0, 60));
  for (const tex of HOSTILE_FORMULAS) {
    const r = renderFormula(tex);
    if (!r.ok) continue;
    // What passes is bounded: maxSize caps sizes, and nothing is placed beyond the offset limit.
    for (const em of styleEms(r.html)) assert.ok(Math.abs(em) <= LIMITS.MAX_OFFSET_EM, `${tex.slice(0, 40)}: ${em}em`);
    assert.ok(depthOf(r.html) <= LIMITS.MAX_MARKUP_DEPTH, tex.slice(0, 40));
    assert.doesNotMatch(r.html, /katex-error|javascript:|<img|<a\b|data-foo/i, tex.slice(0, 40));
  }
  // maxSize caps a rule at 5em, in any size.
  assert.deepEqual(
    styleEms((renderFormula('\\rule{100000em}{100000em}') as { html: string }).html).filter((e) => e >= 1),
    [5, 5, 5],
  );
});

test('formulas of real abstracts pass, and the nesting limit bites before the markup limits', () => {
  for (const tex of [
    '\\mathcal{L}(\\phi) = \\mathbb{E}_{q_\\phi}[\\log p(y \\mid x, w)]',
    "\\|x'-x^*\\|_\\infty \\leq \\frac{\\epsilon}{\\sqrt{d}}\\cdot \\|Ax^*-b\\|_\\infty",
    'O\\left(\\left(dB_L\\right)^{\\max\\{p \\log(1/ \\epsilon), p^{\\log p}\\}}\\right)',
    '\\hat\\mu_1, \\dots, \\hat\\mu_k',
    'f:\\mathbb{R}^d\\to\\mathbb{R}',
    '\\operatorname*{arg\\,min}_{\\theta} \\sum_{i=1}^{n} \\ell(f_\\theta(x_i), y_i) + \\lambda \\|\\theta\\|_2^2',
    '\\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}',
    '\\text{ℓ∞-bounded}\\ \\ell_\\infty',
    '\\kern-0.5em x \\rule{0pt}{2ex}',
  ]) {
    assert.equal(reasonOf(tex), 'ok', tex);
  }
  // The deepest constructs, nested as deep as the limit allows, stay within the markup limits.
  const deepest: [string, string][] = [
    ['\\sqrt{', '}'],
    ['\\frac{1}{', '}'],
    ['x^{', '}'],
    ['\\underbrace{', '}_{a}'],
    ['\\begin{pmatrix}', '\\end{pmatrix}'],
    ['\\left(', '\\right)'],
    ['\\cfrac{1}{1+', '}'],
  ];
  for (const [open, close] of deepest) {
    const tex = `${open.repeat(LIMITS.MAX_DEPTH)}x${close.repeat(LIMITS.MAX_DEPTH)}`;
    assert.equal(sourceProblem(tex), undefined, open);
    const html = katex.renderToString(tex, { displayMode: true, strict: 'ignore' });
    assert.ok(depthOf(html) < LIMITS.MAX_MARKUP_DEPTH, `${open}: ${depthOf(html)}`);
    assert.notEqual(
      renderFormula(tex, { displayMode: true }).ok ? 'ok' : (renderFormula(tex, { displayMode: true }) as { reason: string }).reason,
      'markup',
      open,
    );
  }
  // A thousand characters of KaTeX's own macros fit maxExpand.
  let many = '';
  while (many.length < LIMITS.MAX_LENGTH - 40) many += '\\dots \\neq \\coloneqq \\operatorname{tr} \\notin \\argmax ';
  assert.equal(reasonOf(many), 'ok');
  assert.equal(sourceProblem('\\{\\{\\{x\\}\\}\\}'), undefined, 'escaped braces are not groups');
  assert.equal(markupProblem('<span style="margin-right:-26em"></span>')?.reason, 'size');
  // The same checks on the tree that rehype-katex inserts.
  assert.equal(outputProblem(katexHast('<span class="katex"><span style="margin-right:-26em"></span></span>'))?.reason, 'size');
  assert.equal(
    outputProblem(katexHast('<span class="katex-error" title="ParseError: KaTeX parse error: Expected }">x</span>'))?.detail,
    'does not parse (Expected })',
  );
  assert.equal(
    outputProblem(katexHast(`${'<span>'.repeat(LIMITS.MAX_MARKUP_DEPTH + 1)}x${'</span>'.repeat(LIMITS.MAX_MARKUP_DEPTH + 1)}`))?.reason,
    'markup',
  );
  assert.equal(outputProblem(katexHast(`<span>${'x'.repeat(LIMITS.MAX_MARKUP + 1)}</span>`))?.reason, 'markup');
  assert.equal(outputProblem(katexHast('<span class="strut" style="height:15em;vertical-align:-6em;"></span>'))?.reason, 'size');
  assert.equal(outputProblem(katexHast(katex.renderToString('\\frac{a}{b}', { output: 'htmlAndMathml' }))), undefined);
});

test('a refused formula is its source in a marked, labelled element; never KaTeX error markup', () => {
  const html = formulaHtml('\\href{javascript:alert(1)}{<b>x</b>} \\& "q"');
  assert.match(html, /^<span class="math-source" data-math-error="untrusted" title="Not rendered as math: this formula uses \\href[^"]*">/);
  assert.match(html, /<span class="visually-hidden" data-pagefind-ignore>Formula not rendered, TeX source: <\/span>/);
  assert.ok(html.includes('<code>$\\href{javascript:alert(1)}{&lt;b&gt;x&lt;/b&gt;} \\&amp; &quot;q&quot;$</code>'), html);
  assert.doesNotMatch(html, /<a\b|<b>|katex-error/);
  // The 100 KB formula shows its first SHOWN_SOURCE characters, and says it was cut.
  const huge = formulaHtml(hugeFormula(100_000));
  assert.ok(huge.length < SHOWN_SOURCE + 600, String(huge.length));
  assert.match(
    huge,
    /data-math-error="length" title="Not rendered as math: this formula is longer than 1000 characters \(99994\) \(its first 300 of 99994 characters are shown\)"/,
  );
  assert.match(huge, /…\$<\/code><\/span>$/);
  const display = formulaHtml('\\frac{1}{', { displayMode: true });
  assert.match(display, /^<span class="math-source math-source-display" data-math-error="parse"/);
  assert.ok(display.includes('<code>$$\\frac{1}{$$</code>'));
  // For feed readers, which have no stylesheet: the bare source, no hidden label.
  assert.equal(
    formulaHtml('\\def\\a{1}', { output: 'mathml' }),
    '<code class="math-source" data-math-error="command" title="Not rendered as math: this formula defines a macro (\\def)">$\\def\\a{1}$</code>',
  );
  // Entry bodies build the same element as a tree.
  for (const [tex, displayMode, feed] of [
    ['\\href{x}{<b>"&"</b>}', false, false],
    [hugeFormula(2000), true, false],
    ['\\def\\a{1}', false, true],
  ] as const) {
    const failure = { reason: 'untrusted', detail: 'uses \\href, which "is" <not> allowed & so on' } as const;
    assert.deepEqual(katexHast(mathSourceHtml(tex, failure, { displayMode, feed })), [mathSourceHast(tex, failure, { displayMode, feed })]);
  }
});

test('entry bodies: rehype-katex with the options of katex.ts, between the source check and the output check', () => {
  for (const output of ['htmlAndMathml', 'mathml'] as const) {
    const [[before, a], [katexPlugin, options], [after, b]] = mathPlugins(output);
    assert.equal(before, rehypeMathPrecheck);
    assert.equal(katexPlugin, rehypeKatex);
    assert.equal(after, rehypeMathFallback);
    assert.deepEqual([a, b], [{ output }, { output }]);
    assert.equal(JSON.stringify(options), JSON.stringify(katexOptions(output)));
    assert.equal(options.output, output);
    assert.equal(options.trust, false);
    assert.equal(options.maxSize, LIMITS.MAX_SIZE_EM);
    assert.equal(options.maxExpand, LIMITS.MAX_EXPAND);
  }
  assert.deepEqual(
    markdownProcessor().options.rehypePlugins.map((p) => (Array.isArray(p) ? p[0] : p)),
    [rehypeMathPrecheck, rehypeKatex, rehypeMathFallback],
  );
});

/**
 * The hostile formulas, two that rehype-katex's retry after an error would show as math (an
 * unknown command; an \href that KaTeX refuses without asking `trust`), and math in KaTeX's red.
 */
const BODY_FORMULAS = [...HOSTILE_FORMULAS, '\\undefinedcommand', '\\href{&colon;x}{y}', '\\color{#cc0000}{x}'];
const hostileBody = `Hostile: ${BODY_FORMULAS.map((f) => `$${f}$`).join(' and ')}.\n\n$$\n\\frac{1}{\n$$\n\n$$\n${'\\sqrt{'.repeat(400)}x${'}'.repeat(400)}\n$$\n\n\`\`\`math\n\\href{x}{y}\n\`\`\`\n`;

test('entry bodies: a body of hostile formulas renders, as the loader renders it', async () => {
  // What renderFormula says of each, before any body is rendered (a body's verdicts are remembered).
  const reasons = BODY_FORMULAS.map((f) => renderFormula(f)).flatMap((r) => (r.ok ? [] : [r.reason]));
  const refused = reasons.length;
  assert.deepEqual(reasons.slice(-2), ['parse', 'untrusted']);
  // KaTeX never sees a formula the source check refuses.
  const seen: string[] = [];
  const renderToString = katex.renderToString;
  katex.renderToString = (tex, options) => {
    seen.push(tex);
    return renderToString(tex, options);
  };
  let code: string;
  try {
    code = await renderBody(hostileBody);
  } finally {
    katex.renderToString = renderToString;
  }
  assert.ok(seen.length > 0, 'rehype-katex renders with the katex module');
  for (const tex of seen) assert.equal(sourceProblem(tex), undefined, tex.slice(0, 40));
  assert.ok(!seen.includes(`${'\\sqrt{'.repeat(400)}x${'}'.repeat(400)}`));

  const marked = markedReasons(code);
  assert.deepEqual(
    marked,
    [...reasons, 'parse', 'length', 'untrusted'],
    'each refused formula is marked, for the reason renderFormula gives, the display ones too',
  );
  assert.equal(code.match(/<span class="katex">/g)?.length, BODY_FORMULAS.length - refused);
  assert.ok(code.includes('<span class="math-source math-source-display" data-math-error="parse"'));
  assert.doesNotMatch(code, /katex-error|paperboy-formula|href="javascript|<img|<script|data-foo|rgb\(204/i);
  assert.ok(depthOf(code) <= LIMITS.MAX_MARKUP_DEPTH + 2, String(depthOf(code)));
  // What passes is rehype-katex's markup of KaTeX's rendering, only written shorter (compact-katex.ts).
  const inline = await renderBody('$\\frac{a}{b} < c$');
  const reference = fromHtml(katex.renderToString('\\frac{a}{b} < c', { ...katexOptions('htmlAndMathml'), throwOnError: true }), {
    fragment: true,
  });
  compactKatex([reference]);
  assert.equal(inline, `<p>${toHtml(reference)}</p>`);
  // The feed shows as MathML exactly the formulas the page shows as math.
  const feed = feedHtml(hostileBody);
  assert.equal(feed.match(/<span class="katex"><math/g)?.length, BODY_FORMULAS.length - refused);
  assert.deepEqual(
    [...feed.matchAll(/<code class="math-source" data-math-error="(\w+)"/g)].map((m) => m[1]),
    [...reasons, 'parse', 'length', 'untrusted'],
  );
  // Each formula's TeX is its alttext (feed-html.ts): a `<script` there is attribute text, not markup.
  assert.ok(feed.includes('alttext="\\verb|<script>alert(1)</script>|"'));
  assert.doesNotMatch(
    feed.replace(/ alttext="[^"]*"/g, ''),
    /katex-error|paperboy-formula|href="javascript|<img|<script|katex-html|rgb\(204/i,
  );
});

test('titles and excerpts, and the ingest check, go through the same limits', () => {
  for (const tex of [...HOSTILE_FORMULAS, '\\frac{1}{', '']) {
    const ok = renderFormula(tex).ok;
    assert.equal(parsesInKatex(tex), ok, tex.slice(0, 40));
    const html = inlineMath(tex);
    assert.equal(html.startsWith('<span class="katex">'), ok, tex.slice(0, 40));
    assert.equal(html.startsWith('<span class="math-source"'), !ok, tex.slice(0, 40));
  }
});

test("a formula of the authors' that KaTeX refuses is shown as its marked source, not as prose with dollars", async () => {
  const { restoreMath } = await import('../math/restore.ts');
  const { withLinks, writeBody } = await import('../contract/body.ts');
  const r = restoreMath('We bound $x^2^3$ and $y$.', { damaged: false });
  assert.deepEqual(r.rejected, ['x^2^3']);
  const html = await renderBody(writeBody(withLinks(r.segments)));
  assert.deepEqual(markedReasons(html), ['parse']);
  // The source sits in the marked box's code element, and nowhere else as prose.
  assert.match(html, /class="math-source"[^>]*>(?:<span[^>]*>[^<]*<\/span>)?<code>\$x\^2\^3\$<\/code>/);
  assert.equal(html.split('x^2^3').length, 2, 'the source appears once: in the marked box');
});
