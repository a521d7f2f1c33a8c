/**
 * The KaTeX options and limits of the whole site, in one place. Entry bodies (loader and worker
 * threads) and feeds render their formulas with rehype-katex, configured here and guarded by the
 * steps of math-plugins.ts; titles, excerpts and the ingest's check call KaTeX through
 * renderFormula(). Both apply the same checks, from this module. A formula is untrusted input, so:
 *
 * Before KaTeX sees it, a formula is refused when it is (sourceProblem)
 *  - longer than MAX_LENGTH characters;
 *  - nested deeper than MAX_DEPTH levels, counting `{`…`}`, `\left`…`\right`, `\begin`…`\end`
 *    and `\bgroup`/`\begingroup` (KaTeX parses and lays out recursively: ~400 nested `\sqrt{`
 *    overflowed the call stack of the build, and Chromium's parser restructures HTML nested
 *    beyond 512 elements);
 *  - defining macros (`\def`, `\newcommand`, `\let`…), which would let it build any of the above
 *    out of a short source, or printing to the console (`\show`, `\message`, `\errmessage`).
 * KaTeX then runs with (katexOptions)
 *  - `maxSize` (MAX_SIZE_EM): every size a formula gives (`\rule`, `\kern`, `\hspace`, `\raisebox`…)
 *    is capped at that many ems;
 *  - `maxExpand` (MAX_EXPAND): at most that many macro expansions (KaTeX's own macros only,
 *    since a formula cannot define any; 1,000 characters of `\dots`, `\neq`, `\operatorname`…
 *    need about 250);
 *  - `trust: false`: no `\href`, `\url`, `\includegraphics` or `\html…` (KaTeX shows such a
 *    command as a placeholder in ERROR_COLOR; a formula with one is refused, not shown so);
 *  - `strict`: LaTeX-compatibility warnings are ignored (abstracts use Unicode in math), but the
 *    HTML extensions are an error.
 * After it, the rendered formula (as hast: what rehype-katex puts in the tree) is refused when
 * (outputProblem)
 *  - its markup is longer than MAX_MARKUP characters or nests elements deeper than MAX_MARKUP_DEPTH;
 *  - a line of it is taller than MAX_HEIGHT_EM, or any length KaTeX writes in a style (a kern,
 *    an offset, a rule) is beyond ±MAX_OFFSET_EM: maxSize caps only positive sizes, so
 *    `\kern-100000em` or `\rule[-100000em]…` would still place boxes a million pixels away;
 *  - it holds KaTeX's error markup (`katex-error`) or a placeholder for an untrusted command.
 *
 * A refused formula is shown as its TeX source in a marked element (mathSourceHtml and
 * mathSourceHast, the same markup; at most SHOWN_SOURCE characters of it), never as KaTeX's
 * error markup, and never fails the build.
 */
import type { Element, ElementContent, RootContent } from 'hast';
import { toText } from 'hast-util-to-text';
import katex, { type KatexOptions } from 'katex';
import { katexHast } from './katex-markup.ts';

export { katexHast };

export const LIMITS = {
  /** Characters of TeX source. The longest formula in the seed and fixture abstracts has 87. */
  MAX_LENGTH: 1000,
  /** Groups, \left, environments: the fixtures nest 5 at most. */
  MAX_DEPTH: 16,
  /** KaTeX's maxSize, in ems. */
  MAX_SIZE_EM: 5,
  /** KaTeX's maxExpand. */
  MAX_EXPAND: 1000,
  /** Characters of markup (HTML and MathML) of one formula; a 1,000-character formula makes ~90,000. */
  MAX_MARKUP: 200_000,
  /** Element nesting of one formula's markup; MAX_DEPTH levels of the deepest constructs make ~190. */
  MAX_MARKUP_DEPTH: 256,
  /** Height plus depth of a line of a formula, in ems: an 11-row matrix. About 400 px at the site's size. */
  MAX_HEIGHT_EM: 20,
  /** Any length in the styles of KaTeX's markup, in ems. */
  MAX_OFFSET_EM: 25,
} as const;

/** Part of every cache key of rendered content: changes with KaTeX, with these limits and with how formulas are rendered. */
export const KATEX_RENDER_ID = `katex-${katex.version} limits-${Object.values(LIMITS).join('-')} rehype-katex-guarded-1`;

export type FormulaFailure = 'length' | 'depth' | 'command' | 'parse' | 'untrusted' | 'size' | 'markup';

export interface Failure {
  reason: FormulaFailure;
  detail: string;
}

export type Output = 'htmlAndMathml' | 'mathml';

export type Rendered = { ok: true; html: string } | ({ ok: false } & Failure);

