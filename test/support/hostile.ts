import { prng } from './prng.ts';

export { digestText } from './digest-text.ts';

/**
 * Hostile text for tests: titles and abstracts built from MDX, JSX, ESM, Markdown and HTML
 * syntax, odd Unicode and extreme lengths, from a seeded generator so that a failure repeats.
 */

export const SYNTAX_PIECES = [
  '{',
  '}',
  '{alert(1)}',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '</p>',
  '<b>',
  '<!-- x -->',
  'export const x = 1',
  "import a from 'b'",
  '`',
  '```',
  '$',
  '$$',
  '\\',
  '%',
  '&amp;',
  '&lt;',
  '&#x3C;',
  '&',
  '| a | b |',
  '|---|',
  '# heading',
  '## h2',
  '> quote',
  '- item',
  '1. item',
  '* star',
  '_under_',
  '**bold**',
  '[link](javascript:alert(1))',
  '![img](x.png)',
  '<https://evil.example>',
  '~~strike~~',
  '---',
  '===',
  '^',
  '"',
  "'",
  '\u200F',
  '\u202E',
  'e\u0301',
  '😀',
  '👩‍👩‍👧',
  'ﬁ',
  '\u00A0',
  'ℓ∞',
  '𝔼',
  '∑',
  'العربية',
  '中文',
];

const WORDS = [
  'we',
  'propose',
  'a',
  'method',
  'for',
  'learning',
  'operators',
  'with',
  'the',
  'bound',
  'of',
  'results',
  'show',
  'that',
  'it',
  'works',
  'in',
  'times',
  'similar',
  'data',
];

/** Joins random pieces and words with spaces: `count` pieces in all. */
export function hostileText(rand: () => number, count: number): string {
  const parts: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const r = rand();
    parts.push(r < 0.45 ? SYNTAX_PIECES[Math.floor(rand() * SYNTAX_PIECES.length)]! : WORDS[Math.floor(rand() * WORDS.length)]!);
  }
  return parts
    .join(rand() < 0.5 ? ' ' : '')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface HostilePaper {
  title: string;
  abstract: string;
}

/**
 * Formulas that try to break out of their box, the parser or the page: sizes that would paint a
 * million pixels, nesting that overflows the call stack, links, HTML and images, macro bombs, and
 * a 100 KB formula. The site shows each one as math within its limits or as its marked source
 * (src/lib/render/katex.ts), and builds.
 */
export const HOSTILE_FORMULAS: readonly string[] = [
  '\\rule{100000em}{100000em}',
  '\\rule[-100000em]{1em}{1em}',
  'a\\kern100000em b',
  'a\\kern-100000em b',
  'a\\hspace{-100000em}b',
  'x\\mkern-1000000mu y',
  '\\raisebox{100000em}{x}',
  '\\raisebox{-100000em}{x}',
  '\\Huge\\rule{100000em}{100000em}',
  '\\Huge x \\Huge{\\Huge{\\Bigg( \\Huge y \\Bigg)}}',
  '\\phantom{\\rule{100000em}{1em}}x',
  '\\begin{matrix}a\\\\[100000em]b\\end{matrix}',
  `${'\\sqrt{'.repeat(400)}x${'}'.repeat(400)}`,
  `${'{'.repeat(400)}x${'}'.repeat(400)}`,
  `${'\\left('.repeat(200)}x${'\\right)'.repeat(200)}`,
  `${'x^{'.repeat(40)}x${'}'.repeat(40)}`,
  '\\href{javascript:alert(1)}{click}',
  '\\url{javascript:alert(1)}',
  '\\htmlData{foo=bar}{x}',
  '\\htmlStyle{position:fixed;top:0;left:0;width:100vw;height:100vh;background:red}{x}',
  '\\htmlClass{skip}{x}',
  '\\htmlId{main}{x}',
  '\\includegraphics[height=100000em]{https://evil.example/x.png}',
  '\\def\\a{\\a\\a}\\a',
  '\\newcommand{\\x}{\\x\\x}\\x',
  '\\message{hello}x',
  `\\begin{matrix}${'a\\\\'.repeat(300)}\\end{matrix}`,
  `\\smash{\\begin{matrix}${'a\\\\'.repeat(100)}\\end{matrix}}`,
  '\\verb|<script>alert(1)</script>|',
  // Within every limit, and 300em wide with no place to break: the stylesheet's to contain.
  '\\rule{5em}{1em}'.repeat(60),
  hugeFormula(100_000),
];

/** A formula of `length` characters, none of them a place to break. */
export function hugeFormula(length: number): string {
  return '\\rule{10em}{10em}'.repeat(Math.ceil(length / 17)).slice(0, length - (length % 17));
}

/** Short ones, for titles (a title line stays under 390 characters). */
const TITLE_FORMULAS = HOSTILE_FORMULAS.filter((f) => f.length <= 80);

/**
 * Every tenth paper (i % 10 === 5) of hostilePapers: hostile formulas in its title and abstract,
 * so that a site of 120 hostile papers has them all, on paper pages and in every list. The 100 KB
 * formula is cut to fit the ingest's 20,000-character limit on an abstract.
 */
function formulaPaper(i: number): HostilePaper {
  const k = (i - 5) / 10;
  const pick = (n: number): string => {
    const f = HOSTILE_FORMULAS[n % HOSTILE_FORMULAS.length]!;
    return f.length > 18_000 ? hugeFormula(18_000) : f;
  };
  const title = `${i} Formula paper ${k}: $${TITLE_FORMULAS[k % TITLE_FORMULAS.length]}$ in a title`;
  const formulas = [pick(3 * k), pick(3 * k + 1), pick(3 * k + 2)];
  return {
    title,
    abstract: `We render $${formulas[0]}$ first, then $${formulas[1]}$ and $${formulas[2]}$ in the same abstract. This is the end of abstract ${i}.`,
  };
}

/**
 * Papers whose titles stay one line and whose abstracts read as abstracts to the digest parser;
 * every tenth has hostile formulas (formulaPaper) unless `formulas: false`.
 */
export function hostilePapers(seed: number, n: number, options: { longLines?: boolean; formulas?: boolean } = {}): HostilePaper[] {
  const rand = prng(seed);
  const papers: HostilePaper[] = [];
  for (let i = 0; i < n; i += 1) {
    const longTitle = rand() < 0.05;
    const title = `${i} ${hostileText(rand, longTitle ? 60 : 2 + Math.floor(rand() * 8))}`.slice(0, 390).replace(/[.!?]+$/, '');
    const long = options.longLines === true && i % 50 === 49;
    // Long, but within the ingest's limit of 20,000 characters an abstract (digest/parse.ts).
    const body = long ? hostileText(rand, 20).padEnd(19_000, ' and so on') : hostileText(rand, 10 + Math.floor(rand() * 40));
    // The generator draws the same numbers either way: the other papers stay as they were.
    if (options.formulas !== false && i % 10 === 5) papers.push(formulaPaper(i));
    else papers.push({ title: title.trim(), abstract: `${body.trim()} This is the end of abstract ${i}.` });
  }
  return papers;
}
