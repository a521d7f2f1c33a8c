/**
 * Lost math, told from what the damage left (the damage: restore.ts). Step 1 of the damage
 * erased every `\name{ARG}` it met, ARG ending at the first `}`, and never scanned a
 * replacement again. So where a braced command stood, the text usually keeps no sign of it
 * (`\sqrt{T}` → `T`), and nothing can bring it back. But three marks are left, and each one is
 * evidence that a command with a brace argument was lost right there:
 *  - a LEFTOVER COMMAND: a braced command that survived only because it sat inside the lost
 *    one: `\tilde{\mathcal{O}}(d)` → `mathcal{O}(d)`, `\sqrt{\frac{a}{b}}` → `frac{a{b}}`,
 *    `\underline{\text{x}}` → `text{x}`; a `name{` of a command that takes an argument, with
 *    no backslash, cannot stand in damaged text otherwise (braces need not balance after it);
 *  - a GLUED GROUP: the second argument of a two-argument command, left glued to the first:
 *    `\frac{\epsilon}{\sqrt{d}}` → `epsilon{d}`, `\frac{1}{2}` → `1{2}`. A brace group right
 *    after a symbol, a number or a closing bracket is no TeX anyone types;
 *  - a BARE GROUP: the braces around a lost command: `{\mathcal{O}}(\sqrt{T})` → `{O}(T)`.
 *    Braces around one symbol (with its scripts), where no script, argument or set can be.
 * A formula with any of them is written with what is known and marked incomplete; one without
 * them may still have lost a command (`\sqrt{T}` → `T`), but nothing in the text says so.
 * Escaped braces are not traces: the damage kept them, without the backslash, after `\max`,
 * `\left`, a relation, or around a set or list (`max{p, q}`, `in {5, 10}`, `{x_i}_{i=1}^n`).
 *
 * Written by hand (no library reads this damage), and on its own small lexicon, so that it
 * judges a formula by the damage's rule alone, whatever finder chose the formula.
 */
import { COMMANDS } from './commands.ts';
import { braceDoubleScripts } from './double-script.ts';

/** The commands this module tells apart, by class; `arg`: takes a brace argument. */
const LEXICON: Record<string, string> = {
  arg: `sqrt frac dfrac tfrac cfrac binom dbinom tbinom tilde widetilde hat widehat bar overline underline vec dot ddot check breve acute
    grave mathring overrightarrow overleftarrow overbrace underbrace overset underset stackrel mathcal mathbb mathbf mathrm mathit
    mathsf mathtt mathfrak mathscr mathbfit boldsymbol bm pmb text textrm textbf textit textsf texttt textnormal textup operatorname
    emph mbox hbox boxed cancel textcolor phantom`,
  symbol: `alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa lambda mu nu xi pi varpi rho varrho sigma
    varsigma tau upsilon phi varphi chi psi omega Gamma Delta Theta Lambda Xi Pi Sigma Upsilon Phi Psi Omega ell infty partial nabla
    hbar imath jmath aleph emptyset varnothing dagger star prime top bot cdots ldots dots`,
  op: 'max min sup inf lim liminf limsup log ln exp sin cos tan det dim arg deg ker Pr sum prod int oint bigcup bigcap argmax argmin',
  rel: `in notin ni leq le geq ge neq ne ll gg sim simeq approx cong equiv propto subset subseteq supset supseteq to rightarrow
    leftarrow Rightarrow Leftarrow mapsto perp mid parallel leftrightarrow iff implies`,
  bin: 'times cdot pm mp circ cup cap setminus wedge vee oplus otimes div ast bullet',
  sizer: 'left right big Big bigg Bigg bigl bigr Bigl Bigr middle',
  open: 'langle lfloor lceil lbrace',
  close: 'rangle rfloor rceil rbrace',
  space: 'quad qquad',
};
const CLASS_OF = new Map(
  Object.entries(LEXICON).flatMap(([cls, names]) =>
    names
      .split(/\s+/)
      .filter(Boolean)
      .map((n) => [n, cls] as const),
  ),
);
const LONGEST = Math.max(...[...CLASS_OF.keys()].map((n) => n.length));

const commandClass = (name: string): string | undefined => CLASS_OF.get(name);

/** A word read as glued command names (`Phicirc` → Phi, circ), longest names first; undefined when it is not all commands. */
function splitCommands(word: string): string[] | undefined {
  const memo = new Map<number, string[] | null>();
  const from = (at: number): string[] | null => {
    if (at === word.length) return [];
    const known = memo.get(at);
    if (known !== undefined) return known;
    let found: string[] | null = null;
    for (let len = Math.min(LONGEST, word.length - at); len > 0 && found === null; len -= 1) {
      const name = word.slice(at, at + len);
      if (!CLASS_OF.has(name)) continue;
      const rest = from(at + len);
      if (rest !== null) found = [name, ...rest];
    }
    memo.set(at, found);
    return found;
  };
  return from(0) ?? undefined;
}

