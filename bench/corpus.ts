/**
 * The benchmark's synthetic corpus: N papers recombined from the real digests, spread over
 * daily digests of about 50 papers with consecutive dates. Pure and deterministic: the same
 * sources, size and seed give the same digest files, byte for byte.
 *
 * Titles join the lead of one real title to the rest of another ("SNIP" + " for Iteratively
 * Solving Linear Systems"), adding tails of more titles when the plain pairs run out, so titles
 * stay unique at any size. Abstracts keep the sentence structure of a real abstract (the lead
 * title's) and swap some of its sentences for the sentences at the same relative position in
 * other abstracts. Sentences are copied whole, so the math-damaged fragments of the real digests
 * (`L^2`, `mathcal{O}(d^k)`, `ell_infty`) reach the ingest's math restoration and KaTeX as they
 * would in a real digest. A few papers of each digest are listed again the next day, as trending
 * papers are, so entries with several digest dates exist too.
 */
import { looksLikeTitle as readsAsTitle, parseDigest } from '../src/lib/ingest/digest/parse.ts';
import { titleKey } from '../src/lib/ingest/entry/slug.ts';
import { digestText } from '../test/support/digest-text.ts';
import { prng } from '../test/support/prng.ts';

export interface SourcePaper {
  title: string;
  abstract: string;
}

export interface CorpusOptions {
  /** Unique papers to generate. */
  papers: number;
  /** Papers per daily digest (the last digest takes the remainder). */
  perDigest?: number;
  /** The first digest's date, YYYY-MM-DD. */
  startDate?: string;
  seed?: number;
  /** Papers of the previous digest listed again at the top of each digest. */
  repeatsPerDigest?: number;
}

export interface SyntheticDigest {
  date: string;
  /** File name the ingest reads the date from: `<date>.txt`. */
  name: string;
  text: string;
  /** Titles listed, in rank order, repeats included. */
  titles: string[];
  /** Papers listed here for the first time. */
  fresh: number;
}

export const DEFAULT_PER_DIGEST = 50;
export const DEFAULT_START_DATE = '2021-01-04';
export const DEFAULT_SEED = 20250317;

