/**
 * The shape every math function in this folder speaks: a paragraph (or title) as a run of
 * prose, inline formulas and emphasis.
 */

export type Segment =
  /** Plain prose in final Unicode (naïve, “quotes”, –): no TeX left in it. */
  | { kind: 'text'; value: string }
  /** Inline LaTeX without the dollars; it parses in KaTeX. */
  | { kind: 'math'; tex: string }
  /** Emphasis ({\em x}, \emph{x}, \textit{x}), as plain Unicode. */
  | { kind: 'em'; value: string };

/** Appends a segment, merging neighbouring text and dropping empty text. */
export function pushSegment(out: Segment[], segment: Segment): void {
  if (segment.kind === 'text') {
    if (segment.value === '') return;
    const last = out[out.length - 1];
    if (last?.kind === 'text') {
      out[out.length - 1] = { kind: 'text', value: last.value + segment.value };
      return;
    }
  }
  out.push(segment);
}

/** Concatenates segment lists, merging text at the seams. */
export function joinSegments(parts: readonly (readonly Segment[])[]): Segment[] {
  const out: Segment[] = [];
  for (const part of parts) for (const s of part) pushSegment(out, s);
  return out;
}
