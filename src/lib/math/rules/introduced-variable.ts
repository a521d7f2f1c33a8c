import type { Chunk } from '../chunk.ts';
import type { Candidate, Scan } from '../scan.ts';
import { COMMON_WORDS } from '../lexicon.ts';
import { isArticleLike } from '../words.ts';
import { coveredBy } from './covered.ts';
import type { ParagraphRule } from './rule.ts';

/** Nouns that name a quantity before its symbol: "width m", "dimension d", "at time t", "parameter lambda". */
export const QUANTITIES: ReadonlySet<string> = new Set(
  `width depth dimension dimensionality size length rank degree order horizon budget radius parameter
   constant factor threshold temperature level number rate bandwidth capacity sparsity window time step
   iteration round layer node vertex agent class token position index coefficient weight`.split(/\s+/),
);

/**
 * The quantities whose capital is a variable too ("of width N and depth L", "radius R"), not a
 * label as after "class", "size", "level", "layer", "agent" ("class C", "size M", "agent B").
 */
export const CAPITAL_QUANTITIES: ReadonlySet<string> = new Set(
  'width depth dimension dimensionality length rank degree horizon budget radius number factor constant threshold bandwidth capacity'.split(
    ' ',
  ),
);

/** Adjectives of a limit, before the variable that grows or shrinks: "for large n", "small epsilon". */
export const LIMIT_SIZES: ReadonlySet<string> = new Set(['large', 'small']);

/** Plural nouns that count what a symbol before them numbers: "n samples", "T rounds", "K arms". */
export const COUNTED: ReadonlySet<string> = new Set(
  `samples rounds iterations steps agents arms points nodes vertices edges layers clusters classes tasks
   users items players variables features dimensions parameters tokens experts heads bits queries
   observations examples trajectories episodes states actions workers machines clients particles neurons
   units components groups views frames images sensors copies candidates demonstrations trials epochs
   batches blocks channels modes sources objects rows columns entries labels categories subsets
   measurements hops bins coefficients pixels patches datapoints`.split(/\s+/),
);

/** Clause words that open a definition of the letter after them: "where n is", "and k is". */
export const DEFINING_CLAUSES: ReadonlySet<string> = new Set(['where', 'and', 'while', 'when']);
/** Verbs that define the letter before them: "n is the number of agents", "I measures the amount". */
export const DEFINING_VERBS: ReadonlySet<string> = new Set(['is', 'are', 'denotes', 'measures', 'represents']);

/**
 * A chunk that is one letter or one Greek name standing alone, and not hyphenated ("x-axis"),
 * unless `hyphenated` allows a lower-case letter in a compound ("n-bit").
 */
function loneSymbol(scan: Scan, c: Chunk, hyphenated = false): string | undefined {
  const u = c.units[c.a];
  const t = scan.head(u);
  if (c.verdict !== 'weak' || c.b - c.a !== 1 || !u || u.group || !t) return undefined;
  // (Hyphenated, only where it is written, never as the introduction: "n-bit" after "n bits", not "the x-axis".)
  if (c.hyphenated && !(hyphenated && /^[a-z]$/.test(t.text) && !/^-ax[ie]s\b/.test(scan.text.slice(t.e, t.e + 6)))) return undefined;
  if (t.info?.kind === 'letter') return isArticleLike(t.text) ? undefined : t.text;
  const only = t.info?.kind === 'cmds' && t.info.parts.length === 1 ? t.info.parts[0]?.cmd : undefined;
  return only?.cls === 'greek' ? t.text : undefined;
}

