/** Finds web addresses in prose so that they become links, leaving sentence punctuation outside. */
import type { LinkSegment, TextSegment } from './segments.ts';

export type TextOrLink = TextSegment | LinkSegment;

const URL_CANDIDATE = /\bhttps?:\/\/[^\s<>"'`{}|\\^]+/g;
const TRAILING_PUNCTUATION = /[.,;:!?*]+$/;

/** Drops sentence punctuation and closing brackets the URL did not open: "(see https://x.org/a)." */
export function trimUrl(candidate: string): string {
  let url = candidate;
  for (;;) {
    const before = url;
    url = url.replace(TRAILING_PUNCTUATION, '');
    for (const [open, close] of [
      ['(', ')'],
      ['[', ']'],
    ] as const) {
      if (url.endsWith(close) && count(url, close) > count(url, open)) url = url.slice(0, -1);
    }
    if (url === before) return url;
  }
}

function count(s: string, ch: string): number {
  return s.split(ch).length - 1;
}

export function linkify(text: string): TextOrLink[] {
  const out: TextOrLink[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_CANDIDATE)) {
    const url = trimUrl(match[0]);
    // A bare scheme ("https://") is not a link.
    if (!/^https?:\/\/[^/.]+\.[^/]/.test(url) && !/^https?:\/\/localhost/.test(url)) continue;
    const start = match.index;
    if (start > last) out.push({ kind: 'text', value: text.slice(last, start) });
    out.push({ kind: 'link', href: url, text: url });
    last = start + url.length;
  }
  if (last < text.length) out.push({ kind: 'text', value: text.slice(last) });
  return out;
}
