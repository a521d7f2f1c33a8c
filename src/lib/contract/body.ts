/**
 * Writes an abstract as an MDX body that MDX and CommonMark both read as the same plain text:
 * every character that either could take for syntax is escaped, so an abstract never becomes
 * code, JSX, ESM or markup, whatever it contains. Math goes in `$...$` for remark-math.
 */
import { linkify } from '../text/linkify.ts';
import { escapeMarkdown as escapeText } from '../text/escape.ts';
import type { BodySegment } from '../text/segments.ts';

export type { BodySegment } from '../text/segments.ts';

/**
 * Line-start syntax (headings, quotes, lists, thematic breaks, MDX ESM) only matters at the
 * start of the paragraph: the body is one line.
 */
function escapeParagraphStart(body: string): string {
  const esm = /^(import|export)\b/.exec(body);
  // No backslash escape exists for a letter; a character reference reads the same in both.
  if (esm) return `&#x${body.charCodeAt(0).toString(16)};${body.slice(1)}`;
  const ordered = /^(\d{1,9})([.)])/.exec(body);
  if (ordered) return `${ordered[1]}\\${ordered[2]}${body.slice(ordered[0].length)}`;
  if (/^[#>+=-]/.test(body)) return `\\${body}`;
  return body;
}

/**
 * Whether remark-math reads `$tex$` back as exactly this formula. Whether KaTeX can render it is
 * the renderer's business: it shows a formula it refuses as its marked source.
 */
export function isWritableMath(tex: string): boolean {
  return tex !== '' && tex.trim() === tex && !/[$\r\n]/.test(tex) && !tex.endsWith('\\');
}

/** Percent-encodes what would end or break a link destination. */
function encodeHref(href: string): string {
  return href.replace(/[\s()<>\\`{}|^"]/g, (ch) => encodeURIComponent(ch));
}

function writeSegment(segment: BodySegment): string {
  switch (segment.kind) {
    case 'text':
      return escapeText(segment.value);
    case 'math':
      // A formula goes between dollars only where remark-math will read exactly it back;
      // anything else (stray dollars in the source) stays text.
      return isWritableMath(segment.tex) ? `$${segment.tex}$` : escapeText(`$${segment.tex}$`);
    case 'em': {
      // Emphasis markers must touch the emphasised text, so spaces go outside them.
      const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(segment.value);
      const [lead, inner, trail] = [m?.[1] ?? '', m?.[2] ?? '', m?.[3] ?? ''];
      return inner === '' ? escapeText(segment.value) : `${lead}*${escapeText(inner)}*${trail}`;
    }
    case 'link':
      return `[${escapeText(segment.text)}](${encodeHref(segment.href)})`;
  }
}

/** Splits the URLs out of text segments, so that they become links. */
export function withLinks(segments: readonly BodySegment[]): BodySegment[] {
  return segments.flatMap((s): BodySegment[] => (s.kind === 'text' ? linkify(s.value) : [s]));
}

/** Joins paragraph text into one line: the whole body is one paragraph. */
export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}

/**
 * Two formulas side by side would be written `$a$$b$`, which reads as display math: they become
 * one formula, `a b`, which means the same.
 */
export function mergeAdjacentMath(segments: readonly BodySegment[]): BodySegment[] {
  const out: BodySegment[] = [];
  for (const s of segments) {
    const last = out[out.length - 1];
    if (s.kind === 'math' && last?.kind === 'math') out[out.length - 1] = { kind: 'math', tex: `${last.tex} ${s.tex}` };
    else out.push(s);
  }
  return out;
}

export function writeBody(segments: readonly BodySegment[]): string {
  const body = mergeAdjacentMath(segments).map(writeSegment).join('');
  return `${escapeParagraphStart(oneLine(body).trim())}\n`;
}
