/**
 * Related papers for every paper: the text's nearest neighbours (related.ts), topped up from the
 * papers that share a topic when the text alone finds fewer than `min`. A paper whose topics no
 * other paper has keeps only what its text finds.
 * Candidates for the top-up come in this order: most topics in common, then text similarity
 * (however small), then the oldest, then id; so the neural-operator papers still find each other
 * first, and a paper the text links weakly gets the papers of its field rather than random ones.
 * Oldest first among equals keeps a paper's list stable as digests arrive: a new paper joins it
 * only by being more related, so a daily digest re-renders few old pages.
 * When fewer than `min` papers share its topics, the text's weaker neighbours fill the list.
 *
 * The text's idf comes from a snapshot of the corpus that changes once a month (idfSnapshot):
 * recomputed from every paper each day, it would move every old paper's vector a little with
 * each digest, reorder hundreds of lists and re-render their pages. So a digest re-renders
 * mostly the old pages that a new paper joins, and the first digest of a month many more.
 */
import { relatedDocsScored, DEFAULT_RELATED_OPTIONS, type Doc } from './related.ts';

export interface TopicDoc extends Doc {
  topics: readonly string[];
  /** YYYY-MM-DD of the latest appearance: older papers first among equals. */
  date: string;
  /** YYYY-MM-DD of the first appearance, which places the paper in the idf snapshot or not (default: date). */
  firstSeen?: string;
}

export interface RelatedByTopicOptions {
  /** At most this many related papers. */
  k?: number;
  /** At least this many whenever enough papers share a topic. */
  min?: number;
  /** Similarities below this are not "related by text" (they still order the top-up). */
  minSimilarity?: number;
}

/** How many weakly similar papers are scored per paper, to order the top-up. */
const LOOSE_K = 10;
/** How many of each topic's oldest papers a top-up looks at: bounded work per paper, whatever the corpus. */
const TOPIC_WINDOW = 200;

/**
 * The papers whose terms weigh the text similarity: those first seen before the month of the
 * newest digest, a set that changes on the first digest of a month (a paper seen again stays in). While they are fewer than
 * half of the corpus (a young site, or one digest), all papers: the snapshot would say too little.
 */
export function idfSnapshot(docs: readonly TopicDoc[]): Set<string> | undefined {
  let newest = '';
  for (const d of docs) if (d.date > newest) newest = d.date;
  const monthStart = `${newest.slice(0, 7)}-01`;
  const ids = new Set(docs.filter((d) => (d.firstSeen ?? d.date) < monthStart).map((d) => d.id));
  return ids.size * 2 >= docs.length && ids.size > 0 ? ids : undefined;
}

const byDateThenId = (a: TopicDoc, b: TopicDoc): number =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

export function relatedByTopic(docs: readonly TopicDoc[], options: RelatedByTopicOptions = {}): Map<string, string[]> {
  const { k = 5, min = 3, minSimilarity = DEFAULT_RELATED_OPTIONS.minSimilarity } = options;
  // One scoring pass with no threshold: the strong part is what passes minSimilarity.
  const idfIds = idfSnapshot(docs);
  const loose = relatedDocsScored(docs, Math.max(k, LOOSE_K), { minSimilarity: Number.MIN_VALUE, ...(idfIds ? { idfIds } : {}) });
  const byId = new Map(docs.map((d) => [d.id, d]));
  const byTopic = new Map<string, TopicDoc[]>();
  for (const d of docs) {
    for (const t of d.topics) {
      const list = byTopic.get(t);
      if (list) list.push(d);
      else byTopic.set(t, [d]);
    }
  }
  for (const list of byTopic.values()) list.sort(byDateThenId);
  const out = new Map<string, string[]>();
  for (const doc of docs) {
    const scored = loose.get(doc.id) ?? [];
    const list = scored
      .filter((r) => r.score >= minSimilarity)
      .slice(0, k)
      .map((r) => r.id);
    if (list.length < min && doc.topics.length > 0) {
      const topics = new Set(doc.topics);
      const score = new Map(scored.map((r) => [r.id, r.score]));
      const candidates = new Set<TopicDoc>();
      for (const r of scored) candidates.add(byId.get(r.id)!);
      for (const t of doc.topics) for (const other of (byTopic.get(t) ?? []).slice(0, TOPIC_WINDOW)) candidates.add(other);
      const sharing = [...candidates]
        .filter((c) => c.id !== doc.id)
        .map((c) => ({ doc: c, common: c.topics.filter((t) => topics.has(t)).length, score: score.get(c.id) ?? 0 }))
        .filter((c) => c.common > 0);
      const ranked = sharing
        .filter((c) => !list.includes(c.doc.id))
        .sort((a, b) => b.common - a.common || b.score - a.score || byDateThenId(a.doc, b.doc));
      for (const r of ranked) {
        if (list.length >= min) break;
        list.push(r.doc.id);
      }
      // Fewer papers share its topics than `min`: the text's weaker neighbours make up the rest.
      if (sharing.length > 0) {
        for (const r of scored) {
          if (list.length >= min) break;
          if (r.id !== doc.id && !list.includes(r.id)) list.push(r.id);
        }
      }
    }
    out.set(doc.id, list);
  }
  return out;
}
