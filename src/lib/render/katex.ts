/**
 * The one place KaTeX runs: every formula of the site (the ingest's check, entry bodies in the
 * loader and its worker threads, titles, excerpts, feeds) goes through renderFormula(), with the
 * options and limits below and nowhere else. A formula is untrusted input, so:
 *
 * Before KaTeX sees it, a formula is refused when it is
 *  - longer than MAX_LENGTH characters;
 *  - nested deeper than MAX_DEPTH levels, counting `{`…`}`, `\left`…`\right`, `\begin`…`\end`
 *    and `\bgroup`/`\begingroup` (KaTeX parses and lays out recursively: ~400 nested `\sqrt{`
 *    overflowed the call stack of the build, and Chromium's parser restructures HTML nested
 *    beyond 512 elements);
 *  - defining macros (`\def`, `\newcommand`, `\let`…), which would let it build any of the above
 *    out of a short source, or printing to the console (`\show`, `\message`, `\errmessage`).
 * KaTeX then runs with
 *  - `maxSize` (MAX_SIZE_EM): every size a formula gives (`\rule`, `\kern`, `\hspace`, `\raisebox`…)
 *    is capped at that many ems;
 *  - `maxExpand` (MAX_EXPAND): at most that many macro expansions (KaTeX's own macros only,
 *    since a formula cannot define any; 1,000 characters of `\dots`, `\neq`, `\operatorname`…
 *    need about 250);
 *  - `trust: false`: no `\href`, `\url`, `\includegraphics` or `\html…` (a formula that tries one
 *    is refused, not shown with KaTeX's red placeholder);
 *  - `strict`: LaTeX-compatibility warnings are ignored (abstracts use Unicode in math), but the
 *    HTML extensions are an error.
 * After it, the markup is refused when
 *  - it is longer than MAX_MARKUP characters or nests elements deeper than MAX_MARKUP_DEPTH;
 *  - a line of it is taller than MAX_HEIGHT_EM, or any length KaTeX writes in a style (a kern,
 *    an offset, a rule) is beyond ±MAX_OFFSET_EM: maxSize caps only positive sizes, so
 *    `\kern-100000em` or `\rule[-100000em]…` would still place boxes a million pixels away.
 *
 * A refused formula is shown as its TeX source in a marked element (mathSourceHtml; at most
 * SHOWN_SOURCE characters of it), never as KaTeX's error markup, and never fails the build.
 */
import katex, { type KatexOptions } from 'katex';

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

/** Part of every cache key of rendered content: changes with KaTeX and with these limits. */
export const KATEX_RENDER_ID = `katex-${katex.version} limits-${Object.values(LIMITS).join('-')} source-mark-1`;

export type FormulaFailure = 'length' | 'depth' | 'command' | 'parse' | 'untrusted' | 'size' | 'markup';

export type Output = 'htmlAndMathml' | 'mathml';

export type Rendered = { ok: true; html: string } | { ok: false; reason: FormulaFailure; detail: string };

const DEFINITIONS = new Set(['def', 'gdef', 'edef', 'xdef', 'let', 'futurelet', 'newcommand', 'renewcommand', 'providecommand', 'global', 'long']);
const CONSOLE = new Set(['show', 'message', 'errmessage']);
const OPEN = new Set(['left', 'begin', 'bgroup', 'begingroup']);
const CLOSE = new Set(['right', 'end', 'egroup', 'endgroup']);

/** Why KaTeX must not see this formula at all, or undefined. Linear in the source. */
export function sourceProblem(tex: string): { reason: FormulaFailure; detail: string } | undefined {
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

const TAG = /<(\/?)([a-zA-Z][\w-]*)\b[^>]*?(\/?)>/g;
const STYLE = /\bstyle="([^"]*)"/g;
const EM = /(-?\d*\.?\d+)em\b/g;
const STRUT = /class="strut" style="height:(-?[\d.]+)em;(?:vertical-align:(-?[\d.]+)em;)?/g;

/** Why KaTeX's markup must not reach a page, or undefined. */
export function markupProblem(html: string): { reason: FormulaFailure; detail: string } | undefined {
  if (html.length > LIMITS.MAX_MARKUP) return { reason: 'markup', detail: `renders to more than ${LIMITS.MAX_MARKUP} characters of markup` };
  let depth = 0;
  for (const m of html.matchAll(TAG)) {
    if (m[1]) depth -= 1;
    else if (!m[3]) {
      depth += 1;
      if (depth > LIMITS.MAX_MARKUP_DEPTH) return { reason: 'markup', detail: `renders to markup nested deeper than ${LIMITS.MAX_MARKUP_DEPTH} elements` };
    }
  }
  for (const m of html.matchAll(STRUT)) {
    const height = Number(m[1]) + Math.max(0, -Number(m[2] ?? 0));
    if (height > LIMITS.MAX_HEIGHT_EM) return { reason: 'size', detail: `is taller than ${LIMITS.MAX_HEIGHT_EM}em` };
  }
  for (const style of html.matchAll(STYLE)) {
    for (const m of (style[1] ?? '').matchAll(EM)) {
      if (Math.abs(Number(m[1])) > LIMITS.MAX_OFFSET_EM) return { reason: 'size', detail: `sets a length of ${m[1]}em (limit ±${LIMITS.MAX_OFFSET_EM}em)` };
    }
  }
  return undefined;
}

