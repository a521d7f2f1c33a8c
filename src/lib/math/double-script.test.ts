import assert from 'node:assert/strict';
import { test } from 'node:test';
import { braceDoubleScripts } from './double-script.ts';

test('a second script of one kind on a base gets the lost argument braces back', () => {
  assert.equal(braceDoubleScripts('W^{(l)}^{T}'), '{W^{(l)}}^{T}');
  assert.equal(braceDoubleScripts('x_i_j + y'), '{x_i}_j + y');
  assert.equal(braceDoubleScripts('\\mathcal{O}^a^b'), '{\\mathcal{O}^a}^b');
});

test('formulas TeX reads are left as they are', () => {
  for (const tex of ['x_i^2', 'x^{a^b}', "x'^2", '\\sum_{i=1}^{n} x_i^2', '{x^2}^3', 'e^{-x^2}', 'A_{ij}B^{kl}'])
    assert.equal(braceDoubleScripts(tex), tex);
});

test('a formula written so is marked incomplete', async () => {
  const { restoreMath } = await import('./restore.ts');
  const r = restoreMath('the weights W^{(l)}^{T} here');
  assert.deepEqual(
    r.segments.filter((s) => s.kind === 'math').map((s) => s.tex),
    ['{W^{(l)}}^{T}'],
  );
  assert.equal(r.incomplete, 1);
});
