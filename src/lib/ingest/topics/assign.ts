// Topic assignment: score a paper against every topic's weighted keyword
// phrases and keep the best one to three topics.
//
// Keywords and papers go through the shared tokenizer, so "neural operators"
// in a topic file matches "Neural Operator" in a title. A phrase matches a run
// of consecutive tokens (stop words already removed on both sides).
import { parse as parseYaml } from 'yaml';
import { topicProblem, topicSchema } from '../../contract/schema.ts';
import { tokenize } from '../../text/tokenize.ts';

export interface TopicKeyword {
  /** Human-readable phrase as written in the topic file, e.g. "neural operator". */
  phrase: string;
  /** Points per match; negative weights push a topic away. */
  weight: number;
}

export interface TopicDef {
  slug: string;
  name: string;
  /** One paragraph for readers; also the last-resort fallback signal. */
  description: string;
  keywords: readonly TopicKeyword[];
}

/** A match in the title counts this many times a match in the abstract. */
export const TITLE_WEIGHT = 2.5;
/** A topic needs at least this score to be assigned on its own merit. */
export const MIN_SCORE = 8;
/** Second and third topics must reach this fraction of the best topic's score. */
export const RELATIVE_CUTOFF = 0.25;
export const MAX_TOPICS = 3;

// ---------------------------------------------------------------------------
// Scoring

// Keyword phrases repeat across every paper; tokenize each once.
const phraseTokens = new Map<string, readonly string[]>();

function tokensOf(phrase: string): readonly string[] {
  let t = phraseTokens.get(phrase);
  if (t === undefined) {
    t = tokenize(phrase);
    phraseTokens.set(phrase, t);
  }
  return t;
}

function countPhrase(tokens: readonly string[], phrase: readonly string[]): number {
  if (phrase.length === 0) return 0;
  let n = 0;
  outer: for (let i = 0; i + phrase.length <= tokens.length; i++) {
    for (let j = 0; j < phrase.length; j++) {
      if (tokens[i + j] !== phrase[j]) continue outer;
    }
    n++;
  }
  return n;
}

// Sublinear: the tenth mention of "diffusion" says less than the first.
function saturate(count: number): number {
  return count > 0 ? 1 + Math.log(count) : 0;
}

/** Keyword score of one topic for a paper (exported for tests and tuning). */
export function scoreTopic(def: TopicDef, titleTokens: readonly string[], abstractTokens: readonly string[]): number {
  let score = 0;
  for (const kw of def.keywords) {
    const phrase = tokensOf(kw.phrase);
    const hits = TITLE_WEIGHT * saturate(countPhrase(titleTokens, phrase)) + saturate(countPhrase(abstractTokens, phrase));
    score += kw.weight * hits;
  }
  return score;
}

// Last resort when no keyword of any topic matches: how many distinct words the
// paper shares with the topic's name and description.
function descriptionOverlap(def: TopicDef, paperTerms: ReadonlySet<string>): number {
  let n = 0;
  for (const t of new Set(tokenize(`${def.name} ${def.description}`))) if (paperTerms.has(t)) n++;
  return n;
}

// Highest score first; equal scores fall back to slug order so the result never
// depends on the order of `defs` or of floating-point noise.
function byScoreThenSlug(a: { slug: string; score: number }, b: { slug: string; score: number }): number {
  const d = round(b.score) - round(a.score);
  return d !== 0 ? d : a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0;
}

function round(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}

/**
 * Pick 1 to 3 topic slugs for a paper, best first.
 *
 * - Topics scoring at least MIN_SCORE (and RELATIVE_CUTOFF of the best) are kept.
 * - If none qualifies, the best positive-scoring topic is used anyway.
 * - If no keyword matched at all, the topic whose name/description shares the
 *   most words with the paper is used (ties, including zero overlap, by slug).
 */
export function assignTopics(defs: readonly TopicDef[], title: string, abstract: string): string[] {
  if (defs.length === 0) throw new Error('assignTopics: no topic definitions given');
  const titleTokens = tokenize(title);
  const abstractTokens = tokenize(abstract);

  const scored = defs.map((def) => ({ slug: def.slug, score: scoreTopic(def, titleTokens, abstractTokens) })).sort(byScoreThenSlug);
  const best = scored[0];
  if (best === undefined) throw new Error('assignTopics: no topic definitions given');

  if (best.score >= MIN_SCORE) {
    const floor = Math.max(MIN_SCORE, RELATIVE_CUTOFF * best.score);
    return scored
      .filter((s) => s.score >= floor)
      .slice(0, MAX_TOPICS)
      .map((s) => s.slug);
  }
  if (best.score > 0) return [best.slug];

  const paperTerms = new Set([...titleTokens, ...abstractTokens]);
  const byOverlap = defs.map((def) => ({ slug: def.slug, score: descriptionOverlap(def, paperTerms) })).sort(byScoreThenSlug);
  return [byOverlap[0]?.slug ?? best.slug];
}

// ---------------------------------------------------------------------------
// Topic files

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Parses and validates content/topics/<slug>.yaml with the contract's topic schema
 * (src/lib/contract/schema.ts, the one the site's collection uses too), then what only the
 * ingest cares about: every keyword must match words the tokenizer keeps, and no two the same.
 * Throws an Error naming the topic and what is wrong.
 */
export function parseTopicFile(yamlText: string, slug: string): TopicDef {
  const where = `topic "${slug}"`;
  if (!SLUG.test(slug)) throw new Error(`${where}: slug must be lowercase words joined by "-"`);

  let data: unknown;
  try {
    data = parseYaml(yamlText);
  } catch (e) {
    throw new Error(`${where}: invalid YAML: ${(e as Error).message}`, { cause: e });
  }
  const parsed = topicSchema.safeParse(data);
  if (!parsed.success) throw new Error(`${where}: ${topicProblem(parsed.error)}`);
  const { name, description } = parsed.data;

  const keywords: TopicKeyword[] = [];
  // Two phrases that tokenize alike ("operator", "operators") would double-count.
  const seen = new Map<string, string>();
  for (const [phrase, weight] of Object.entries(parsed.data.keywords)) {
    const tokens = tokenize(phrase);
    if (tokens.length === 0) throw new Error(`${where}: keyword "${phrase}" has only stop words, it can never match`);
    const key = tokens.join(' ');
    const twin = seen.get(key);
    if (twin !== undefined) throw new Error(`${where}: keywords "${twin}" and "${phrase}" match the same words ("${key}")`);
    seen.set(key, phrase);
    keywords.push({ phrase, weight });
  }
  return { slug, name, description, keywords };
}
