import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { readSeedPapers } from '../../../../test/support/seed-papers.ts';
import { assignTopics, MAX_TOPICS, parseTopicFile, type TopicDef } from './assign.ts';
import { loadTopics } from './load.ts';

const TOPICS_DIR = fileURLToPath(new URL('../../../../test/fixtures/seed/topics', import.meta.url));

// --- parseTopicFile -----------------------------------------------------------

const VALID = `
name: Neural operators
description: Learning solution operators of PDEs.
keywords:
  neural operator: 5
  deeponet: 4
  navier stokes: -1.5
`;

describe('parseTopicFile', () => {
  it('parses a valid file', () => {
    const def = parseTopicFile(VALID, 'neural-operators');
    assert.equal(def.slug, 'neural-operators');
    assert.equal(def.name, 'Neural operators');
    assert.equal(def.description, 'Learning solution operators of PDEs.');
    assert.deepEqual(def.keywords, [
      { phrase: 'neural operator', weight: 5 },
      { phrase: 'deeponet', weight: 4 },
      { phrase: 'navier stokes', weight: -1.5 },
    ]);
  });

  const bad: [string, string, string, RegExp][] = [
    ['bad slug', VALID, 'Neural_Operators', /slug must be/],
    ['broken YAML', 'name: [unclosed', 'x', /topic "x": invalid YAML/],
    ['not a mapping', '- a\n- b', 'x', /expected a mapping/],
    ['missing name', 'description: d\nkeywords: {a: 1}', 'x', /"name" must be a non-empty string/],
    ['empty description', "name: n\ndescription: '  '\nkeywords: {a: 1}", 'x', /"description" must be a non-empty string/],
    ['unknown field', `${VALID}\ncolour: red`, 'x', /unknown field "colour"/],
    ['keywords as list', 'name: n\ndescription: d\nkeywords: [a, b]', 'x', /"keywords" must be a mapping/],
    ['no keywords', 'name: n\ndescription: d\nkeywords: {}', 'x', /"keywords" is empty/],
    ['string weight', 'name: n\ndescription: d\nkeywords: {pde: high}', 'x', /keyword "pde" needs a non-zero number weight/],
    ['zero weight', 'name: n\ndescription: d\nkeywords: {pde: 0}', 'x', /keyword "pde" needs a non-zero/],
    ['huge weight', 'name: n\ndescription: d\nkeywords: {pde: 50}', 'x', /between -10 and 10/],
    ['stop-word phrase', 'name: n\ndescription: d\nkeywords: {the of: 2}', 'x', /keyword "the of" has only stop words/],
    [
      'duplicate after stemming',
      'name: n\ndescription: d\nkeywords: {operator: 2, operators: 1}',
      'x',
      /keywords "operator" and "operators" match the same words/,
    ],
    ['duplicate key', 'name: n\nname: m\ndescription: d\nkeywords: {a: 1}', 'x', /invalid YAML/],
  ];
  for (const [what, text, slug, message] of bad) {
    it(`rejects ${what}`, () => assert.throws(() => parseTopicFile(text, slug), message));
  }
});

// --- assignTopics ----------------------------------------------------------------

function def(slug: string, keywords: Record<string, number>, description = `About ${slug}.`): TopicDef {
  return { slug, name: slug, description, keywords: Object.entries(keywords).map(([phrase, weight]) => ({ phrase, weight })) };
}

