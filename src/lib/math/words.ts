/**
 * What a run of letters in damaged text can be. The damage deleted every backslash inside
 * math, so command names glue to their neighbours: `sigmaleft` was `\sigma\left`, `Ain` was
 * `A\in`, `dlog` was `d\log`. In TeX source a control word ends at the first non-letter, so
 * after a command no plain letter can follow inside the same run: a run is some variable
 * letters, then commands (`V* C+`). That rule, plus a grammar check on the commands, is what
 * keeps "login", "into" and "tone" English.
 */
import { COMMANDS, MAX_COMMAND_LENGTH, withRole, type CmdClass, type CmdInfo } from './commands.ts';
import { COMMON_WORDS, MATH_WORDS } from './lexicon.ts';

export interface Part {
  /** The letters as they stand in the text. */
  readonly text: string;
  /** The command's class when the part is a command; undefined for a variable letter. */
  readonly cmd: CmdInfo | undefined;
}

export type WordKind =
  | 'letter' // one letter: a variable, or an English "a"/"I"
  | 'cmds' // variables then commands: `sigmaleft`, `Ain`, `log`
  | 'vars' // two or three letters read as a product of variables: `dB`, `nd`
  | 'mathword' // an upright operator word that lost its \mathrm: `poly`
  | 'english';

export interface WordInfo {
  readonly kind: WordKind;
  readonly parts: readonly Part[];
  /** Has a command that is not also an English word: real evidence of math. */
  readonly distinctive: boolean;
}

/** A word, or a name mixing letters and digits (GPT4, A100). */
export const ENGLISH: WordInfo = { kind: 'english', parts: [], distinctive: false };

/** Splits a string into command names, fewest (so longest) first; null when impossible. */
function splitCommands(s: string): string[] | null {
  const n = s.length;
  const best: number[] = new Array<number>(n + 1).fill(Infinity);
  const step: number[] = new Array<number>(n + 1).fill(0);
  best[n] = 0;
  for (let i = n - 1; i >= 0; i -= 1) {
    for (let len = Math.min(MAX_COMMAND_LENGTH, n - i); len >= 2; len -= 1) {
      const after = best[i + len] ?? Infinity;
      if (after === Infinity || !COMMANDS.has(s.slice(i, i + len))) continue;
      if (after + 1 < (best[i] ?? Infinity)) {
        best[i] = after + 1;
        step[i] = len;
      }
    }
  }
  if (best[0] === Infinity) return null;
  const names: string[] = [];
  for (let i = 0; i < n; i += step[i] ?? n) names.push(s.slice(i, i + (step[i] ?? n)));
  return names;
}

const OPERATOR_LIKE: ReadonlySet<CmdClass> = new Set(['rel', 'bin']);
const NEEDS_ARGUMENT: ReadonlySet<CmdClass> = new Set(['accent', 'font', 'frac', 'sqrt']);
/** Operator names that follow variables glued in real formulas: `dlog n`, `nd\log n` (role after-var). */
const OPS_AFTER_VARIABLES = withRole('after-var');

/** Could these commands stand one after another in a formula? */
function grammatical(names: readonly string[]): boolean {
  if (names.length > 4) return false;
  for (let k = 0; k + 1 < names.length; k += 1) {
    const cls = COMMANDS.get(names[k] ?? '')?.cls;
    const next = COMMANDS.get(names[k + 1] ?? '')?.cls;
    if (cls === undefined || next === undefined) return false;
    // \left, \right, \big take the delimiter that follows: nothing else may come first.
    if (cls === 'sizer') return false;
    // Two relations or operators in a row have no operand between them ("into" is not \in\to).
    if ((OPERATOR_LIKE.has(cls) || cls === 'op') && (OPERATOR_LIKE.has(next) || next === 'close')) return false;
    // An accent or font glued to a command takes it as argument: only a symbol fits (\widetilde\Theta).
    if (NEEDS_ARGUMENT.has(cls) && next !== 'greek' && next !== 'ord') return false;
  }
  return true;
}

