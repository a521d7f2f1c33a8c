/**
 * KaTeX's markup as hast: the tree rehype-katex inserts and outputProblem (katex.ts) checks,
 * exactly the tree hast-util-from-html-isomorphic gives (parse5, then hast-util-from-parse5).
 *
 * Why not parse5 alone: the ingest checks every formula candidate, and parsing KaTeX's output
 * with parse5 and source positions was about 85% of that check. KaTeX writes a small, regular
 * subset of HTML (its domTree and mathMLTree `toMarkup`: `<tag name="value">`, the five entities
 * of its `escape`, `/>` only on SVG's path and line and MathML's mspace). A formula's markup in
 * that subset is read here by a scanner, and its elements built by hastscript, as
 * hast-util-from-parse5 builds them; markup with anything outside it (another entity, a
 * carriage return, an unknown tag, a tag closed out of order, an HTML element inside MathML...)
 * goes to parse5 itself, without positions. katex-markup.test.ts holds the two readings equal on
 * the seed's, the fixtures' and hostile formulas.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromParse5 } from 'hast-util-from-parse5';
import { h, s } from 'hastscript';
import { parseFragment } from 'parse5';

/** parse5's reading, positions left out: what fromHtmlIsomorphic gives, a third of its time. */
export function parsedKatexHast(html: string): RootContent[] {
  // A document fragment always becomes a root.
  return (fromParse5(parseFragment(html)) as Root).children;
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#x27;': "'" };
/** A character parse5 would rewrite or weigh differently (CR, NUL, other controls), or an entity not KaTeX's. */
const UNUSUAL = /[\0\r\u0001-\u0008\u000b\u000e-\u001f\u007f]|&(?!(?:amp|lt|gt|quot|#x27);)/;
const decode = (text: string): string => (text.includes('&') ? text.replace(/&(?:amp|lt|gt|quot|#x27);/g, (e) => ENTITIES[e]!) : text);

/** The HTML elements KaTeX writes with trust off (its placeholders for \href etc. are spans too). */
const HTML_TAGS = new Set(['span']);
const SVG_TAGS = new Set(['svg', 'path', 'line']);
/** Tags allowed to close themselves: in SVG and MathML (foreign content) `/>` is honoured. */
const SELF_CLOSING = new Set(['path', 'line', 'mspace']);
/**
 * MathML text integration points: parse5 reads an element inside one (`<mo><mover>`, as KaTeX
 * writes `\stackrel`) as an HTML element of that name, which hast makes alike, except that `/>`
 * closes nothing there and HTML's own elements of such names behave as HTML's.
 */
const MATHML_TEXT = new Set(['mi', 'mo', 'mn', 'ms', 'mtext']);
const NOT_GENERIC = new Set(['math', 'main', 'marquee', 'menu', 'meta', 'mglyph', 'malignmark']);
/** SVG attributes parse5 writes in camel case; every other attribute name is lower case. */
const SVG_ATTRIBUTES: Record<string, string> = { viewbox: 'viewBox', preserveaspectratio: 'preserveAspectRatio' };

const TAG = /<(\/?)([a-z][a-z0-9]*)((?:\s+[A-Za-z][A-Za-z0-9-]*\s*=\s*"[^"<]*")*)\s*(\/?)>/y;
const ATTRIBUTE = /\s+([A-Za-z][A-Za-z0-9-]*)\s*=\s*"([^"]*)"/g;

/** Where an element is: HTML, SVG, MathML, or HTML inside a MathML text integration point. */
type Space = 'html' | 'svg' | 'math' | 'mathText';

interface Open {
  tag: string;
  space: Space;
  attributes: Record<string, string>;
  children: ElementContent[];
}

/** The element hast-util-from-parse5 makes of it: hastscript, with SVG's schema inside <svg>. */
function build(open: Open): Element {
  return (open.space === 'svg' ? s : h)(open.tag, open.attributes, open.children);
}

/** The scanner's reading, or undefined where the markup leaves the subset described above. */
export function scannedKatexHast(html: string): RootContent[] | undefined {
  if (UNUSUAL.test(html)) return undefined;
  const top: ElementContent[] = [];
  const stack: Open[] = [];
  let at = 0;
  while (at < html.length) {
    const lt = html.indexOf('<', at);
    const end = lt < 0 ? html.length : lt;
    if (end > at) {
      const parent = stack[stack.length - 1];
      if (parent?.space === 'svg') return undefined;
      (parent ? parent.children : top).push({ type: 'text', value: decode(html.slice(at, end)) });
    }
    if (lt < 0) break;
    TAG.lastIndex = lt;
    const m = TAG.exec(html);
    if (!m) return undefined;
    at = TAG.lastIndex;
    const [, closing, tag, attributeText, selfClosing] = m as unknown as [string, string, string, string, string];
    const parent = stack[stack.length - 1];
    if (closing) {
      if (!parent || parent.tag !== tag || attributeText || selfClosing) return undefined;
      stack.pop();
      const element = build(parent);
      (stack.length > 0 ? stack[stack.length - 1]!.children : top).push(element);
      continue;
    }
    let space: Space;
    if (parent === undefined || parent.space === 'html') {
      if (tag === 'svg') space = 'svg';
      else if (tag === 'math') space = 'math';
      else if (HTML_TAGS.has(tag)) space = 'html';
      else return undefined;
    } else if (parent.space === 'svg') {
      if (!SVG_TAGS.has(tag) || tag === 'svg') return undefined;
      space = 'svg';
    } else {
      if (!(tag === 'semantics' || tag === 'annotation' || /^m[a-z]+$/.test(tag)) || NOT_GENERIC.has(tag)) return undefined;
      space = parent.space === 'mathText' || MATHML_TEXT.has(parent.tag) ? 'mathText' : 'math';
    }
    if (selfClosing && !(SELF_CLOSING.has(tag) && (space === 'svg' || space === 'math'))) return undefined;
    const attributes: Record<string, string> = {};
    for (const a of attributeText.matchAll(ATTRIBUTE)) {
      const lower = a[1]!.toLowerCase();
      const name = space === 'svg' ? (SVG_ATTRIBUTES[lower] ?? lower) : lower;
      if (name !== a[1] || Object.hasOwn(attributes, name) || name in Object.prototype) return undefined;
      attributes[name] = decode(a[2]!);
    }
    const open: Open = { tag, space, attributes, children: [] };
    if (selfClosing) (parent ? parent.children : top).push(build(open));
    else stack.push(open);
  }
  return stack.length === 0 ? top : undefined;
}

/** KaTeX's markup as hast, as rehype-katex makes it (see above). */
export function katexHast(html: string): RootContent[] {
  return scannedKatexHast(html) ?? parsedKatexHast(html);
}
