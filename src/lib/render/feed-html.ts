/**
 * An entry body as HTML for feed readers: the same Markdown, with math as MathML only, since a
 * feed reader has no KaTeX stylesheet and would show KaTeX's HTML rendering as a jumble. The
 * formulas the pages show as math are the ones shown as MathML here; the others are their TeX
 * source in <code> (math-plugins.ts, katex.ts).
 */
import rehypeStringify from 'rehype-stringify';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { mathPlugins } from './math-plugins.ts';

const [precheck, katex, fallback] = mathPlugins('mathml');

const processor = unified()
  .use(remarkParse)
  .use(remarkMath)
  .use(remarkRehype)
  .use(...precheck)
  .use(...katex)
  .use(...fallback)
  .use(rehypeStringify);

export function feedHtml(body: string): string {
  return String(processor.processSync(body)).trim();
}
