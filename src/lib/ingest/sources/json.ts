/**
 * A strict JSON parser (RFC 8259, as JSON.parse) that keeps where each value starts, so that
 * errors in a JSON source can name a line: JSON.parse reports no position for some errors.
 */

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
const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** What an error message calls the character at i. */
function found(text: string, i: number): string {
  if (i >= text.length) return 'the end of the file';
  const cp = text.codePointAt(i)!;
  if (cp < 0x20 || cp === 0x7f) return `the control character U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  return `'${String.fromCodePoint(cp)}'`;
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

export function parseJson(text: string): JsonNode {
  let i = 0;

  const skipSpace = (): void => {
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) i += 1;
      else return;
    }
  };

  const parseString = (): string => {
    const open = i;
    i += 1; // the opening quote
    let out = '';
    let from = i;
    for (;;) {
      if (i >= text.length) throw new JsonSyntaxError(open, 'a string is not closed (no ending double quote)');
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        out += text.slice(from, i);
        i += 1;
        return out;
      }
      if (c < 0x20) throw new JsonSyntaxError(i, `${found(text, i)} in a string: write it as an escape such as \\n or \\u${c.toString(16).padStart(4, '0')}`);
      if (c !== 0x5c) {
        i += 1;
        continue;
      }
      out += text.slice(from, i);
      const e = text[i + 1];
      if (e === 'u') {
        const hex = text.slice(i + 2, i + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new JsonSyntaxError(i, 'a \\u escape needs four hexadecimal digits');
        out += String.fromCharCode(parseInt(hex, 16));
        i += 6;
      } else if (e !== undefined && e in ESCAPES) {
        out += ESCAPES[e];
        i += 2;
      } else {
        throw new JsonSyntaxError(i, `bad escape in a string: \\${e ?? ''} (JSON knows \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)`);
      }
      from = i;
    }
  };

  const parseValue = (depth: number): JsonNode => {
    if (depth > MAX_DEPTH) throw new JsonSyntaxError(i, `the JSON is nested more than ${MAX_DEPTH} levels deep`);
    skipSpace();
    const start = i;
    const c = text[i];
    if (c === '{') {
      i += 1;
      const entries = new Map<string, { keyStart: number; value: JsonNode }>();
      skipSpace();
      if (text[i] === '}') {
        i += 1;
        return { kind: 'object', start, entries };
      }
      for (;;) {
        skipSpace();
        if (text[i] !== '"') throw new JsonSyntaxError(i, `expected a property name in double quotes, found ${found(text, i)}`);
        const keyStart = i;
        const key = parseString();
        skipSpace();
        if (text[i] !== ':') throw new JsonSyntaxError(i, `expected ':' after the property name "${key}", found ${found(text, i)}`);
        i += 1;
        const value = parseValue(depth + 1);
        entries.set(key, { keyStart, value }); // a repeated name: the last one wins, as in JSON.parse
        skipSpace();
        if (text[i] === ',') {
          i += 1;
          continue;
        }
        if (text[i] === '}') {
          i += 1;
          return { kind: 'object', start, entries };
        }
        throw new JsonSyntaxError(i, `expected ',' or '}' after a property value, found ${found(text, i)}`);
      }
    }
    if (c === '[') {
      i += 1;
      const items: JsonNode[] = [];
      skipSpace();
      if (text[i] === ']') {
        i += 1;
        return { kind: 'array', start, items };
      }
      for (;;) {
        items.push(parseValue(depth + 1));
        skipSpace();
        if (text[i] === ',') {
          i += 1;
          continue;
        }
        if (text[i] === ']') {
          i += 1;
          return { kind: 'array', start, items };
        }
        throw new JsonSyntaxError(i, `expected ',' or ']' after an array element, found ${found(text, i)}`);
      }
    }
    if (c === '"') return { kind: 'string', start, value: parseString() };
    for (const [word, node] of [['true', { kind: 'boolean', start, value: true }], ['false', { kind: 'boolean', start, value: false }], ['null', { kind: 'null', start }]] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return node;
      }
    }
    NUMBER.lastIndex = i;
    const num = NUMBER.exec(text);
    if (num && num[0] !== '-') {
      i += num[0].length;
      if (/[0-9.eE+-]/.test(text[i] ?? '')) throw new JsonSyntaxError(i, `a malformed number: ${text.slice(start, i + 1)}`);
      return { kind: 'number', start, value: Number(num[0]) };
    }
    throw new JsonSyntaxError(i, `expected a JSON value, found ${found(text, i)}`);
  };

  if (text.charCodeAt(0) === 0xfeff) i = 1;
  const value = parseValue(0);
  skipSpace();
  if (i < text.length) throw new JsonSyntaxError(i, `unexpected ${found(text, i)} after the end of the JSON value`);
  return value;
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
      for (const [k, v] of node.entries) Object.defineProperty(out, k, { value: toPlain(v.value), enumerable: true, writable: true, configurable: true });
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