const DEFINITIONS = new Set([
  'def',
  'gdef',
  'edef',
  'xdef',
  'let',
  'futurelet',
  'newcommand',
  'renewcommand',
  'providecommand',
  'global',
  'long',
]);
const CONSOLE = new Set(['show', 'message', 'errmessage']);
const OPEN = new Set(['left', 'begin', 'bgroup', 'begingroup']);
const CLOSE = new Set(['right', 'end', 'egroup', 'endgroup']);

/** Why KaTeX must not see this formula at all, or undefined. Linear in the source. */
export function sourceProblem(tex: string): Failure | undefined {
  if (tex.length > LIMITS.MAX_LENGTH) return { reason: 'length', detail: `is longer than ${LIMITS.MAX_LENGTH} characters (${tex.length})` };
  let depth = 0;
  for (let k = 0; k < tex.length; k += 1) {
    const c = tex[k];
    if (c === '{') depth += 1;
    else if (c === '}') depth = Math.max(0, depth - 1);
    else if (c === '\\') {
      const word = /^[A-Za-z]+/.exec(tex.slice(k + 1, k + 40))?.[0];
      if (word === undefined) {
        k += 1; // a control symbol: \{ \} \\ \$ are characters, not groups
        continue;
      }
      if (DEFINITIONS.has(word)) return { reason: 'command', detail: `defines a macro (\\${word})` };
      if (CONSOLE.has(word)) return { reason: 'command', detail: `writes to the console (\\${word})` };
      if (OPEN.has(word)) depth += 1;
      else if (CLOSE.has(word)) depth = Math.max(0, depth - 1);
      k += word.length;
      // An environment's name is not a group: \begin{pmatrix} nests once.
      if (word === 'begin' || word === 'end') k += /^\s*\{[A-Za-z*]*\}/.exec(tex.slice(k + 1, k + 40))?.[0].length ?? 0;
    }
    if (depth > LIMITS.MAX_DEPTH) return { reason: 'depth', detail: `is nested deeper than ${LIMITS.MAX_DEPTH} levels` };
  }
  return undefined;
}

/**
 * The colour KaTeX paints its placeholders and error markup in. No formula can write it
 * (`\color` takes only names and hex codes), so finding it in the output means that KaTeX put
 * a placeholder there: an untrusted command (`\href`, `\url`, `\includegraphics`, `\html…`)
 * it refused to run, which makes the formula refused.
 */
const ERROR_COLOR = 'rgb(204, 0, 0)';
/** How KaTeX writes it in a style (`color:` and the value as given). */
const ERROR_STYLE = `color:${ERROR_COLOR}`;

const untrusted = (command: string): Failure => ({
  reason: 'untrusted',
  detail: `uses ${command}, which is not allowed in formulas here (no links, images or HTML)`,
});

/** Why KaTeX failed on a formula, from what it threw (through rehype-katex too: its message's cause). */
export function failureOf(error: unknown): Failure {
  // A ParseError, or a RangeError from a stack that still ran out: either way, not this formula.
  const message = error instanceof Error ? error.message : String(error);
  const why = message
    .replace(/^(ParseError: )?KaTeX parse error: /, '')
    .replace(/ at position \d+:[\s\S]*$/, '')
    .slice(0, 200);
  return { reason: 'parse', detail: `does not parse (${why})` };
}

/**
 * The options of every KaTeX call of the site, as rehype-katex takes them (it adds displayMode
 * and throwOnError: true; renderFormula does the same). No `macros` object: KaTeX then gives
 * each call a fresh one, so that no formula sees another's definitions (and none may define any).
 */
export function katexOptions(output: Output): Omit<KatexOptions, 'displayMode' | 'throwOnError'> {
  return {
    output,
    maxSize: LIMITS.MAX_SIZE_EM,
    maxExpand: LIMITS.MAX_EXPAND,
    globalGroup: false,
    errorColor: ERROR_COLOR,
    trust: false,
    strict: (code: string) => (code === 'htmlExtension' ? 'error' : 'ignore'),
  };
}

const classesOf = (e: Element): unknown[] => (Array.isArray(e.properties['className']) ? e.properties['className'] : []);

const STRUT_HEIGHT = /(?:^|;)\s*height:\s*(-?[\d.]+)em/;
const STRUT_ALIGN = /(?:^|;)\s*vertical-align:\s*(-?[\d.]+)em/;
const EM = /(-?\d*\.?\d+)em\b/g;
const TWO_DIGITS = /(?:^|[^\d.])\d\d/;

/**
 * Characters an element adds to the markup beside its children, as an HTML serializer writes
 * it (`<tag name="value">…</tag>`), counted on the tree; entities not expanded.
 */
