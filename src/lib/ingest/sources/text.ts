/** Small text helpers shared by the source parsers. */
import { isValidIsoDate } from '../digest/date.ts';

/**
 * Collapses runs of spaces, tabs and line breaks (how arXiv wraps and indents titles and
 * abstracts) into single spaces, and trims. Other control characters are left for the
 * ingest's cleanText to refuse with a located message.
 */
export function collapseWhitespace(text: string): string {
  return text.replace(/[ \t\r\n]+/g, ' ').trim();
}

function isSpace(ch: string | undefined): boolean {
  return ch === undefined || /\s/u.test(ch);
}

/**
 * Whether the text carries TeX math as a `$...$` (or `$$...$$`) pair. An escaped `\$` is a
 * dollar sign, not a delimiter; like pandoc, an opening `$` must not be followed by a space, and
 * a closing `$` must not follow a space nor be followed by a digit, so "from $5 to $10" is prose.
 * Linear in the length of the text.
 */
export function containsTex(text: string): boolean {
  // Unescaped dollar runs: a run of two is a display delimiter, a run of one an inline one.
  let firstOpener = -1;
  let lastCloser = -1;
  let firstDisplay = -1;
  let lastDisplay = -1;
  let backslashes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (ch === '\\') {
      backslashes += 1;
      continue;
    }
    if (ch !== '$' || backslashes % 2 === 1) {
      backslashes = 0;
      continue;
    }
    backslashes = 0;
    let j = i;
    while (text[j + 1] === '$') j += 1;
    const run = j - i + 1;
    if (run === 2) {
      if (firstDisplay < 0) firstDisplay = i;
      lastDisplay = i;
    } else if (run === 1) {
      if (firstOpener < 0 && !isSpace(text[i + 1])) firstOpener = i;
      if (!isSpace(text[i - 1]) && !/[0-9]/.test(text[i + 1] ?? '')) lastCloser = i;
    }
    i = j;
  }
  if (firstOpener >= 0 && lastCloser >= firstOpener + 2) return true;
  return firstDisplay >= 0 && lastDisplay > firstDisplay && text.slice(firstDisplay + 2, lastDisplay).trim() !== '';
}

/** The YYYY-MM-DD date at the start of an ISO timestamp ("2023-10-30T17:50:16Z"), if it is a real date. */
export function isoDatePrefix(timestamp: string): string | undefined {
  const m = /^\s*(\d{4}-\d{2}-\d{2})(?:$|[T\s])/.exec(timestamp);
  return m?.[1] !== undefined && isValidIsoDate(m[1]) ? m[1] : undefined;
}

/** A short quotation of a text for an error message. */
export function preview(text: string): string {
  const one = collapseWhitespace(text);
  return one.length > 60 ? `${one.slice(0, 57)}...` : one;
}

/** 1-based line and column of a character offset. Columns count code points. */
export class LineIndex {
  private readonly starts: number[] = [0];
  private readonly text: string;
  constructor(text: string) {
    this.text = text;
    for (let i = 0; i < text.length; i += 1) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) this.starts.push(i + 1);
    }
  }

  line(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  column(offset: number): number {
    const start = this.starts[this.line(offset) - 1]!;
    return [...this.text.slice(start, offset)].length + 1;
  }
}
