/** restoreMath, rule by rule, on damaged text (formulas shown in $...$, emphasis in *...*). */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { segmentsAsMarkdown } from '../../../test/support/restored-markdown.ts';
import { restoreMath } from './restore.ts';

const md = (text: string): string => segmentsAsMarkdown(restoreMath(text).segments);

const same = (text: string): void => assert.equal(md(text), text, text);

describe('glued command names get their backslashes back', () => {
  test('commands glued to commands and to variables', () => {
    assert.equal(md('defined by sigmaleft( sum_j u_j right).'), 'defined by $\\sigma\\left( \\sum_j u_j \\right)$.');
    assert.equal(md('Given a matrix Ain R^{ntimes d} and'), 'Given a matrix $A\\in \\mathbb{R}^{n\\times d}$ and');
    assert.equal(md('a matrix S with mll n and'), 'a matrix S with $m\\ll n$ and');
    assert.equal(md('with m=epsilon^{-2}dlog^3(n/delta) such'), 'with $m=\\epsilon^{-2}d\\log^3(n/\\delta)$ such');
    assert.equal(md('when C_{Phicirc Psi} > C_Psi.'), 'when $C_{\\Phi\\circ \\Psi} > C_\\Psi$.');
    assert.equal(md('an additional 10sim100times speed-up'), 'an additional $10\\sim100\\times$ speed-up');
    assert.equal(md('a sample size of widetildeTheta(d^4).'), 'a sample size of $\\widetilde\\Theta(d^4)$.');
    assert.equal(md('in time O(ndlog n).'), 'in time $O(nd\\log n)$.');
    assert.equal(md('for gamma=Theta(loglog n) is'), 'for $\\gamma=\\Theta(\\log\\log n)$ is');
  });

  test('a `!` glued on both sides was the thin space \\!, a doubled comma `,\\,` (English writes neither)', () => {
    assert.equal(md('the density f(x)!propto!|x|^{-lambda} holds'), 'the density $f(x)\\!\\propto\\!|x|^{-\\lambda}$ holds');
    assert.equal(md('we find β(τ)!propto!τ^γ here'), 'we find $β(τ)\\!\\propto\\!τ^γ$ here');
    same('Wow! Great, and Yahoo!Japan has n! ways.');
    assert.equal(md('the pair (c/(1-ax^{c}),, c x^{c}) holds'), 'the pair $(c/(1-ax^{c}),\\, c x^{c})$ holds');
  });

  test('argmin is \\arg\\min, as authors write it', () => {
    assert.equal(md('where x^*=argmin_{xin R^d}|Ax-b|_2.'), 'where $x^*=\\arg\\min_{x\\in \\mathbb{R}^d}\\|Ax-b\\|_2$.');
  });

  test('English words that split into commands stay words', () => {
    for (const s of [
      'It is well known that a full model is at least as fast as the last one.',
      'At this point, we call the null model and log in to the main bin.',
      'The meta-learner maps into a tone of amid the island, begin or login.',
      'We rely on cosine similarity, a single sine wave and simple timesteps.',
    ])
      same(s);
  });
});

