/**
 * An entry body as HTML for feed readers: the same Markdown, with math as MathML only, since a
 * feed reader has no KaTeX stylesheet and would show KaTeX's HTML rendering as a jumble. The
 * formulas the pages show as math are the ones shown as MathML here; the others are their TeX
 * source in <code> (math-plugins.ts, katex.ts).
 * Each formula's TeX moves from KaTeX's <annotation> to the <math> element's `alttext`: a reader
 * that drops MathML tags but keeps their text then shows the formula once, not its TeX source
 * glued to the flattened MathML.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { toText } from 'hast-util-to-text';
import rehypeStringify from 'rehype-stringify';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { mathPlugins } from './math-plugins.ts';

const [precheck, katex, fallback] = mathPlugins('mathml');

const isElement = (n: RootContent | ElementContent, tag: string): n is Element => n.type === 'element' && n.tagName === tag;

/** <math><semantics>M<annotation>TeX</annotation></semantics></math> → <math alttext="TeX">M</math>. */
function alttextMath(math: Element): void {
  const semantics = math.children.find((c) => isElement(c, 'semantics'));
  if (!semantics) return;
  const annotation = semantics.children.find((c) => isElement(c, 'annotation'));
  if (annotation) math.properties['alttext'] = toText(annotation);
  math.children = semantics.children.filter((c) => !isElement(c, 'annotation'));
}

/** A rehype step of our own: no library moves KaTeX's annotation into alttext. */
function rehypeMathAlttext() {
  return (tree: Root): void => {
    const walk = (node: Root | Element): void => {
      for (const child of node.children) {
        if (child.type !== 'element') continue;
        if (child.tagName === 'math') alttextMath(child);
        else walk(child);
      }
    };
    walk(tree);
  };
}

const processor = unified()
  .use(remarkParse)
  .use(remarkMath)
  .use(remarkRehype)
  .use(...precheck)
  .use(...katex)
  .use(...fallback)
  .use(rehypeMathAlttext)
  .use(rehypeStringify);

export function feedHtml(body: string): string {
  return String(processor.processSync(body)).trim();
}