describe('assignTopics', () => {
  const defs = [
    def('operators', { 'neural operator': 5, pde: 2 }),
    def('diffusion', { 'diffusion model': 5, 'score matching': 4 }),
    def('quantization', { quantization: 6, 'low bit': 3 }),
    def('theory', { 'generalization bound': 4, 'sample complexity': 4 }, 'Generalization bounds and statistical learning theory.'),
  ];

  it('ranks by score, title matches weigh more', () => {
    const abs = 'A diffusion model, then another diffusion model. A neural operator, then a neural operator on PDE data.';
    assert.deepEqual(assignTopics(defs, 'Neural Operators for PDEs', abs), ['operators', 'diffusion']);
    assert.deepEqual(assignTopics(defs, 'Diffusion Models in Practice', abs), ['diffusion', 'operators']);
  });

  it('drops topics below the minimum score', () => {
    const t = assignTopics(defs, 'Low-bit quantization of transformers', 'Quantization to low bit widths. A PDE is mentioned once.');
    assert.deepEqual(t, ['quantization']);
  });

  it('returns at most three topics', () => {
    const many = [...defs, def('extra', { transformer: 5 })];
    const title = 'Neural operator diffusion model quantization transformer with generalization bound';
    const t = assignTopics(many, title, title);
    assert.equal(t.length, MAX_TOPICS);
  });

  it('falls back to the best weak topic, then to description overlap', () => {
    assert.deepEqual(assignTopics(defs, 'A note', 'One PDE appears here.'), ['operators']);
    assert.deepEqual(assignTopics(defs, 'Statistical learning', 'Nothing from any keyword list.'), ['theory']);
    // No overlap at all: first slug, alphabetically.
    assert.deepEqual(assignTopics(defs, '', ''), ['diffusion']);
  });

  it('is deterministic and independent of the order of defs', () => {
    const title = 'Score matching for neural operators';
    const abs = 'A diffusion model and a neural operator, with PDE data.';
    const forward = assignTopics(defs, title, abs);
    assert.deepEqual(assignTopics([...defs].reverse(), title, abs), forward);
    // Equal scores: slug order decides.
    const twins = [def('b-topic', { kernel: 5 }), def('a-topic', { kernel: 5 })];
    assert.deepEqual(assignTopics(twins, 'Kernel', 'kernel'), ['a-topic', 'b-topic']);
  });

  it('rejects an empty topic list', () => {
    assert.throws(() => assignTopics([], 't', 'a'), /no topic definitions/);
  });
});

// --- the real taxonomy on the seed digest ---------------------------------------

