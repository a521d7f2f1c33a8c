/** restoreMath at a formula's edges: Unicode Greek, spaced relations, glued operators, percentages, ranges, names (continued from restore.test.ts). */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { segmentsAsMarkdown } from '../../../test/support/restored-markdown.ts';
import { restoreMath } from './restore.ts';

const md = (text: string): string => segmentsAsMarkdown(restoreMath(text).segments);
const same = (text: string): void => assert.equal(md(text), text, text);

describe('Greek letters typed as Unicode', () => {
  test('are math letters, glued to commands and variables as Latin ones are', () => {
    assert.equal(md('for any βin(0,1) and'), 'for any $β\\in(0,1)$ and');
    assert.equal(md('pairs (varepsilon, δ) hold'), 'pairs $(\\varepsilon, δ)$ hold');
    assert.equal(md('the step t+δ here'), 'the step $t+δ$ here');
    assert.equal(md('where f_φ is'), 'where $f_φ$ is');
  });

  test('glued to a name they are part of it, and an acronym keeps its parameter outside', () => {
    for (const s of ['We scan with μCT and SCμM data.', 'The PFΔ module.']) same(s);
    assert.equal(md('We use TD(λ) updates.'), 'We use TD($λ$) updates.');
  });
});

describe('relations and products between spaced operands', () => {
  test('a relation opening a formula keeps its operand', () => {
    assert.equal(md('the error grows propto gamma^2 as'), 'the error grows $\\propto \\gamma^2$ as');
    assert.equal(md('a gain of sim 1 point'), 'a gain of $\\sim 1$ point');
  });

  test('spaced relations inside parentheses, and relation words between symbols', () => {
    assert.equal(md('a margin (t < 0.001) and'), 'a margin ($t < 0.001$) and');
    // (A p-value or sample size reported in prose stays prose: rules/statistic-label.ts.)
    assert.equal(md('significant (p < 0.001) and'), 'significant (p < 0.001) and');
    assert.equal(md('agreement (kappa > 0.90) was'), 'agreement ($\\kappa > 0.90$) was');
    assert.equal(md('a correlation r approx 0.30 here'), 'a correlation $r \\approx 0.30$ here');
  });

  test('dimensions and plus-minus between numbers', () => {
    assert.equal(md('images of 256 times 256 pixels'), 'images of $256 \\times 256$ pixels');
    assert.equal(md('an error of 0.66 pm 0.03 mm'), 'an error of $0.66 \\pm 0.03$ mm');
  });

  test('English stays English', () => {
    for (const s of ['We met at 5 pm 20 minutes later.', 'It ran 2 times faster, 3 times in a row.', 'A SIM card (in 2 steps) to test.'])
      same(s);
  });
});

describe('an operator glued to its left operand', () => {
  test('takes a lone symbol or number on its right', () => {
    assert.equal(md('uses ktimes k convolutions and 1times 1 ones'), 'uses $k\\times k$ convolutions and $1\\times 1$ ones');
    assert.equal(md('a grid of Ntimes N cells'), 'a grid of $N\\times N$ cells');
  });

  test('English words ending like an operator stay words', () => {
    for (const s of ['A pin A and a kin B, the last 3 and a fast 2.', 'Their gin 4 and tin 5 were on top 3.']) same(s);
  });
});

describe("a bare percent sign after a formula's number", () => {
  test('was \\% in the formula', () => {
    assert.equal(md('a gain of approx 17% here'), 'a gain of $\\approx 17\\%$ here');
    assert.equal(md('regions (sim7.5%).'), 'regions ($\\sim7.5\\%$).');
  });

  test('an escaped one is prose, and so is a percentage without a formula', () => {
    assert.equal(md('regions (sim50\\%).'), 'regions ($\\sim$50%).');
    same('It improves 90% of cases by 5%.');
  });
});

