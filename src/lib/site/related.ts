// "Related papers": tf-idf cosine similarity over a pruned inverted index.
//
// Why not all pairs: 10,000 papers would be 50M pair scores. Instead each
// paper keeps only its most distinctive terms, every term keeps a posting list
// capped at a constant length, and a paper is scored only against papers that
// share one of those terms. Per-paper work is then bounded by
// maxTermsPerDoc x maxPostings whatever the corpus size, so the whole run
// grows linearly with the number of papers.
//
// The score is the dot product of the two documents' pruned vectors (each
// one's top terms), normalised by the full vectors' lengths: pruning can only
// lower a similarity, never invent one, and sim(a, b) equals sim(b, a) (up to
// rounding). The capped posting lists only choose which pairs are scored: the
// RESCORED best by what their capped lists share. So a newcomer that crowds an
// old paper out of a term's list does not lower that paper's old pairs, and a
// daily digest leaves most old lists as they were (each list is a page to
// render again).
//
// For the same reason the idf, and the cut of stop words and one-off terms,
// can come from a snapshot of the corpus (`idfIds`, related-by-topic.ts):
// while the snapshot stands, an old paper's vector does not move.
//
// Index arithmetic below uses `!` on typed-array reads: every index is in
// range by construction (CSR offsets built in the same function).
import { termOf, words } from '../text/tokenize.ts';
import { topByWeight } from './top-by-weight.ts';

export interface Doc {
  id: string;
  /** Title + abstract; pass the title twice to weight it more. */
  text: string;
}

export interface Related {
  id: string;
  /** Cosine similarity of the pruned tf-idf vectors, in (0, 1]. */
  score: number;
}

export interface RelatedOptions {
  /** Pairs scoring below this cosine are never listed. */
  minSimilarity?: number;
  /** Distinctive terms indexed per document. */
  maxTermsPerDoc?: number;
  /** Terms in more than this fraction of documents are treated as stop words. */
  maxDfRatio?: number;
  /** Longest posting list kept per term (the documents where it weighs most). */
  maxPostings?: number;
  /**
   * The documents whose term counts give each term's idf and the stop-word and one-off cuts
   * (a snapshot of the corpus); terms none of them has are counted over all documents.
   * Default: all documents.
   */
  idfIds?: ReadonlySet<string>;
}

export const DEFAULT_RELATED_OPTIONS: Readonly<Required<Omit<RelatedOptions, 'idfIds'>>> = {
  minSimilarity: 0.09,
  maxTermsPerDoc: 50,
  maxDfRatio: 0.5,
  maxPostings: 32,
};

/** Pairs scored per document on their whole pruned vectors: the best by their capped posting lists. */
const RESCORED = 40;

type Settings = Required<Omit<RelatedOptions, 'idfIds'>>;

/**
 * For every document, the ids of up to `k` most similar other documents,
 * best first (equal scores by id). Documents with nothing similar enough map
 * to []. Result keys follow the input order. Ids must be unique.
 */
export function relatedDocs(docs: readonly Doc[], k = 5, options: RelatedOptions = {}): Map<string, string[]> {
  const scored = relatedDocsScored(docs, k, options);
  return new Map([...scored].map(([id, list]) => [id, list.map((r) => r.id)]));
}

/** Same as relatedDocs, with the similarity of each related document. */
export function relatedDocsScored(docs: readonly Doc[], k = 5, options: RelatedOptions = {}): Map<string, Related[]> {
  const opts = { ...DEFAULT_RELATED_OPTIONS, ...options };
  if (!Number.isInteger(k) || k < 0) throw new Error(`relatedDocs: k must be a non-negative integer, got ${k}`);

  // Work in id order so nothing depends on the input order; doc index order is
  // then also the id tie-break.
  const sorted = [...docs].sort((a, b) => cmp(a.id, b.id));
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.id === sorted[i - 1]!.id) throw new Error(`relatedDocs: duplicate document id "${sorted[i]!.id}"`);
  }
  const n = sorted.length;

  const counted = countTerms(sorted);
  const snapshot = opts.idfIds ? snapshotCounts(counted, sorted, opts.idfIds) : undefined;
  const selected = selectTopTerms(counted, n, opts, snapshot);
  const index = buildIndex(selected, counted.df.length, n, opts.maxPostings);
  const related = scoreAll(index, selected, n, k, opts.minSimilarity);

  const byId = new Map<string, Related[]>();
  sorted.forEach((doc, d) =>
    byId.set(
      doc.id,
      related[d]!.map((r) => ({ id: sorted[r.doc]!.id, score: r.score })),
    ),
  );
  return new Map(docs.map((doc) => [doc.id, byId.get(doc.id)!]));
}