export type TraceKind = 'leftover-command' | 'glued-group' | 'bare-group';

export interface Trace {
  readonly kind: TraceKind;
  /** Offsets of the trace in the damaged text: from its first character to after its last. */
  readonly start: number;
  readonly end: number;
  /** Offsets of the group's braces (`close` is -1 when the group does not close). */
  readonly open: number;
  readonly close: number;
  /** Why the formula is incomplete, in words a reader can be shown. */
  readonly reason: string;
}

type Kind = 'ws' | 'word' | 'num' | 'sym' | 'char';
interface Tok {
  readonly kind: Kind;
  readonly text: string;
  readonly s: number;
  readonly e: number;
}

const SYMS = new Set([..."_^{}()[]|=+-*/<>:,';.!&"]);
const LEX = /(\s+)|([A-Za-z]+)|(\d+(?:\.\d+)?)|(.)/gsu;

function lex(text: string): Tok[] {
  const out: Tok[] = [];
  for (const m of text.matchAll(LEX)) {
    const s = m.index ?? 0;
    const kind: Kind = m[1] ? 'ws' : m[2] ? 'word' : m[3] ? 'num' : SYMS.has(m[0]) ? 'sym' : 'char';
    out.push({ kind, text: m[0], s, e: s + m[0].length });
  }
  return out;
}

/** Classes whose command, glued before a `{`, makes that brace an argument or an escaped brace. */
const NOT_GLUE = new Set(['op', 'sizer', 'rel', 'bin', 'open', 'close', 'space', 'arg']);
/** Old-style switches that make a group by themselves: `{\cal O}`, `{\bf x}`, `{\rm d}x`. */
const SWITCHES = new Set([
  'cal',
  'bf',
  'rm',
  'it',
  'sf',
  'tt',
  'em',
  'sl',
  'mit',
  'frak',
  'Bbb',
  'bm',
  'boldmath',
  'scriptstyle',
  'displaystyle',
  'textstyle',
  'scriptscriptstyle',
]);
/** What a bare group may follow: an opening or an operator. */
const BARE_AFTER = new Set(['(', '[', ',', '=', '+', '-', '*', '/', '<', '>', ':', '|']);

/** A word's glued parts as commands, or undefined when it is not all commands (`epsilon`, `Phicirc`). */
const lastCommand = (word: string): { name: string; cls: string } | undefined => {
  const parts = splitCommands(word);
  const name = parts?.[parts.length - 1];
  return name === undefined ? undefined : { name, cls: commandClass(name) ?? 'symbol' };
};

/** The command a word ends with when that command takes a brace argument: `mathcal`, `alphamathbf`, `xfrac`. */
function argumentCommandAtEnd(word: string): string | undefined {
  const last = lastCommand(word);
  if (last?.cls === 'arg') return last.name;
  // A variable or two glued before it: `xmathbf{`.
  for (let k = 1; k <= 2 && k < word.length; k += 1) {
    if (!/^[A-Za-z]+$/.test(word.slice(0, k))) break;
    const rest = word.slice(k);
    if (commandClass(rest) === 'arg') return rest;
  }
  return undefined;
}

/** Is the word a symbol a brace group can be glued to: variables (`xy`) or a symbol command (`epsilon`)? */
function glueWord(word: string): boolean {
  const last = lastCommand(word);
  if (last !== undefined) return !NOT_GLUE.has(last.cls);
  return word.length <= 2;
}

/** Brace pairs: open → close and close → open; braces without a partner are left out. */
function bracePairs(tokens: readonly Tok[]): Map<number, number> {
  const pairs = new Map<number, number>();
  const stack: number[] = [];
  tokens.forEach((t, k) => {
    if (t.text === '{') stack.push(k);
    else if (t.text === '}') {
      const open = stack.pop();
      if (open === undefined) return;
      pairs.set(open, k);
      pairs.set(k, open);
    }
  });
  return pairs;
}

