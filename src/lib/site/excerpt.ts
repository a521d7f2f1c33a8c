/** The first sentences of an abstract, for listings and descriptions, never cut inside a formula. */
import type { BodySegment } from '../contract/body.ts';

/** Stop after the sentence that reaches this many characters... */
const TARGET = 180;
/** ...and never go far beyond it: a longer first sentence is cut at a word. */
const LIMIT = 320;

function lengthOf(s: BodySegment): number {
  return s.kind === 'math' ? s.tex.length : s.kind === 'link' ? s.text.length : s.value.length;
}

/** Ends of sentences in prose: a full stop, question or exclamation mark before a space. */
const SENTENCE_END = /[.!?]["')\]]?(?=\s)/g;

export function excerptSegments(segments: readonly BodySegment[]): { segments: BodySegment[]; cut: boolean } {
  const out: BodySegment[] = [];
  let length = 0;
  for (const [index, s] of segments.entries()) {
    const isLast = index === segments.length - 1;
    if (s.kind !== 'text') {
      if (length + lengthOf(s) > LIMIT && length > 0) return { segments: out, cut: true };
      // A formula (or link) longer than a whole excerpt cannot be cut like words: it is left out.
      if (lengthOf(s) > LIMIT) return { segments: out, cut: true };
      out.push(s);
      length += lengthOf(s);
      continue;
    }
    for (const m of s.value.matchAll(SENTENCE_END)) {
      const end = m.index + m[0].length;
      if (length + end >= TARGET && length + end <= LIMIT) {
        out.push({ kind: 'text', value: s.value.slice(0, end) });
        return { segments: out, cut: !(isLast && s.value.slice(end).trim() === '') };
      }
    }
    if (length + s.value.length > LIMIT) {
      const room = s.value.slice(0, Math.max(0, LIMIT - length));
      const word = room.replace(/\s+\S*$/, '');
      out.push({ kind: 'text', value: `${word.trimEnd()}` });
      return { segments: out, cut: true };
    }
    out.push(s);
    length += s.value.length;
  }
  return { segments: out, cut: false };
}
