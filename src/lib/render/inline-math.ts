/**
 * Markup for the inline formulas of titles and excerpts: KaTeX's, or the formula's marked
 * source (katex.ts). The same title appears on many pages (lists, related papers,
 * neighbours), so each formula is rendered once per build.
 */
import { formulaHtml } from './katex.ts';

const cache = new Map<string, string>();

export function inlineMath(tex: string): string {
  let html = cache.get(tex);
  if (html === undefined) {
    html = formulaHtml(tex);
    cache.set(tex, html);
  }
  return html;
}
