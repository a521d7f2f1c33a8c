/**
 * The one segment type: a paragraph (or title) as a run of prose, inline formulas, emphasis
 * and links. The math functions speak `Segment` (no links: the restorer never makes one); an
 * entry body is `BodySegment`, the same with links; linkify makes `TextSegment | LinkSegment`.
 */

/** Plain prose in final Unicode (naïve, “quotes”, –): no TeX left in it. */
export type TextSegment = { kind: 'text'; value: string };
/** Inline LaTeX without the dollars; it parses in KaTeX. */
export type MathSegment = { kind: 'math'; tex: string };
/** Emphasis ({\em x}, \emph{x}, \textit{x}), as plain Unicode. */
export type EmSegment = { kind: 'em'; value: string };
/** A web address in the text, with the text that shows it. */
export type LinkSegment = { kind: 'link'; href: string; text: string };

export type Segment = TextSegment | MathSegment | EmSegment;
export type BodySegment = Segment | LinkSegment;

/**
 * The text of a segment as prose reads it: a formula as `$tex$` (or its bare TeX, with
 * `math: 'tex'`), a link as its text, emphasis as its words.
 */
export function segmentText(s: BodySegment, math: 'dollars' | 'tex' = 'dollars'): string {
  switch (s.kind) {
    case 'math':
      return math === 'tex' ? s.tex : `$${s.tex}$`;
    case 'link':
      return s.text;
    default:
      return s.value;
  }
}

/** The text of a run of segments (segmentText of each, joined). */
export function segmentsText(segments: readonly BodySegment[], math: 'dollars' | 'tex' = 'dollars'): string {
  return segments.map((s) => segmentText(s, math)).join('');
}

/** Appends a segment, merging neighbouring text and dropping empty text. */
export function pushSegment<S extends BodySegment>(out: S[], segment: S): void {
  if (segment.kind === 'text') {
    if (segment.value === '') return;
    const last = out[out.length - 1];
    if (last?.kind === 'text') {
      out[out.length - 1] = { kind: 'text', value: last.value + segment.value } as S;
      return;
    }
  }
  out.push(segment);
}

/** Concatenates segment lists, merging text at the seams. */
export function joinSegments<S extends BodySegment>(parts: readonly (readonly S[])[]): S[] {
  const out: S[] = [];
  for (const part of parts) for (const s of part) pushSegment(out, s);
  return out;
}
