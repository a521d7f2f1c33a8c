/**
 * The rehype step that renders remark-math's formulas (`.math-inline`, `.math-display`) through
 * renderFormula (katex.ts), in place of rehype-katex: a formula KaTeX refuses, or that breaks a
 * limit, becomes its marked source instead of rehype-katex's `katex-error` (or an exception that
 * fails the build). The markup becomes hast as rehype-katex made it, by parse5 (hast-util-from-html);
 * its nesting is bounded by the limits, so the recursive tree tools after it are safe.
 */
import type { Element, ElementContent, Parent, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { formulaHtml, type Output } from './katex.ts';

const classesOf = (e: Element): unknown[] => (Array.isArray(e.properties['className']) ? e.properties['className'] : []);

export function rehypeMath(options: { output?: Output } = {}) {
  const output = options.output ?? 'htmlAndMathml';
  return (tree: Root): void => {
    // Iterative: the tree of one entry body is shallow, but nothing here should trust that.
    const stack: Parent[] = [tree];
    while (stack.length > 0) {
      const parent = stack.pop()!;
      for (let i = 0; i < parent.children.length; i += 1) {
        const node = parent.children[i]!;
        if (node.type !== 'element') continue;
        // remark-math writes display math as <pre><code class="language-math math-display">.
        const only = node.tagName === 'pre' && node.children.length === 1 ? node.children[0] : undefined;
        const code = only?.type === 'element' && classesOf(only).includes('language-math') ? only : undefined;
        const classes = classesOf(code ?? node);
        if (!code && !classes.includes('math-inline') && !classes.includes('math-display') && !classes.includes('language-math')) {
          stack.push(node);
          continue;
        }
        const displayMode = code !== undefined || classes.includes('math-display');
        const tex = toText(code ?? node, { whitespace: 'pre' });
        const nodes = fromHtml(formulaHtml(tex, { displayMode, output }), { fragment: true }).children as ElementContent[];
        parent.children.splice(i, 1, ...nodes);
        i += nodes.length - 1;
      }
    }
  };
}
