import assert from 'node:assert/strict';
import { test } from 'node:test';
import { segmentsToPlain, texToPlain } from './plain.ts';

test('formulas as readable Unicode', () => {
  const cases: Record<string, string> = {
    '\\ell_\\infty': 'ℓ∞',
    'A\\in R^{n\\times d}': 'A ∈ R^(n×d)',
    'A\\in \\mathbb{R}^{n\\times d}': 'A ∈ ℝ^(n×d)',
    'm=\\epsilon^{-2}d\\log^3(n/\\delta)': 'm=ε⁻²d log³(n/δ)',
    'O(nd\\log n)': 'O(nd log n)',
    '\\sim': '~',
    '10\\sim100\\times': '10 ~ 100×',
    '\\mathcal O_i(u) = \\sigma\\left( \\sum_j \\mathcal W_{ij} u + \\mathcal B_{ij}\\right)': 'Oᵢ(u) = σ(∑ⱼ Wᵢⱼ u + Bᵢⱼ)',
    '\\|x\\|_2^2': '‖x‖₂²',
    '\\frac{a+b}{2}': '(a+b)/2',
    '\\sqrt{KT}': '√(KT)',
    '\\sqrt[3]{x}': '∛x',
    '\\sqrt[n]{x+1}': 'ⁿ√(x+1)',
    'a \\\\ b': 'a b',
    '\\epsilon\\{d\\}\\cdot x': 'ε{d}·x',
    'f_\\theta': 'f_θ',
    'T^{3/4}': 'T^(3/4)',
    '\\widetilde\\Theta(d^4)': 'Θ̃(d⁴)',
    '\\hat\\mu_1, \\dots, \\hat\\mu_k': 'μ̂₁, …, μ̂ₖ',
    '\\{0,1\\}^n': '{0,1}ⁿ',
    '\\arg\\min_x f': 'arg minₓ f',
    '\\mathrm{poly}(d)': 'poly(d)',
    'p : \\mathbb{R}^d \\rightarrow \\mathbb{R}': 'p : ℝᵈ → ℝ',
  };
  for (const [tex, plain] of Object.entries(cases)) assert.equal(texToPlain(tex), plain, tex);
});

test('never a backslash, whatever the TeX', () => {
  for (const tex of ['\\unknown{x}', '\\\\', '\\', 'a\\', '\\frac{}{', '\\left\\{ x \\right.', '\\text{\\textbackslash}'])
    assert.ok(!texToPlain(tex).includes('\\'), tex);
});

test('segments to plain text', () => {
  assert.equal(
    segmentsToPlain([
      { kind: 'text', value: 'Bounds in ' },
      { kind: 'math', tex: '\\ell_\\infty' },
      { kind: 'text', value: ' for ' },
      { kind: 'em', value: 'naïve' },
      { kind: 'text', value: ' methods' },
    ]),
    'Bounds in ℓ∞ for naïve methods',
  );
});
