/**
 * Markup for the inline formulas and prose of titles and excerpts: KaTeX's, or the formula's
 * marked source (katex.ts); and, where the source's damage left math incomplete, the same
 * marks as an entry body's (mark-incomplete.ts). The same title appears on many pages (lists,
 * related papers, neighbours), so each formula is rendered once per build.
 */
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select } from 'hast-util-select';
import { toHtml } from 'hast-util-to-html';
import { compactKatex } from './compact-katex.ts';
import { formulaHtml } from './katex.ts';
import { markFormulaElement, splitLostMath } from './mark-incomplete.ts';

/** What a title or excerpt lost: the entry's incomplete formulas, and whether its text is a restoration. */
export interface LostMath {
  readonly incomplete: readonly string[];
  readonly restored: boolean;
}

/** An entry's LostMath, from its data (`incompleteMath`, `ingest.textSource`). */
export function lostMathOf(data: Readonly<Record<string, unknown>>): LostMath {
  const list = Array.isArray(data['incompleteMath'])
    ? (data['incompleteMath'] as unknown[]).filter((t): t is string => typeof t === 'string')
    : [];
  return { incomplete: list, restored: (data['ingest'] as { textSource?: unknown } | undefined)?.textSource !== 'authors' };
}

const cache = new Map<string, string>();

/** A formula's markup; `incomplete` marks it as a body's incomplete formula is marked. */
export function inlineMath(tex: string, incomplete = false): string {
  const key = `${incomplete ? '?' : ' '}${tex}`;
  let html = cache.get(key);
  if (html === undefined) {
    html = compacted(formulaHtml(tex), incomplete);
    cache.set(key, html);
  }
  return html;
}

/** The formula's markup written shorter (compact-katex.ts), and marked when `incomplete`. */
function compacted(html: string, incomplete: boolean): string {
  const tree: Root = fromHtml(html, { fragment: true });
  const katex = select('.katex', tree);
  // A formula KaTeX refused is shown as its marked source already: nothing to add.
  if (!katex) return html;
  compactKatex([katex]);
  if (incomplete) markFormulaElement(katex);
  return toHtml(tree);
}

/** Is this formula of a title or excerpt one the source left incomplete? */
export const isIncomplete = (tex: string, lost: LostMath | undefined): boolean =>
  lost !== undefined && lost.incomplete.some((t) => t.trim() === tex.trim());

/**
 * A piece of prose of a restored title or excerpt as markup, its lost math left as text marked
 * (`text{simu}`); undefined when it has none, for the caller to show it as text.
 */
export function inlineProse(text: string, lost: LostMath | undefined): string | undefined {
  if (!lost?.restored) return undefined;
  const pieces = splitLostMath(text);
  return pieces && toHtml({ type: 'root', children: pieces });
}
