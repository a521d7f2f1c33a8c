/**
 * Parses a text digest: a page header, a date line, then papers as a title line and an
 * abstract paragraph, separated by blank lines (the format of a scraped "trending papers" page).
 */
import { InputError } from '../../contract/errors.ts';
import { parseDateLine, type DateLine } from './date.ts';

export interface DigestPaper {
  title: string;
  abstract: string;
  /** 1-based order on the page: the trending rank. */
  rank: number;
  /** 1-based lines of the title and of the abstract in the file, for error messages. */
  line: number;
  abstractLine: number;
}

export interface Digest {
  dateLine: DateLine | undefined;
  dateLineNumber: number | undefined;
  papers: DigestPaper[];
}

/** Lines of the page chrome that precede the papers. Matched whole, case-insensitively. */
const HEADER_LINES = [
  /^new$/i,
  /^get trending papers in your email inbox!?$/i,
  /^subscribe$/i,
  /^by\s*ak and the research community$/i,
  /^trending papers$/i,
  /^daily papers$/i,
];

/** A title longer than this is taken for an abstract that lost its title. */
export const MAX_TITLE_LENGTH = 400;
/** An "abstract" this short without a full stop is taken for a title that lost its abstract. */
const MIN_ABSTRACT_LENGTH = 80;

interface Block {
  text: string;
  line: number;
}

/**
 * Size limits, refused before any parsing so that an absurd input fails at once with a message
 * instead of running the ingest out of memory. A day's digest is ~100 KB; arXiv caps an
 * abstract at 1,920 characters. The limits leave room for a hundred times that.
 */
export const MAX_DIGEST_BYTES = 10 * 1024 * 1024;
export const MAX_ABSTRACT_LENGTH = 20_000;

/** Decodes bytes as UTF-8 text, refusing binary files and files over MAX_DIGEST_BYTES. */
export function decodeDigest(bytes: Uint8Array, file: string): string {
  if (bytes.length === 0) throw new InputError(file, undefined, 'the digest is empty');
  if (bytes.length > MAX_DIGEST_BYTES) {
    throw new InputError(
      file,
      undefined,
      `the digest is ${(bytes.length / 1024 / 1024).toFixed(1)} MiB, over the limit of ${MAX_DIGEST_BYTES / 1024 / 1024} MiB (a day's digest is about 100 KB)`,
    );
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const line = countLines(bytes.subarray(0, nul));
    throw new InputError(file, line, 'the digest is a binary file (it contains a NUL byte), not a text digest');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new InputError(file, undefined, 'the digest is not valid UTF-8 text');
  }
}

function countLines(bytes: Uint8Array): number {
  let n = 1;
  for (const b of bytes) if (b === 10) n += 1;
  return n;
}

function toBlocks(text: string): Block[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const blocks: Block[] = [];
  let current: string[] = [];
  let start = 0;
  lines.forEach((raw, i) => {
    const line = raw.replace(/[ \t\u00A0]+$/u, '').replace(/^[ \t\u00A0]+/u, '');
    if (line === '') {
      if (current.length > 0) blocks.push({ text: current.join(' '), line: start });
      current = [];
      return;
    }
    if (current.length === 0) start = i + 1;
    current.push(line);
  });
  if (current.length > 0) blocks.push({ text: current.join(' '), line: start });
  return blocks;
}

/** Titles are short and at most one sentence; abstracts are long or end a sentence. */
export function looksLikeTitle(text: string): boolean {
  const sentences = /[.!?]["')\]]?\s+\p{Lu}/u.test(text) && /[.!?]["')\]]?$/.test(text);
  return text.length <= MAX_TITLE_LENGTH && !sentences;
}

function looksLikeAbstract(text: string): boolean {
  return text.length >= MIN_ABSTRACT_LENGTH || /[.!?]["')\]]?$/.test(text);
}

export function parseDigest(text: string, file: string): Digest {
  const blocks = toBlocks(text);
  if (blocks.length === 0) throw new InputError(file, undefined, 'the digest has no text (only blank lines)');

  let i = 0;
  let dateLine: DateLine | undefined;
  let dateLineNumber: number | undefined;
  // The header: chrome lines and the date line, in any order, before the first paper.
  while (i < blocks.length) {
    const block = blocks[i]!;
    const date = parseDateLine(block.text);
    if (date && dateLine === undefined) {
      dateLine = date;
      dateLineNumber = block.line;
    } else if (!HEADER_LINES.some((re) => re.test(block.text))) {
      break;
    }
    i += 1;
  }

  const papers: DigestPaper[] = [];
  while (i < blocks.length) {
    const title = blocks[i]!;
    const abstract = blocks[i + 1];
    if (!looksLikeTitle(title.text)) {
      throw new InputError(
        file,
        title.line,
        `an abstract with no title (a title is at most ${MAX_TITLE_LENGTH} characters and one sentence): "${preview(title.text)}"`,
      );
    }
    if (abstract === undefined) {
      throw new InputError(file, title.line, `the title "${preview(title.text)}" has no abstract after it`);
    }
    // Two titles in a row: the second reads as a title, and the paragraph after it as its abstract.
    const next = blocks[i + 2];
    const titleThenPaper =
      looksLikeTitle(abstract.text) && !/[.!?]["')\]]?$/.test(abstract.text) && next !== undefined && !looksLikeTitle(next.text);
    if (!looksLikeAbstract(abstract.text) || titleThenPaper) {
      throw new InputError(
        file,
        title.line,
        `the title "${preview(title.text)}" has no abstract after it (the next paragraph, line ${abstract.line}, "${preview(abstract.text)}", reads as another title)`,
      );
    }
    if (abstract.text.length > MAX_ABSTRACT_LENGTH) {
      throw new InputError(
        file,
        abstract.line,
        `the abstract of "${preview(title.text)}" is ${abstract.text.length.toLocaleString('en')} characters, over the limit of ${MAX_ABSTRACT_LENGTH.toLocaleString('en')}`,
      );
    }
    papers.push({ title: title.text, abstract: abstract.text, rank: papers.length + 1, line: title.line, abstractLine: abstract.line });
    i += 2;
  }
  if (papers.length === 0) throw new InputError(file, undefined, 'the digest lists no papers (only header lines)');
  return { dateLine, dateLineNumber, papers };
}

function preview(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
