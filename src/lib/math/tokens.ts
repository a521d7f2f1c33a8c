/**
 * Tokens of damaged prose, as the formula finder and the TeX writer read it. One linear pass,
 * no regular expressions over the whole text.
 */
import { COMMANDS, withRole } from './commands.ts';
import { microUnit } from './rules/micro-unit.ts';
import { relationGluedToNumber } from './rules/relation-glued-to-number.ts';
import { analyseWord, ENGLISH, type WordInfo } from './words.ts';

/** Relations written before a number (the table's before-num). */
const PREFIX_RELATIONS = withRole('before-num');

export type TokenKind =
  | 'ws' // whitespace
  | 'word' // letters (see info); also a letters-and-digits run read as a name (`GPT4`, `A100`)
  | 'num' // digits, a decimal, a number in scientific notation
  | 'sym' // one character that math uses: _ ^ { } ( ) [ ] | = + - * / < > : , ' ; . (and a glued `!`, `\\!`)
  | 'hard'; // anything only prose uses: a TeX control sequence (\em, \"), %, &, quotes, ~, non-ASCII

export interface Token {
  readonly kind: TokenKind;
  /** Offsets into the lexed string. */
  readonly s: number;
  readonly e: number;
  readonly text: string;
  /** For words. */
  readonly info: WordInfo | undefined;
  /** Part of a number glued to relations (`10sim100times`): evidence of math by itself. */
  readonly glue: boolean;
}

/** A formula the tokenizer can already tell: `sim3` is `$\sim$3`. */
export interface Atom {
  readonly s: number;
  readonly e: number;
  readonly tex: string;
  /** The rule that found it. */
  readonly rule: string;
}

const SYMS = new Set([..."_^{}()[]|=+-*/<>:,';."]);

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isLetter = (c: string | undefined): boolean => c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
const isSpace = (c: string | undefined): boolean =>
  c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\u00a0' || (c !== undefined && c > '\u007f' && /\s/.test(c));

/**
 * A Greek letter typed as Unicode (`β`, `Δ`, `ϵ`): authors type those in math, where KaTeX
 * reads them as the letter itself, and English prose has none. One letter is one token, a
 * Greek symbol that is not English: `βin(0,1)` is `β\in(0,1)`, `TΔ` is `TΔ`.
 */
export const isGreekChar = (c: string | undefined): boolean =>
  c !== undefined &&
  ((c >= '\u0391' && c <= '\u03a9' && c !== '\u03a2') ||
    (c >= '\u03b1' && c <= '\u03c9') ||
    c === '\u03d1' ||
    c === '\u03d5' ||
    c === '\u03d6' ||
    c === '\u03f1' ||
    c === '\u03f5');
const greekInfo = (c: string): WordInfo => ({
  kind: 'cmds',
  parts: [{ text: c, cmd: { cls: 'greek', english: false } }],
  distinctive: true,
});

const NUMBER = /^\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const PIECES = /[A-Za-z]+|\d+(?:\.\d+)?/g;

function token(kind: TokenKind, text: string, s: number, extra?: { info?: WordInfo; glue?: boolean }): Token {
  return { kind, s, e: s + text.length, text, info: extra?.info, glue: extra?.glue ?? false };
}