describe('scripts, braces and delimiters', () => {
  test('sub- and superscripts with a math base', () => {
    assert.equal(md('with ell_infty guarantees: finding'), 'with $\\ell_\\infty$ guarantees: finding');
    assert.equal(md('where L^* is the loss'), 'where $L^*$ is the loss');
    assert.equal(md('the network function f_theta (which maps'), 'the network function $f_\\theta$ (which maps');
    assert.equal(md('Here, mathcal W_{ij} denotes'), 'Here, $\\mathcal W_{ij}$ denotes');
  });

  test('bars with a subscript are norms; a size keeps its bars', () => {
    assert.equal(md('such that |x-x^*|_infty leq 1 where'), 'such that $\\|x-x^*\\|_\\infty \\leq 1$ where');
    assert.equal(md('costs O(|V|^3) for'), 'costs $O(|V|^3)$ for');
  });

  test('a brace after an operator name, or holding a list, is an escaped brace', () => {
    assert.equal(md('of max{p, q} steps'), 'of $\\max\\{p, q\\}$ steps');
    assert.equal(md('the choice of k in {5, 10, 20} and'), 'the choice of $k \\in \\{5, 10, 20\\}$ and');
  });

  test('a braced command that survived inside another gets its argument back', () => {
    assert.equal(md('risk of mathcal{O}(mathcal{C_Phi/m} + K) for'), 'risk of $\\mathcal{O}({\\mathcal{C}_\\Phi/m} + K)$ for');
    assert.equal(md('for gamma=Theta(frac{loglog n{log d}}) is'), 'for $\\gamma=\\Theta({\\frac{\\log\\log n}{\\log d}})$ is');
    assert.equal(md('show a {O}(K T^{3/4}) regret'), 'show a ${O}(K T^{3/4})$ regret');
  });

  test('R after \\in, : or an arrow is the reals', () => {
    assert.equal(md('where p : R^d rightarrow R is'), 'where $p : \\mathbb{R}^d \\rightarrow \\mathbb{R}$ is');
    assert.equal(md('the R^2 score of f_theta'), 'the $R^2$ score of $f_\\theta$');
  });
});

describe('Greek letters', () => {
  test('a Greek name is a symbol, also before a hyphenated word', () => {
    assert.equal(md('whose parameter omega has'), 'whose parameter $\\omega$ has');
    assert.equal(md('can be epsilon-approximated in the'), 'can be $\\epsilon$-approximated in the');
    assert.equal(md('models Phi and the downstream'), 'models $\\Phi$ and the downstream');
    assert.equal(md('classes Phi, Psi, and m, n are'), 'classes $\\Phi$, $\\Psi$, and m, n are');
  });

  test('names that are also words, brands or models stay text', () => {
    for (const s of [
      'The alpha version and the beta release.',
      'Theta Labs and Omega Research.',
      'Phi-3 and Phi-3.5-mini win.',
      'Our DeltaNet is fast.',
      "Cohen's kappa is 0.8.",
    ])
      same(s);
  });

  test('an ambiguous name the paragraph uses in a formula is a symbol everywhere in it', () => {
    assert.equal(
      md('where kappa = L/mu is fixed. This saves a factor of kappa.'),
      'where $\\kappa = L/\\mu$ is fixed. This saves a factor of $\\kappa$.',
    );
  });
});

describe('numbers with \\sim and \\times', () => {
  test('a relation before a number: $\\sim$3 billion', () => {
    assert.equal(md('up to sim3 billion parameters'), 'up to $\\sim$3 billion parameters');
    assert.equal(md('regions (sim50\\%).'), 'regions ($\\sim$50%).');
  });

  test('numbers glued to \\times', () => {
    assert.equal(md('a 2times speed-up and 12.5times fewer'), 'a $2\\times$ speed-up and $12.5\\times$ fewer');
    assert.equal(md('On ImageNet 256times256, we'), 'On ImageNet $256\\times256$, we');
  });

  test('English times, similar, sim stay', () => {
    same('It is 3 times faster, runs in similar time, and times out rarely.');
    same('Sim2Real and sim-to-real transfer, by 8 times.');
  });
});

describe('single letters where the context makes them clear', () => {
  test('ordinals and dimensions', () => {
    assert.equal(md('the output of the i-th neuron'), 'the output of the $i$-th neuron');
    assert.equal(md('a d-dimensional manifold'), 'a $d$-dimensional manifold');
  });

  test('relations and arithmetic between letters', () => {
    assert.equal(md('which corresponds to k=1, and'), 'which corresponds to $k=1$, and');
    assert.equal(md('the form h = g circ p where'), 'the form $h = g \\circ p$ where');
    assert.equal(md('with T times J neurons'), 'with $T \\times J$ neurons');
    assert.equal(md('proportionally to 1 - t/T, where'), 'proportionally to $1 - t/T$, where');
    assert.equal(md('with probability at least 1-delta.'), 'with probability at least $1-\\delta$.');
  });

  test('a letter the paragraph uses in a formula is a symbol in its prose', () => {
    assert.equal(md('We get O(log T) regret in T steps.'), 'We get $O(\\log T)$ regret in $T$ steps.');
    assert.equal(md('We get O(log x) here; the x-axis shows time.'), 'We get $O(\\log x)$ here; the x-axis shows time.');
    assert.equal(md('We get O(log a) in a day.'), 'We get $O(\\log a)$ in a day.');
  });

  test('a bare letter alone stays text', () => {
    same('We train in T steps with J neurons, as in Appendix B.');
  });
});

