/**
 * Text-mode TeX in prose, turned into what a reader of the arXiv page expects: `na\"ive` →
 * naïve, `\L ojasiewicz` → Łojasiewicz, `90\%` → 90%, ``sketched'' → “sketched”, `--` → –,
 * `~` → a no-break space, `\cite{..}` → nothing. One left-to-right scan. URLs, emphasis groups
 * and comments are cut out before this runs (regions.ts).
 */

/** Accent control symbols and words → the combining mark they put on the next letter. */
const ACCENTS: Record<string, string> = {
  '"': '\u0308', "'": '\u0301', '`': '\u0300', '^': '\u0302', '~': '\u0303', '=': '\u0304', '.': '\u0307',
  u: '\u0306', v: '\u030C', H: '\u030B', c: '\u0327', k: '\u0328', r: '\u030A', d: '\u0323', b: '\u0331',
};

/** Control words that are letters: the space after them is part of the command. */
const LETTERS: Record<string, string> = {
  L: 'Ł', l: 'ł', O: 'Ø', o: 'ø', ss: 'ß', ae: 'æ', AE: 'Æ', oe: 'œ', OE: 'Œ', aa: 'å', AA: 'Å', i: 'ı', j: 'ȷ',
};

const SYMBOLS: Record<string, string> = {
  ldots: '…', dots: '…', textellipsis: '…', textendash: '–', textemdash: '—', S: '§', P: '¶', dag: '†', ddag: '‡',
  copyright: '©', textcopyright: '©', pounds: '£', textregistered: '®', texttrademark: '™', textbullet: '•',
  textquoteleft: '‘', textquoteright: '’', textquotedblleft: '“', textquotedblright: '”', LaTeX: 'LaTeX', TeX: 'TeX',
  textbackslash: '\\', textasciitilde: '~', textasciicircum: '^', textunderscore: '_', textbar: '|', textless: '<',
  textgreater: '>', quad: ' ', qquad: ' ', enspace: ' ', thinspace: '\u2009', newline: ' ', linebreak: ' ',
  textdegree: '°', texteuro: '€', textdollar: '$', textpercent: '%', textasciigrave: '`',
};

/** Commands whose braced argument is not prose: citations, labels, references. */
const DROPPED = new Set(['cite', 'citep', 'citet', 'citealp', 'citeauthor', 'citeyear', 'ref', 'eqref', 'autoref', 'cref', 'Cref', 'label', 'footnote', 'footnotemark', 'vspace', 'hspace', 'index']);
/** Font switches and declarations without visible output. */
const SWITCHES = new Set(['em', 'it', 'bf', 'rm', 'sl', 'sc', 'tt', 'sf', 'itshape', 'bfseries', 'slshape', 'scshape', 'ttfamily', 'sffamily', 'rmfamily', 'upshape', 'mdseries', 'normalfont', 'small', 'large', 'Large', 'footnotesize', 'noindent', 'par', 'relax', 'xspace', 'ignorespaces', 'protect', 'nolinebreak', 'centering']);

const isLetter = (c: string | undefined): boolean => c !== undefined && /[A-Za-z]/.test(c);

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

/** Puts a combining accent on a base letter, composing where Unicode has the letter. */
function accent(base: string, mark: string): string {
  return (base + mark).normalize('NFC');
}

/**
 * Converts text-mode TeX to Unicode, in NFC (so that `e` + U+0301 and `é` read back alike).
 * `before` is the character preceding `s` in the paragraph, to tell an opening '' from a
 * closing one at the start of a piece.
 */
