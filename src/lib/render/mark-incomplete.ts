/**
 * Marks, in rendered HTML, the math the source's damage left incomplete:
 *  - the formulas listed in the entry's `incompleteMath` (from restoreMath), told by their TeX,
 *    which KaTeX keeps in the MathML annotation;
 *  - with `prose`, for text that is a restoration: the lost math the restorer left as text
 *    (`text{simu}`, lostInProse in incomplete.ts), wrapped in a span.
 * Either gets `data-incomplete` and the class `math-incomplete` (styled in both themes, not by
 * colour alone), and a visually hidden note that screen readers read after it. Only HTML that
 * has something to mark pays for the parse.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toHtml } from 'hast-util-to-html';
import { toText } from 'hast-util-to-text';
import { lostInProse } from '../math/incomplete.ts';

export const INCOMPLETE_NOTE = 'part of this formula was lost by the source';
export const LOST_IN_PROSE_NOTE = 'what the source left of a formula it lost';

function noteElement(note: string): Element {
  return {
    type: 'element',
    tagName: 'span',
    properties: { className: ['visually-hidden'] },
    children: [{ type: 'text', value: ` (${note})` }],
  };
}

/** The span that marks lost math left as text: what markIncomplete wraps it in. */
export function lostMathElement(text: string): Element {
  return {
    type: 'element',
    tagName: 'span',
    properties: { className: ['math-incomplete', 'math-lost'], dataIncomplete: '' },
    children: [{ type: 'text', value: text }, noteElement(LOST_IN_PROSE_NOTE)],
  };
}

/** Marks the formula element (`.katex`) as incomplete, in place. */
export function markFormulaElement(katex: Element): void {
  katex.properties['dataIncomplete'] = '';
  katex.properties['className'] = [...((katex.properties['className'] as string[] | undefined) ?? []), 'math-incomplete'];
  katex.children.push(noteElement(INCOMPLETE_NOTE));
}

/** A text's pieces, the lost math in it wrapped (lostInProse); undefined when there is none. */
export function splitLostMath(value: string): ElementContent[] | undefined {
  const traces = lostInProse(value);
  if (traces.length === 0) return undefined;
  const out: ElementContent[] = [];
  let at = 0;
  for (const t of traces) {
    if (t.start > at) out.push({ type: 'text', value: value.slice(at, t.start) });
    out.push(lostMathElement(value.slice(t.start, t.end)));
    at = t.end;
  }
  if (at < value.length) out.push({ type: 'text', value: value.slice(at) });
  return out;
}

/** Where text is not prose the restorer wrote: formulas, code, a formula shown as its source, links. */
const isOpaque = (e: Element): boolean => {
  const cls = (e.properties['className'] as string[] | undefined) ?? [];
  return (
    ['code', 'pre', 'a', 'script', 'style'].includes(e.tagName) ||
    cls.includes('katex') ||
    cls.includes('katex-display') ||
    cls.includes('math-source') ||
    cls.includes('math-lost')
  );
};

function markProse(parent: Root | Element): number {
  let marked = 0;
  const children: RootContent[] = [];
  for (const child of parent.children) {
    if (child.type === 'text') {
      const pieces = splitLostMath(child.value);
      if (pieces) marked += pieces.filter((p) => p.type === 'element').length;
      children.push(...(pieces ?? [child]));
    } else {
      if (child.type === 'element' && !isOpaque(child)) marked += markProse(child);
      children.push(child);
    }
  }
  parent.children = children as typeof parent.children;
  return marked;
}

/** What to mark in a body: the entry's incomplete formulas, and (prose) whether its text is a restoration. */
export interface IncompleteMarks {
  readonly incomplete: readonly string[];
  readonly prose?: boolean;
}

/** Marks, in a rendered tree, what `marks` asks for (see the file's header), in place; returns how many it marked. */
export function markIncompleteTree(tree: Root, { incomplete, prose = false }: IncompleteMarks): number {
  let marked = 0;
  if (incomplete.length > 0) {
    const wanted = new Set(incomplete.map((t) => t.trim()));
    for (const katex of selectAll('.katex', tree)) {
      const annotation = selectAll('annotation', katex)[0];
      if (!annotation || !wanted.has(toText(annotation).trim())) continue;
      markFormulaElement(katex);
      marked += 1;
    }
  }
  if (prose) marked += markProse(tree);
  return marked;
}

/**
 * The rehype step of the entry pipeline (renderBody): marks the tree before it is written, by
 * the marks the caller put in the file's data, so that no body is parsed again to be marked.
 */
export function rehypeMarkIncomplete() {
  return (tree: Root, file: { data: object }): void => {
    const marks = (file.data as { incompleteMarks?: IncompleteMarks }).incompleteMarks;
    if (marks) markIncompleteTree(tree, marks);
  };
}

/**
 * Marks, in rendered HTML, the formulas whose TeX is one of `incomplete`, and with `prose` the
 * lost math left as text; returns how many it marked too. For HTML rendered elsewhere: an
 * entry body is marked while it renders (rehypeMarkIncomplete).
 */
export function markIncomplete(html: string, incomplete: readonly string[], { prose = false } = {}): { html: string; marked: number } {
  const formulas = incomplete.length > 0 && html.includes('class="katex');
  // lostInProse on the whole HTML is a quick, over-eager test: TeX in annotations keeps its backslashes.
  const inProse = prose && lostInProse(html).length > 0;
  if (!formulas && !inProse) return { html, marked: 0 };
  const tree: Root = fromHtml(html, { fragment: true });
  const marked = markIncompleteTree(tree, { incomplete: formulas ? incomplete : [], prose: inProse });
  return { html: marked === 0 ? html : toHtml(tree), marked };
}