describe('English operators', () => {
  test('"in" is \\in only before a set', () => {
    assert.equal(md('a vector x in R^d such'), 'a vector $x \\in \\mathbb{R}^d$ such');
    assert.equal(md('error O(eta) in ell_2, using'), 'error $O(\\eta)$ in $\\ell_2$, using');
    assert.equal(md('points of F in O(epsilon^{-2}) steps'), 'points of F in $O(\\epsilon^{-2})$ steps');
    assert.equal(md('the x^2 in T steps'), 'the $x^2$ in $T$ steps');
  });

  test('operator names before a variable', () => {
    assert.equal(md('scaled by log n.'), 'scaled by $\\log n$.');
    same('We log in, keep a log of runs, and use max pooling.');
  });
});

describe('text-mode TeX becomes what a reader expects', () => {
  test('emphasis, accents, special letters, escapes', () => {
    assert.deepEqual(restoreMath('amounts of {\\em labeled} training data').segments, [
      { kind: 'text', value: 'amounts of ' },
      { kind: 'em', value: 'labeled' },
      { kind: 'text', value: ' training data' },
    ]);
    assert.equal(
      md('the na\\"ive loss, Polyak-\\L ojasiewicz, Erd\\H{o}s, Poincar\\\'e, 90\\% \\& more'),
      'the naïve loss, Polyak-Łojasiewicz, Erdős, Poincaré, 90% & more',
    );
    assert.equal(md('a \\emph {spaced} emphasis'), 'a *spaced* emphasis');
  });

  test('quotes, dashes, ties', () => {
    assert.equal(
      md("the ``sketched'' problem, a mild ''informative'' one, a `single' quote"),
      'the “sketched” problem, a mild “informative” one, a ‘single’ quote',
    );
    assert.equal(md('limited -- most results --- all of them'), 'limited – most results — all of them');
    assert.equal(md('Section~3 of the work'), 'Section\u00a03 of the work');
    same('about ~100 GPUs, a lone ` backtick, and ~/data');
  });

  test('a % and all after it stay: arXiv shows it, so does the page; math after it is restored', () => {
    same('completely novel. %For stochastic methods, we derive that.');
    assert.equal(md('up to 2% and 5 % of 90\\% -- fine'), 'up to 2% and 5 % of 90% – fine');
    same('line one %comment\nline two');
    assert.equal(md('novel. %We get O(log T) regret in T steps.'), 'novel. %We get $O(\\log T)$ regret in $T$ steps.');
  });
});

describe('URLs are never touched', () => {
  test('URLs, bare domains and addresses stay byte for byte', () => {
    same('Code: https://github.com/a_b/c~d--e/x_1^2 and www.x.org/k_i^2.');
    same('See github.com/edwardjhu/TP4 or huggingface.co/x_y/z, or mail first_last@uni.edu.');
  });

  test('math next to a URL is still found', () => {
    assert.equal(md('a gain of O(log T) at https://x.io/a_b'), 'a gain of $O(\\log T)$ at https://x.io/a_b');
  });
});

describe('KaTeX has the last word', () => {
  test('a candidate KaTeX refuses stays text, verbatim, and is reported as lost', () => {
    const r = restoreMath('we get O(n)^^2 here');
    assert.deepEqual(r.lost, ['O(n)^^2']);
    assert.deepEqual(r.rejected, []);
    assert.equal(r.formulas, 0);
    assert.deepEqual(r.segments, [{ kind: 'text', value: 'we get O(n)^^2 here' }]);
  });
});