/** The options of every KaTeX call but the two that report back (trust, strict). */
export const KATEX_OPTIONS = {
  throwOnError: true,
  maxSize: LIMITS.MAX_SIZE_EM,
  maxExpand: LIMITS.MAX_EXPAND,
  // Macros live for one call: no formula sees another's definitions (and none may define any).
  globalGroup: false,
} as const satisfies KatexOptions;

function runKatex(tex: string, displayMode: boolean, output: Output): Rendered {
  const untrusted: string[] = [];
  const options: KatexOptions = {
    ...KATEX_OPTIONS,
    displayMode,
    output,
    macros: {},
    trust: (context) => {
      untrusted.push(context.command);
      return false;
    },
    strict: (code) => (code === 'htmlExtension' ? 'error' : 'ignore'),
  };
  let html: string;
  try {
    html = katex.renderToString(tex, options);
  } catch (error) {
    // A ParseError, or a RangeError from a stack that still ran out: either way, not this formula.
    const message = error instanceof Error ? error.message : String(error);
    const why = message.replace(/^KaTeX parse error: /, '').replace(/ at position \d+:[\s\S]*$/, '').slice(0, 200);
    return { ok: false, reason: 'parse', detail: `does not parse (${why})` };
  }
  if (untrusted.length > 0) return { ok: false, reason: 'untrusted', detail: `uses ${untrusted[0]}, which is not allowed in formulas here (no links, images or HTML)` };
  return { ok: true, html };
}

type Failure = { reason: FormulaFailure; detail: string };

/**
 * Whether each formula passes (null) or why not: memoised, since formulas repeat (the ingest
 * checks every candidate, the loader checks what it writes into excerpts, then renders). Only
 * verdicts are kept, not markup: at 10,000 papers the markup of every formula would take
 * hundreds of megabytes in each worker thread. (Titles and excerpts keep theirs: inline-math.ts.)
 */
const verdicts = new Map<string, Failure | null>();

/**
 * A formula as KaTeX markup, or why it cannot be shown so. Whether a formula passes is decided
 * on its HTML and MathML rendering, whatever `output` asks for, so that a feed shows as math
 * exactly what the pages show as math.
 */
export function renderFormula(tex: string, { displayMode = false, output = 'htmlAndMathml' }: { displayMode?: boolean; output?: Output } = {}): Rendered {
  const key = `${displayMode ? 'D' : 'I'}${tex}`;
  let verdict = verdicts.get(key);
  let rendered: Rendered | undefined;
  if (verdict === undefined) {
    const early = sourceProblem(tex);
    rendered = early ? { ok: false, ...early } : runKatex(tex, displayMode, 'htmlAndMathml');
    if (rendered.ok) {
      const late = markupProblem(rendered.html);
      if (late) rendered = { ok: false, ...late };
    }
    verdict = rendered.ok ? null : { reason: rendered.reason, detail: rendered.detail };
    if (verdicts.size > 50_000) verdicts.clear();
    verdicts.set(key, verdict);
  }
  if (verdict) return { ok: false, ...verdict };
  if (output === 'mathml') return runKatex(tex, displayMode, 'mathml');
  return rendered ?? runKatex(tex, displayMode, 'htmlAndMathml');
}

const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

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

/**
 * A refused formula as a marked element: its source in `<code>`, marked by a dashed frame and
 * a monospace face (not by colour alone), labelled for screen readers, the reason in `title`
 * and `data-math-error`. `feed`: for feed readers, which have no stylesheet, the bare `<code>`.
 */
export function mathSourceHtml(tex: string, failure: { reason: FormulaFailure; detail: string }, { displayMode = false, feed = false } = {}): string {
  const cut = tex.length > SHOWN_SOURCE ? ` (its first ${SHOWN_SOURCE} of ${tex.length} characters are shown)` : '';
  const title = escapeHtml(`Not rendered as math: this formula ${failure.detail}${cut}`);
  const source = escapeHtml(shownSource(tex, displayMode));
  if (feed) return `<code class="math-source" data-math-error="${failure.reason}" title="${title}">${source}</code>`;
  const cls = displayMode ? 'math-source math-source-display' : 'math-source';
  return `<span class="${cls}" data-math-error="${failure.reason}" title="${title}"><span class="visually-hidden" data-pagefind-ignore>Formula not rendered, TeX source: </span><code>${source}</code></span>`;
}

/** A formula as the page or feed shows it: KaTeX's markup, or its marked source. */
export function formulaHtml(tex: string, { displayMode = false, output = 'htmlAndMathml' }: { displayMode?: boolean; output?: Output } = {}): string {
  const result = renderFormula(tex, { displayMode, output });
  return result.ok ? result.html : mathSourceHtml(tex, result, { displayMode, feed: output === 'mathml' });
}