// ---------------------------------------------------------------------------
// 1. Term counts per document, terms interned to small integers.

interface Counted {
  /** Per document: distinct term ids and their counts. */
  termIds: Int32Array[];
  tfs: Float64Array[];
  df: number[];
  /** Rank of each term id in alphabetical order: a cheap, input-independent tie-break. */
  rank: Int32Array;
}

function countTerms(docs: readonly Doc[]): Counted {
  const vocab = new Map<string, number>(); // term -> id
  const wordId = new Map<string, number>(); // raw word -> term id, or -1 if dropped
  const df: number[] = [];
  const termIds: Int32Array[] = [];
  const tfs: Float64Array[] = [];
  // Per-term scratch indexed by term id: which doc last saw it, and its count
  // there. Cheaper than a fresh Map per document.
  const lastDoc: number[] = [];
  const count: number[] = [];
  const seen: number[] = [];
  for (let d = 0; d < docs.length; d++) {
    seen.length = 0;
    for (const w of words(docs[d]!.text)) {
      let id = wordId.get(w);
      if (id === undefined) {
        const term = termOf(w);
        if (term === null) {
          id = -1;
        } else {
          id = vocab.get(term);
          if (id === undefined) {
            id = df.length;
            vocab.set(term, id);
            df.push(0);
            lastDoc.push(-1);
            count.push(0);
          }
        }
        wordId.set(w, id);
      }
      if (id < 0) continue;
      if (lastDoc[id] !== d) {
        lastDoc[id] = d;
        count[id] = 0;
        seen.push(id);
      }
      count[id]!++;
    }
    const ids = new Int32Array(seen.length);
    const tf = new Float64Array(seen.length);
    for (let j = 0; j < seen.length; j++) {
      const id = seen[j]!;
      ids[j] = id;
      tf[j] = count[id]!;
      df[id]!++;
    }
    termIds.push(ids);
    tfs.push(tf);
  }
  const rank = new Int32Array(df.length);
  [...vocab.keys()].sort(cmp).forEach((term, r) => (rank[vocab.get(term)!] = r));
  return { termIds, tfs, df, rank };
}

/** Document frequencies over the snapshot's documents, and their number. */
interface Snapshot {
  df: Int32Array;
  n: number;
}

function snapshotCounts(c: Counted, docs: readonly Doc[], ids: ReadonlySet<string>): Snapshot {
  const df = new Int32Array(c.df.length);
  let n = 0;
  docs.forEach((doc, d) => {
    if (!ids.has(doc.id)) return;
    n++;
    for (const t of c.termIds[d]!) df[t]!++;
  });
  return { df, n };
}

// ---------------------------------------------------------------------------
// 2. Sublinear tf-idf, unit-normalised over the full vector; keep each
//    document's top terms among those that can link documents: seen in at
//    least two and not so common that they say nothing.

interface Selected {
  /** Per document: chosen term ids and their normalised weights. */
  terms: Int32Array[];
  weights: Float64Array[];
}