/** The word a text chunk is, without prose punctuation ("samples," → "samples", "(where" → "where"), or ''. */
function wordOf(scan: Scan, c: Chunk | undefined): string {
  // (A weak chunk too: "rank" is also an upright operator word.)
  if (!c || c.verdict === 'strong') return '';
  return /^\(?([A-Za-z]+)/.exec(scan.text.slice(c.s, c.e))?.[1]?.toLowerCase() ?? '';
}

/**
 * A letter (or Greek name) the paragraph introduces as a variable is a symbol wherever it stands
 * alone in that paragraph: after a noun naming a quantity ("of width m", "at time t") or the size
 * of a limit ("for large n"), or before
 * a plural noun it counts ("with n samples", "over T rounds", "K arms"; a lower-case letter
 * through one adjective, "n distinct samples"), or in a definition
 * ("where n is the number of agents", "and k is a constant", "where v captures the drift", "and
 * s encodes it": a verb in -s, after "where" or for a lower-case letter): that alone is enough, as is a
 * lower-case letter (English has no lone "n" or "d": "over n variables", "in d dimensions"), where
 * a capital must stand twice in a paragraph with no other math ("T cells", "plan B"). Not "a", "A", "I", not
 * in hyphenated words, and the introduction must be that plain: the letter right after the
 * noun with nothing glued, and in lower case unless the noun is a measure (CAPITAL_QUANTITIES:
 * "width N", where "class C", "size M" are labels), or right before
 * the counted noun, not after a number or a capitalised word ("3 D points", "Vitamin D").
 */
export const introducedVariable: ParagraphRule = {
  name: 'introduced-variable',
  stage: 'paragraph',
  summary: 'a letter the paragraph introduces as a variable ("with n samples", "width m")',
  examples: [
    { text: 'We train networks of width m on n samples; when m is large, the error falls.', tex: ['m', 'n', 'm'] },
    { text: 'Over T rounds with K arms, the learner pulls an arm in each of the T rounds.', tex: ['T', 'T'] },
    { text: 'A network of width N and depth L: as N grows with L fixed, it fits.', tex: ['N', 'L', 'N', 'L'] },
    { text: 'A dataset of T cells and vitamin D levels, plan B.', tex: [] },
    { text: 'We collect n samples in d dimensions.', tex: ['n', 'd'] },
    { text: 'We collect N samples.', tex: [] },
    { text: 'It scales as a power, where n is the number of agents and k is the number of arms.', tex: ['n', 'k'] },
    { text: 'It is fast (where q is the size of the alphabet).', tex: ['q'] },
    { text: 'It holds, where v captures the drift and s encodes the rest.', tex: ['v', 's'] },
    { text: 'It holds, and B cells respond while T counts.', tex: [] },
    { text: 'The bound is tight for large n and it fails for small n.', tex: ['n', 'n'] },
    { text: 'Weights of n bits make an n-bit model; plot n on the x-axis.', tex: ['n', 'n', 'n'] },
    { text: 'It draws n distinct samples, and k of the big clusters.', tex: ['n'] },
  ],
  apply(scan, chunks, out) {
    const introduced = new Set<string>();
    const definitions = new Set<string>();
    chunks.forEach((c, k) => {
      const name = loneSymbol(scan, c);
      if (name === undefined || c.prefixText) return;
      const before = chunks[k - 1];
      const after = chunks[k + 1];
      const plain = before?.suffix === 'none';
      // After a noun, a capital is as often a label ("class C", "size M", "group B"): lower case only.
      const noun = wordOf(scan, before);
      // ("for large n", "at large N": the size of a variable in a limit.)
      const named = plain && ((/^[A-Z]$/.test(name) ? CAPITAL_QUANTITIES.has(noun) : QUANTITIES.has(noun)) || LIMIT_SIZES.has(noun));
      // Before a counted noun, not after a number ("3 D points") or a name ("Vitamin D").
      const label =
        plain &&
        before !== undefined &&
        (/^[0-9]/.test(scan.text.slice(before.s, before.e)) ||
          (/^[A-Z]$/.test(name) && /^[A-Z]/.test(scan.text.slice(before.s, before.e))));
      // (A lower-case letter may count through one adjective: "n distinct samples", "l independent samples".)
      const next = chunks[k + 2];
      const through =
        /^[a-z]$/.test(name) &&
        after?.suffix === 'none' &&
        !next?.prefixText &&
        /^[a-z]{3,}$/.test(after === undefined ? '' : scan.text.slice(after.s, after.e)) &&
        !COMMON_WORDS.has(wordOf(scan, after)) &&
        COUNTED.has(wordOf(scan, next));
      const counts = c.suffix === 'none' && !after?.prefixText && !label && (COUNTED.has(wordOf(scan, after)) || through);
      // "where n is the number of agents": a definition, enough by itself.
      const the = wordOf(scan, chunks[k + 2]);
      const defined =
        plain &&
        c.suffix === 'none' &&
        !after?.prefixText &&
        after?.suffix === 'none' &&
        DEFINING_CLAUSES.has(wordOf(scan, before)) &&
        ((DEFINING_VERBS.has(wordOf(scan, after)) && (the === 'the' || the === 'a')) ||
          // "where v captures the drift", "and S encodes": any verb in -s defines it, after
          // "where", or a lower-case letter (a capital after "and" may be a name's: "and B samples").
          (/^[a-z]{3,}s$/.test(scan.text.slice(after.s, after.e)) && (/^[a-z]/.test(name) || wordOf(scan, before) === 'where')));
      if (defined) definitions.add(name);
      if (named || counts || defined) introduced.add(name);
    });
    if (introduced.size === 0) return [];
    // One capital in an abstract with no other math is too little to go on: it must stand twice.
    const alone = out.length === 0;
    const seen = new Map<string, number>();
    if (alone)
      for (const c of chunks) {
        const n = loneSymbol(scan, c);
        if (n !== undefined) seen.set(n, (seen.get(n) ?? 0) + 1);
      }
    const added: Candidate[] = [];
    const covered = coveredBy(out);
    for (const c of chunks) {
      const name = loneSymbol(scan, c, true);
      if (
        name === undefined ||
        !introduced.has(name) ||
        (alone && !definitions.has(name) && !/^[a-z]$/.test(name) && (seen.get(name) ?? 0) < 2)
      )
        continue;
      const t = scan.tok((c.units[c.a] as { i: number }).i);
      if (!covered(t.s)) added.push({ s: t.s, e: t.e, tex: undefined, rules: [this.name] });
    }
    return added;
  },
};
