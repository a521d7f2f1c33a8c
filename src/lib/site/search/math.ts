/**
 * What the search index reads of a page, shaped on its syntax tree (hast), at index time only
 * (the pages keep their markup):
 * - A KaTeX formula is written twice, as MathML for screen readers and as HTML for the eye;
 *   indexed as it is, it would be found and shown twice as glyphs. Each formula is indexed
 *   once, as its Unicode text ("ℓ∞", mathml-text.ts): the excerpt shows what the page shows.
 * - Its TeX without backslashes ("ell_infty"), which is how the damaged digests print math and
 *   so how readers type it, stays findable as a hidden alias, with the search forms of the
 *   page's British spellings and folded letters (spelling.ts): one metadata field, `alias`,
 *   which Pagefind searches but no excerpt shows.
 * - The title is indexed as the title metadata it already carries, not as body text, so that
 *   an excerpt does not repeat it; nothing sorts results, so sort keys are left out.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toHtml } from 'hast-util-to-html';
import { toText } from 'hast-util-to-text';
import { mathmlText } from './mathml-text.ts';
import { searchForm, spellingAliases, words as textWords } from './spelling.ts';

/** The searchable form of a formula: its TeX source without backslashes ("ell_infty"). */
export function texSearchText(tex: string): string {
  return (
    tex
      // A line break (\\) and TeX's spacing commands (\, \; \: \! \ ) and ties (~) are spaces.
      .replace(/\\\\|\\[,;:!> ]|~/g, ' ')
      // A control word loses its backslash (\infty → infty), as in the digests' text;
      // a control symbol keeps its character (\{ → {, \| → |, \_ → _).
      .replace(/\\([A-Za-z]+|[^A-Za-z\s])/g, '$1')
      .replace(/\\/g, '')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

const hasClass = (node: Element, name: string): boolean => {
  const c = node.properties['className'];
  return Array.isArray(c) && c.includes(name);
};

/** Replaces each KaTeX formula under `node` with its Unicode text, and adds its TeX spelling to the aliases. */
function replaceFormulas(node: Root | Element, aliases: Set<string>): void {
  node.children = node.children.map((child): RootContent => {
    if (child.type !== 'element') return child;
    if (hasClass(child, 'katex')) {
      const annotation = select('annotation[encoding="application/x-tex"]', child);
      const math = select('math', child);
      if (!annotation || !math) return child; // KaTeX's HTML-only output: its text is there once
      const text = mathmlText(math);
      const tex = texSearchText(toText(annotation));
      for (const part of tex.split(' ')) if (part !== '' && !text.includes(part)) aliases.add(part);
      return { type: 'text', value: text };
    }
    replaceFormulas(child, aliases);
    return child;
  }) as (typeof node)['children'];
}

/** The page as the index should read it (see above), and the search forms of the words it shows. */
export function indexablePage(html: string): { html: string; words: string[] } {
  const tree = fromHtml(html);
  const aliases = new Set<string>();
  replaceFormulas(tree, aliases);
  const bodies = selectAll('[data-pagefind-body]', tree);
  const words: string[] = [];
  for (const el of bodies) {
    const meta = String(el.properties['dataPagefindMeta'] ?? '');
    const title = /^title:([\s\S]*)$/.exec(meta);
    if (title && bodies.length > 1) {
      delete el.properties['dataPagefindBody'];
      words.push(title[1]!);
    } else words.push(toText(el));
  }
  for (const el of selectAll('[data-pagefind-sort]', tree)) delete el.properties['dataPagefindSort'];
  for (const alias of spellingAliases(words.join(' '))) aliases.add(alias);
  const body = select('body', tree);
  if (body && aliases.size > 0 && !('dataPagefindBody' in body.properties)) {
    const field: ElementContent = { type: 'element', tagName: 'span', properties: { dataPagefindMeta: 'alias', hidden: true }, children: [{ type: 'text', value: [...aliases].join(' ') }] };
    body.children.push(field);
  }
  return { html: toHtml(tree), words: words.flatMap(textWords).map(searchForm) };
}

export const indexableHtml = (html: string): string => indexablePage(html).html;