/** Is the group open..close one symbol with its scripts (`O`, `C_Phi`, `mathcal`-free), as braces around a lost command leave it? */
function oneSymbol(tokens: readonly Tok[], open: number, close: number): boolean {
  const inner = tokens.slice(open + 1, close).filter((t) => t.kind !== 'ws');
  const [head, ...rest] = inner;
  if (head === undefined || inner.length !== close - open - 1) return false; // no blanks inside
  const symbol = (t: Tok): boolean =>
    t.kind === 'char'
      ? /\p{L}/u.test(t.text)
      : t.kind === 'word' &&
        !SWITCHES.has(t.text) &&
        (t.text.length === 1 || (lastCommand(t.text) !== undefined && !NOT_GLUE.has(lastCommand(t.text)!.cls)));
  if (!symbol(head)) return false;
  // Scripts only: `_x`, `_1`, `^{...}`, `_{...}`.
  for (let k = 0; k < rest.length; k += 1) {
    const t = rest[k];
    if (t?.text !== '_' && t?.text !== '^') return false;
    const arg = rest[k + 1];
    if (arg === undefined) return false;
    if (arg.text === '{') {
      let depth = 0;
      for (k += 1; k < rest.length; k += 1) {
        if (rest[k]?.text === '{') depth += 1;
        if (rest[k]?.text === '}') depth -= 1;
        if (depth === 0) break;
      }
      if (depth !== 0) return false;
    } else if (arg.kind === 'word' || arg.kind === 'num' || arg.kind === 'char') k += 1;
    else return false;
  }
  return true;
}

/** Every trace in a damaged formula, in order. */
/** Is this a brace group's content of one operator or relation alone (`=`, `,`, `sim`, `times`)? */
export function spacingGroup(inside: string): boolean {
  if (/^[=<>+\-,:;]$/.test(inside)) return true;
  const cls = COMMANDS.get(inside)?.cls;
  return cls === 'rel' || cls === 'bin';
}

export function tracesInText(damaged: string): Trace[] {
  const tokens = lex(damaged);
  const pairs = bracePairs(tokens);
  const out: Trace[] = [];
  const text = (from: number, to: number): string => damaged.slice(tokens[from]?.s ?? 0, tokens[to]?.e ?? damaged.length);
  for (let k = 0; k < tokens.length; k += 1) {
    if (tokens[k]?.text !== '{') continue;
    const prev = tokens[k - 1];
    const close = pairs.get(k);
    const leftover = prev?.kind === 'word' ? argumentCommandAtEnd(prev.text) : undefined;
    if (leftover !== undefined && prev !== undefined) {
      const end = close ?? k;
      out.push({
        kind: 'leftover-command',
        start: prev.e - leftover.length,
        end: tokens[end]?.e ?? damaged.length,
        open: tokens[k]?.s ?? 0,
        close: close === undefined ? -1 : (tokens[close]?.s ?? -1),
        reason: `\\${leftover}{…} survived inside a command the source lost`,
      });
      continue;
    }
    if (close === undefined || close === k + 1) continue;
    // (A group of one operator is TeX's spacing, not an argument: `N{=}1`, `{\sim}100`, `5{,}000`.)
    if (spacingGroup(damaged.slice(tokens[k]?.e ?? 0, tokens[close]?.s ?? 0))) continue;
    const glued =
      prev !== undefined &&
      ((prev.kind === 'word' && glueWord(prev.text)) ||
        prev.kind === 'num' ||
        (prev.kind === 'char' && /\p{L}/u.test(prev.text)) ||
        prev.text === ')' ||
        prev.text === '}');
    if (glued) {
      // The argument that followed the lost command's first one: `epsilon{d}`.
      const from = prev.text === '}' || prev.text === ')' ? (prev.text === '}' ? (pairs.get(k - 1) ?? k - 1) : k - 1) : k - 1;
      out.push({
        kind: 'glued-group',
        start: tokens[from]?.s ?? 0,
        end: tokens[close]?.e ?? damaged.length,
        open: tokens[k]?.s ?? 0,
        close: tokens[close]?.s ?? -1,
        reason: `${text(from, close)}: a brace group glued to what precedes it is what the source left of a lost command`,
      });
      continue;
    }
    const prevClass = prev?.kind === 'word' ? lastCommand(prev.text)?.cls : undefined;
    const bareBefore =
      prev === undefined ||
      prev.kind === 'ws' ||
      (prev.kind === 'sym' && BARE_AFTER.has(prev.text)) ||
      prevClass === 'rel' ||
      prevClass === 'bin';
    const next = tokens[close + 1]?.text;
    // `{x_i}_{i=1}^n` is a set, its braces escaped.
    if (bareBefore && next !== '_' && next !== '^' && oneSymbol(tokens, k, close)) {
      out.push({
        kind: 'bare-group',
        start: tokens[k]?.s ?? 0,
        end: tokens[close]?.e ?? damaged.length,
        open: tokens[k]?.s ?? 0,
        close: tokens[close]?.s ?? -1,
        reason: `${text(k, close)}: braces around plain symbols are what the source left of a lost command`,
      });
    }
  }
  return out;
}

