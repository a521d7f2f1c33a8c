/**
 * KaTeX markup for the inline formulas of titles and excerpts. The same title appears on many
 * pages (lists, related papers, neighbours), so each formula is rendered once per build.
 */
import katex from 'katex';

const cache = new Map<string, string>();

export function inlineMath(tex: string): string {
  let html = cache.get(tex);
  if (html === undefined) {
    html = katex.renderToString(tex, { throwOnError: true, output: 'htmlAndMathml', strict: 'ignore' });
    cache.set(tex, html);
  }
  return html;
}
