import type { Chunk } from '../chunk.ts';
import { COMMANDS } from '../commands.ts';
import { COMMON_WORDS } from '../lexicon.ts';
import type { Candidate, Scan } from '../scan.ts';
import { coveredBy } from './covered.ts';
import type { ParagraphRule } from './rule.ts';

/** The Greek names that are also English words or names, as a test of a whole text. */
const NAMES = new RegExp(
  `(?<![A-Za-z])(${[...COMMANDS.entries()]
    .filter(([, c]) => c.cls === 'greek' && c.english)
    .map(([n]) => n)
    .join('|')})(?![A-Za-z])`,
);

/** Articles that make the next word a noun: "the delta of", "a beta version". */
const ARTICLES = new Set(['the', 'a', 'an', 'The', 'A', 'An']);

/**
 * The Greek name that is also English ("alpha", "kappa", "Delta") a chunk's core is, alone, or
 * alone in brackets ("a temperature (beta)"), with the unit that holds it.
 */
function englishGreek(scan: Scan, c: Chunk): { name: string; bracketed: boolean; compound: boolean } | undefined {
  const u = c.units[c.a];
  if (c.verdict !== 'weak' || c.b - c.a !== 1 || !u) return undefined;
  // (Hyphenated to the word after it, a lower-case name heads a compound: "alpha-divergence".)
  const compound = c.hyphenated && !c.prefixText && !u.group && /^-[A-Za-z]/.test(scan.text.slice(scan.tok(u.i).e, scan.tok(u.i).e + 2));
  if (c.hyphenated && !compound) return undefined;
  // (A group: its content must be the name alone, `(beta)`.)
  if (u.group && (u.j - u.i !== 2 || scan.tok(u.i).text !== '(')) return undefined;
  const t = u.group ? scan.tok(u.i + 1) : scan.head(u);
  const info = t?.kind === 'word' ? t.info : undefined;
  const cmd = info?.kind === 'cmds' && info.parts.length === 1 ? info.parts[0]?.cmd : undefined;
  if (compound) {
    const tail = /^-([A-Za-z]+)/.exec(scan.text.slice(scan.tok(u.i).e))?.[1] ?? '';
    if (!t || !/^[a-z]/.test(t.text) || ENGLISH_COMPOUND_HEADS.has(t.text) || ENGLISH_COMPOUND_TAIL.test(tail)) return undefined;
  }
  return cmd?.cls === 'greek' && cmd.english && t ? { name: t.text, bracketed: u.group, compound } : undefined;
}

const capitalised = (s: string): boolean => /^[A-Z]/.test(s);

/**
 * The names English hyphenates into its own words ("chi-square test"). The others, lower case,
 * head compounds only as letters in the corpus ("alpha-divergence"; none in 8,438 math-free
 * dev abstracts).
 */
const ENGLISH_COMPOUND_HEADS: ReadonlySet<string> = new Set(['chi']);

/**
 * What English and the life sciences name with a Greek head: proteins, enzymes and compounds by
 * their suffixes ("alpha-synuclein", "beta-amyloid", "gamma-secretase"), and the everyday
 * compounds ("beta-testing", "gamma-ray", "alpha-channel").
 */
const ENGLISH_COMPOUND_TAIL =
  /^(?:[a-z]+(?:in|ase|ine|oid|ol)|helix|helices|sheets?|blockers?|cells?|rays?|particles?|decay|radiation|versions?|testing|tests?|release|channels?|blending|numeric)$/;

/** Nouns a symbol names the kind of when it stands before them: "the alpha parameter", "beta values". */
export const SYMBOL_NOUNS: ReadonlySet<string> = new Set(
  'value values parameter parameters hyperparameter hyperparameters coefficient coefficients term terms weight weights'.split(' '),
);

/**
 * Verbs whose subject a symbol is, after it: "lambda controls the trade-off", "as delta shrinks".
 * (Not "changes", "sets", "tests": plural nouns as often, "beta tests".)
 */
export const SYMBOL_VERBS: ReadonlySet<string> = new Set(
  `controls balances determines governs regulates modulates trades scales grows shrinks increases decreases
   rises falls drops tends approaches varies depends exceeds equals yields vanishes diverges converges decays`.split(/\s+/),
);

