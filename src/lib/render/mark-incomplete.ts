/**
 * Marks the rendered formulas whose source's damage left them incomplete (the entry's
 * `incompleteMath`, from restoreMath): the formula element gets `data-incomplete` and the class
 * `math-incomplete` (styled in both themes, not by colour alone), and a visually hidden note
 * that screen readers read after the formula. Formulas are told by their TeX, which KaTeX keeps
 * in the MathML annotation. Only entries that have such formulas pay for the parse.
 */
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toHtml } from 'hast-util-to-html';
import { toText } from 'hast-util-to-text';

export const INCOMPLETE_NOTE = 'part of this formula was lost by the source';

function noteElement(): Element {
  return { type: 'element', tagName: 'span', properties: { className: ['visually-hidden'] }, children: [{ type: 'text', value: ` (${INCOMPLETE_NOTE})` }] };
}

/** Marks, in rendered HTML, the formulas whose TeX is one of `incomplete`; returns how many it marked too. */
export function markIncomplete(html: string, incomplete: readonly string[]): { html: string; marked: number } {
  if (incomplete.length === 0 || !html.includes('class="katex')) return { html, marked: 0 };
  const wanted = new Set(incomplete.map((t) => t.trim()));
  const tree: Root = fromHtml(html, { fragment: true });
  let marked = 0;
  for (const katex of selectAll('.katex', tree)) {
    const annotation = selectAll('annotation', katex)[0];
    if (!annotation || !wanted.has(toText(annotation).trim())) continue;
    katex.properties['dataIncomplete'] = '';
    katex.properties['className'] = [...((katex.properties['className'] as string[] | undefined) ?? []), 'math-incomplete'];
    katex.children.push(noteElement());
    marked += 1;
  }
  return { html: marked === 0 ? html : toHtml(tree), marked };
}
