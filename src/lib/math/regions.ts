/**
 * Cuts a paragraph into the parts that different rules apply to, before any formula is looked
 * for: URLs (never touched), emphasis groups (`{\em x}`, `\emph{x}`), other text groups
 * (`{\tt x}`, `\texttt{x}`), the authors' own `\(...\)` and `\[...\]` formulas (the damage only
 * touched `$...$`, so these kept every backslash and are written as they stand, when KaTeX
 * reads them), and the prose in between. A `%` is not a comment here: arXiv
 * shows the abstract as the author typed it, `%` and all after it, and so does the page.
 */
import { parsesInKatex } from './katex-check.ts';
import { closingBrace } from './textmode.ts';

export type RegionKind = 'prose' | 'url' | 'em' | 'plain' | 'tex';

export interface Region {
  readonly kind: RegionKind;
  /** Offsets of the region in the paragraph. */
  readonly start: number;
  readonly end: number;
  /** The text that counts: the URL, the prose, or the content of an emphasis group. */
  readonly text: string;
}

// A URL runs to whitespace or a character URLs do not use; trailing punctuation is the prose's.
const URL =
  /\b(?:https?:\/\/|www\.)[^\s<>"'`{}|\\^]+|\b(?:[A-Za-z0-9-]+\.)+(?:com|org|net|io|ai|edu|gov|dev|app|co|uk|de|fr|cn|jp|me|info|html?)\b(?:\/[^\s<>"'`{}|\\^]*)?|\b[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;

/** URL spans, without trailing punctuation or an unbalanced closing parenthesis. */
export function urlSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  // Most paragraphs have no URL: a cheap test first.
  if (!/:\/\/|www\.|@|\.[a-z]{2,4}\b/.test(text)) return spans;
  for (const m of text.matchAll(URL)) {
    const start = m.index;
    let url = m[0];
    for (;;) {
      const last = url.charAt(url.length - 1);
      if ('.,;:!?'.includes(last) && url.length > 1) url = url.slice(0, -1);
      else if (last === ')' && (url.match(/\(/g) ?? []).length < (url.match(/\)/g) ?? []).length) url = url.slice(0, -1);
      else break;
    }
    spans.push([start, start + url.length]);
  }
  return spans;
}

const EM_SWITCHES = new Set(['em', 'it', 'sl', 'bf', 'itshape', 'slshape', 'bfseries', 'emph']);
const PLAIN_SWITCHES = new Set(['rm', 'tt', 'sc', 'sf', 'normalfont', 'ttfamily', 'scshape', 'sffamily', 'rmfamily', 'upshape']);
const EM_COMMANDS = new Set(['emph', 'textit', 'textbf', 'textsl', 'textem']);
const PLAIN_COMMANDS = new Set(['texttt', 'textsc', 'textrm', 'textsf', 'textup', 'textnormal', 'text', 'mbox']);

/** An undamaged `\(...\)` or `\[...\]` formula starting at k: [kind, end, content]. */
function delimitedAt(text: string, k: number): [RegionKind, number, string] | undefined {
  const open = text[k + 1];
  const close = text.indexOf(open === '(' ? '\\)' : '\\]', k + 2);
  if (close < 0 || close - k > 2000) return undefined;
  const tex = text.slice(k + 2, close).trim();
  // (Math by its look, a command, script, relation or one letter: `\(end\)` in a regex is prose.)
  const looksMath = /[\\_^=<>+]/.test(tex) || /^[A-Za-z]$/.test(tex);
  return looksMath && parsesInKatex(tex) ? ['tex', close + 2, tex] : undefined;
}

/** A `{\em x}` or `\emph{x}` group starting at k: [kind, end, content]. */
function groupAt(text: string, k: number): [RegionKind, number, string] | undefined {
  if (text[k] === '\\' && (text[k + 1] === '(' || text[k + 1] === '[')) return delimitedAt(text, k);
  if (text[k] === '{' && text[k + 1] === '\\') {
    const name = /^[A-Za-z]+/.exec(text.slice(k + 2, k + 14))?.[0];
    const kind: RegionKind | undefined =
      name === undefined ? undefined : EM_SWITCHES.has(name) ? 'em' : PLAIN_SWITCHES.has(name) ? 'plain' : undefined;
    if (!kind || name === undefined) return undefined;
    const close = closingBrace(text, k);
    if (close < 0) return undefined;
    let from = k + 2 + name.length;
    if (text[from] === ' ') from += 1;
    return [kind, close + 1, text.slice(from, close)];
  }
  if (text[k] === '\\') {
    const name = /^[A-Za-z]+/.exec(text.slice(k + 1, k + 14))?.[0];
    if (name === undefined) return undefined;
    const kind: RegionKind | undefined = EM_COMMANDS.has(name)
      ? 'em'
      : PLAIN_COMMANDS.has(name)
        ? 'plain'
        : name === 'url'
          ? 'url'
          : undefined;
    let open = k + 1 + name.length;
    while (text[open] === ' ') open += 1;
    if (!kind || text[open] !== '{') return undefined;
    const close = closingBrace(text, open);
    if (close < 0) return undefined;
    return [kind, close + 1, text.slice(open + 1, close)];
  }
  return undefined;
}

export function splitRegions(text: string): Region[] {
  const urls = urlSpans(text);
  const cuts: { start: number; end: number; kind: RegionKind; text: string }[] = urls.map(([start, end]) => ({
    start,
    end,
    kind: 'url' as const,
    text: text.slice(start, end),
  }));
  const covered = (k: number): boolean => cuts.some((c) => k >= c.start && k < c.end);
  for (let k = text.indexOf('\\'); k >= 0; k = text.indexOf('\\', k + 1)) {
    for (const at of text[k - 1] === '{' ? [k - 1, k] : [k]) {
      if (covered(at)) continue;
      const group = groupAt(text, at);
      if (!group) continue;
      const [kind, end, content] = group;
      if (cuts.some((c) => c.start < end && at < c.end)) continue;
      cuts.push({ start: at, end, kind, text: content });
      k = end - 1;
      break;
    }
  }
  cuts.sort((x, y) => x.start - y.start);
  const regions: Region[] = [];
  let at = 0;
  for (const c of cuts) {
    if (c.start < at) continue;
    if (c.start > at) regions.push({ kind: 'prose', start: at, end: c.start, text: text.slice(at, c.start) });
    regions.push({ kind: c.kind, start: c.start, end: c.end, text: c.text });
    at = c.end;
  }
  if (at < text.length) regions.push({ kind: 'prose', start: at, end: text.length, text: text.slice(at) });
  return regions;
}
