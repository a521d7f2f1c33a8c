/**
 * Strict JSON (RFC 8259, as JSON.parse) into a tree that keeps where each value starts, so that
 * errors in a JSON source can name a line. Parsed by Microsoft's jsonc-parser with comments and
 * trailing commas refused; this module only turns its tree and its first error into the shape
 * and the sentences the sources use. The library is loaded on first use: an ingest of a text
 * digest never needs it.
 */
import { createRequire } from 'node:module';
import type { Node, ParseError } from 'jsonc-parser';

export type JsonNode =
  | { kind: 'object'; start: number; entries: Map<string, { keyStart: number; value: JsonNode }> }
  | { kind: 'array'; start: number; items: JsonNode[] }
  | { kind: 'string'; start: number; value: string }
  | { kind: 'number'; start: number; value: number }
  | { kind: 'boolean'; start: number; value: boolean }
  | { kind: 'null'; start: number };

/** A syntax error at a character offset of the text. */
export class JsonSyntaxError extends Error {
  readonly offset: number;
  constructor(offset: number, message: string) {
    super(message);
    this.name = 'JsonSyntaxError';
    this.offset = offset;
  }
}

const MAX_DEPTH = 512;

type JsoncParser = typeof import('jsonc-parser');
let library: JsoncParser | undefined;
const jsonc = (): JsoncParser => (library ??= createRequire(import.meta.url)('jsonc-parser') as JsoncParser);

/** The library's enums, which its types declare as const enums (not readable under verbatimModuleSyntax); they are objects at run time. */
interface Enums {
  SyntaxKind: Record<'OpenBraceToken' | 'OpenBracketToken' | 'CloseBraceToken' | 'CloseBracketToken' | 'EOF', number>;
  ParseErrorCode: Record<'InvalidCharacter', number>;
}
const enums = (): Enums => jsonc() as unknown as Enums;

