/** Plain-text forms of rich strings for <title>, descriptions, OpenGraph and feeds. */
import { segmentsToPlain } from '../math/plain.ts';
import { splitMath } from '../text/split.ts';

export function plainText(rich: string): string {
  return segmentsToPlain(splitMath(rich)).replace(/\s+/g, ' ').trim();
}

export function hasMath(rich: string): boolean {
  return splitMath(rich).some((s) => s.kind === 'math');
}