/**
 * `obtains 0.766 kappa and`, `for large lambda,`, `a temperature (beta) that`: a Greek name that
 * is also English, standing alone (or alone in brackets), is the letter, unless English uses it
 * as a noun: an article before it ("the delta of the product"), a possessive ("Cohen's kappa"),
 * or a content word after it that it modifies ("beta distribution", "alpha testing"). What may
 * follow the letter: punctuation, a function word ("and", "of", "is"), or a noun that says it is
 * a symbol ("the alpha parameter", "beta values": SYMBOL_NOUNS), or a verb it is the subject of
 * ("lambda controls": SYMBOL_VERBS). A capital name
 * ("Delta", "Sigma", "Pi") is as often a product's or a company's: it is the letter only inside a
 * sentence, with no capitalised word or number beside it ("Raspberry Pi 5", "Delta Airlines",
 * "Six Sigma"). In brackets, the letter whatever follows, but not after a capitalised word (a
 * product's "(beta)"). Measured on the corpus, this holds in paragraphs without other math too
 * (no stray in the math-free abstracts).
 */
export const loneGreekName: ParagraphRule = {
  name: 'lone-greek-name',
  stage: 'paragraph',
  summary: 'an English-looking Greek name alone, not used as an English noun, is the letter',
  examples: [
    { text: 'It obtains 0.766 kappa and, for large lambda, more.', tex: ['\\kappa', '\\lambda'] },
    { text: "The delta of a beta distribution in alpha testing, and Cohen's kappa.", tex: [] },
    { text: 'It lowers the loss, and the gap Delta is small; a temperature (beta) sets it.', tex: ['\\Delta', '\\beta'] },
    { text: 'On a Raspberry Pi 5, Delta Airlines and Six Sigma. Delta is a name here.', tex: [] },
    { text: 'The app Gmail (beta) is out.', tex: [] },
    { text: 'We tune the alpha parameter over beta values.', tex: ['\\alpha', '\\beta'] },
    { text: 'As delta shrinks, lambda controls the rest.', tex: ['\\delta', '\\lambda'] },
    { text: 'An alpha-divergence, not a chi-square test nor a meta-beta one.', tex: ['\\alpha'] },
    { text: 'Misfolded alpha-synuclein and beta-amyloid, a gamma-ray, beta-testing.', tex: [] },
  ],
  apply(scan, chunks, out) {
    // (Most paragraphs name no such letter: one scan of the text first.)
    if (!NAMES.test(scan.text)) return [];
    const added: Candidate[] = [];
    const covered = coveredBy(out);
    chunks.forEach((c, k) => {
      const found = englishGreek(scan, c);
      if (found === undefined || (c.prefixText && !found.bracketed)) return;
      const before = chunks[k - 1];
      const after = chunks[k + 1];
      // (After an article it is a noun; after a name's possessive, a statistic's name: "Cohen's kappa".)
      const prev = before ? scan.text.slice(before.s, before.e) : '';
      if (/['’]s$/.test(prev)) return;
      const next = after ? scan.text.slice(after.s, after.e) : '';
      const word = /^[A-Za-z]+/.exec(next)?.[0] ?? '';
      if (found.bracketed && ARTICLES.has(prev)) return;
      if (capitalised(found.name)) {
        // Inside a sentence, between lower-case words: not "Delta Airlines", "Raspberry Pi 5", nor a sentence's first word.
        if (before === undefined || before.suffix === 'stop' || capitalised(prev) || capitalised(next) || /^[0-9]/.test(next)) return;
      }
      if (found.compound) {
        // (The compound is the noun: "an alpha-divergence".)
      } else if (found.bracketed) {
        if (capitalised(prev)) return;
      } else {
        const ends = c.suffix !== 'none' || after === undefined;
        const noun = SYMBOL_NOUNS.has(word);
        const verb = SYMBOL_VERBS.has(word);
        if (!ends && (after?.prefixText || !(COMMON_WORDS.has(word.toLowerCase()) || noun || verb))) return;
        // (Before such a noun the article is the noun's: "the alpha parameter".)
        if (ARTICLES.has(prev) && !noun) return;
      }
      const u = c.units[c.a] as { i: number; j: number; group: boolean };
      const t = scan.tok(u.group ? u.i + 1 : u.i);
      if (!covered(t.s)) added.push({ s: t.s, e: t.e, tex: undefined, rules: [this.name] });
    });
    return added;
  },
};
