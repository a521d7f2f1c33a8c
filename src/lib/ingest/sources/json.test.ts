import assert from 'node:assert/strict';
import { test } from 'node:test';
import { JsonSyntaxError, member, parseJson, toPlain } from './json.ts';

const VALID = [
  '[]',
  '{}',
  ' [ 1 , -2.5e3 , 0 , 1E+2, -0, 0.125 ] ',
  '{"a": {"b": [true, false, null]}, "c": "d"}',
  '"\\u00e9\\n\\t\\"\\\\\\/\\b\\f\\r"',
  '"\\ud83d\\ude00 and a lone \\ud800"',
  '{"a": 1, "a": 2}',
  '{"__proto__": {"x": 1}}',
  '\r\n\t[\n{"title": "x"}\n]\n',
  '123',
  '"é 😀"',
];

test('valid JSON parses to what JSON.parse gives', () => {
  for (const text of VALID) assert.deepEqual(toPlain(parseJson(text)), JSON.parse(text), text);
});

test('invalid JSON is refused, as by JSON.parse, at the offset of the fault', () => {
  // Offsets are where jsonc-parser places the fault: the token it could not take.
  const cases: [string, number, RegExp][] = [
    ['', 0, /expected a JSON value, found the end of the file/],
    ['[1,2', 4, /expected ',' or ']' after an array element, found the end of the file/],
    ['[\n{"a":}]', 7, /expected a JSON value, found '\}'/],
    ['[\n{"a":1,}]', 9, /expected a property name in double quotes, found '\}'/],
    ['{"a" 1}', 5, /expected ':' after a property name, found '1'/],
    ['{"a":1 "b":2}', 7, /expected ',' or '\}' after a property value, found '"'/],
    ['["abc', 1, /a string is not closed/],
    ['["a\u0001"]', 3, /control character U\+0001 in a string/],
    ['["a\nb"]', 1, /a string is not closed/],
    ['["\\q"]', 1, /bad escape in a string/],
    ['["\\u12"]', 1, /four hexadecimal digits/],
    ['[01]', 2, /expected ',' or '\]' after an array element, found '1'/],
    ['[1.]', 1, /malformed number: 1\./],
    ['[-]', 1, /expected a JSON value, found '-'/],
    ['[tru]', 1, /expected a JSON value, found 't'/],
    ['[1]x', 3, /found 'x'/],
    ['[1] [2]', 4, /unexpected '\[' after the end of the JSON value/],
    ["['a']", 1, /found '''/],
    ['[NaN]', 1, /found 'N'/],
    ['[1, ]', 4, /expected a JSON value, found '\]'/],
    ['[1] // comment', 4, /a comment: JSON has none/],
  ];
  for (const [text, offset, re] of cases) {
    assert.throws(() => JSON.parse(text), SyntaxError, `JSON.parse accepts ${JSON.stringify(text)}`);
    try {
      parseJson(text);
      assert.fail(`accepted ${JSON.stringify(text)}`);
    } catch (error) {
      assert.ok(error instanceof JsonSyntaxError, String(error));
      assert.equal(error.offset, offset, `${JSON.stringify(text)}: ${error.message}`);
      assert.match(error.message, re);
    }
  }
});

test('a byte-order mark is allowed before the value', () => {
  assert.deepEqual(toPlain(parseJson('\uFEFF[1]')), [1]);
});

test('nodes keep the offsets where values and keys start', () => {
  const text = '[\n  {"title": "x",\n   "paper": {"id": "1"}}\n]';
  const root = parseJson(text);
  assert.equal(root.kind, 'array');
  if (root.kind !== 'array') return;
  const item = root.items[0]!;
  assert.equal(item.start, 4);
  const title = member(item, 'title')!;
  assert.equal(text.slice(title.keyStart, title.keyStart + 7), '"title"');
  assert.equal(text.slice(title.value.start, title.value.start + 3), '"x"');
  assert.equal(member(member(item, 'paper')!.value, 'id')!.value.start, text.indexOf('"1"'));
  assert.equal(member(title.value, 'x'), undefined);
});

test('deep nesting is refused, not a stack overflow', () => {
  assert.throws(
    () => parseJson('['.repeat(100_000)),
    (e: unknown) => e instanceof JsonSyntaxError && /nested more than 512/.test(e.message),
  );
  assert.deepEqual(toPlain(parseJson('['.repeat(500) + ']'.repeat(500))), JSON.parse('['.repeat(500) + ']'.repeat(500)));
});
