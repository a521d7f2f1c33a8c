/**
 * The formulas of entry bodies and feeds: remark-math's `.math-inline` and `.math-display`
 * elements rendered by rehype-katex, with KaTeX's options from katex.ts, between two steps of
 * ours that apply katex.ts's checks:
 *  - before it (rehypeMathPrecheck), the cheap checks of the source (length, nesting, macro
 *    definitions, console commands): a refused formula becomes its marked source, so KaTeX never
 *    sees input that could overflow its stack. Each other formula is wrapped in a placeholder
 *    element, which rehype-katex renders into (it replaces the formula in its parent);
 *  - after it (rehypeMathFallback), each placeholder gives way to what it holds: the formula as
 *    rehype-katex rendered it, or its marked source when KaTeX failed on it (rehype-katex's
 *    message, with its cause; its `katex-error` output) or when the rendering breaks an output
 *    limit, checked on the tree. A feed (MathML only) shows as math exactly the formulas the
 *    pages show as math: its verdict is the one of the HTML and MathML rendering. A page's
 *    formula is then written shorter (compact-katex.ts), a feed's left as KaTeX wrote it.
 * Both walks are iterative: nothing here trusts the tree's depth.
 */
import type { Element, ElementContent, Parent, Root } from 'hast';
import { toText } from 'hast-util-to-text';
import rehypeKatex, { type Options as RehypeKatexOptions } from 'rehype-katex';
import {
  failureOf,
  formulaVerdict,
  katexOptions,
  mathSourceHast,
  noteVerdict,
  outputProblem,
  sourceProblem,
  type Failure,
  type Output,
} from './katex.ts';
import { compactKatex } from './compact-katex.ts';

interface Options {
  output: Output;
}

/** The placeholder's tag: never in a page (rehypeMathFallback removes every one). */
const PLACEHOLDER = 'paperboy-formula';

/** Each placeholder's formula; placeholders are told by their presence here. */
const formulas = new WeakMap<Element, { tex: string; displayMode: boolean }>();

const classesOf = (e: Element): unknown[] => (Array.isArray(e.properties['className']) ? e.properties['className'] : []);
const isMath = (e: Element): boolean => classesOf(e).some((c) => c === 'language-math' || c === 'math-display' || c === 'math-inline');

/**
 * The formula a child element is, as rehype-katex reads it: an element with one of its classes,
 * the `<pre>` around a `code.language-math` (display math: remark-math's `$$` blocks, ```math),
 * or none.
 */
function formulaOf(node: Element): { displayMode: boolean } | undefined {
  if (isMath(node)) return { displayMode: classesOf(node).includes('math-display') };
  if (
    node.tagName === 'pre' &&
    node.children.some((c) => c.type === 'element' && c.tagName === 'code' && classesOf(c).includes('language-math'))
  )
    return { displayMode: true };
  return undefined;
}

/**
 * Walks the tree without recursion (an entry's tree is shallow, but nothing here should trust
 * that): `replace` gets each element and returns what stands in its place, or undefined to
 * walk into it instead.
 */
function replaceElements(tree: Root, replace: (node: Element) => ElementContent[] | undefined): void {
  const stack: Parent[] = [tree];
  while (stack.length > 0) {
    const parent = stack.pop()!;
    for (let i = 0; i < parent.children.length; i += 1) {
      const node = parent.children[i]!;
      if (node.type !== 'element') continue;
      const shown = replace(node);
      if (shown === undefined) {
        stack.push(node);
        continue;
      }
      parent.children.splice(i, 1, ...shown);
      i += shown.length - 1;
    }
  }
}

export function rehypeMathPrecheck({ output }: Options) {
  return (tree: Root): void =>
    replaceElements(tree, (node) => {
      const formula = formulaOf(node);
      if (!formula) return undefined;
      const tex = toText(node, { whitespace: 'pre' });
      const problem = sourceProblem(tex);
      if (problem) {
        noteVerdict(tex, formula.displayMode, problem);
        return [mathSourceHast(tex, problem, { displayMode: formula.displayMode, feed: output === 'mathml' })];
      }
      const placeholder: Element = { type: 'element', tagName: PLACEHOLDER, properties: {}, children: [node] };
      formulas.set(placeholder, { tex, displayMode: formula.displayMode });
      return [placeholder];
    });
}

/** What the fallback reads of the file (a VFile): rehype-katex's messages. */
interface Reported {
  messages: readonly { source?: string | undefined; ancestors?: readonly unknown[] | undefined; cause?: unknown }[];
}

export function rehypeMathFallback({ output }: Options) {
  return (tree: Root, file: Reported): void => {
    // The formulas KaTeX failed on: rehype-katex reports each, with the error as its cause and
    // the formula's ancestors, which include its placeholder.
    const failed = new Map<Element, Failure>();
    for (const message of file.messages) {
      if (message.source !== 'rehype-katex') continue;
      for (const node of message.ancestors ?? []) {
        if (formulas.has(node as Element)) failed.set(node as Element, failureOf(message.cause));
      }
    }
    replaceElements(tree, (node) => {
      const formula = formulas.get(node);
      if (!formula) return undefined;
      formulas.delete(node);
      const { tex, displayMode } = formula;
      let failure: Failure | undefined | null = failed.get(node);
      if (output === 'mathml') failure ??= formulaVerdict(tex, displayMode);
      else {
        failure ??= outputProblem(node.children);
        noteVerdict(tex, displayMode, failure);
      }
      if (failure) return [mathSourceHast(tex, failure, { displayMode, feed: output === 'mathml' })];
      if (output !== 'mathml') compactKatex(node.children.filter((c) => c.type === 'element'));
      return node.children;
    });
  };
}

/** The rehype plugins that render the formulas of a Markdown body, for pages or (`mathml`) feeds. */
export function mathPlugins(
  output: Output,
): [[typeof rehypeMathPrecheck, Options], [typeof rehypeKatex, RehypeKatexOptions], [typeof rehypeMathFallback, Options]] {
  return [
    [rehypeMathPrecheck, { output }],
    [rehypeKatex, katexOptions(output)],
    [rehypeMathFallback, { output }],
  ];
}
