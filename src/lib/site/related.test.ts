import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type Related, relatedDocs, relatedDocsScored, type Doc } from './related.ts';
import { readSeedPapers } from '../../../test/support/seed-papers.ts';

// --- seed digest -------------------------------------------------------------

const papers = readSeedPapers();
// Title passed twice: the title is the densest statement of what a paper is about.
const seedDocs: Doc[] = papers.map((p, i) => ({ id: `p${String(i + 1).padStart(2, '0')}`, text: `${p.title}\n${p.title}\n${p.abstract}` }));
const seedRelated = relatedDocs(seedDocs, 5);

function idOf(titleStart: string): string {
  const i = papers.findIndex((p) => p.title.startsWith(titleStart));
  assert.ok(i >= 0, `no seed paper titled "${titleStart}..."`);
  return seedDocs[i]!.id;
}

function relatedTo(titleStart: string): string[] {
  return seedRelated.get(idOf(titleStart)) ?? [];
}

/** `a` lists at least `min` of `others` among its related papers. */
function assertFinds(a: string, others: string[], min = others.length): void {
  const got = relatedTo(a);
  const found = others.filter((o) => got.includes(idOf(o)));
  const names = got.map((id) => papers[Number(id.slice(1)) - 1]!.title.slice(0, 40));
  assert.ok(found.length >= min, `"${a}" related: ${names.join(' | ')}; expected ${min} of ${others.join(', ')}`);
}

describe('relatedDocs on the seed digest', () => {
  it('lists every paper, never itself, at most k, without duplicates', () => {
    assert.equal(seedRelated.size, 49);
    for (const [id, rel] of seedRelated) {
      assert.ok(!rel.includes(id), `${id} lists itself`);
      assert.ok(rel.length <= 5);
      assert.equal(new Set(rel).size, rel.length);
    }
  });

  it('links the neural-operator / PDE-surrogate papers', () => {
    assertFinds('MgNO', ['Spectral-Refiner', 'Solving High-Dimensional PDEs with Latent Spectral']);
    assertFinds(
      'Spectral-Refiner',
      ['Solving High-Dimensional PDEs with Latent Spectral', 'MgNO', 'Poseidon', 'Training Deep Surrogate'],
      2,
    );
    assertFinds('Poseidon', ['Training Deep Surrogate', 'Spectral-Refiner', 'Solving High-Dimensional PDEs with Latent Spectral'], 2);
    assertFinds('DGNO', ['Solving High-Dimensional PDEs with Latent Spectral', 'PIG', 'Text2PDE', 'NeuralStagger'], 3);
    assertFinds('Text2PDE', ['NeuralStagger', 'Solving High-Dimensional PDEs with Latent Spectral', 'Training Deep Surrogate']);
    assertFinds('Training Deep Surrogate', ['Poseidon', 'Text2PDE', 'NeuralStagger'], 2);
  });

  it('links the physics-informed papers', () => {
    assertFinds('PIG', ['Adversarial Adaptive Sampling', 'DGNO', 'Text2PDE']);
    assert.equal(relatedTo('Adversarial Adaptive Sampling')[0], idOf('PIG'));
  });

  it('links the symbolic-regression papers', () => {
    assertFinds('SNIP', ['A Neural-Guided Dynamic Symbolic Network', 'PROSE']);
    assertFinds('A Neural-Guided Dynamic Symbolic Network', ['PROSE', 'SNIP']);
    assertFinds('PROSE', ['A Neural-Guided Dynamic Symbolic Network', 'SNIP']);
  });

  it('links other clear pairs, best first', () => {
    assert.equal(relatedTo('Opening the Blackbox')[0], idOf('Locally Regularized Neural Differential'));
    assert.equal(relatedTo('Neural Tangent Kernel')[0], idOf('Feature Learning in Infinite-Width'));
    assert.equal(relatedTo('A Survey of Quantization')[0], idOf('NUPES'));
    assert.equal(relatedTo('Understanding Certified Training')[0], idOf('Efficiently Computing Local Lipschitz'));
    assert.equal(relatedTo('Learning Rates as a Function of Batch Size')[0], idOf('When, Why and How Much'));
    assertFinds('Learning to Relax', ['A Deep Conjugate Direction Method', 'Contextual Bandits with Online Neural Regression']);
  });

  it('does not force unrelated papers in', () => {
    // Nothing else in the digest is about RL for LLM reasoning.
    assert.deepEqual(relatedTo('RL on Incorrect Synthetic Data'), []);
  });

  it('reports scores best first, above the minimum', () => {
    for (const list of relatedDocsScored(seedDocs, 5).values()) {
      for (let i = 0; i < list.length; i++) {
        assert.ok(list[i]!.score >= 0.09 && list[i]!.score <= 1 + 1e-9);
        if (i > 0) assert.ok(list[i - 1]!.score >= list[i]!.score);
      }
    }
  });
});