/** What an error message calls the character at i. */
function found(text: string, i: number): string {
  if (i >= text.length) return 'the end of the file';
  const cp = text.codePointAt(i)!;
  if (cp < 0x20 || cp === 0x7f) return `the control character U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  return `'${String.fromCodePoint(cp)}'`;
}

/** The sentence for one of jsonc-parser's error codes, at `offset` of `text`. */
function explain(text: string, error: ParseError): string {
  const lib = jsonc();
  const at = found(text, error.offset);
  const code = lib.printParseErrorCode(error.error);
  if (code === 'InvalidCharacter') {
    const control = text.slice(error.offset).search(/[\u0000-\u001f]/);
    return `${found(text, error.offset + Math.max(control, 0))} in a string: write it as an escape such as \\n or \\u0001`;
  }
  switch (code) {
    case 'ValueExpected':
      return `expected a JSON value, found ${at}`;
    case 'PropertyNameExpected':
      return `expected a property name in double quotes, found ${at}`;
    case 'ColonExpected':
      return `expected ':' after a property name, found ${at}`;
    case 'CommaExpected':
    case 'CloseBracketExpected':
    case 'CloseBraceExpected':
      return containerAt(text, error.offset) === '{'
        ? `expected ',' or '}' after a property value, found ${at}`
        : `expected ',' or ']' after an array element, found ${at}`;
    case 'EndOfFileExpected':
      return `unexpected ${at} after the end of the JSON value`;
    case 'InvalidNumberFormat':
    case 'UnexpectedEndOfNumber':
      return `a malformed number: ${text.slice(error.offset, error.offset + Math.max(error.length, 1))}`;
    case 'UnexpectedEndOfString':
      return 'a string is not closed (no ending double quote on its line)';
    case 'InvalidEscapeCharacter':
      return 'bad escape in a string (JSON knows \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)';
    case 'InvalidUnicode':
      return 'a \\u escape needs four hexadecimal digits';
    case 'InvalidCommentToken':
    case 'UnexpectedEndOfComment':
      return 'a comment: JSON has none';
    default:
      return `expected a JSON value, found ${at}`;
  }
}

/** The innermost object ('{') or array ('[') open at `offset`. */
function containerAt(text: string, offset: number): '{' | '[' | undefined {
  const lib = jsonc();
  const { SyntaxKind } = enums();
  const scanner = lib.createScanner(text, true);
  const open: ('{' | '[')[] = [];
  for (let token = scanner.scan(); token !== SyntaxKind.EOF && scanner.getTokenOffset() < offset; token = scanner.scan()) {
    if (token === SyntaxKind.OpenBraceToken) open.push('{');
    else if (token === SyntaxKind.OpenBracketToken) open.push('[');
    else if (token === SyntaxKind.CloseBraceToken || token === SyntaxKind.CloseBracketToken) open.pop();
  }
  return open[open.length - 1];
}

/** Refuses nesting deeper than MAX_DEPTH before the (recursive) parser sees it. */
function checkDepth(text: string): void {
  const lib = jsonc();
  const { SyntaxKind } = enums();
  const scanner = lib.createScanner(text, true);
  let depth = 0;
  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    if (token === SyntaxKind.OpenBraceToken || token === SyntaxKind.OpenBracketToken) depth += 1;
    else if (token === SyntaxKind.CloseBraceToken || token === SyntaxKind.CloseBracketToken) depth -= 1;
    if (depth > MAX_DEPTH) throw new JsonSyntaxError(scanner.getTokenOffset(), `the JSON is nested more than ${MAX_DEPTH} levels deep`);
  }
}

function convert(node: Node): JsonNode {
  const start = node.offset;
  switch (node.type) {
    case 'object': {
      const entries = new Map<string, { keyStart: number; value: JsonNode }>();
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        // A repeated name: the last one wins, as in JSON.parse.
        if (key !== undefined && value !== undefined) entries.set(String(key.value), { keyStart: key.offset, value: convert(value) });
      }
      return { kind: 'object', start, entries };
    }
    case 'array':
      return { kind: 'array', start, items: (node.children ?? []).map(convert) };
    case 'string':
      return { kind: 'string', start, value: String(node.value) };
    case 'number':
      return { kind: 'number', start, value: Number(node.value) };
    case 'boolean':
      return { kind: 'boolean', start, value: node.value === true };
    default:
      return { kind: 'null', start };
  }
}

export function parseJson(given: string): JsonNode {
  // A byte-order mark may stand before the value (as JSON.parse would not have it): a space keeps the offsets.
  const text = given.charCodeAt(0) === 0xfeff ? ` ${given.slice(1)}` : given;
  checkDepth(text);
  const errors: ParseError[] = [];
  const tree = jsonc().parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (first) {
    // The library places a bad character in a string at the string's start: the line is the character's.
    const control = first.error === enums().ParseErrorCode.InvalidCharacter ? text.slice(first.offset).search(/[\u0000-\u001f]/) : -1;
    throw new JsonSyntaxError(first.offset + Math.max(control, 0), explain(text, first));
  }
  if (tree === undefined) throw new JsonSyntaxError(0, `expected a JSON value, found ${found(text, 0)}`);
  return convert(tree);
}

/** A word for the kind of a value, for messages: "an object", "a string", ... */
export function describeJson(node: JsonNode): string {
  switch (node.kind) {
    case 'object':
      return 'an object';
    case 'array':
      return 'an array';
    case 'string':
      return 'a string';
    case 'number':
      return 'a number';
    case 'boolean':
      return node.value ? 'true' : 'false';
    case 'null':
      return 'null';
  }
}

/** The member `key` of an object node, if the node is an object and has it. */
export function member(node: JsonNode | undefined, key: string): { keyStart: number; value: JsonNode } | undefined {
  return node?.kind === 'object' ? node.entries.get(key) : undefined;
}

/** Converts a node to the plain value JSON.parse would give (for tests and debugging). */
export function toPlain(node: JsonNode): unknown {
  switch (node.kind) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of node.entries)
        Object.defineProperty(out, k, { value: toPlain(v.value), enumerable: true, writable: true, configurable: true });
      return out;
    }
    case 'array':
      return node.items.map(toPlain);
    case 'null':
      return null;
    default:
      return node.value;
  }
}
