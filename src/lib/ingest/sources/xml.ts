/**
 * A namespace-aware element tree over fast-xml-parser, with the line of each element and
 * entities decoded exactly once. Well-formedness is fast-xml-validator's (it reports line and
 * column); what neither library checks, character references and a DOCTYPE, is checked here
 * by hand (checkReferences). Errors are XmlError(line, message). Both libraries are loaded on
 * first use: an ingest of a text digest never needs them.
 */
import { createRequire } from 'node:module';
import type * as FastXmlParser from 'fast-xml-parser';
import type * as FastXmlValidator from 'fast-xml-validator';
import { decodeEntities as decode, isXmlChar } from '../../text/entities.ts';
import { LineIndex } from './text.ts';

const decodeEntities = (text: string): string => decode(text, 'xml');

const require = createRequire(import.meta.url);
let libraries: { parser: typeof FastXmlParser; validator: typeof FastXmlValidator } | undefined;
const xmlLibraries = (): NonNullable<typeof libraries> =>
  (libraries ??= {
    parser: require('fast-xml-parser') as typeof FastXmlParser,
    validator: require('fast-xml-validator') as typeof FastXmlValidator,
  });

/** A fault fast-xml-validator found, as it throws it (its class's name is minified in the build Node loads). */
interface ValidationFault {
  message: string;
  code: string;
  line?: number;
  col?: number;
}

const isValidationFault = (error: unknown): error is ValidationFault =>
  error instanceof Error && typeof (error as { code?: unknown }).code === 'string' && 'line' in error;

export interface XmlElement {
  /** Namespace URI ('' for none) and local name. */
  ns: string;
  local: string;
  /** The name as written, with its prefix. */
  qname: string;
  /** Attributes by name as written (prefix included), values decoded. */
  attrs: ReadonlyMap<string, string>;
  children: XmlNode[];
  /** 1-based line of the start tag. */
  line: number;
}
export type XmlNode = XmlElement | { text: string };

export class XmlError extends Error {
  readonly line: number | undefined;
  constructor(line: number | undefined, message: string) {
    super(message);
    this.name = 'XmlError';
    this.line = line;
  }
}

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** No further occurrence. */
const NONE = -2;
function nextIndex(text: string, ch: string, from: number): number {
  const i = text.indexOf(ch, from);
  return i < 0 ? NONE : i;
}

/**
 * Written by hand, since neither library checks it. Checks what fast-xml-parser lets through: every '&' outside comments and CDATA must start a
 * predefined entity or a reference to an XML character, and no DOCTYPE (its entities would
 * otherwise be expanded: an Atom feed has no use for them).
 */
