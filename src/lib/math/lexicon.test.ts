import assert from 'node:assert/strict';
import katex from 'katex';
import { test } from 'node:test';
import { COMMANDS } from './lexicon.ts';

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
      return name === 'left' ? '\\left( x \\right)' : name === 'right' ? '\\left( x \\right)' : `\\${name}( x`;
    default:
      return `x \\${name} y`;
  }
}

test('every command the restorer may write is one KaTeX knows', () => {
  for (const [name, info] of COMMANDS) {
    assert.doesNotThrow(() => katex.renderToString(sample(name, info.cls), { throwOnError: true, strict: 'ignore' }), name);
  }
});

test('no one-letter names and no KaTeX-only spellings', () => {
  for (const name of COMMANDS.keys()) assert.ok(name.length >= 2, name);
  for (const name of ['argmin', 'argmax', 'Alpha', 'Re', 'Im', 'S', 'P']) assert.equal(COMMANDS.has(name), false, name);
});