export function textModeToUnicode(s: string, before = ' '): string {
  let out = '';
  let singleOpen = false;
  const n = s.length;
  const prevChar = (): string => (out.length > 0 ? out.charAt(out.length - 1) : before);
  /** A braced argument or the next character, after optional spaces: [text, next index]. */
  const argument = (k: number): [string, number] => {
    let j = k;
    while (s[j] === ' ') j += 1;
    if (s[j] === '{') {
      const close = closingBrace(s, j);
      if (close > 0) return [s.slice(j + 1, close), close + 1];
    }
    if (s[j] === '\\' && (s[j + 1] === 'i' || s[j + 1] === 'j') && !isLetter(s[j + 2])) return [s.slice(j, j + 2), j + 2];
    return j < n ? [s.charAt(j), j + 1] : ['', j];
  };
  const base = (arg: string): string => (arg === '\\i' ? 'i' : arg === '\\j' ? 'j' : textModeToUnicode(arg));

  for (let k = 0; k < n; ) {
    const c = s.charAt(k);
    if (c === '\\') {
      const next = s[k + 1];
      if (next === undefined) {
        k += 1;
        continue;
      }
      if (!isLetter(next)) {
        k += 2;
        const mark = ACCENTS[next];
        if (mark !== undefined) {
          const [arg, after] = argument(k);
          out += accent(base(arg), mark);
          k = after;
        } else if ('%&$#_{}'.includes(next)) out += next;
        else if (next === ' ' || next === '\\' || next === '\n') out += ' ';
        else if (next === ',') out += '\u2009';
        // \- \/ \@ \; \: \! and others print nothing in prose.
        continue;
      }
      let j = k + 1;
      while (isLetter(s[j])) j += 1;
      const name = s.slice(k + 1, j);
      k = j;
      const letter = LETTERS[name];
      const mark = name.length === 1 ? ACCENTS[name] : undefined;
      if (mark !== undefined) {
        const [arg, after] = argument(k);
        out += accent(base(arg), mark);
        k = after;
      } else if (letter !== undefined) {
        out += letter;
        if (s[k] === ' ') k += 1; // `\L ojasiewicz`: the space ends the control word
        else if (s[k] === '{' && s[k + 1] === '}') k += 2;
      } else if (SYMBOLS[name] !== undefined) {
        out += SYMBOLS[name];
        if (s[k] === '{' && s[k + 1] === '}') k += 2;
      } else if (DROPPED.has(name)) {
        while (s[k] === '*') k += 1;
        while (s[k] === '[') k = Math.max(k + 1, s.indexOf(']', k) + 1);
        if (s[k] === '{') {
          const close = closingBrace(s, k);
          if (close > 0) k = close + 1;
        }
        // `work~\citep{key}`: the tie before a dropped citation goes too.
        if (out.endsWith('\u00a0')) out = out.slice(0, -1);
      } else if (name === 'url' || name === 'href') {
        const [target, after] = argument(k);
        k = after;
        if (name === 'href' && s[k] === '{') {
          const [label, end] = argument(k);
          out += textModeToUnicode(label);
          k = end;
        } else out += target;
      } else if (SWITCHES.has(name)) {
        if (s[k] === ' ') k += 1;
      } else if (s[k] === '{') {
        // \textit{x}, \emph{x}, \textsc{x} and unknown commands: keep the argument's text.
        const close = closingBrace(s, k);
        if (close > 0) {
          out += textModeToUnicode(s.slice(k + 1, close), prevChar());
          k = close + 1;
        }
      } else out += name; // unknown: its name is the best guess at what was meant
      continue;
    }
    if (c === '{' || c === '}') {
      // TeX grouping: `{\L}ojasiewicz`, `{BERT}`. A literal brace would have been escaped.
      k += 1;
      continue;
    }
    if (c === '~') {
      out += '\u00a0';
      k += 1;
    } else if (c === '-' && s[k + 1] === '-') {
      const em = s[k + 2] === '-';
      out += em ? '—' : '–';
      k += em ? 3 : 2;
    } else if (c === '`' && s[k + 1] === '`') {
      out += '“';
      k += 2;
    } else if (c === "'" && s[k + 1] === "'") {
      // ''word'' is often typed for ``word'': an opening quote where a word starts.
      out += /[\s([{\u00a0—–]/.test(prevChar()) && s[k + 2] !== undefined && !/\s/.test(s.charAt(k + 2)) ? '“' : '”';
      k += 2;
    } else if (c === '`') {
      out += '‘';
      singleOpen = true;
      k += 1;
    } else if (c === "'" && singleOpen && !isLetter(s[k + 1])) {
      out += '’';
      singleOpen = false;
      k += 1;
    } else {
      out += c;
      k += 1;
    }
  }
  return /[^\u0000-\u007f]/.test(out) ? out.normalize('NFC') : out;
}
