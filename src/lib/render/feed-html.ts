/**
 * An entry body as HTML for feed readers: the same Markdown, with math as MathML only, since a
 * feed reader has no KaTeX stylesheet and would show KaTeX's HTML rendering as a jumble.
 */
import rehypeKatex from 'rehype-katex';
import rehypeStringify from 'rehype-stringify';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

const processor = unified()
  .use(remarkParse)
  .use(remarkMath)
  .use(remarkRehype)
  .use(rehypeKatex, { output: 'mathml', strict: 'ignore' })
  .use(rehypeStringify);

export function feedHtml(body: string): string {
  return String(processor.processSync(body)).trim();
}
