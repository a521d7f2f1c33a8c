/**
 * Rich strings: one line of prose with inline `$...$` math, the form of titles and excerpts in
 * entries. A literal dollar is written `\$`. splitMath (text/split.ts) reads them back.
 */
import { splitMath } from '../text/split.ts';
import { isWritableMath, mergeAdjacentMath, type BodySegment } from './body.ts';

const literal = (text: string): string => text.replace(/\$/g, '\\$');

function flat(segments: readonly { kind: string; tex?: string; value?: string; text?: string }[]): string {
  return segments.map((s) => (s.kind === 'math' ? `\u0000${s.tex}\u0000` : (s.value ?? s.text ?? ''))).join('');
}

export function toRich(given: readonly BodySegment[]): string {
  const segments = mergeAdjacentMath(given);
  const rich = segments
    .map((s) => {
      switch (s.kind) {
        case 'math':
          return isWritableMath(s.tex) ? `$${s.tex}$` : literal(`$${s.tex}$`);
        case 'link':
          return literal(s.text);
        default:
          return literal(s.value);
      }
    })
    .join('');
  // Dollar rules differ at the edges (a closing dollar before a digit, say): when the string
  // would not read back as these segments, it keeps them all as text.
  const intended = segments.map((s) => (s.kind === 'math' && !isWritableMath(s.tex) ? { kind: 'text', value: `$${s.tex}$` } : s));
  return flat(splitMath(rich)) === flat(intended) ? rich : literal(flat(intended).replace(/\u0000/g, '$'));
}
