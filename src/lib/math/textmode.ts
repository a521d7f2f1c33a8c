/**
 * Text-mode TeX in prose, turned into typography only where the TeX reading is certain, and
 * left character for character everywhere else. An abstract is prose that may hold TeX, code,
 * paths, JSON or regular expressions; a reader must see every one of its characters unless it
 * is certainly TeX markup. Certain:
 *  - accents: a backslash before a non-letter on a letter (`na\"ive`, `\'e`, `\"{\i}`), or a
 *    letter-named accent with braces (`\v{c}`, `\H{o}`); the result must be one Unicode letter,
 *    and the backslash must not follow code (`\d+\.json` stays);
 *  - special letters and symbols by their exact control word (`\L ojasiewicz`, `\ss{}`,
 *    `\ldots`, `\LaTeX`), escapes (`90\%`, `\&`, `\$`, `\#`, `\_`, `\{`, `\}`), `\,`, `5{,}000`;
 *  - the text of `\emph{x}`, `\textit{x}`, `\texttt{x}`, `{\em x}`, `{\bf x}`, `\url{x}`;
 *  - ``quotes'', ''quotes'' and `quotes' that open and close, `--` and `---` (not a
 *    command-line `--flag`), and a `~` tie glued between two words (`work~key`, `Fig.~3`).
 * Everything else stays: `%` and all after it, braces around what is not TeX (`{props.x}`,
 * `{BERT}`), a lone backtick, a backslash that starts no known construct (`C:\Users`, `\cite{x}`,
 * `\foo`), a tilde that is not a tie (`~100 GPUs`). One left-to-right scan; URLs and top-level
 * emphasis groups are cut out before this runs (regions.ts).
 */

import {
  BARE_DOT_LETTERS,
  LETTERS,
  SECTION_SIGNS,
  SWITCHES,
  SYMBOLS,
  SYMBOL_ACCENTS,
  TEXT_COMMANDS,
  WORD_ACCENTS,
} from './textmode-tables.ts';

const isAsciiLetter = (c: string | undefined): boolean => c !== undefined && /[A-Za-z]/.test(c);
const isLetter = (c: string | undefined): boolean => c !== undefined && /\p{L}/u.test(c);
const isWordChar = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);
const isSpace = (c: string | undefined): boolean => c === undefined || /\s/.test(c);
/** What may stand before an accent command in prose: a letter, a blank, an opening mark. */
const accentMayFollow = (c: string | undefined): boolean => isSpace(c) || isLetter(c) || '({["\'‘“-–—/~\u00a0'.includes(c ?? ' ');

/** Index of the `}` closing the `{` at `open` (escaped braces skipped), or -1. */
export function closingBrace(s: string, open: number): number {
  let depth = 0;
  for (let k = open; k < s.length; k += 1) {
    const c = s[k];
    if (c === '\\') k += 1;
    else if (c === '{') depth += 1;
    else if (c === '}') {
      depth -= 1;
      if (depth === 0) return k;
    }
  }
  return -1;
}

/** A letter with a combining accent, when Unicode has it as one letter. */
function accented(base: string, mark: string): string | undefined {
  const r = (base + mark).normalize('NFC');
  return [...r].length === 1 ? r : undefined;
}

/** The letter an accent applies to at `k`: `e`, `\i`, `{e}`, `{\i}`: [letter, next index]. */
function accentBase(s: string, k: number, braced: boolean): [string, number] | undefined {
  const dotless = (j: number): boolean => s[j] === '\\' && (s[j + 1] === 'i' || s[j + 1] === 'j') && !isAsciiLetter(s[j + 2]);
  if (s[k] === '{') {
    if (isAsciiLetter(s[k + 1]) && s[k + 2] === '}') return [s.charAt(k + 1), k + 3];
    if (dotless(k + 1) && s[k + 3] === '}') return [s.charAt(k + 2), k + 4];
    return undefined;
  }
  if (braced) return undefined;
  if (dotless(k)) return [s.charAt(k + 1), k + 2];
  return isAsciiLetter(s[k]) ? [s.charAt(k), k + 1] : undefined;
}

interface Converted {
  readonly text: string;
  readonly next: number;
  /** A control word was converted: a `\ ` after it is TeX's control space. */
  readonly word: boolean;
}

/**
 * The certain reading of the control sequence at `k` (s[k] is a backslash), or undefined when
 * it has none and stays verbatim. `prev` is the character before it; `inGroup` allows a `}` to
 * end a control word (`{\L}`).
 */