// --- behaviour ----------------------------------------------------------------

describe('relatedDocs behaviour', () => {
  it('is deterministic and independent of input order', () => {
    const again = relatedDocs(seedDocs, 5);
    assert.deepEqual([...again], [...seedRelated]);
    const shuffled = [...seedDocs].reverse();
    const fromShuffled = relatedDocs(shuffled, 5);
    assert.deepEqual(
      [...fromShuffled.keys()],
      shuffled.map((d) => d.id),
      'keys follow input order',
    );
    for (const [id, rel] of seedRelated) assert.deepEqual(fromShuffled.get(id), rel);
  });

  it('breaks score ties by id', () => {
    const text = 'multigrid neural operator for turbulent flow';
    const docs = [
      { id: 'c', text },
      { id: 'a', text },
      { id: 'b', text },
      { id: 'z', text: 'quantization of large language models' },
      { id: 'y', text: 'low bit quantization for language models' },
    ];
    // In a five-document corpus a word in three documents is "very common";
    // lift the document-frequency cap so the shared words count.
    const rel = relatedDocs(docs, 5, { minSimilarity: 0.01, maxDfRatio: 1 });
    assert.deepEqual(rel.get('c'), ['a', 'b']);
    assert.deepEqual(rel.get('b'), ['a', 'c']);
    assert.deepEqual(rel.get('z'), ['y']);
  });

  it('respects k and minSimilarity', () => {
    assert.ok([...relatedDocs(seedDocs, 2).values()].every((r) => r.length <= 2));
    assert.ok([...relatedDocs(seedDocs, 0).values()].every((r) => r.length === 0));
    assert.ok([...relatedDocs(seedDocs, 5, { minSimilarity: 1.01 }).values()].every((r) => r.length === 0));
    const disjoint = [
      { id: 'a', text: 'alpha beta gamma' },
      { id: 'b', text: 'delta epsilon zeta' },
    ];
    assert.deepEqual([...relatedDocs(disjoint).values()], [[], []]);
  });

  it('handles empty input, empty texts and rejects bad arguments', () => {
    assert.equal(relatedDocs([]).size, 0);
    assert.deepEqual(relatedDocs([{ id: 'x', text: '' }]).get('x'), []);
    assert.throws(
      () =>
        relatedDocs([
          { id: 'x', text: 'a' },
          { id: 'x', text: 'b' },
        ]),
      /duplicate document id "x"/,
    );
    assert.throws(() => relatedDocs(seedDocs, -1), /k must be/);
  });
});

// --- scale ----------------------------------------------------------------------
// A synthetic corpus: Zipf-distributed filler words plus, for planted pairs, a
// shared set of rare words. Proves the index handles thousands of documents
// and still finds true neighbours; timing is the benchmark's business.

function syntheticCorpus(n: number): Doc[] {
  let seed = 12345;
  const rand = (): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  const syllables = ['ka', 'lo', 'mi', 'ne', 'ru', 'ta', 'vo', 'shi', 'pen', 'dar', 'gul', 'bro', 'fex', 'qua', 'zim', 'tor'];
  const word = (i: number): string => {
    let w = '';
    for (let x = i + 300; x > 0; x = Math.floor(x / 16)) w += syllables[x % 16];
    return w;
  };
  const vocab = 8000;
  const cdf: number[] = [];
  let total = 0;
  for (let i = 0; i < vocab; i++) cdf.push((total += 1 / (i + 1)));
  const draw = (): string => {
    const u = rand() * total;
    let lo = 0;
    let hi = vocab - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    return word(lo);
  };
  const docs: Doc[] = [];
  for (let d = 0; d < n; d++) {
    const ws = Array.from({ length: 200 }, draw);
    // Docs 2i and 2i+1 (for the first 100) share 12 words from a private range.
    if (d < 200) for (let j = 0; j < 12; j++) ws.push(word(vocab + 12 * (d >> 1) + j));
    docs.push({ id: `doc${String(d).padStart(5, '0')}`, text: ws.join(' ') });
  }
  return docs;
}