/** A run of letters and digits mixing both: glued math, a number before a symbol, or a name. */
function mixedRun(run: string, s: number, tokens: Token[], atoms: Atom[], text: string): void {
  const after = text[s + run.length];
  const pieces = [...run.matchAll(PIECES)].map((m) => ({ text: m[0], at: s + (m.index ?? 0) }));
  const isWord = (p: { text: string }): boolean => isLetter(p.text[0]);
  const first = pieces[0];
  const second = pieces[1];
  // `10sim100times`, `100times`: numbers and relations or operators, starting with a number.
  const relational = (p: { text: string }): boolean => {
    const info = analyseWord(p.text);
    return info.kind === 'cmds' && info.parts.every((q) => q.cmd !== undefined && (q.cmd.cls === 'rel' || q.cmd.cls === 'bin'));
  };
  // (Or a relation written before a number first: `sim20times`.)
  const lead = first !== undefined && isWord(first) && pieces.length >= 3 && relationGluedToNumber.holds(first.text) ? 1 : 0;
  const glued =
    first !== undefined &&
    (lead === 1 || !isWord(first)) &&
    pieces.length >= 2 &&
    pieces.every((p, k) => (k < lead ? true : (k - lead) % 2 === 0 ? !isWord(p) : isWord(p) && relational(p))) &&
    // ±, ∓ sit between two numbers ("5pm" is a time).
    pieces.every((p, k) => !/^(pm|mp)$/.test(p.text) || k + 1 < pieces.length);
  if (glued) {
    for (const p of pieces)
      tokens.push(
        isWord(p) ? token('word', p.text, p.at, { info: analyseWord(p.text), glue: true }) : token('num', p.text, p.at, { glue: true }),
      );
    return;
  }
  // `sim3`, `sim50`: a relation before a number; the number stays prose ("$\sim$3 billion").
  // (`pm5`, `pm0.1` likewise: a sign before a number; "5pm" is a time and stays a name.)
  // (`sim45M`, `approx300mW`, `geq2K`: a unit after the number; the relation alone is the formula.)
  const unit = pieces.length === 3 && pieces[2] !== undefined && isWord(pieces[2]);
  if ((pieces.length === 2 || unit) && first && second && isWord(first) && !isWord(second) && relationGluedToNumber.holds(first.text)) {
    const whole = !unit && relationGluedToNumber.takesNumber(second.text, first.text);
    // `2%sim5%`: a relation between two percentages is a range written in one formula (the
    // bare `%` is `\%` that lost its backslash there).
    const from = /(\d+(?:\.\d+)?)%$/.exec(text.slice(Math.max(0, s - 12), s));
    const end = second.at + second.text.length;
    if (!unit && pieces.length === 2 && from && text[end] === '%' && PREFIX_RELATIONS.has(first.text)) {
      atoms.push({
        s: s - from[0].length,
        e: end + 1,
        tex: `${from[1]}\\%\\${first.text}${second.text}\\%`,
        rule: relationGluedToNumber.name,
      });
      tokens.push(token('word', run, s, { info: ENGLISH }));
      return;
    }
    atoms.push({
      s: first.at,
      e: whole ? second.at + second.text.length : first.at + first.text.length,
      tex: `\\${first.text}${whole ? second.text : ''}`,
      rule: relationGluedToNumber.name,
    });
    tokens.push(token('word', run, s, { info: ENGLISH }));
    return;
  }
  // `nle4`, `kgeq2`: a variable glued to a relation no English has, then a number.
  if (pieces.length === 2 && first && second && isWord(first) && !isWord(second)) {
    const info = analyseWord(first.text);
    const [v, rel] = info.parts;
    if (info.kind === 'cmds' && info.parts.length === 2 && v?.cmd === undefined && rel?.cmd?.cls === 'rel' && !rel.cmd.english) {
      tokens.push(token('word', first.text, first.at, { info, glue: true }), token('num', second.text, second.at, { glue: true }));
      return;
    }
  }
  // `212muW`, `5mum`: a micro unit, `212$\mu$W`: the mu alone is the formula.
  if (pieces.length === 2 && first && second && !isWord(first) && microUnit.holds(second.text)) {
    atoms.push({ s: second.at, e: second.at + 2, tex: '\\mu', rule: microUnit.name });
    tokens.push(token('word', run, s, { info: ENGLISH }));
    return;
  }
  // `2pi`: a coefficient before a Greek letter or symbol; `0.8145ln(d)`: before an operator
  // name applied to a bracket ("5min" is a time).
  if (pieces.length === 2 && first && second && !isWord(first) && isWord(second)) {
    const cls = COMMANDS.get(second.text)?.cls;
    const applied = cls === 'op' && after === '(';
    if (cls === 'greek' || cls === 'ord' || applied) {
      tokens.push(token('num', first.text, first.at), token('word', second.text, second.at, { info: analyseWord(second.text) }));
      return;
    }
  }
  // A name: GPT4, A100, L2, fp16, 2D, Word2Vec.
  tokens.push(token('word', run, s, { info: ENGLISH }));
}

