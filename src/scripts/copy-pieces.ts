/**
 * Reads what a reader copies from the page's markup, as pieces for copiedText
 * (src/lib/site/copy-text.ts): a KaTeX formula is the TeX of its MathML annotation (KaTeX keeps
 * the source there; its HTML rendering and MathML are skipped, so nothing is copied twice), a
 * formula shown as its source is that source, and text meant for screen readers only is left out.
 */
import { delimited, type CopyPiece } from '../lib/site/copy-text.ts';

const BLOCK = /^(address|article|aside|blockquote|div|dl|dd|dt|figure|h[1-6]|li|ol|p|pre|section|table|tr|ul)$/;

/** The pieces of a node's contents (an element of the page, or a selection's cloned fragment). */
export function copyPieces(root: Node, out: CopyPiece[] = [], display = false): CopyPiece[] {
  for (const node of root.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) {
      out.push({ kind: 'prose', text: node.textContent ?? '' });
      continue;
    }
    if (!(node instanceof Element)) continue;
    const cls = node.classList;
    if (cls.contains('visually-hidden') || cls.contains('katex-html')) continue;
    if (cls.contains('katex-mathml')) {
      const tex = node.querySelector('annotation')?.textContent;
      if (typeof tex === 'string') out.push({ kind: 'math', text: delimited(tex, display) });
      continue;
    }
    if (cls.contains('math-source')) {
      // Its <code> holds the source between its delimiters, as the page shows it.
      out.push({ kind: 'math', text: node.querySelector('code')?.textContent ?? '' });
      continue;
    }
    if (node.localName === 'br') out.push({ kind: 'prose', text: ' ' });
    const block = BLOCK.test(node.localName);
    if (block) out.push({ kind: 'block' });
    copyPieces(node, out, display || cls.contains('katex-display'));
    if (block) out.push({ kind: 'block' });
  }
  return out;
}

/** The formula (or display formula, or marked source) a node is inside, to copy it whole. */
export function formulaAround(node: Node): Element | null {
  const element = node instanceof Element ? node : node.parentElement;
  const formula = element?.closest('.katex, .math-source') ?? null;
  const parent = formula?.parentElement;
  return parent?.classList.contains('katex-display') ? parent : formula;
}
