import { prng } from './prng.ts';

export { digestText } from './digest-text.ts';

/**
 * Hostile text for tests: titles and abstracts built from MDX, JSX, ESM, Markdown and HTML
 * syntax, odd Unicode and extreme lengths, from a seeded generator so that a failure repeats.
 */

export const SYNTAX_PIECES = [
  '{', '}', '{alert(1)}', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '</p>', '<b>', '<!-- x -->',
  'export const x = 1', "import a from 'b'", '`', '```', '$', '$$', '\\', '%', '&amp;', '&lt;', '&#x3C;', '&',
  '| a | b |', '|---|', '# heading', '## h2', '> quote', '- item', '1. item', '* star', '_under_', '**bold**',
  '[link](javascript:alert(1))', '![img](x.png)', '<https://evil.example>', '~~strike~~', '---', '===', '^', '"', "'",
  '\u200F', '\u202E', 'e\u0301', '😀', '👩‍👩‍👧', 'ﬁ', '\u00A0', 'ℓ∞', '𝔼', '∑', 'العربية', '中文',
];

const WORDS = ['we', 'propose', 'a', 'method', 'for', 'learning', 'operators', 'with', 'the', 'bound', 'of', 'results', 'show', 'that', 'it', 'works', 'in', 'times', 'similar', 'data'];

/** Joins random pieces and words with spaces: `count` pieces in all. */
export function hostileText(rand: () => number, count: number): string {
  const parts: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const r = rand();
    parts.push(r < 0.45 ? SYNTAX_PIECES[Math.floor(rand() * SYNTAX_PIECES.length)]! : WORDS[Math.floor(rand() * WORDS.length)]!);
  }
  return parts.join(rand() < 0.5 ? ' ' : '').replace(/\s+/g, ' ').trim();
}

export interface HostilePaper {
  title: string;
  abstract: string;
}

/** Papers whose titles stay one line and whose abstracts read as abstracts to the digest parser. */
export function hostilePapers(seed: number, n: number, options: { longLines?: boolean } = {}): HostilePaper[] {
  const rand = prng(seed);
  const papers: HostilePaper[] = [];
  for (let i = 0; i < n; i += 1) {
    const longTitle = rand() < 0.05;
    const title = `${i} ${hostileText(rand, longTitle ? 60 : 2 + Math.floor(rand() * 8))}`.slice(0, 390).replace(/[.!?]+$/, '');
    const long = options.longLines === true && i % 50 === 49;
    // Long, but within the ingest's limit of 20,000 characters an abstract (digest/parse.ts).
    const body = long ? hostileText(rand, 20).padEnd(19_000, ' and so on') : hostileText(rand, 10 + Math.floor(rand() * 40));
    papers.push({ title: title.trim(), abstract: `${body.trim()} This is the end of abstract ${i}.` });
  }
  return papers;
}