describe('relatedDocs at scale', () => {
  it('indexes 5,000 documents and finds the planted neighbours', () => {
    const docs = syntheticCorpus(5000);
    const rel = relatedDocs(docs, 5);
    assert.equal(rel.size, 5000);
    for (const [id, list] of rel) {
      assert.ok(list.length <= 5 && !list.includes(id));
    }
    for (let i = 0; i < 100; i++) {
      const a = docs[2 * i]!.id;
      const b = docs[2 * i + 1]!.id;
      assert.equal(rel.get(a)?.[0], b, `${a} should find ${b} first`);
      assert.equal(rel.get(b)?.[0], a, `${b} should find ${a} first`);
    }
  });
});

describe('relatedDocs as a corpus grows', () => {
  // 1,400 papers, then 100 more: what a digest does to the lists of the papers before it.
  const docs = syntheticCorpus(1500);
  const old = docs.slice(0, 1400);
  const idfIds = new Set(old.map((d) => d.id));
  const changedWithoutNewcomer = (before: Map<string, Related[]>, after: Map<string, Related[]>): number =>
    old.filter((d) => {
      const a = before.get(d.id)!.map((r) => r.id);
      const b = after.get(d.id)!.map((r) => r.id);
      return a.join() !== b.join() && b.every((id) => idfIds.has(id));
    }).length;

  it('with the idf of a snapshot, newcomers change no score between two papers before them', () => {
    const before = relatedDocsScored(old, 10, { idfIds, minSimilarity: Number.MIN_VALUE });
    const after = relatedDocsScored(docs, 10, { idfIds, minSimilarity: Number.MIN_VALUE });
    let compared = 0;
    for (const d of old) {
      const was = new Map(before.get(d.id)!.map((r) => [r.id, r.score]));
      for (const r of after.get(d.id)!) {
        if (!was.has(r.id)) continue;
        assert.ok(Math.abs(was.get(r.id)! - r.score) < 1e-12, `${d.id} ~ ${r.id}: ${was.get(r.id)} then ${r.score}`);
        compared++;
      }
    }
    assert.ok(compared > 5000, `only ${compared} pairs compared`);
    // Without the snapshot, every idf moves, and lists reorder with no newcomer in them.
    const moving = changedWithoutNewcomer(
      relatedDocsScored(old, 10, { minSimilarity: Number.MIN_VALUE }),
      relatedDocsScored(docs, 10, { minSimilarity: Number.MIN_VALUE }),
    );
    const frozen = changedWithoutNewcomer(before, after);
    assert.ok(frozen < moving / 2, `old lists changed with no newcomer in them: ${frozen} with the snapshot, ${moving} without`);
  });

  it("a newcomer that crowds a paper out of a term's capped posting list leaves that paper's pairs as they were", () => {
    const before = [
      { id: 'a', text: 'shared shared second' },
      { id: 'b', text: 'shared second filler one two three' },
      { id: 'd', text: 'unrelated words entirely' },
    ];
    // c weighs most on "shared": with two postings a term, b drops out of its list.
    const after = [...before, { id: 'c', text: 'shared shared shared' }];
    const options = { idfIds: new Set(['a', 'b', 'd']), maxPostings: 2, minSimilarity: Number.MIN_VALUE };
    const was = relatedDocsScored(before, 5, options).get('b')!;
    const now = relatedDocsScored(after, 5, options).get('b')!;
    assert.equal(was[0]?.id, 'a');
    assert.equal(now.find((r) => r.id === 'a')?.score, was[0]!.score);
  });
});
