import type { APIRoute } from 'astro';
import { paperFeed } from '../data/feeds.ts';
import { allDigests } from '../data/papers.ts';
import { SITE_FEED_TITLE } from '../lib/site/feeds-list.ts';

/** The newest three digests: a reader whose feed reader polls daily, or missed a weekend, misses nothing. */
export const FEED_DIGESTS = 3;

export const GET: APIRoute = async ({ site }) => {
  const digests = (await allDigests()).slice(0, FEED_DIGESTS);
  const seen = new Set<string>();
  const papers = digests.flatMap((d) => d.papers).filter((p) => !seen.has(p.id) && seen.add(p.id));
  return paperFeed({
    site: site!,
    path: 'rss.xml',
    title: SITE_FEED_TITLE,
    description: `The papers of the latest ${FEED_DIGESTS} daily digests of trending machine-learning papers, with full abstracts and restored math.`,
    papers,
  });
};