function control(
  s: string,
  k: number,
  prev: string | undefined,
  inGroup: boolean,
  lastWord: boolean,
  depth: number,
): Converted | undefined {
  const next = s[k + 1];
  if (next === undefined) return undefined;
  if (!isAsciiLetter(next)) {
    const mark = SYMBOL_ACCENTS[next];
    if (mark !== undefined) {
      if (!accentMayFollow(prev)) return undefined;
      const base = accentBase(s, k + 2, false);
      if (!base) return undefined;
      if (next === '.' && s[k + 2] !== '{' && !BARE_DOT_LETTERS.has(base[0])) return undefined;
      const letter = accented(base[0], mark);
      return letter === undefined ? undefined : { text: letter, next: base[1], word: false };
    }
    if ('%&$#_{}'.includes(next)) return { text: next, next: k + 2, word: false };
    if (next === ',') return { text: '\u2009', next: k + 2, word: false };
    // `et al.\ show`, `\LaTeX\ is`: a control space.
    if (next === ' ' && (prev === '.' || lastWord)) return { text: ' ', next: k + 2, word: false };
    // A discretionary hyphen or an italic correction between letters prints nothing.
    if (next === '-' && isLetter(prev) && isLetter(s[k + 2])) return { text: '', next: k + 2, word: false };
    if (next === '/' && isLetter(prev)) return { text: '', next: k + 2, word: false };
    if (next === '@' && s[k + 2] === '.') return { text: '', next: k + 2, word: false };
    return undefined;
  }
  let j = k + 1;
  while (isAsciiLetter(s[j])) j += 1;
  const name = s.slice(k + 1, j);
  const wordMark = WORD_ACCENTS[name];
  if (wordMark !== undefined) {
    if (!accentMayFollow(prev)) return undefined;
    // `Erd{\H o}s`: in a group of its own, the space form is as certain as braces.
    if (inGroup && s[j] === ' ' && isAsciiLetter(s[j + 1]) && s[j + 2] === '}') {
      const letter = accented(s.charAt(j + 1), wordMark);
      return letter === undefined ? undefined : { text: letter, next: j + 2, word: false };
    }
    const base = accentBase(s, j, true);
    const letter = base && accented(base[0], wordMark);
    return base && letter !== undefined ? { text: letter, next: base[1], word: false } : undefined;
  }
  const letter = LETTERS[name];
  if (letter !== undefined) {
    if (s[j] === '{' && s[j + 1] === '}') return { text: letter, next: j + 2, word: false };
    // `\L ojasiewicz`: the space ends the control word.
    if (s[j] === ' ' && isAsciiLetter(s[j + 1])) return { text: letter, next: j + 1, word: false };
    if (inGroup && s[j] === '}') return { text: letter, next: j, word: false };
    // `Bj\o rn` is handled above; at a word's end: `Gro\ss.`, `\AA,`.
    if (!inGroup && (s[j] === undefined || /[\s.,;:!?)\]'"-]/.test(s.charAt(j)))) return { text: letter, next: j, word: false };
    return undefined;
  }
  const symbol = SYMBOLS[name];
  if (symbol !== undefined) {
    if (s[j] === '{' && s[j + 1] === '}') return { text: symbol, next: j + 2, word: true };
    return { text: symbol, next: j, word: true };
  }
  const sign = SECTION_SIGNS[name];
  if (sign !== undefined) {
    return (s[j] === ' ' || s[j] === '~') && /[0-9]/.test(s[j + 1] ?? '') ? { text: sign, next: j, word: false } : undefined;
  }
  let open = j;
  while (s[open] === ' ') open += 1;
  if ((TEXT_COMMANDS.has(name) || name === 'url') && s[open] === '{' && depth < MAX_DEPTH) {
    const close = closingBrace(s, open);
    if (close < 0) return undefined;
    const inner = s.slice(open + 1, close);
    return { text: name === 'url' ? inner : convert(inner, '{', '}', depth + 1), next: close + 1, word: false };
  }
  return undefined;
}

/** A closing `'` for a `` `quote' `` opened at k: its index, or -1. */
function closingSingle(s: string, k: number): number {
  // A quoted phrase is short: a lone backtick far from an apostrophe stays a backtick.
  for (let j = k + 2; j < s.length && j < k + 60; j += 1) {
    const c = s[j];
    if (c === '`' || c === '\n') return -1;
    if (c === "'" && !isSpace(s[j - 1]) && s[j + 1] !== "'" && !isLetter(s[j + 1])) return j;
  }
  return -1;
}

/**
 * Converts the certain text-mode TeX of `s` (see above) and keeps the rest verbatim; the
 * result is in NFC (so that `e` + U+0301 and `é` read back alike). `before` and `after` are the
 * characters around `s` in the paragraph, to tell a tie or a quote at the edge of a piece.
 */
export function textModeToUnicode(s: string, before = ' ', after = ' '): string {
  return convert(s, before, after, 0);
}

/** Text commands inside text commands deeper than this stay verbatim: no abstract nests so. */
const MAX_DEPTH = 8;

function convert(s: string, before: string, after: string, depth: number): string {
  let out = '';
  const n = s.length;
  const at = (k: number): string | undefined => (k < 0 ? before : k >= n ? after : s[k]);
  const closings = new Set<number>();
  let doubleOpen = false;
  let lastWord = false;
  for (let k = 0; k < n;) {
    const c = s.charAt(k);
    const wasWord = lastWord;
    lastWord = false;
    if (c === '\\') {
      const r = control(s, k, at(k - 1), false, wasWord, depth);
      if (r) {
        out += r.text;
        lastWord = r.word;
        k = r.next;
        continue;
      }
      // Not TeX for certain: the backslash and its name (or symbol) stay as they are.
      let j = k + 1;
      if (isAsciiLetter(s[j])) while (isAsciiLetter(s[j])) j += 1;
      else if (j < n) j += 1;
      out += s.slice(k, j);
      k = j;
      continue;
    }
    if (c === '{' && s[k + 1] === '\\') {
      const name = /^[A-Za-z]+/.exec(s.slice(k + 2, k + 14))?.[0];
      const switched = name !== undefined && SWITCHES.has(name) && !isAsciiLetter(s[k + 2 + name.length]) && depth < MAX_DEPTH;
      // `{\L}`, `{\"o}`: a group around one converted letter closes right after it.
      const r = switched ? undefined : control(s, k + 1, '{', true, false, depth);
      const close = switched ? closingBrace(s, k) : r && s[r.next] === '}' ? r.next : -1;
      if (switched && close > 0 && name !== undefined) {
        // `{\bf x}` inside an argument: the text, without the switch.
        let from = k + 2 + name.length;
        if (s[from] === ' ') from += 1;
        out += convert(s.slice(from, close), '{', '}', depth + 1);
        k = close + 1;
        continue;
      }
      if (r && close > 0) {
        out += r.text;
        k = close + 1;
        continue;
      }
    }
    // `5{,}000`: the thousands comma TeX sets grouped, so that it adds no space.
    if (c === '{' && s.startsWith(',}', k + 1) && /\d/.test(at(k - 1) ?? '') && /\d/.test(at(k + 3) ?? '')) {
      out += ',';
      k += 3;
      continue;
    }
    if (c === '~') {
      // A tie glued between two words: `work~key`, `Fig.~3`; not `~100`, `1~2`, `x ~ y`.
      const p = at(k - 1);
      const tie = (isLetter(p) || (p === '.' && isLetter(at(k - 2)))) && isWordChar(at(k + 1));
      out += tie ? '\u00a0' : '~';
      k += 1;
      continue;
    }
    if (c === '-' && s[k + 1] === '-') {
      let j = k;
      while (s[j] === '-') j += 1;
      const run = j - k;
      // `--flag` of a command line, and rules of dashes, stay.
      const flag = isSpace(at(k - 1)) && isLetter(s[j]);
      out += run > 3 || flag ? s.slice(k, j) : run === 3 ? '—' : '–';
      k = j;
      continue;
    }
    if (c === '`') {
      if (s[k + 1] === '`' && s[k + 2] !== '`' && at(k - 1) !== '`' && !isSpace(s[k + 2])) {
        out += '“';
        doubleOpen = true;
        k += 2;
        continue;
      }
      const opens =
        s[k + 1] !== '`' && at(k - 1) !== '`' && (isSpace(at(k - 1)) || '([{"“'.includes(at(k - 1) ?? '')) && isWordChar(s[k + 1]);
      const close = opens ? closingSingle(s, k) : -1;
      if (close > 0) {
        closings.add(close);
        out += '‘';
      } else out += '`';
      k += 1;
      continue;
    }
    if (c === "'" && s[k + 1] === "'" && s[k + 2] !== "'" && at(k - 1) !== "'") {
      if (doubleOpen && !isSpace(at(k - 1))) {
        out += '”';
        doubleOpen = false;
        k += 2;
        continue;
      }
      // ''word'' is often typed for ``word'': an opening quote where a word starts and closes.
      const opens = !doubleOpen && (isSpace(at(k - 1)) || '([{\u00a0—–'.includes(at(k - 1) ?? '')) && !isSpace(s[k + 2]);
      const close = opens ? s.indexOf("''", k + 2) : -1;
      if (close > 0 && !isSpace(s[close - 1]) && !s.slice(k + 2, close).includes('\n')) {
        out += '“';
        doubleOpen = true;
        k += 2;
        continue;
      }
      out += "''";
      k += 2;
      continue;
    }
    if (c === "'" && closings.has(k)) {
      out += '’';
      k += 1;
      continue;
    }
    out += c;
    k += 1;
  }
  return /[^\u0000-\u007f]/.test(out) ? out.normalize('NFC') : out;
}
