/**
 * Rich strings: one line of prose with inline `$...$` math, the form of titles and excerpts in
 * entries. A literal dollar is written `\$`. splitMath (math/split.ts) reads them back.
 */
import type { BodySegment } from './body.ts';

export function toRich(segments: readonly BodySegment[]): string {
  return segments
    .map((s) => {
      switch (s.kind) {
        case 'math':
          return `$${s.tex}$`;
        case 'link':
          return s.text.replace(/\$/g, '\\$');
        default:
          return s.value.replace(/\$/g, '\\$');
      }
    })
    .join('');
}
