/**
 * How formulas reach the search index. A KaTeX formula is written out twice: as MathML, which
 * screen readers read, and as HTML, which readers see. Indexing the page as it is would put
 * every formula in the index and in result excerpts twice, as glyphs ("ℓ∞ℓ∞") that nobody
 * types. So, at index time only, each formula is replaced by one searchable form: its TeX source
 * without backslashes, which is how the digests print math and so how readers type it:
 * `\ell_\infty` is indexed as `ell_infty`. The pages themselves keep KaTeX's markup untouched.
 */

import { decodeEntities } from '../../text/entities.ts';
import { escapeHtml as escapeText } from '../../text/escape.ts';

export { decodeEntities } from '../../text/entities.ts';

/** The searchable form of a formula: its TeX source without backslashes ("ell_infty"). */
export function texSearchText(tex: string): string {
  return (
    tex
      // A line break (\\) and TeX's spacing commands (\, \; \: \! \ ) and ties (~) are spaces.
      .replace(/\\\\|\\[,;:!> ]|~/g, ' ')
      // A control word loses its backslash (\infty → infty), as in the digests' text;
      // a control symbol keeps its character (\{ → {, \| → |, \_ → _).
      .replace(/\\([A-Za-z]+|[^A-Za-z\s])/g, '$1')
      .replace(/\\/g, '')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

const KATEX_OPEN = /<span\b[^>]*\bclass="katex"[^>]*>/g;
const SPAN_TAG = /<span\b[^>]*>|<\/span\s*>/g;
const TEX_ANNOTATION = /<annotation\b[^>]*\bencoding="application\/x-tex"[^>]*>([\s\S]*?)<\/annotation>/;

/**
 * Where the KaTeX element opening at `start` ends (just after its closing tag), by counting
 * span tags: KaTeX's output nests spans (and MathML and SVG, which hold no spans) and escapes
 * every `<` in its text, so the count cannot be fooled. -1 when the markup is cut short.
 */
function katexEnd(html: string, openEnd: number): number {
  SPAN_TAG.lastIndex = openEnd;
  let depth = 1;
  for (let m = SPAN_TAG.exec(html); m; m = SPAN_TAG.exec(html)) {
    depth += m[0][1] === '/' ? -1 : 1;
    if (depth === 0) return SPAN_TAG.lastIndex;
  }
  return -1;
}

/**
 * The page as the index should read it: every KaTeX formula (`<span class="katex">`, inline
 * or inside a display block) replaced by its searchable text, once. A formula without a TeX
 * annotation (KaTeX's HTML-only output, which has no duplicate) is left as it is.
 */
export function indexableHtml(html: string): string {
  let out = '';
  let from = 0;
  KATEX_OPEN.lastIndex = 0;
  for (let m = KATEX_OPEN.exec(html); m; m = KATEX_OPEN.exec(html)) {
    const end = katexEnd(html, KATEX_OPEN.lastIndex);
    if (end < 0) break;
    const tex = TEX_ANNOTATION.exec(html.slice(m.index, end));
    if (!tex) continue;
    out += html.slice(from, m.index) + escapeText(texSearchText(decodeEntities(tex[1] ?? '')));
    from = end;
    KATEX_OPEN.lastIndex = end;
  }
  return out + html.slice(from);
}
