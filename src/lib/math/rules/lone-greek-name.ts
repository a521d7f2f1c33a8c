import type { Chunk } from '../chunk.ts';
import { COMMANDS } from '../commands.ts';
import { COMMON_WORDS } from '../lexicon.ts';
import type { Candidate, Scan } from '../scan.ts';
import { coveredBy } from './covered.ts';
import type { ParagraphRule } from './rule.ts';

/** The lower-case Greek names that are also English words, as a test of a whole text. */
const NAMES = new RegExp(
  `(?<![A-Za-z])(${[...COMMANDS.entries()]
    .filter(([n, c]) => c.cls === 'greek' && c.english && /^[a-z]/.test(n))
    .map(([n]) => n)
    .join('|')})(?![A-Za-z])`,
);

/** Articles that make the next word a noun: "the delta of", "a beta version". */
const ARTICLES = new Set(['the', 'a', 'an', 'The', 'A', 'An']);

/** The lower-case Greek name that is also English ("alpha", "kappa", "lambda") a chunk's core is, alone. */
function englishGreek(scan: Scan, c: Chunk): string | undefined {
  const u = c.units[c.a];
  if (c.verdict !== 'weak' || c.b - c.a !== 1 || !u || u.group || c.hyphenated) return undefined;
  const parts = scan.word(u)?.parts;
  const cmd = parts?.length === 1 ? parts[0]?.cmd : undefined;
  const t = scan.head(u);
  return cmd?.cls === 'greek' && cmd.english && t && /^[a-z]/.test(t.text) ? t.text : undefined;
}

/**
 * `obtains 0.766 kappa and`, `for large lambda,`: a Greek name that is also English, standing
 * alone, is the letter, unless English uses it as a noun: an article before it ("the delta of
 * the product"), a possessive ("Cohen's kappa"), or a content word after it that it modifies ("beta distribution", "alpha
 * testing"). What may follow the letter: punctuation, or a function word ("and", "of", "is").
 * Measured on the corpus, this holds in paragraphs without other math too (no stray in the
 * math-free abstracts).
 */
export const loneGreekName: ParagraphRule = {
  name: 'lone-greek-name',
  stage: 'paragraph',
  summary: 'an English-looking Greek name alone, not used as an English noun, is the letter',
  examples: [
    { text: 'It obtains 0.766 kappa and, for large lambda, more.', tex: ['\\kappa', '\\lambda'] },
    { text: "The delta of a beta distribution in alpha testing, and Cohen's kappa.", tex: [] },
  ],
  apply(scan, chunks, out) {
    // (Most paragraphs name no such letter: one scan of the text first.)
    if (!NAMES.test(scan.text)) return [];
    const added: Candidate[] = [];
    const covered = coveredBy(out);
    chunks.forEach((c, k) => {
      const name = englishGreek(scan, c);
      if (name === undefined || c.prefixText) return;
      const before = chunks[k - 1];
      const after = chunks[k + 1];
      // (After an article it is a noun; after a name's possessive, a statistic's name: "Cohen's kappa".)
      const prev = before ? scan.text.slice(before.s, before.e) : '';
      if (ARTICLES.has(prev) || /['’]s$/.test(prev)) return;
      const next = after ? scan.text.slice(after.s, after.e) : '';
      const word = /^[A-Za-z]+/.exec(next)?.[0] ?? '';
      const ends = c.suffix !== 'none' || after === undefined;
      if (!ends && (after?.prefixText || !COMMON_WORDS.has(word.toLowerCase()))) return;
      const t = scan.tok((c.units[c.a] as { i: number }).i);
      if (!covered(t.s)) added.push({ s: t.s, e: t.e, tex: undefined, rules: [this.name] });
    });
    return added;
  },
};
