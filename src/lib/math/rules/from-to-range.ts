import type { Chunk } from '../chunk.ts';
import type { Scan } from '../scan.ts';
import type { RuleExample } from './rule.ts';

/**
 * `from O(n^2) to O(n log n)`, `from {cal O}(N^2) to {cal O}(N log N)`: after "from", `to` is the
 * English of a change, two formulas, not an arrow. The dev corpus has "from $X$ to $Y$" eleven
 * times and `from $X \to Y$` never. The assembler asks it (assemble.ts) where an English-looking
 * operator would join two formulas; between numbers ("from 3 to 5") it already stays English.
 */
export const fromToRange = {
  name: 'from-to-range',
  stage: 'veto' as const,
  summary: 'after "from", "to" between two formulas is English',
  examples: [
    { text: 'it cuts the cost from mathcal{O}(n) to mathcal{O}(log n)', tex: ['\\mathcal{O}(n)', '\\mathcal{O}(\\log n)'] },
    { text: 'a map f: X to Y and n to infty', tex: ['f: X \\to Y', 'n \\to \\infty'] },
  ] as readonly RuleExample[],
  /** Does the run that starts with `first` stand after "from"? */
  holds(scan: Scan, first: Chunk): boolean {
    return /(?:^|[^A-Za-z])from\s+$/i.test(scan.text.slice(Math.max(0, first.s - 6), first.s));
  },
};
