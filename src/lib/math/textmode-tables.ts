/** The tables textmode.ts reads: TeX's text-mode accents, letters, symbols and switches. */
/** Accent control symbols and words → the combining mark they put on the next letter. */
export const SYMBOL_ACCENTS: Record<string, string> = {
  '"': '\u0308',
  "'": '\u0301',
  '`': '\u0300',
  '^': '\u0302',
  '~': '\u0303',
  '=': '\u0304',
  '.': '\u0307',
};
export const WORD_ACCENTS: Record<string, string> = {
  u: '\u0306',
  v: '\u030C',
  H: '\u030B',
  c: '\u0327',
  k: '\u0328',
  r: '\u030A',
  d: '\u0323',
  b: '\u0331',
};
/** `\.` without braces: only on the letters it is used on in names (Żak, İstanbul), not `\.json`. */
export const BARE_DOT_LETTERS = new Set(['z', 'Z', 'I']);

/** Control words that are letters: the space after them is part of the command. */
export const LETTERS: Record<string, string> = {
  L: 'Ł',
  l: 'ł',
  O: 'Ø',
  o: 'ø',
  ss: 'ß',
  ae: 'æ',
  AE: 'Æ',
  oe: 'œ',
  OE: 'Œ',
  aa: 'å',
  AA: 'Å',
  i: 'ı',
  j: 'ȷ',
};

export const SYMBOLS: Record<string, string> = {
  ldots: '…',
  dots: '…',
  textellipsis: '…',
  textendash: '–',
  textemdash: '—',
  dag: '†',
  ddag: '‡',
  copyright: '©',
  textcopyright: '©',
  pounds: '£',
  textregistered: '®',
  texttrademark: '™',
  textbullet: '•',
  textquoteleft: '‘',
  textquoteright: '’',
  textquotedblleft: '“',
  textquotedblright: '”',
  LaTeX: 'LaTeX',
  TeX: 'TeX',
  textbackslash: '\\',
  textasciitilde: '~',
  textasciicircum: '^',
  textunderscore: '_',
  textbar: '|',
  textless: '<',
  textgreater: '>',
  quad: ' ',
  qquad: ' ',
  enspace: ' ',
  thinspace: '\u2009',
  textdegree: '°',
  texteuro: '€',
  textdollar: '$',
  textpercent: '%',
  textasciigrave: '`',
};
/** One-letter symbols, certain only before a number: `\S 3`, `\P~2`. */
export const SECTION_SIGNS: Record<string, string> = { S: '§', P: '¶' };

/** Commands whose braced argument is prose to keep, without the command. */
export const TEXT_COMMANDS = new Set([
  'emph',
  'textit',
  'textbf',
  'textsl',
  'textem',
  'texttt',
  'textsc',
  'textrm',
  'textsf',
  'textup',
  'textnormal',
  'text',
  'mbox',
]);
/** Font switches: `{\em x}`, `{\bf x}` is x (its emphasis is regions.ts's business). */
export const SWITCHES = new Set([
  'em',
  'it',
  'bf',
  'rm',
  'sl',
  'sc',
  'tt',
  'sf',
  'itshape',
  'bfseries',
  'slshape',
  'scshape',
  'ttfamily',
  'sffamily',
  'rmfamily',
  'upshape',
  'mdseries',
  'normalfont',
]);
