import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toTex } from './to-tex.ts';

test('backslashes on command names, whitespace as it was', () => {
  assert.equal(
    toTex('mathcal O_i(u) = sigmaleft( sum_j mathcal W_{ij} u + mathcal B_{ij}right)'),
    '\\mathcal O_i(u) = \\sigma\\left( \\sum_j \\mathcal W_{ij} u + \\mathcal B_{ij}\\right)',
  );
  assert.equal(
    toTex('Oleft(left(dB_Lright)^{max{p log(1/ epsilon), p^{log(1/epsilon)}}}right)'),
    'O\\left(\\left(dB_L\\right)^{\\max\\{p \\log(1/ \\epsilon), p^{\\log(1/\\epsilon)}\\}}\\right)',
  );
});

test('nested braced commands', () => {
  assert.equal(toTex('mathcal{O}(mathcal{C_{Phi circ Psi}/n})'), '\\mathcal{O}({\\mathcal{C}_{\\Phi \\circ \\Psi}/n})');
  assert.equal(toTex('frac{a{b}+1}'), '{\\frac{a}{b}+1}');
  assert.equal(toTex('sqrt{T}'), '\\sqrt{T}');
  assert.equal(toTex('frac{a}'), null, 'a \\frac without its second argument cannot be written');
});

test('braces: groups, escaped sets, \\left\\{', () => {
  // A group glued to a symbol is what a lost \frac left: shown as the digest showed it, not as εd.
  assert.equal(toTex('epsilon{d}cdot x'), '\\epsilon\\{d\\}\\cdot x');
  assert.equal(toTex('1{2} + x_{i}{n}'), '1\\{2\\} + x_{i}\\{n\\}');
  assert.equal(toTex('{O}(T) + max{p, q}'), '{O}(T) + \\max\\{p, q\\}');
  assert.equal(toTex('{1, dots, L}'), '\\{1, \\dots, L\\}');
  assert.equal(toTex('left{x right}'), '\\left\\{x \\right\\}');
  assert.equal(toTex('x_{in}'), 'x_{in}');
  assert.equal(toTex('{x'), null);
});

test('bars and reals', () => {
  assert.equal(toTex('|x|_2 + |y|'), '\\|x\\|_2 + \\|y\\|');
  assert.equal(toTex('|x| + |y|'), '|x| + |y|');
  assert.equal(toTex('|nabla f(x)|^2'), '\\|\\nabla f(x)\\|^2');
  assert.equal(toTex('R^2 + xin R'), 'R^2 + x\\in \\mathbb{R}');
  assert.equal(toTex('R^d times R^d'), '\\mathbb{R}^d \\times R^d');
});

test('sets after a relation or before an index, script symbols, old font switches', () => {
  assert.equal(toTex('nin{4,5,6}'), 'n\\in\\{4,5,6\\}');
  assert.equal(toTex('{m_i}_{i=1}^M'), '\\{m_i\\}_{i=1}^M');
  assert.equal(toTex('x^{2}_{i}'), 'x^{2}_{i}');
  assert.equal(toTex('K_{star}'), 'K_{\\star}');
  assert.equal(toTex('x_{in}'), 'x_{in}');
  assert.equal(toTex('{cal O}(N^2)'), '{\\cal O}(N^2)');
  assert.equal(toTex('Omega_{rm m}'), '\\Omega_{\\rm m}');
});
