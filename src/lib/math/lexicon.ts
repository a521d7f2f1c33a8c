/**
 * The word lists of detection, beside the command table (commands.ts): letters that head
 * asymptotic notation, upright operator words, and the English words a run of letters could
 * otherwise be read as. Each entry has an effect (lexicon.test.ts checks it).
 */
export { COMMANDS, MAX_COMMAND_LENGTH, type CmdClass, type CmdInfo } from './commands.ts';
import { withRole } from './commands.ts';

/** Symbols that may start a CamelCase name (`perpGrad` from `$\perp$Grad`): the table's `prefix`. */
export const CAMEL_PREFIXES: ReadonlySet<string> = withRole('prefix');

/** Relations written before a number (`$\sim$3 billion`): the table's `before-num`. */
export const PREFIX_RELATIONS: ReadonlySet<string> = withRole('before-num');

/** Heads of asymptotic notation: O(...), \Omega(...), \Theta(...). */
export const BIG_O_HEADS: ReadonlySet<string> = new Set(['O', 'o', 'Omega', 'Theta', 'omega']);

/**
 * Upright operator words whose \mathrm{} or \operatorname{} the damage removed. Accepted only
 * inside a formula's brackets, never as evidence: `O(d poly(k))`.
 */
export const MATH_WORDS: ReadonlySet<string> = new Set([
  'poly',
  'polylog',
  'rank',
  'diag',
  'sgn',
  'sign',
  'supp',
  'Var',
  'Cov',
  'softmax',
  'const',
  'dist',
  'Tr',
  'tr',
  'erf',
  'vol',
]);

/**
 * Common English words that a run of letters could otherwise be read as: a product of
 * variables (`dB`, `nd`, `SAx` are products; "the", "and" are not) or variables glued to a
 * command (`bin` is `b\in`, "pin" is a word). Only words that would otherwise read as math: "gain",
 * "login" are English by the rules of words.ts already.
 */
export const COMMON_WORDS: ReadonlySet<string> = new Set(
  `an as at be by do go he if is it me my no of on or so up us we am ad ah ok vs eg ie et al cf
  pp ca re all and any are but can did due few for get got had has her him his how its let may
  new nor not now off old one our out own per put run say see set she the too two use via was way
  who why yet you low key end far fit lot map net ten six add aim act age ago air art ask bad
  bed bit box buy car cut day die dog eat era eye fix fly fun gap gas hot job lab law lay leg lie
  mix odd oil pay pen pop raw red row sea sit sky son tax tie tip toy try war web win yes non pre
  sub blog print ill egg in to`
    .split(/\s+/)
    .filter((w) => w !== ''),
);
