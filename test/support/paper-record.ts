/** A paper record as src/data/papers.ts makes them, for the view-model tests. */
import type { PaperRecord } from '../../src/lib/site/list-view.ts';

export const record = (over: Partial<PaperRecord> = {}): PaperRecord => ({
  id: 'p',
  version: 'v1',
  title: 'Bounds with $\\ell_\\infty$ guarantee',
  excerpt: 'We prove a bound with $\\epsilon^{-2}$ samples. It is tight.',
  abstractText: 'We prove a bound with ε⁻² samples. It is tight.',
  digests: [{ date: '2025-03-17', rank: 2 }],
  topics: ['neural-operators'],
  ...over,
});
