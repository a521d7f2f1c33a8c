import assert from 'node:assert/strict';
import katex from 'katex';
import { test } from 'node:test';
import { ALL_COMMANDS, COMMANDS, withRole } from './commands.ts';
import { texToPlain } from './plain.ts';

/** Each command with what it needs to stand in a formula. */
function sample(name: string, cls: string): string {
  switch (cls) {
    case 'accent':
    case 'font':
    case 'sqrt':
      return `\\${name}{x}`;
    case 'frac':
      return `\\${name}{x}{y}`;
    case 'sizer':
      return name === 'left' || name === 'right'
        ? '\\left( x \\right)'
        : name === 'middle'
          ? '\\left( x \\middle| y \\right)'
          : `\\${name}( x`;
    default:
      return `x \\${name} y`;
  }
}

test('every command in the table is one KaTeX knows', () => {
  for (const [name, info] of ALL_COMMANDS) {
    assert.doesNotThrow(() => katex.renderToString(sample(name, info.cls), { throwOnError: true, strict: 'ignore' }), name);
  }
});

test('the restorer writes no one-letter names and no KaTeX-only spellings', () => {
  for (const name of COMMANDS.keys()) assert.ok(name.length >= 2, name);
  for (const name of ['argmin', 'argmax', 'Alpha', 'Re', 'Im', 'S', 'P']) assert.equal(COMMANDS.has(name), false, name);
  assert.ok(ALL_COMMANDS.has('argmin'), "plain text still reads \\argmin in authors' TeX");
});

test('every symbol the restorer can write reads as Unicode in plain text, not as its name', () => {
  for (const [name, c] of COMMANDS) {
    if (c.cls === 'op' && c.unicode === undefined) continue; // operator names are upright words: log, max
    if (c.cls === 'sizer' || c.cls === 'font' || c.cls === 'frac' || c.cls === 'sqrt') continue;
    const plain = texToPlain(sample(name, c.cls));
    assert.ok(!plain.includes(name), `${name} → ${plain}`);
    assert.ok(!/\\/.test(plain), name);
  }
  assert.equal(texToPlain('f: X \\hookrightarrow Y'), 'f: X ↪ Y');
});

test('roles sit on the kinds they are for', () => {
  const kinds = (role: Parameters<typeof withRole>[0], allowed: string[]): void => {
    for (const name of withRole(role)) assert.ok(allowed.includes(COMMANDS.get(name)?.cls ?? ''), `${role}: ${name}`);
  };
  kinds('applies', ['op']);
  kinds('after-var', ['op']);
  kinds('glues', ['rel', 'bin']);
  kinds('before-num', ['rel', 'bin']); // (bin: the signs ±, ∓)
  kinds('set-before', ['rel']);
  kinds('set-after', ['rel', 'bin']);
  kinds('prefix', ['greek', 'ord', 'rel']);
  kinds('script', ['ord', 'bin', 'rel']);
  for (const c of ALL_COMMANDS.values()) assert.equal(c.operator, c.cls === 'op' || c.cls === 'bin' || c.cls === 'rel', c.name);
});