function ownLength(e: Element): number {
  let n = 2 * e.tagName.length + 5;
  const properties = e.properties;
  for (const name in properties) {
    const value = properties[name];
    if (value === undefined || value === null || value === false) continue;
    n +=
      (name === 'className' ? 5 : name.length) +
      4 +
      (Array.isArray(value) ? value.join(' ').length : value === true ? 0 : String(value).length);
  }
  return n;
}

/**
 * Why a rendered formula (KaTeX's markup as hast, as rehype-katex inserts it) must not reach a
 * page, or undefined. Iterative: the markup's nesting is what is being checked.
 */
export function outputProblem(nodes: readonly (ElementContent | RootContent)[]): Failure | undefined {
  let length = 0;
  let error: Failure | undefined;
  let placeholder: Failure | undefined;
  let tall: Failure | undefined;
  let far: Failure | undefined;
  const stack: [ElementContent | RootContent, number][] = nodes.map((n) => [n, 1]);
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node.type !== 'text' && node.type !== 'element') continue;
    length += node.type === 'text' ? node.value.length : ownLength(node);
    if (length > LIMITS.MAX_MARKUP) return { reason: 'markup', detail: `renders to more than ${LIMITS.MAX_MARKUP} characters of markup` };
    if (node.type === 'text') continue;
    if (depth > LIMITS.MAX_MARKUP_DEPTH)
      return { reason: 'markup', detail: `renders to markup nested deeper than ${LIMITS.MAX_MARKUP_DEPTH} elements` };
    const style = node.properties['style'];
    const classes = classesOf(node);
    if (classes.includes('katex-error')) error ??= failureOf(String(node.properties['title'] ?? 'KaTeX error'));
    if (typeof style === 'string') {
      if (style.includes(ERROR_STYLE)) placeholder ??= untrusted(toText(node).trim().slice(0, 40) || 'a command');
      if (classes.includes('strut')) {
        const height = Number(STRUT_HEIGHT.exec(style)?.[1] ?? 0) + Math.max(0, -Number(STRUT_ALIGN.exec(style)?.[1] ?? 0));
        if (height > LIMITS.MAX_HEIGHT_EM) tall ??= { reason: 'size', detail: `is taller than ${LIMITS.MAX_HEIGHT_EM}em` };
      }
      // A length beyond ±25em has two digits before any point: most styles have none.
      if (far === undefined && TWO_DIGITS.test(style)) {
        for (const m of style.matchAll(EM)) {
          if (Math.abs(Number(m[1])) > LIMITS.MAX_OFFSET_EM)
            far ??= { reason: 'size', detail: `sets a length of ${m[1]}em (limit ±${LIMITS.MAX_OFFSET_EM}em)` };
        }
      }
    }
    if (node.properties['mathColor'] === ERROR_COLOR || node.properties['mathcolor'] === ERROR_COLOR)
      placeholder ??= untrusted(toText(node).trim().slice(0, 40) || 'a command');
    // Children in reverse, so that the first problem in document order is the one reported.
    for (let i = node.children.length - 1; i >= 0; i -= 1) stack.push([node.children[i]!, depth + 1]);
  }
  return error ?? placeholder ?? tall ?? far;
}

/** Why KaTeX's markup must not reach a page, or undefined: outputProblem on its tree. */
export function markupProblem(html: string): Failure | undefined {
  return outputProblem(katexHast(html));
}

function runKatex(tex: string, displayMode: boolean, output: Output): Rendered {
  try {
    return { ok: true, html: katex.renderToString(tex, { ...katexOptions(output), displayMode, throwOnError: true }) };
  } catch (error) {
    return { ok: false, ...failureOf(error) };
  }
}

/**
 * Whether each formula passes (null) or why not: memoised, since formulas repeat (the ingest
 * checks every candidate, the loader checks what it writes into excerpts, then renders). Only
 * verdicts are kept, not markup: at 10,000 papers the markup of every formula would take
 * hundreds of megabytes in each worker thread. (Titles and excerpts keep theirs: inline-math.ts.)
 */
const verdicts = new Map<string, Failure | null>();
const keyOf = (tex: string, displayMode: boolean): string => `${displayMode ? 'D' : 'I'}${tex}`;

function remember(key: string, verdict: Failure | null): void {
  if (verdicts.size > 50_000) verdicts.clear();
  verdicts.set(key, verdict);
}

/**
 * Records the verdict an entry body's rendering reached on a formula (math-plugins.ts: the same
 * checks on the same markup), so that a feed or title showing it later need not render it again.
 */
export function noteVerdict(tex: string, displayMode: boolean, verdict: Failure | undefined): void {
  remember(keyOf(tex, displayMode), verdict ?? null);
}

/** Why the site does not show this formula as math (every check above, on its HTML and MathML rendering), or null. */
export function formulaVerdict(tex: string, displayMode = false): Failure | null {
  return check(tex, displayMode).verdict;
}

