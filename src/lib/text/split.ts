/**
 * Text that already carries its math in `$...$` (hand-edited entries, titles in frontmatter,
 * arXiv sources) is split on the dollars and nothing else. The rules for what counts as a
 * delimiter are pandoc's, so prices stay prose: an opening `$` has a non-space after it, a
 * closing one a non-space before it. Pandoc also refuses a closing `$` right before a digit
 * ("$20,000 and $30,000", "US$5 and US$10"); that would break `$\sim$3 billion`, so here a
 * closing `$` before a digit counts when the formula holds a command.
 */
import { pushSegment, type Segment } from './segments.ts';

const isSpace = (c: string | undefined): boolean => c === undefined || /\s/.test(c);
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/** Index of the `$` closing an inline formula opened at `open`, or -1. */
function closingDollar(text: string, open: number): number {
  if (isSpace(text[open + 1]) || text[open + 1] === '$') return -1;
  for (let k = open + 1; k < text.length; k += 1) {
    const c = text[k];
    if (c === '\\') {
      k += 1;
      continue;
    }
    if (c !== '$') continue;
    if (isSpace(text[k - 1])) continue;
    if (isDigit(text[k + 1]) && !/\\[A-Za-z]/.test(text.slice(open + 1, k))) continue;
    return k;
  }
  return -1;
}

/** Index of the `$$` closing a display formula opened at `open`, or -1. */
function closingDisplay(text: string, open: number): number {
  for (let k = open + 2; k + 1 < text.length; k += 1) {
    if (text[k] === '\\') k += 1;
    else if (text[k] === '$' && text[k + 1] === '$') return k;
  }
  return -1;
}

/** Splits on `$...$` (and `$$...$$`); `\$` is a literal dollar and becomes `$` in the text. */
export function splitMath(text: string): Segment[] {
  const out: Segment[] = [];
  let buf = '';
  for (let k = 0; k < text.length;) {
    const c = text.charAt(k);
    if (c === '\\') {
      buf += text[k + 1] === '$' ? '$' : text.slice(k, k + 2);
      k += 2;
      continue;
    }
    if (c === '$') {
      const display = text[k + 1] === '$';
      const close = display ? closingDisplay(text, k) : closingDollar(text, k);
      const tex = close < 0 ? '' : text.slice(k + (display ? 2 : 1), close).trim();
      if (tex !== '') {
        pushSegment(out, { kind: 'text', value: buf });
        buf = '';
        out.push({ kind: 'math', tex });
        k = close + (display ? 2 : 1);
        continue;
      }
    }
    buf += c;
    k += 1;
  }
  pushSegment(out, { kind: 'text', value: buf });
  return out;
}

export function hasMathDelimiters(text: string): boolean {
  return text.includes('$') && splitMath(text).some((s) => s.kind === 'math');
}