function checkReferences(text: string, lines: LineIndex): void {
  const where = (i: number): string => `line ${lines.line(i)}, column ${lines.column(i)}`;
  let i = 0;
  let lt = -1;
  let amp = -1;
  while (i < text.length) {
    // Next '<' and '&' at or after i, each searched again only once passed (linear overall).
    if (lt !== NONE && lt < i) lt = nextIndex(text, '<', i);
    if (amp !== NONE && amp < i) amp = nextIndex(text, '&', i);
    if (amp >= 0 && (lt === NONE || amp < lt)) {
      const m = /^&(?:#x([0-9a-fA-F]{1,6})|#([0-9]{1,7})|([A-Za-z_][\w.-]*));/.exec(text.slice(amp, amp + 40));
      if (!m) throw new XmlError(lines.line(amp), `a bare '&' at ${where(amp)}: write it as &amp;`);
      if (m[3] !== undefined && !(m[3] in PREDEFINED)) {
        throw new XmlError(
          lines.line(amp),
          `the entity &${m[3]}; at ${where(amp)} is not defined in XML (only &lt; &gt; &amp; &quot; &apos; and numeric references like &#233; are)`,
        );
      }
      if (m[3] === undefined) {
        const cp = m[1] !== undefined ? parseInt(m[1], 16) : Number(m[2]);
        if (!isXmlChar(cp)) throw new XmlError(lines.line(amp), `the character reference ${m[0]} at ${where(amp)} is not an XML character`);
      }
      i = amp + m[0].length;
      continue;
    }
    if (lt === NONE) return;
    const from = lt;
    const skipTo = (end: string): number => {
      const close = text.indexOf(end, from);
      return close < 0 ? text.length : close + end.length;
    };
    if (text.startsWith('<!--', from)) i = skipTo('-->');
    else if (text.startsWith('<![CDATA[', from)) i = skipTo(']]>');
    else if (text.startsWith('<?', from)) i = skipTo('?>');
    else if (/^<!DOCTYPE/i.test(text.slice(from, from + 9)))
      throw new XmlError(lines.line(from), `a DOCTYPE at ${where(from)}: an Atom feed has none, and its entities are not expanded`);
    else i = from + 1;
  }
}

type Raw = Record<string, unknown>;

/**
 * Parses an XML document into its root element. The document must be well-formed, with one
 * root element and namespace prefixes that are declared.
 */
export function parseXml(text: string): XmlElement {
  const lines = new LineIndex(text);
  checkReferences(text, lines);
  const { parser: fxp, validator: fxv } = xmlLibraries();
  try {
    fxv.SyntaxValidator.validate(text, { allowBooleanAttributes: false });
  } catch (error) {
    if (!isValidationFault(error)) throw error;
    const { message, line, col } = error;
    const unclosed = /^Invalid '\[(.*)\]' found\.$/s.exec(message);
    if (unclosed)
      throw new XmlError(
        lines.line(text.length),
        `invalid XML: elements not closed at the end of the file: ${unclosed[1]!.replace(/\s+/g, '')}`,
      );
    throw new XmlError(line, `invalid XML${col === undefined ? '' : ` (column ${col})`}: ${message.replace(/\.$/, '')}`);
  }
  const parser = new fxp.XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    allowBooleanAttributes: false,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    processEntities: false,
    cdataPropName: '#cdata',
    commentPropName: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    captureMetaData: true,
    maxNestedTags: 200,
  });
  let raw: Raw[];
  try {
    raw = parser.parse(text) as Raw[];
  } catch (error) {
    throw new XmlError(undefined, `invalid XML: ${(error as Error).message}`);
  }
  const meta = fxp.XMLParser.getMetaDataSymbol() as unknown as symbol;
  const startOf = (node: Raw): number | undefined =>
    ((node as Record<symbol, unknown>)[meta] as { startIndex?: number } | undefined)?.startIndex;

  const nameOf = (node: Raw): string | undefined => Object.keys(node).find((k) => k !== ':@');

  const build = (node: Raw, name: string, scope: ReadonlyMap<string, string>): XmlElement => {
    const rawAttrs = (node[':@'] ?? {}) as Record<string, string>;
    const attrs = new Map<string, string>();
    let inner: Map<string, string> | undefined;
    for (const [k, v] of Object.entries(rawAttrs)) {
      const value = decodeEntities(String(v));
      attrs.set(k, value);
      if (k === 'xmlns' || k.startsWith('xmlns:')) {
        inner ??= new Map(scope);
        inner.set(k === 'xmlns' ? '' : k.slice(6), value);
      }
    }
    const here = inner ?? scope;
    const start = startOf(node);
    const line = start === undefined ? 0 : lines.line(start);
    const colon = name.indexOf(':');
    const prefix = colon < 0 ? '' : name.slice(0, colon);
    const local = colon < 0 ? name : name.slice(colon + 1);
    const ns = here.get(prefix);
    if (ns === undefined) throw new XmlError(line || undefined, `the namespace prefix "${prefix}" of <${name}> is not declared`);
    const children: XmlNode[] = [];
    const kids = node[name];
    if (Array.isArray(kids)) {
      for (const kid of kids as Raw[]) {
        const kidName = nameOf(kid);
        if (kidName === undefined) continue;
        if (kidName === '#text') children.push({ text: decodeEntities(String(kid[kidName])) });
        else if (kidName === '#cdata') children.push({ text: textOfRaw(kid[kidName]) });
        else children.push(build(kid, kidName, here));
      }
    }
    return { ns, local, qname: name, attrs, children, line };
  };

  const elements = raw.filter((n) => {
    const name = nameOf(n);
    return name !== undefined && name !== '#text' && name !== '#cdata' && !name.startsWith('?');
  });
  const root = elements[0];
  if (root === undefined) throw new XmlError(undefined, 'the XML has no root element');
  if (elements.length > 1) {
    const second = elements[1]!;
    const at = startOf(second);
    throw new XmlError(
      at === undefined ? undefined : lines.line(at),
      `a second root element <${nameOf(second)}>: an XML document has one root`,
    );
  }
  return build(
    root,
    nameOf(root)!,
    new Map([
      ['', ''],
      ['xml', XML_NS],
    ]),
  );
}

function textOfRaw(value: unknown): string {
  if (!Array.isArray(value)) return '';
  return (value as Raw[]).map((v) => String(v['#text'] ?? '')).join('');
}

/** The child elements of an element with this namespace and local name. */
export function childrenNamed(el: XmlElement, ns: string, local: string): XmlElement[] {
  return el.children.filter((c): c is XmlElement => 'local' in c && c.ns === ns && c.local === local);
}

export function childNamed(el: XmlElement, ns: string, local: string): XmlElement | undefined {
  return childrenNamed(el, ns, local)[0];
}

/** All the text inside an element, its descendants' included, as written (entities decoded). */
export function textContent(el: XmlElement): string {
  return el.children.map((c) => ('text' in c ? c.text : textContent(c))).join('');
}