/** Relations and operators that real formulas glue to a variable (`A\in`, `n\times`): role glues. */
const GLUE_AFTER_VARIABLES = withRole('glues');

/**
 * Variables then commands, or null. Fewer variable letters win (`ell` is \ell, not e + \ll).
 * Glued to variables, only one command, and only a relation, an operator name or \left:
 * a Greek name or a symbol there is English ("meta", "well", "point").
 */
function decompose(word: string): Part[] | null {
  const set = setAfterRelation(word);
  if (set) return set;
  const greek = greekThenRelation(word);
  if (greek) return greek;
  for (let v = 0; v <= 2 && v <= word.length - 2; v += 1) {
    const names = splitCommands(word.slice(v));
    if (!names || !grammatical(names)) continue;
    const first = names[0] ?? '';
    const info = COMMANDS.get(first);
    if (!info) continue;
    if (v > 0) {
      // (A glued relation may open its operand's command: `isimmathcal` is i\sim\mathcal,
      // `xinmathbb` x\in\mathbb; that second name must be one no English has.)
      const opened =
        names.length === 2 &&
        (info.cls === 'rel' || info.cls === 'bin') &&
        GLUE_AFTER_VARIABLES.has(first) &&
        COMMANDS.get(names[1] ?? '')?.english === false &&
        ['font', 'greek', 'ord'].includes(COMMANDS.get(names[1] ?? '')?.cls ?? '');
      if (opened) {
        const parts: Part[] = [];
        for (let i = 0; i < v; i += 1) parts.push({ text: word.charAt(i), cmd: undefined });
        for (const n of names) parts.push({ text: n, cmd: COMMANDS.get(n) });
        return parts;
      }
      if (names.length !== 1) continue;
      // (`xPhi(x)`: lower-case variables, then a capital Greek letter, is no English word.)
      const capitalGreek = info.cls === 'greek' && /^[A-Z]/.test(first) && /^[a-z]+$/.test(word.slice(0, v));
      if (capitalGreek) {
        const parts: Part[] = [];
        for (let i = 0; i < v; i += 1) parts.push({ text: word.charAt(i), cmd: undefined });
        return [...parts, { text: first, cmd: info }];
      }
      const glues =
        info.cls === 'sizer' ||
        ((info.cls === 'rel' || info.cls === 'bin') && GLUE_AFTER_VARIABLES.has(first)) ||
        (info.cls === 'op' && (v === 1 ? OPS_AFTER_VARIABLES.has(first) : first === 'log'));
      // Two letters and a two-letter command is how English words end: "full", "gain", "well".
      if (!glues || (v === 2 && first.length === 2)) continue;
    } else if (names.length > 1) {
      // Two-letter names glued together make words: "null" is not \nu\ll, nor "pill" \pi\ll.
      if (names.some((n, k) => n.length === 2 && (names[k + 1]?.length ?? 0) === 2)) continue;
      const distinctive = names.some((n) => COMMANDS.get(n)?.english === false);
      // English-looking commands glued together: only operator names (`loglog`, `argmin`),
      // perhaps before a \left.
      const head = names.slice(0, -1);
      const tail = COMMANDS.get(names[names.length - 1] ?? '')?.cls;
      if (!distinctive && (!head.every((n) => COMMANDS.get(n)?.cls === 'op') || (tail !== 'op' && tail !== 'sizer'))) continue;
    }
    const parts: Part[] = [];
    for (let i = 0; i < v; i += 1) parts.push({ text: word.charAt(i), cmd: undefined });
    for (const n of names) parts.push({ text: n, cmd: COMMANDS.get(n) });
    return parts;
  }
  return null;
}

/** Relations that take a set on their right (`\in`, `\to`, `\subseteq`) and glue to a variable. */
const SET_RELATIONS_GLUED = new Set([...withRole('set-before')].filter((n) => GLUE_AFTER_VARIABLES.has(n)));

/**
 * `x\in\mathbb{R}^d` damaged is `xinR^d`: the set's command lost its braces, so its capital
 * glues after the relation, the one place a letter follows a command in a run. One or two
 * variables, a set relation, one capital: no English word ends so ("WinR", "xtoY").
 */
