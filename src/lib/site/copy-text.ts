/**
 * The text a reader copies from a paper page (src/scripts/copy.ts reads the pieces from the
 * page): prose as shown, each formula once as its TeX between dollars, one line a paragraph.
 * Plain text for a selection; for "Copy as LaTeX", the prose escaped so that the whole pastes
 * into a LaTeX document as it reads on the page.
 */
import { escapeBibtex } from '../text/escape.ts';

/** A piece of the copied text, in page order. */
export type CopyPiece =
  /** Text as the page shows it. */
  | { kind: 'prose'; text: string }
  /** A formula's TeX with its delimiters ($…$, $$…$$): what it is copied as. */
  | { kind: 'math'; text: string }
  /** The edge of a paragraph or other block. */
  | { kind: 'block' };

/** A formula's delimited TeX: display formulas between $$. */
export function delimited(tex: string, display: boolean): string {
  const d = display ? '$$' : '$';
  return `${d}${tex.trim()}${d}`;
}

// A TeX comment (an unescaped %) ends at its line's end: only then do its newlines matter.
const hasComment = (tex: string): boolean => /(^|[^\\])(\\\\)*%/.test(tex);

/**
 * The copied text of some pieces. Runs of white space (the markup's newlines included) are one
 * space; blocks are separated by a blank line; `latex` escapes the prose for LaTeX (as BibTeX
 * fields are: & % # _ $ ~ ^ \ { }) and leaves the formulas as they are.
 */
export function copiedText(pieces: readonly CopyPiece[], { latex = false } = {}): string {
  const blocks: string[] = [];
  let line = '';
  const endBlock = (): void => {
    const text = line.replace(/ {2,}/g, ' ').trim();
    if (text !== '') blocks.push(text);
    line = '';
  };
  for (const piece of pieces) {
    if (piece.kind === 'block') endBlock();
    else if (piece.kind === 'math') line += hasComment(piece.text) ? piece.text : piece.text.replace(/\s+/g, ' ');
    else {
      const text = piece.text.replace(/[\t\n\f\r ]+/g, ' ');
      line += latex ? escapeBibtex(text, true) : text;
    }
  }
  endBlock();
  return blocks.join('\n\n');
}