test('a text command left glued to its words is a leftover of a lost command', () => {
  assert.equal(md('by a factor (text{embedding size}{2}) and'), 'by a factor ($\\text{embedding size}\\{2\\}$) and');
  for (const s of ['a plain text{ here', 'the text {of} it', 'see text{a. b}']) same(s);
});

describe('factors, ranges and lone arrows', () => {
  test('a range of factors keeps its hyphen and its "to" in prose', () => {
    assert.equal(md('achieves 41-137times speedup'), 'achieves 41-$137\\times$ speedup');
    assert.equal(md('loss 3times to 20times faster'), 'loss $3\\times$ to $20\\times$ faster');
    assert.equal(md('by 300 to 600times here'), 'by 300 to $600\\times$ here');
  });

  test('an arrow no English has is a formula between words', () => {
    assert.equal(md('improves Satellite rightarrow Drone AP'), 'improves Satellite $\\rightarrow$ Drone AP');
  });

  test('English stays English', () => {
    for (const s of ['It grew from 3 to 5 and then 10-20 times more.', 'We go to the left and in the top.']) same(s);
  });
});

test('a script on an acronym marks a name: only the script is math', () => {
  assert.equal(md('our CDI^s index and BLM_1 model'), 'our CDI$^s$ index and BLM$_1$ model');
  assert.equal(md('the F_1 score and x_i'), 'the $F_1$ score and $x_i$');
});

test('a capitalised word after a hyphenated English one is part of a name', () => {
  same('we present Hyb-Agg, a lightweight method');
  assert.equal(md('Given a matrix Ain R^{ntimes d} and'), 'Given a matrix $A\\in \\mathbb{R}^{n\\times d}$ and');
});

test('acronyms hyphenated to a formula are names, and a vertical arrow stands alone', () => {
  assert.equal(md('models like pi_0.5-KI and'), 'models like $\\pi_0.5$-KI and');
  assert.equal(md('under PGD-L_{infty} attacks'), 'under PGD-$L_{\\infty}$ attacks');
  assert.equal(md('quality and FID downarrow 49.16%'), 'quality and FID $\\downarrow$ 49.16%');
  for (const s of ['a non-IID split and a KL-based loss', 'the up arrow and the down arrow']) same(s);
});

test('plus-minus glued before a number, or after a percentage', () => {
  assert.equal(md('within (pm5 cm, pm45 degrees) and'), 'within ($\\pm$5 cm, $\\pm$45 degrees) and');
  assert.equal(md('agreements of 42.9% pm 35.6% for'), 'agreements of $42.9\\% \\pm 35.6\\%$ for');
  for (const s of ['We meet at 5pm today, or 10% pm 3 hours later.']) same(s);
});

describe('what the rules of TeX and of prose settle at a formula edge', () => {
  test('a script without braces takes one character: X_1X_2 is two scripted symbols', () => {
    assert.equal(md('synergy, e.g. Y=X_1X_2) to 0'), 'synergy, e.g. $Y=X_1X_2$) to 0');
    // (A power inside a name keeps the name whole.)
    assert.equal(md('the SD^2M module'), 'the SD^2M module');
  });
  test('a colon after an acronym ends a clause; after a symbol it is an operator', () => {
    assert.equal(md('the same PDE: vequiv 0 recovers'), 'the same PDE: $v\\equiv 0$ recovers');
    assert.equal(md('a map f: X to Y here'), 'a map $f: X \\to Y$ here');
  });
  test('a relation glued after a variable may open its operand command', () => {
    assert.equal(md('a model s_isimmathcal N(mu,sigma^2) we'), 'a model $s_i\\sim\\mathcal N(\\mu,\\sigma^2)$ we');
  });
  test('a number glued to an operator name applied to a bracket', () => {
    assert.equal(md('then 0.8145ln(d) here, not 5min'), 'then $0.8145\\ln(d)$ here, not 5min');
  });
});

test('a dash between two formulas is prose between them', () => {
  assert.equal(md('it is 2times--3times faster'), 'it is $2\\times$–$3\\times$ faster');
});