function selectTopTerms(c: Counted, n: number, opts: Settings, snapshot: Snapshot | undefined): Selected {
  // Per term, the counts it is weighed by: the snapshot's where it has the term, else all documents'.
  const dfOf = c.df.map((d, t) => (snapshot && snapshot.df[t]! > 0 ? snapshot.df[t]! : d));
  const nOf = (t: number): number => (snapshot && snapshot.df[t]! > 0 ? snapshot.n : n);
  const idf = dfOf.map((d, t) => Math.log((1 + nOf(t)) / (1 + d)) + 1);
  const linking = dfOf.map((d, t) => d >= 2 && d <= Math.max(2, Math.floor(opts.maxDfRatio * nOf(t))));
  const terms: Int32Array[] = [];
  const weights: Float64Array[] = [];
  for (let d = 0; d < n; d++) {
    const ids = c.termIds[d]!;
    const tf = c.tfs[d]!;
    const w = new Float64Array(ids.length);
    const candidates = new Int32Array(ids.length);
    let nCand = 0;
    let norm = 0;
    for (let j = 0; j < ids.length; j++) {
      const id = ids[j]!;
      const wj = (1 + Math.log(tf[j]!)) * idf[id]!;
      w[j] = wj;
      norm += wj * wj;
      if (linking[id]) candidates[nCand++] = j;
    }
    const keep = topByWeight(candidates.subarray(0, nCand), w, ids, c.rank, opts.maxTermsPerDoc);
    norm = Math.sqrt(norm);
    const t = new Int32Array(keep.length);
    const tw = new Float64Array(keep.length);
    for (let i = 0; i < keep.length; i++) {
      t[i] = ids[keep[i]!]!;
      tw[i] = norm > 0 ? w[keep[i]!]! / norm : 0;
    }
    terms.push(t);
    weights.push(tw);
    // The raw counts are no longer needed; release them as we go.
    c.termIds[d] = new Int32Array(0);
    c.tfs[d] = new Float64Array(0);
  }
  return { terms, weights };
}

// ---------------------------------------------------------------------------
// 3. Inverted index in CSR form (one flat array per field), posting lists
//    capped to the `maxPostings` documents where the term weighs most. The
//    per-document view is rebuilt from what survived, so both sides of a pair
//    see the same vectors.

interface Index {
  termStart: Int32Array; // postings of term t: [termStart[t], termStart[t+1])
  postDoc: Int32Array;
  postW: Float64Array;
  docStart: Int32Array; // indexed terms of doc d: [docStart[d], docStart[d+1])
  docTerm: Int32Array;
  docW: Float64Array;
}

function buildIndex(sel: Selected, nTerms: number, n: number, maxPostings: number): Index {
  // Raw postings, grouped by term; docs are visited in order so each list is doc-sorted.
  const rawStart = new Int32Array(nTerms + 1);
  for (const ts of sel.terms) for (const t of ts) rawStart[t + 1]!++;
  for (let t = 0; t < nTerms; t++) rawStart[t + 1]! += rawStart[t]!;
  const fill = rawStart.slice(0, nTerms);
  const rawDoc = new Int32Array(rawStart[nTerms]!);
  const rawW = new Float64Array(rawStart[nTerms]!);
  for (let d = 0; d < n; d++) {
    const ts = sel.terms[d]!;
    const ws = sel.weights[d]!;
    for (let j = 0; j < ts.length; j++) {
      const at = fill[ts[j]!]!++;
      rawDoc[at] = d;
      rawW[at] = ws[j]!;
    }
  }

  // Cap and compact; a term left with fewer than two documents links nothing.
  const termStart = new Int32Array(nTerms + 1);
  const postDoc = new Int32Array(rawDoc.length);
  const postW = new Float64Array(rawDoc.length);
  let out = 0;
  for (let t = 0; t < nTerms; t++) {
    termStart[t] = out;
    const lo = rawStart[t]!;
    const len = rawStart[t + 1]! - lo;
    if (len < 2) continue;
    if (len <= maxPostings) {
      postDoc.set(rawDoc.subarray(lo, lo + len), out);
      postW.set(rawW.subarray(lo, lo + len), out);
      out += len;
      continue;
    }
    // Keep the maxPostings largest weights; among equal weights at the cut,
    // the lowest doc indices (the list is in doc order). The native numeric
    // sort of a copy is much cheaper than sorting entries with a comparator.
    const cut = rawW.slice(lo, lo + len).sort()[len - maxPostings]!;
    let above = 0;
    for (let i = lo; i < lo + len; i++) if (rawW[i]! > cut) above++;
    let atCut = maxPostings - above;
    for (let i = lo; i < lo + len; i++) {
      const w = rawW[i]!;
      if (w > cut || (w === cut && atCut-- > 0)) {
        postDoc[out] = rawDoc[i]!;
        postW[out++] = w;
      }
    }
  }
  termStart[nTerms] = out;

  // Per-document view of the surviving postings.
  const docStart = new Int32Array(n + 1);
  for (let i = 0; i < out; i++) docStart[postDoc[i]! + 1]!++;
  for (let d = 0; d < n; d++) docStart[d + 1]! += docStart[d]!;
  const docFill = docStart.slice(0, n);
  const docTerm = new Int32Array(out);
  const docW = new Float64Array(out);
  for (let t = 0; t < nTerms; t++) {
    for (let i = termStart[t]!; i < termStart[t + 1]!; i++) {
      const at = docFill[postDoc[i]!]!++;
      docTerm[at] = t;
      docW[at] = postW[i]!;
    }
  }
  return { termStart, postDoc: postDoc.subarray(0, out), postW: postW.subarray(0, out), docStart, docTerm, docW };
}