/**
 * Why the formula found as `damaged` (its text in the digest) is incomplete, or undefined when
 * its damage left no trace. Pure; the first trace found gives the reason.
 */
export function incompleteTrace(damaged: string): string | undefined {
  // Two scripts of one kind on a base: the argument braces of a lost command went with it.
  const doubled =
    braceDoubleScripts(damaged) !== damaged ? `${damaged}: two scripts on one base are what the source left of a lost command` : undefined;
  if (!damaged.includes('{')) return doubled;
  return tracesInText(damaged)[0]?.reason ?? doubled;
}

const PROSE_CANDIDATE = /(?<![\\A-Za-z])([A-Za-z]+)\{/g;

/**
 * Lost math the restorer left as text: a leftover command (`text{simu}`, `frac{1δ right)}`)
 * standing in prose, where no formula was written around it. In damaged prose a `name{` of a
 * command that takes an argument, without its backslash, is what step 1 left of a formula
 * (prose TeX keeps its backslash: `\emph{x}`). The trace runs to the group's close, and over
 * the groups glued after it (`text{embedding size}{2}`); to the first `}` when the braces do
 * not balance. Stricter than in a formula: the word must be command names only, so that no
 * English word ending like one (`that{`) is taken.
 */
export function lostInProse(text: string): Trace[] {
  if (!text.includes('{')) return [];
  const out: Trace[] = [];
  let after = 0;
  for (const m of text.matchAll(PROSE_CANDIDATE)) {
    const word = m[1] ?? '';
    const at = m.index ?? 0;
    if (at < after) continue;
    const name = proseCommandAtEnd(word);
    if (name === undefined) continue;
    const open = at + word.length;
    let end = groupEnd(text, open);
    const close = end === undefined ? -1 : end - 1;
    if (end === undefined) {
      const first = text.indexOf('}', open);
      end = first < 0 ? open + 1 + (/^[^\s{}]*/u.exec(text.slice(open + 1))?.[0].length ?? 0) : first + 1;
    } else {
      for (let next = groupEnd(text, end); text[end] === '{' && next !== undefined; next = groupEnd(text, end)) end = next;
    }
    out.push({
      kind: 'leftover-command',
      start: at + word.length - name.length,
      end,
      open,
      close,
      reason: `\\${name}{…} is what the source left of a formula it lost`,
    });
    after = end;
  }
  return out;
}

/** Commands no English word ends with, but for these few (`context`): taken glued to a word in prose. */
const GLUED_IN_PROSE = /(?:math[a-z]+|text[a-z]*|d?frac|sqrt|(?:wide)?tilde|widehat|overline|underline|boldsymbol|operatorname)$/;
const ENGLISH_ENDING_SO = new Set(['context', 'pretext', 'subtext', 'hypertext', 'plaintext', 'ciphertext', 'fulltext', 'intext']);

function proseCommandAtEnd(word: string): string | undefined {
  const parts = splitCommands(word);
  const last = parts?.[parts.length - 1];
  if (last !== undefined) return commandClass(last) === 'arg' ? last : undefined;
  if (ENGLISH_ENDING_SO.has(word.toLowerCase())) return undefined;
  for (let k = 1; k < word.length; k += 1) {
    const name = word.slice(k);
    if (commandClass(name) === 'arg' && GLUED_IN_PROSE.test(name)) return name;
  }
  return undefined;
}

/** After the brace group that opens at `open`, or undefined when it does not close. */
function groupEnd(text: string, open: number): number | undefined {
  if (text[open] !== '{') return undefined;
  let depth = 0;
  for (let k = open; k < text.length; k += 1) {
    if (text[k] === '{') depth += 1;
    else if (text[k] === '}') {
      depth -= 1;
      if (depth === 0) return k + 1;
    }
  }
  return undefined;
}

/**
 * The traces of a formula given as tokens that cover it end to end (to-tex.ts's): the braces
 * as token indices.
 */
export function tracesIn(
  tokens: readonly { readonly text: string; readonly s: number }[],
): { kind: TraceKind; open: number; close: number; reason: string }[] {
  const at = new Map(tokens.map((t, k) => [t.s, k]));
  // The text again, each token at its offset (blanks where none stands).
  let text = '';
  for (const t of tokens) text = text.padEnd(t.s, ' ') + t.text;
  return tracesInText(text).map((t) => ({ kind: t.kind, open: at.get(t.open) ?? -1, close: at.get(t.close) ?? -1, reason: t.reason }));
}