const pick = <T>(rand: () => number, list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;

/** Papers of a digest file, read by the ingest's own parser. */
export function sourcePapers(text: string, file = 'digest'): SourcePaper[] {
  return parseDigest(text, file).papers.map((p) => ({ title: p.title, abstract: p.abstract }));
}

/** Sentences of an abstract: split after . ! ? before a capital letter; "e.g., in" stays whole. */
export function sentences(abstract: string): string[] {
  return abstract
    .split(/(?<=[.!?]["')\]]?)\s+(?=[A-Z(])/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** Where a title can be cut: a colon, or a joining word between two parts. */
const JOINS = /(:\s| (?:for|with|via|of|in|on|from|using|by|to|as|at|beyond|across|towards|through|under|and) )/;

/** A title's lead (before its first joint) and rest (from it); undefined when it has no joint. */
export function splitTitle(title: string): { lead: string; rest: string; tail: string } | undefined {
  const m = JOINS.exec(title);
  if (!m || m.index === 0) return undefined;
  const lead = title.slice(0, m.index).trim();
  const rest = title.slice(m.index);
  // The tail: from the last joining word, e.g. " via Multigrid".
  let last = m.index;
  const all = new RegExp(JOINS.source, 'g');
  for (let x = all.exec(title); x; x = all.exec(title)) last = x.index;
  const tail = title.slice(last);
  if (lead === '' || rest.trim() === '') return undefined;
  return { lead, rest, tail };
}

interface Part {
  lead: string;
  rest: string;
  tail: string;
  /** Index of the source paper. */
  source: number;
}

/** A paper's title and abstract, recombined from the sources. */
export interface SyntheticPaper extends SourcePaper {
  /** The source whose lead and sentence structure it took. */
  source: number;
}

/** Generates `count` papers with unique titles (by the ingest's title key). */
export function synthesizePapers(sources: readonly SourcePaper[], count: number, seed = DEFAULT_SEED): SyntheticPaper[] {
  if (sources.length < 2) throw new Error('the benchmark needs at least two source papers to recombine');
  const rand = prng(seed);
  const parts: Part[] = sources.flatMap((p, source) => {
    const s = splitTitle(p.title);
    return s ? [{ ...s, source }] : [];
  });
  if (parts.length < 2) throw new Error('the benchmark needs at least two source titles with a joining word or a colon');
  const split = sources.map((p) => sentences(p.abstract));
  const keys = new Set<string>();
  const out: SyntheticPaper[] = [];
  for (let n = 0; n < count; n++) {
    let title: string;
    let lead: Part;
    // More tails as attempts fail: the space of titles grows by a factor of |parts| each time.
    for (let attempt = 0; ; attempt++) {
      lead = pick(rand, parts);
      let rest = pick(rand, parts);
      while (rest.source === lead.source) rest = pick(rand, parts);
      title = `${lead.lead}${rest.rest}`;
      const extra = Math.floor(attempt / 8) + (rand() < 0.25 ? 1 : 0);
      for (let k = 0; k < extra; k++) title += pick(rand, parts).tail;
      title = title.replace(/\s+/g, ' ').trim();
      if (title.length <= 300 && readsAsTitle(title) && !keys.has(titleKey(title))) break;
      if (attempt > 200) throw new Error(`could not make a unique title after ${attempt} attempts`);
    }
    keys.add(titleKey(title));
    const own = split[lead.source]!;
    const length = Math.max(3, own.length + Math.floor(rand() * 5) - 2);
    const body: string[] = [];
    for (let i = 0; i < length; i++) {
      const at = i / Math.max(1, length - 1);
      const from = rand() < 0.6 ? own : pick(rand, split);
      if (from.length === 0) continue;
      const sentence = from[Math.min(from.length - 1, Math.round(at * (from.length - 1)))]!;
      if (body[body.length - 1] !== sentence) body.push(sentence);
    }
    let abstract = body.join(' ');
    if (!/[.!?]["')\]]?$/.test(abstract)) abstract += '.';
    out.push({ title, abstract, source: lead.source });
  }
  return out;
}

/** The ISO date `days` after `iso`. */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The corpus: ceil(papers / perDigest) digests of consecutive dates from startDate, each
 * listing perDigest fresh papers (the last one the remainder) after `repeatsPerDigest` papers
 * of the previous day.
 */
export function buildCorpus(sources: readonly SourcePaper[], options: CorpusOptions): SyntheticDigest[] {
  const perDigest = options.perDigest ?? DEFAULT_PER_DIGEST;
  const start = options.startDate ?? DEFAULT_START_DATE;
  const seed = options.seed ?? DEFAULT_SEED;
  const repeats = options.repeatsPerDigest ?? 2;
  if (!Number.isInteger(options.papers) || options.papers < 1) throw new Error(`papers must be a positive integer, got ${options.papers}`);
  if (!Number.isInteger(perDigest) || perDigest < 1) throw new Error(`perDigest must be a positive integer, got ${perDigest}`);
  const papers = synthesizePapers(sources, options.papers, seed);
  const digests: SyntheticDigest[] = [];
  let previous: SyntheticPaper[] = [];
  for (let i = 0, day = 0; i < papers.length; i += perDigest, day++) {
    const fresh = papers.slice(i, i + perDigest);
    const listed = [...previous.slice(0, repeats), ...fresh];
    const date = addDays(start, day);
    digests.push({ date, name: `${date}.txt`, text: digestText(date, listed), titles: listed.map((p) => p.title), fresh: fresh.length });
    previous = fresh;
  }
  return digests;
}

/**
 * One more digest after the corpus, for the warm rebuild: `count` new papers (titles unique
 * against the corpus) dated the day after its last digest.
 */
export function nextDigest(
  sources: readonly SourcePaper[],
  corpus: readonly SyntheticDigest[],
  count: number,
  seed = DEFAULT_SEED,
): SyntheticDigest {
  const known = new Set(corpus.flatMap((d) => d.titles.map(titleKey)));
  const total = corpus.reduce((n, d) => n + d.fresh, 0);
  // Same seed and a longer run: the first `total` papers are the corpus's, the rest are new.
  const fresh = synthesizePapers(sources, total + count, seed)
    .slice(total)
    .filter((p) => !known.has(titleKey(p.title)));
  const last = corpus[corpus.length - 1];
  const date = last ? addDays(last.date, 1) : DEFAULT_START_DATE;
  return { date, name: `${date}.txt`, text: digestText(date, fresh), titles: fresh.map((p) => p.title), fresh: fresh.length };
}
