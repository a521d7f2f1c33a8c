/** BibTeX for an arXiv paper, in the form arXiv's own "Export BibTeX Citation" gives. */
import { arxivAbsUrl, normaliseArxivId } from '../contract/arxiv-id.ts';
import { escapeBibtex as escapeText } from '../text/escape.ts';
import { splitMath as splitRich } from '../text/split.ts';

export interface BibtexPaper {
  title: string;
  authors: string[];
  arxivId: string;
  year: string;
  primaryCategory?: string;
}

/** Words skipped when the key takes the title's first word, as Google Scholar's keys do. */
const STOP_WORDS = new Set(['a', 'an', 'the', 'on', 'of', 'in', 'for', 'to', 'and', 'at', 'by', 'with', 'from', 'via']);
const NAME_SUFFIXES = /^(?:jr|sr|ii|iii|iv)\.?$/i;
/** Letters NFKD does not take apart. */
const FOLD: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
  ø: 'o',
  Ø: 'O',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ð: 'd',
  Ð: 'D',
  þ: 'th',
  Þ: 'TH',
  ı: 'i',
  ĸ: 'k',
};

/** ASCII letters and digits only, lowercased: "Łukasz Müller-Šimon" → "lukaszmullersimon". */
export function asciiFold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\x00-\x7F]/g, (ch) => FOLD[ch] ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

function surname(name: string): string {
  const comma = name.indexOf(',');
  if (comma >= 0) return name.slice(0, comma); // "Kalai, Adam Tauman"
  const words = name
    .trim()
    .split(/\s+/)
    .filter((w) => !NAME_SUFFIXES.test(w));
  return words[words.length - 1] ?? '';
}

/** Text and $...$ math, as the site reads every rich string (text/split.ts); math keeps its dollars. */
function splitMath(text: string): { math: boolean; text: string }[] {
  return splitRich(text).map((s) => (s.kind === 'math' ? { math: true, text: `$${s.tex}$` } : { math: false, text: s.value }));
}

/**
 * BibTeX counts braces whether escaped or not, so "\{" keeps a field well-formed only when the
 * braces pair up; otherwise each brace is written as \textbraceleft{} or \textbraceright{}.
 */
function balanced(tex: string): boolean {
  let depth = 0;
  for (const ch of tex) {
    if (ch === '{') depth += 1;
    else if (ch === '}' && --depth < 0) return false;
  }
  return depth === 0;
}

/**
 * A title for BibTeX: special characters escaped, $...$ math kept, and words with capitals
 * after their first letter ("MgNO", "BERT", "GPT-4o") braced so that styles do not lowercase them.
 */
export function bibtexTitle(title: string): string {
  // Math is kept only when its braces balance; otherwise it is text like the rest.
  const segments = splitMath(title.trim().replace(/\s+/g, ' ')).map((seg) => ({ ...seg, math: seg.math && balanced(seg.text) }));
  const paired = balanced(
    segments
      .filter((s) => !s.math)
      .map((s) => s.text.replace(/[^{}]/g, ''))
      .join(''),
  );
  return segments
    .map((seg) => {
      if (seg.math) return seg.text;
      let out = '';
      let last = 0;
      for (const m of seg.text.matchAll(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu)) {
        out += escapeText(seg.text.slice(last, m.index), paired);
        out += m[0].split('-').some((part) => /^.[^]*\p{Lu}/u.test(part)) ? `{${m[0]}}` : m[0];
        last = m.index + m[0].length;
      }
      return out + escapeText(seg.text.slice(last), paired);
    })
    .join('');
}

function bibtexName(name: string): string {
  const plain = name.trim().replace(/\s+/g, ' ');
  const escaped = escapeText(plain, balanced(plain.replace(/[^{}]/g, '')));
  // "and" inside a name would split it into two authors.
  return /(?:^|\s)and(?:\s|$)/i.test(escaped) ? `{${escaped}}` : escaped;
}

/** The citation key: first author's surname, year, first significant word of the title ("he2023mgno"). */
export function bibtexKey(p: Pick<BibtexPaper, 'title' | 'authors' | 'year'>): string {
  const first = p.authors.find((a) => a.trim() !== '');
  const name = (first === undefined ? '' : asciiFold(surname(first))) || 'anon';
  const words = splitMath(p.title)
    .filter((s) => !s.math)
    .flatMap((s) => s.text.split(/[^\p{L}\p{N}]+/u))
    .map(asciiFold)
    .filter((w) => w !== '');
  const word = words.find((w) => !STOP_WORDS.has(w)) ?? words[0] ?? '';
  return `${name}${p.year}${word}`;
}

/**
 * An arXiv-style @misc entry. Throws a RangeError for an id that is not arXiv's or a year that
 * is not four digits: those are the caller's mistakes, not the input's.
 */
export function bibtex(p: BibtexPaper): string {
  const id = normaliseArxivId(p.arxivId);
  if (id === undefined) throw new RangeError(`not an arXiv id: "${p.arxivId}"`);
  if (!/^\d{4}$/.test(p.year)) throw new RangeError(`not a year: "${p.year}"`);
  const authors = p.authors.map((a) => a.trim()).filter((a) => a !== '');
  const fields: [string, string][] = [
    ['title', bibtexTitle(p.title)],
    ['author', authors.map(bibtexName).join(' and ')],
    ['year', p.year],
    ['eprint', id],
    ['archivePrefix', 'arXiv'],
  ];
  const primary = p.primaryCategory?.trim();
  if (primary) fields.push(['primaryClass', escapeText(primary, false)]);
  fields.push(['url', arxivAbsUrl(id)]);
  const body = fields.filter(([k, v]) => v !== '' || k === 'title').map(([k, v]) => `  ${k}={${v}}`);
  return `@misc{${bibtexKey({ ...p, authors })},\n${body.join(',\n')}\n}`;
}