// ---------------------------------------------------------------------------
// 4. Score each document against the documents sharing an indexed term.

// Scores are compared at 1e-9 resolution: the two sides of a pair sum in a
// different order, and float noise must not beat the id tie-break.
function scoreKey(s: number): number {
  return Math.round(s * 1e9);
}

function scoreAll(ix: Index, sel: Selected, n: number, k: number, minSimilarity: number): { doc: number; score: number }[][] {
  const scores = new Float64Array(n);
  const touched = new Int32Array(n);
  // The current document's pruned vector, by term id (zero elsewhere), to score its candidates on.
  const own = new Float64Array(ix.termStart.length);
  const rescored = Math.max(RESCORED, k);
  const related: { doc: number; score: number }[][] = [];
  for (let d = 0; d < n; d++) {
    let nTouched = 0;
    for (let j = ix.docStart[d]!; j < ix.docStart[d + 1]!; j++) {
      const t = ix.docTerm[j]!;
      const wd = ix.docW[j]!;
      for (let i = ix.termStart[t]!; i < ix.termStart[t + 1]!; i++) {
        const e = ix.postDoc[i]!;
        if (e === d) continue;
        if (scores[e] === 0) touched[nTouched++] = e; // weights are > 0, so 0 means unseen
        scores[e]! += wd * ix.postW[i]!;
      }
    }
    const candidates: { doc: number; score: number }[] = [];
    for (let i = 0; i < nTouched; i++) {
      const e = touched[i]!;
      candidates.push({ doc: e, score: scores[e]! });
      scores[e] = 0;
    }
    const byScore = (a: { doc: number; score: number }, b: { doc: number; score: number }): number =>
      scoreKey(b.score) - scoreKey(a.score) || a.doc - b.doc;
    // Capped lists can only under-count a pair, so the best of them are the pairs worth scoring whole.
    candidates.sort(byScore);
    const terms = sel.terms[d]!;
    const weights = sel.weights[d]!;
    for (let j = 0; j < terms.length; j++) own[terms[j]!] = weights[j]!;
    const hits: { doc: number; score: number }[] = [];
    for (const c of candidates.slice(0, rescored)) {
      const ts = sel.terms[c.doc]!;
      const ws = sel.weights[c.doc]!;
      let score = 0;
      for (let j = 0; j < ts.length; j++) score += own[ts[j]!]! * ws[j]!;
      if (score >= minSimilarity) hits.push({ doc: c.doc, score });
    }
    for (let j = 0; j < terms.length; j++) own[terms[j]!] = 0;
    hits.sort(byScore);
    related.push(k > 0 ? hits.slice(0, k) : []);
  }
  return related;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
