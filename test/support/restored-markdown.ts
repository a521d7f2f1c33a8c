/** What the restorer wrote, as the math tests compare it: formulas in $...$, emphasis in *...*. */
import type { Segment } from '../../src/lib/text/segments.ts';

export function segmentsAsMarkdown(segments: readonly Segment[]): string {
  return segments.map((s) => (s.kind === 'math' ? `$${s.tex}$` : s.kind === 'em' ? `*${s.value}*` : s.value)).join('');
}
