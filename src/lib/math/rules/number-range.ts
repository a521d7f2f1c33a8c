import type { CutRule } from './rule.ts';

/** `41-137times`: a hyphen between numbers is a range, prose; the formula is `137\times`. */
export const numberRange: CutRule = {
  name: 'number-range',
  stage: 'cut',
  summary: 'a range of numbers before a glued operator is prose up to its last number',
  examples: [{ text: 'speedups of 41-137times', tex: ['137\\times'] }],
  cut(scan, c) {
    const u = c.units;
    if (
      c.b - c.a > 3 &&
      scan.head(u[c.a])?.kind === 'num' &&
      scan.isSym(u[c.a + 1], '-') &&
      scan.head(u[c.a + 2])?.kind === 'num' &&
      scan.head(u[c.a + 2])?.glue
    ) {
      c.a += 2;
      c.prefixText = true;
      return true;
    }
    return false;
  },
};