function check(tex: string, displayMode: boolean): { verdict: Failure | null; html?: string } {
  const key = keyOf(tex, displayMode);
  const known = verdicts.get(key);
  if (known !== undefined) return { verdict: known };
  const early = sourceProblem(tex);
  const rendered: Rendered = early ? { ok: false, ...early } : runKatex(tex, displayMode, 'htmlAndMathml');
  const verdict = rendered.ok ? (markupProblem(rendered.html) ?? null) : { reason: rendered.reason, detail: rendered.detail };
  remember(key, verdict);
  return verdict === null && rendered.ok ? { verdict, html: rendered.html } : { verdict };
}

/**
 * A formula as KaTeX markup, or why it cannot be shown so. Whether a formula passes is decided
 * on its HTML and MathML rendering, whatever `output` asks for, so that a feed shows as math
 * exactly what the pages show as math.
 */
export function renderFormula(
  tex: string,
  { displayMode = false, output = 'htmlAndMathml' }: { displayMode?: boolean; output?: Output } = {},
): Rendered {
  const { verdict, html } = check(tex, displayMode);
  if (verdict) return { ok: false, ...verdict };
  if (output === 'mathml') return runKatex(tex, displayMode, 'mathml');
  return html !== undefined ? { ok: true, html } : runKatex(tex, displayMode, 'htmlAndMathml');
}

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Characters of a refused formula's source shown: about eight lines on a phone, so that the
 * marked source of a long formula is no box taller than the screen either. Longer sources
 * are cut, and say so; the entry file keeps the whole.
 */
export const SHOWN_SOURCE = 300;

/** What a refused formula shows: its source between its delimiters, cut after SHOWN_SOURCE characters. */
export function shownSource(tex: string, displayMode: boolean): string {
  const d = displayMode ? '$$' : '$';
  return tex.length > SHOWN_SOURCE ? `${d}${tex.slice(0, SHOWN_SOURCE)}…${d}` : `${d}${tex}${d}`;
}

const LABEL = 'Formula not rendered, TeX source: ';

function titleOf(tex: string, failure: Failure): string {
  const cut = tex.length > SHOWN_SOURCE ? ` (its first ${SHOWN_SOURCE} of ${tex.length} characters are shown)` : '';
  return `Not rendered as math: this formula ${failure.detail}${cut}`;
}

/**
 * A refused formula as a marked element: its source in `<code>`, marked by a dashed frame and
 * a monospace face (not by colour alone), labelled for screen readers, the reason in `title`
 * and `data-math-error`. `feed`: for feed readers, which have no stylesheet, the bare `<code>`.
 * The markup of titles and excerpts; mathSourceHast is the same element as hast, for entry bodies.
 */
export function mathSourceHtml(tex: string, failure: Failure, { displayMode = false, feed = false } = {}): string {
  const title = escapeHtml(titleOf(tex, failure));
  const source = escapeHtml(shownSource(tex, displayMode));
  if (feed) return `<code class="math-source" data-math-error="${failure.reason}" title="${title}">${source}</code>`;
  const cls = displayMode ? 'math-source math-source-display' : 'math-source';
  return `<span class="${cls}" data-math-error="${failure.reason}" title="${title}"><span class="visually-hidden" data-pagefind-ignore>${LABEL}</span><code>${source}</code></span>`;
}

/** mathSourceHtml's element as hast: what an entry body's refused formula becomes. */
export function mathSourceHast(tex: string, failure: Failure, { displayMode = false, feed = false } = {}): Element {
  const title = titleOf(tex, failure);
  const code = (properties: Element['properties']): Element => ({
    type: 'element',
    tagName: 'code',
    properties,
    children: [{ type: 'text', value: shownSource(tex, displayMode) }],
  });
  if (feed) return code({ className: ['math-source'], dataMathError: failure.reason, title });
  return {
    type: 'element',
    tagName: 'span',
    properties: { className: displayMode ? ['math-source', 'math-source-display'] : ['math-source'], dataMathError: failure.reason, title },
    children: [
      {
        type: 'element',
        tagName: 'span',
        properties: { className: ['visually-hidden'], dataPagefindIgnore: '' },
        children: [{ type: 'text', value: LABEL }],
      },
      code({}),
    ],
  };
}

/** A formula as the page or feed shows it: KaTeX's markup, or its marked source. */
export function formulaHtml(
  tex: string,
  { displayMode = false, output = 'htmlAndMathml' }: { displayMode?: boolean; output?: Output } = {},
): string {
  const result = renderFormula(tex, { displayMode, output });
  return result.ok ? result.html : mathSourceHtml(tex, result, { displayMode, feed: output === 'mathml' });
}