describe('the seed taxonomy (test/fixtures/seed/topics) on the seed digest', () => {
  const topics = loadTopics(TOPICS_DIR);
  const papers = readSeedPapers();
  const assigned = papers.map((p) => ({ title: p.title, topics: assignTopics(topics, p.title, p.abstract) }));

  it('loads every topic file', () => {
    assert.ok(topics.length >= 8, `only ${topics.length} topics`);
    assert.deepEqual(
      topics.map((t) => t.slug),
      [...topics.map((t) => t.slug)].sort(),
    );
  });

  it('gives every paper one to three topics', () => {
    assert.equal(papers.length, 49);
    for (const a of assigned) {
      assert.ok(a.topics.length >= 1 && a.topics.length <= 3, `${a.title}: ${a.topics.join(', ')}`);
    }
  });

  it('keeps topics balanced: none over a third of the papers, each used at least twice', () => {
    const counts = new Map(topics.map((t) => [t.slug, 0]));
    for (const a of assigned) for (const t of a.topics) counts.set(t, (counts.get(t) ?? 0) + 1);
    for (const [slug, n] of counts) {
      assert.ok(n <= papers.length / 3, `${slug} has ${n} papers`);
      assert.ok(n >= 2, `${slug} has ${n} papers (unused topics should be dropped)`);
    }
  });

  // The topic a researcher would file each paper under first; the assignment
  // must include it (secondary topics are free to vary with tuning).
  const expected: [string, string][] = [
    ['SNIP:', 'symbolic-regression'],
    ['A Deep Conjugate Direction Method', 'numerical-linear-algebra'],
    ['Text2PDE', 'neural-operators'],
    ['Text2PDE', 'diffusion-generative'],
    ['Learning to Relax', 'numerical-linear-algebra'],
    ['Learning to Relax', 'bandits-online-learning'],
    ['RL on Incorrect Synthetic Data', 'language-models'],
    ['NeuralStagger', 'neural-operators'],
    ['NeuralStagger', 'physics-informed-learning'],
    ['MgNO', 'neural-operators'],
    ['A Simple Approach to Unifying Diffusion', 'diffusion-generative'],
    ['DGNO', 'neural-operators'],
    ['DGNO', 'inverse-problems'],
    ['Efficiently Computing Local Lipschitz', 'robustness-verification'],
    ['On the Provable Advantage of Unsupervised Pretraining', 'learning-theory'],
    ['Learning Hierarchical Polynomials', 'learning-theory'],
    ['PROSE', 'symbolic-regression'],
    ['PROSE', 'neural-operators'],
    ['EControl', 'optimization-methods'],
    ['Grokking', 'training-dynamics'],
    ['A Survey of Quantization', 'efficient-models'],
    ['Neural Tangent Kernel', 'infinite-width-kernels'],
    ['Opening the Blackbox', 'neural-differential-equations'],
    ['Sequential Training of Neural Networks', 'training-dynamics'],
    ['SaRA', 'diffusion-generative'],
    ['SaRA', 'efficient-models'],
    ['How Powerful are Shallow Neural Networks', 'learning-theory'],
    ['Existence, Stability and Scalability of Orthogonal', 'robustness-verification'],
    ['Spectral-Refiner', 'neural-operators'],
    ['More is Better', 'infinite-width-kernels'],
    ['A Neural-Guided Dynamic Symbolic Network', 'symbolic-regression'],
    ['When, Why and How Much', 'training-dynamics'],
    ['Neural Network Approximations of PDEs', 'physics-informed-learning'],
    ['Neural Network Approximations of PDEs', 'learning-theory'],
    ['Contextual Bandits', 'bandits-online-learning'],
    ['Self-Tuning Networks', 'training-dynamics'],
    ['Progressive Gradient Flow', 'efficient-models'],
    ['Feature Learning in Infinite-Width', 'infinite-width-kernels'],
    ['Poseidon', 'neural-operators'],
    ['Understanding Certified Training', 'robustness-verification'],
    ['Wide and Deep Neural Networks', 'infinite-width-kernels'],
    ['Adversarial Adaptive Sampling', 'physics-informed-learning'],
    ['Towards Exact Computation of Inductive Bias', 'learning-theory'],
    ['Training Deep Surrogate Models', 'neural-operators'],
    ['Locally Regularized Neural Differential', 'neural-differential-equations'],
    ['Solving High-Dimensional PDEs with Latent Spectral', 'neural-operators'],
    ['Intrinsic Dimensionality', 'language-models'],
    ["Let's Make Block Coordinate Descent", 'optimization-methods'],
    ['A Nearly-Optimal Bound for Fast Regression', 'numerical-linear-algebra'],
    ['NUPES', 'efficient-models'],
    ["What's in a Prior", 'inverse-problems'],
    ['Constrained Optimization via Exact Augmented Lagrangian', 'optimization-methods'],
    ['PIG:', 'physics-informed-learning'],
    ['Neural Network-Based Score Estimation', 'diffusion-generative'],
    ['Learning Rates as a Function of Batch Size', 'training-dynamics'],
    ['What Can Be Learnt With Wide Convolutional', 'infinite-width-kernels'],
  ];

  it('files every paper under the topic a researcher would expect', () => {
    const covered = new Set<string>();
    for (const [titleStart, slug] of expected) {
      const a = assigned.find((x) => x.title.startsWith(titleStart));
      assert.ok(a, `no seed paper titled "${titleStart}..."`);
      covered.add(a.title);
      assert.ok(a.topics.includes(slug), `"${a.title}" got ${a.topics.join(', ')}; expected ${slug}`);
    }
    assert.equal(covered.size, papers.length, 'every seed paper has an expectation');
  });
});
