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
import { fromParse5 } from 'hast-util-from-parse5';
import { toHtml } from 'hast-util-to-html';
import { parse } from 'parse5';
import { mathmlText } from './mathml-text.ts';
import { cachedSearchForm, spellingAliasesOf, wordAlias, words as textWords } from './spelling.ts';

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

const child = (node: Element | undefined, test: (e: Element) => boolean): Element | undefined =>
  node?.children.find((c): c is Element => c.type === 'element' && test(c));

/**
 * KaTeX's MathML and TeX annotation, where KaTeX puts them:
 * span.katex > span.katex-mathml > math > semantics > annotation[encoding=application/x-tex].
 * Read by path, not by a selector over the whole formula: the HTML rendering beside it is most of its markup.
 */
function katexParts(katex: Element): { math: Element; tex: string } | undefined {
  const math = child(
    child(katex, (e) => hasClass(e, 'katex-mathml')),
    (e) => e.tagName === 'math',
  );
  const annotation = child(
    child(math, (e) => e.tagName === 'semantics'),
    (e) => e.tagName === 'annotation' && e.properties['encoding'] === 'application/x-tex',
  );
  return math && annotation ? { math, tex: plainText(annotation) } : undefined;
}

/** The text of a node, its elements' texts joined by spaces (enough to find its words). */
function plainText(node: Root | RootContent): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element' && node.type !== 'root') return '';
  return node.children.map(plainText).join(node.type === 'element' && node.tagName === 'annotation' ? '' : ' ');
}

/** Replaces each KaTeX formula under `node` with its Unicode text, and adds its TeX spelling to the aliases. */
function replaceFormulas(node: Root | Element, aliases: Set<string>): void {
  node.children = node.children.map((c): RootContent => {
    if (c.type !== 'element') return c;
    if (hasClass(c, 'katex')) {
      const parts = katexParts(c);
      if (!parts) return c; // KaTeX's HTML-only output: its text is there once
      const text = mathmlText(parts.math);
      for (const part of texSearchText(parts.tex).split(' ')) if (part !== '' && !text.includes(part)) aliases.add(part);
      return { type: 'text', value: text };
    }
    replaceFormulas(c, aliases);
    return c;
  }) as (typeof node)['children'];
}

/** wordAlias (spelling.ts), remembered: every word of every page asks. */
const aliases = new Map<string, string>();

function aliasOf(part: string): string {
  let alias = aliases.get(part);
  if (alias === undefined) {
    alias = wordAlias(part);
    if (aliases.size >= 100_000) aliases.clear();
    aliases.set(part, alias);
  }
  return alias;
}

/** What `[name]` matches in hast-util-select: a property with a value, not false or an empty list. */
const present = (v: unknown): boolean => v !== undefined && v !== null && v !== false && !(Array.isArray(v) && v.length === 0);

/**
 * The elements with a data-pagefind-body, those with a data-pagefind-sort (document order, as
 * selectAll gives them) and the first body, in one walk: three selector queries over every
 * page's whole tree were a fifth of the shaping.
 */
function marked(tree: Root): { bodies: Element[]; sorts: Element[]; body: Element | undefined } {
  const out: { bodies: Element[]; sorts: Element[]; body: Element | undefined } = { bodies: [], sorts: [], body: undefined };
  const stack: (Root | Element)[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'element') {
      if (present(node.properties['dataPagefindBody'])) out.bodies.push(node);
      if (present(node.properties['dataPagefindSort'])) out.sorts.push(node);
      if (node.tagName === 'body') out.body ??= node;
    }
    for (let i = node.children.length - 1; i >= 0; i--) {
      const c = node.children[i]!;
      if (c.type === 'element') stack.push(c);
    }
  }
  return out;
}

/** The page as the index should read it (see above), and the search forms of the words it shows. */
export function indexablePage(html: string): { html: string; words: string[] } {
  // parse5 without source positions (hast-util-from-html always asks for them): the same tree
  // for toHtml, in half the time; nothing here reads a position.
  const tree = fromParse5(parse(html)) as Root;
  const aliases = new Set<string>();
  replaceFormulas(tree, aliases);
  const { bodies, sorts, body } = marked(tree);
  const words: string[] = [];
  for (const el of bodies) {
    const meta = String(el.properties['dataPagefindMeta'] ?? '');
    const title = /^title:([\s\S]*)$/.exec(meta);
    if (title && bodies.length > 1) {
      delete el.properties['dataPagefindBody'];
      words.push(title[1]!);
    } else words.push(plainText(el));
  }
  for (const el of sorts) delete el.properties['dataPagefindSort'];
  const shown = words.flatMap(textWords);
  for (const alias of spellingAliasesOf(shown, aliasOf)) aliases.add(alias);
  if (body && aliases.size > 0 && !('dataPagefindBody' in body.properties)) {
    const field: ElementContent = {
      type: 'element',
      tagName: 'span',
      properties: { dataPagefindMeta: 'alias', hidden: true },
      children: [{ type: 'text', value: [...aliases].join(' ') }],
    };
    body.children.push(field);
  }
  return { html: toHtml(tree), words: shown.map(cachedSearchForm) };
}

export const indexableHtml = (html: string): string => indexablePage(html).html;