function setAfterRelation(word: string): Part[] | null {
  const m = /^([A-Za-z]{1,2})([a-z]{2,})([A-Z])$/.exec(word);
  const rel = m?.[2] ?? '';
  if (!m || !SET_RELATIONS_GLUED.has(rel)) return null;
  return [...lettersOf(m[1] ?? ''), { text: rel, cmd: COMMANDS.get(rel) }, { text: m[3] ?? '', cmd: undefined }];
}

/**
 * A lower-case Greek name that is also English, glued to a relation or operator that glues to
 * variables (`lambdato`, `alphain`, `betatimes`): no English word is made so, where
 * English-looking names glued together usually are ("login", "into").
 */
function greekThenRelation(word: string): Part[] | null {
  const names = splitCommands(word);
  if (names?.length !== 2) return null;
  const [first = '', second = ''] = names;
  const greek = COMMANDS.get(first);
  const op = COMMANDS.get(second);
  if (greek?.cls !== 'greek' || !greek.english || !/^[a-z]/.test(first)) return null;
  if (!op || (op.cls !== 'rel' && op.cls !== 'bin') || !GLUE_AFTER_VARIABLES.has(second)) return null;
  return [
    { text: first, cmd: greek },
    { text: second, cmd: op },
  ];
}

function lettersOf(word: string): Part[] {
  return [...word].map((ch) => ({ text: ch, cmd: undefined }));
}

/** The word lists analyse() reads; another one only to test that each entry has an effect. */
export interface WordLists {
  readonly common: ReadonlySet<string>;
  readonly mathWords: ReadonlySet<string>;
}

const LISTS: WordLists = { common: COMMON_WORDS, mathWords: MATH_WORDS };

/** What a run of letters is, read with the given word lists (analyseWord uses the real ones). */
export function analyseWith(word: string, lists: WordLists): WordInfo {
  if (word.length === 1) return { kind: 'letter', parts: lettersOf(word), distinctive: false };
  const exact = COMMANDS.get(word);
  if (exact) return { kind: 'cmds', parts: [{ text: word, cmd: exact }], distinctive: !exact.english };
  const capitalised = /^[A-Z][a-z]+$/.test(word);
  if (lists.common.has(word) || (capitalised && lists.common.has(word.toLowerCase())) || word.length > 40) return ENGLISH;
  const parts = decompose(word);
  if (parts) return { kind: 'cmds', parts, distinctive: parts.some((p) => p.cmd !== undefined && !p.cmd.english) };
  if (lists.mathWords.has(word)) return { kind: 'mathword', parts: [{ text: word, cmd: undefined }], distinctive: false };
  // `dB`, `nd`, `Ax`, `SAx` are products; "Fig", "Lin" (a capital, then lower case) are words or names.
  if (word.length === 2 || (word.length === 3 && !capitalised)) return { kind: 'vars', parts: lettersOf(word), distinctive: false };
  return ENGLISH;
}

const cache = new Map<string, WordInfo>();

/** What a run of ASCII letters is, memoised (abstracts repeat their words). */
export function analyseWord(word: string): WordInfo {
  let info = cache.get(word);
  if (!info) {
    if (cache.size > 50_000) cache.clear();
    info = analyseWith(word, LISTS);
    cache.set(word, info);
  }
  return info;
}

/** The first and last command classes of a word ('var' for a variable letter). */
export function edgeClasses(info: WordInfo): { first: CmdClass | 'var' | undefined; last: CmdClass | 'var' | undefined } {
  const first = info.parts[0];
  const last = info.parts[info.parts.length - 1];
  return { first: first ? (first.cmd?.cls ?? 'var') : undefined, last: last ? (last.cmd?.cls ?? 'var') : undefined };
}

/** "a", "A" and "I" are English far more often than variables when they stand alone. */
export function isArticleLike(word: string): boolean {
  return word === 'a' || word === 'A' || word === 'I';
}
