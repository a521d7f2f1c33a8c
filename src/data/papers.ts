/** The collections as pages need them, loaded and derived once per build. */
import { getCollection, type CollectionEntry } from 'astro:content';
import { digestListings, latestAppearance } from '../lib/site/digest-index.ts';
import type { PaperRecord } from '../lib/site/list-view.ts';
import { plainText } from '../lib/site/meta.ts';
import { relatedByTopic } from '../lib/site/related-by-topic.ts';

export type Paper = CollectionEntry<'papers'>;
export type Topic = CollectionEntry<'topics'>;

const once = <T>(load: () => Promise<T>): (() => Promise<T>) => {
  let value: Promise<T> | undefined;
  return () => (value ??= load());
};

export const allPapers = once(() => getCollection('papers'));

/** What the site's view models read of an entry (src/lib/site/list-view.ts). */
export function recordOf(paper: Paper): PaperRecord {
  const d = paper.data;
  const ingest = d['ingest'] as { textSource?: string; sourceTitle?: string } | undefined;
  return {
    id: paper.id,
    version: String(paper.digest),
    title: d.title,
    excerpt: d.excerpt,
    abstractText: d.abstractText,
    digests: d.digests,
    topics: d.topics.map((t) => t.id),
    arxivId: d.arxivId,
    authors: d.authors,
    published: d.published,
    primaryCategory: d.primaryCategory,
    incompleteMath: d.incompleteMath,
    textSource: ingest?.textSource,
    sourceTitle: ingest?.sourceTitle,
  };
}

/** Every paper's record, by id. */
export const allRecords = once(async () => new Map((await allPapers()).map((p) => [p.id, recordOf(p)])));

/** Topic names by id. */
export const topicNames = once(async () => new Map((await allTopics()).map((t) => [t.id, t.data.name])));

export const allTopics = once(async () => (await getCollection('topics')).sort((a, b) => a.data.name.localeCompare(b.data.name, 'en')));

/** Every digest with its papers in trending order, newest first. */
export const allDigests = once(async (): Promise<{ date: string; papers: Paper[] }[]> => {
  const papers = await allPapers();
  const byId = new Map(papers.map((p) => [p.id, p]));
  return digestListings(papers.map((p) => ({ id: p.id, digests: p.data.digests }))).map((d) => ({
    date: d.date,
    papers: d.papers.map((p) => byId.get(p.id)!),
  }));
});

/** Papers newest digest first, then by rank: the order of topic pages and feeds. */
export const papersByRecency = once(async () =>
  (await allPapers())
    .map((paper) => ({ paper, latest: latestAppearance(paper.data) }))
    .sort((a, b) => (a.latest.date !== b.latest.date ? (a.latest.date < b.latest.date ? 1 : -1) : a.latest.rank - b.latest.rank))
    .map((x) => x.paper),
);

/** Each topic's papers, newest first. */
export const papersByTopic = once(async () => {
  const map = new Map<string, Paper[]>();
  for (const paper of await papersByRecency()) {
    for (const t of paper.data.topics) {
      const list = map.get(t.id);
      if (list) list.push(paper);
      else map.set(t.id, [paper]);
    }
  }
  return map;
});

/**
 * Up to five related papers per paper, from the text of titles and abstracts (tf-idf cosine),
 * at least three from the papers sharing a topic when the text finds fewer (related-by-topic.ts).
 */
export const relatedPapers = once(async () => {
  const papers = await allPapers();
  const text = (p: Paper): string => {
    const title = plainText(p.data.title);
    // The title counts twice: it says what the paper is about most densely.
    return `${title} ${title} ${p.data.abstractText}`;
  };
  const ids = relatedByTopic(
    papers.map((p) => ({
      id: p.id,
      text: text(p),
      topics: p.data.topics.map((t) => t.id),
      date: latestAppearance(p.data).date,
      firstSeen: p.data.digests.map((d) => d.date).sort()[0]!,
    })),
  );
  const records = await allRecords();
  return (id: string): PaperRecord[] => (ids.get(id) ?? []).map((r) => records.get(r)!);
});