export function tokenize(text: string): { tokens: Token[]; atoms: Atom[] } {
  const tokens: Token[] = [];
  const atoms: Atom[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charAt(i);
    if (isSpace(c)) {
      let j = i + 1;
      while (j < n && isSpace(text[j])) j += 1;
      tokens.push(token('ws', text.slice(i, j), i));
      i = j;
    } else if (isLetter(c) || isDigit(c)) {
      let j = i + 1;
      let accented = false;
      while (j < n) {
        const ch = text[j];
        if (isLetter(ch) || isDigit(ch)) j += 1;
        else if (ch === '.' && isDigit(text[j - 1]) && isDigit(text[j + 1])) j += 1;
        else if (ch !== undefined && ch >= '\u0300' && ch <= '\u036f') {
          // A combining accent (é written as e + U+0301) makes the run a word, as é would.
          accented = true;
          j += 1;
        } else break;
      }
      // Scientific notation: 1e-3.
      if (/^\d+(?:\.\d+)?[eE]$/.test(text.slice(i, j)) && (text[j] === '-' || text[j] === '+') && isDigit(text[j + 1])) {
        j += 2;
        while (j < n && isDigit(text[j])) j += 1;
      }
      // A script without braces takes one character (TeX's rule): `X_1X_2` is X_1 then X_2, not
      // a name `1X`. So after `_` or `^`, a digit glued to a letter with a script of its own is
      // the script alone. (`SD^2M`, `D^2GS` are names with a power in them: the run stays whole.)
      if (
        !accented &&
        (text[i - 1] === '_' || text[i - 1] === '^') &&
        isDigit(c) &&
        isLetter(text[i + 1]) &&
        '_^'.includes(text[i + 2] ?? ' ')
      )
        j = i + 1;
      const run = text.slice(i, j);
      if (accented) tokens.push(token('word', run, i, { info: ENGLISH }));
      else if (text[i - 1] === '^' && /^circ[CFK]$/.test(run)) {
        // `2^circC` was `$2^\circ$C`: the degree sign, then the unit's letter, prose (degree-unit).
        tokens.push(token('word', 'circ', i, { info: analyseWord('circ') }), token('word', run.slice(4), i + 4, { info: ENGLISH }));
      } else if ((text[i - 1] === ' ' || text[i - 1] === '~') && isDigit(text[i - 2]) && microUnit.holds(run)) {
        // `5 mum` was `5 $\mu$m` (or `$5\ \mu$m`): after a number, the micro sign and a unit.
        atoms.push({ s: i, e: i + 2, tex: '\\mu', rule: microUnit.name });
        tokens.push(token('word', run, i, { info: ENGLISH }));
      } else if (/^[A-Za-z]+$/.test(run)) tokens.push(token('word', run, i, { info: analyseWord(run) }));
      else if (NUMBER.test(run)) tokens.push(token('num', run, i));
      else mixedRun(run, i, tokens, atoms, text);
      i = j;
    } else if (isGreekChar(c)) {
      tokens.push(token('word', c, i, { info: greekInfo(c) }));
      i += 1;
    } else if (c === '\\') {
      // A control word (with its letters) or a control symbol: prose TeX, since the damage
      // removed every backslash inside math.
      let j = i + 1;
      if (isLetter(text[j])) while (j < n && isLetter(text[j])) j += 1;
      else if (j < n) j += 1;
      tokens.push(token('hard', text.slice(i, j), i));
      i = j;
    } else if (c === '-' && text[i + 1] === '-') {
      // `--`, `---`: prose dashes (a range "3--5", a break), never math.
      const j = text[i + 2] === '-' ? i + 3 : i + 2;
      tokens.push(token('hard', text.slice(i, j), i));
      i = j;
    } else if (
      c === '!' &&
      i > 0 &&
      !isSpace(text[i - 1]) &&
      (/[A-Za-z0-9(|]/.test(text[i + 1] ?? '') || isGreekChar(text[i + 1])) &&
      (/[A-Za-z0-9)|}]/.test(text[i - 1] ?? '') || isGreekChar(text[i - 1]))
    ) {
      // `f(x)!propto!|x|`: a `!` glued on both sides was the thin space `\!` of a formula (the
      // damage took its backslash); English puts a blank after `!`.
      tokens.push(token('sym', c, i));
      i += 1;
    } else {
      tokens.push(token(SYMS.has(c) ? 'sym' : 'hard', c, i));
      i += 1;
    }
  }
  return { tokens: greekNames(tokens), atoms };
}

/** An ASCII run that makes a name with a Greek letter glued to it: a word, or letters with a capital. */
const nameLike = (t: Token | undefined): boolean =>
  t !== undefined &&
  t.kind === 'word' &&
  !isGreekChar(t.text) &&
  /^[A-Za-z]{2,}$/.test(t.text) &&
  (t.info?.kind === 'english' || /[A-Z]/.test(t.text));

/**
 * A Greek letter glued to a name is part of the name: `μCT`, `SCμM`, `PFΔ` are names, as
 * `$\mu$P` is; glued to variables or commands it stays math (`TΔ`, `βin`, `dμ`).
 */
function greekNames(tokens: Token[]): Token[] {
  if (!tokens.some((t) => t.kind === 'word' && isGreekChar(t.text))) return tokens;
  const out: Token[] = [];
  for (let k = 0; k < tokens.length;) {
    let j = k + 1;
    while (tokens[j]?.kind === 'word' && tokens[j - 1]?.kind === 'word' && tokens[j]?.s === tokens[j - 1]?.e) j += 1;
    const run = tokens.slice(k, j);
    const first = run[0] as Token;
    const greek = run.some((t) => isGreekChar(t.text));
    if (run.length > 1 && greek && run.some(nameLike)) {
      const last = run[run.length - 1] as Token;
      out.push(token('word', run.map((t) => t.text).join(''), first.s, { info: ENGLISH }));
      if (last.e !== first.s + run.map((t) => t.text).join('').length) throw new Error('greekNames: tokens not contiguous');
    } else out.push(...run);
    k = j;
  }
  return out;
}
