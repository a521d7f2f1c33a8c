/**
 * Text escapers, one per language text is written into: Markdown/MDX (entry bodies), HTML
 * (markup built by hand), BibTeX (citations). Each makes any text read back as exactly itself.
 */
import { escape } from 'html-escaper';

/** Backslash-escapable everywhere in MDX and CommonMark, and syntax somewhere in one of them. */
const INLINE_SYNTAX = /[\\`*_{}[\]<>$&~|]/g;

/**
 * Inline text for a body that MDX and CommonMark both read as that text. Written by hand: no
 * library escapes for MDX and CommonMark at once (line-start syntax is the writer's: body.ts).
 */
export function escapeMarkdown(text: string): string {
  return text.replace(INLINE_SYNTAX, (ch) => `\\${ch}`);
}

/** Text for HTML content or a quoted attribute (& < > " '). */
export function escapeHtml(text: string): string {
  return escape(text);
}

const BIBTEX_ESCAPES: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '&': '\\&',
  '%': '\\%',
  '#': '\\#',
  _: '\\_',
  $: '\\$',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

/**
 * Plain text for a BibTeX field; an escaped dollar "\$" stays one. BibTeX counts braces whether
 * escaped or not, so "\{" keeps a field well-formed only when the braces pair up
 * (`pairedBraces`); otherwise each brace is written as \textbraceleft{} or \textbraceright{}.
 */
export function escapeBibtex(text: string, pairedBraces: boolean): string {
  return text.replace(/\\\$|[\\{}&%#_$~^]/g, (ch) => {
    if (ch === '\\$') return '\\$';
    if (ch === '{') return pairedBraces ? '\\{' : '\\textbraceleft{}';
    if (ch === '}') return pairedBraces ? '\\}' : '\\textbraceright{}';
    return BIBTEX_ESCAPES[ch]!;
  });
}