describe('no formula is written that KaTeX refuses', () => {
  test('a sizer whose partner the formula lacks is written as its delimiter', () => {
    const r = restoreMath('we get sigmaleft(x_i) and more');
    assert.deepEqual(r.lost, []);
    assert.deepEqual(r.segments[1], { kind: 'math', tex: '\\sigma(x_i)' });
  });

  test('a command that needs an argument and has none stays text, reported as lost', () => {
    const r = restoreMath('with sqrt_i of');
    assert.deepEqual(r.lost, ['\\sqrt_i']);
    assert.deepEqual(r.segments, [{ kind: 'text', value: 'with sqrt_i of' }]);
  });
});

describe('Unicode', () => {
  test('text comes out in NFC, and a combining accent keeps its letter in the word', () => {
    assert.deepEqual(restoreMath('cafe\u0301 and x^2, na\u0131ve').segments, [
      { kind: 'text', value: 'café and ' },
      { kind: 'math', tex: 'x^2' },
      { kind: 'text', value: ', naıve' },
    ]);
    assert.equal(md('the e\u0301-th x^2'), 'the é-th $x^2$');
    assert.deepEqual(restoreMath('a $e\u0301$ b').segments[1], { kind: 'math', tex: 'é' });
  });
});

describe('text that already has $...$', () => {
  test('is split, not restored again', () => {
    const r = restoreMath('We use $\\alpha$ and sim3 and ell_infty here.');
    assert.deepEqual(r.segments, [
      { kind: 'text', value: 'We use ' },
      { kind: 'math', tex: '\\alpha' },
      { kind: 'text', value: ' and sim3 and ell_infty here.' },
    ]);
    assert.equal(r.formulas, 1);
  });

  test('a formula with a macro that prints to the console is refused', () => {
    assert.deepEqual(restoreMath('a $\\show x$ b').rejected, ['\\show x']);
  });

  test('its prose TeX is converted; a formula KaTeX refuses is reported and stays a formula (the page shows its marked source)', () => {
    const r = restoreMath('A \\emph{na\\"ive} $x^2^3$ bound, $\\sim$3 billion, costs \\$5.');
    assert.deepEqual(r.rejected, ['x^2^3']);
    assert.deepEqual(r.segments, [
      { kind: 'text', value: 'A ' },
      { kind: 'em', value: 'naïve' },
      { kind: 'text', value: ' ' },
      { kind: 'math', tex: 'x^2^3' },
      { kind: 'text', value: ' bound, ' },
      { kind: 'math', tex: '\\sim' },
      { kind: 'text', value: '3 billion, costs $5.' },
    ]);
  });
});

test('deterministic: the same input gives the same output', () => {
  const text = 'Given Ain R^{ntimes d}, the i-th row, O(log T) regret in T steps, sim3 billion.';
  assert.deepEqual(restoreMath(text), restoreMath(text));
});

test('titles', () => {
  assert.equal(
    md('A Nearly-Optimal Bound for Fast Regression with ell_infty Guarantee'),
    'A Nearly-Optimal Bound for Fast Regression with $\\ell_\\infty$ Guarantee',
  );
  same('Progressive Gradient Flow for Robust N:M Sparsity Training in Transformers');
  same("What's in a Prior? Learned Proximal Networks for Inverse Problems");
});

test("the authors' own text is never restored, even without $...$", () => {
  const text = 'We prove a bound of O(sqrt{n}) for sigma in R^d and alpha_i leq 1.';
  const damaged = restoreMath(text);
  assert.ok(damaged.formulas > 0, 'damaged text of this kind gets formulas');
  const authors = restoreMath(text, { damaged: false });
  assert.equal(authors.formulas, 0);
  assert.equal(authors.restored, 0);
  assert.deepEqual(authors.segments, [{ kind: 'text', value: text }]);
});
