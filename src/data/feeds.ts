/**
 * RSS 2.0 feeds of papers, built with @astrojs/rss: plain-text titles and descriptions (math as
 * Unicode), full abstracts in content:encoded with math as MathML.
 */
import rss, { type RSSFeedItem } from '@astrojs/rss';
import { feedHtml } from '../lib/render/feed-html.ts';
import { latestAppearance } from '../lib/site/digest-index.ts';
import { feedText } from '../lib/site/feed-text.ts';
import { plainText } from '../lib/site/meta.ts';
import { placeholderWarning } from '../lib/site/placeholder-site.ts';
import { renderedOf } from '../loaders/rendered-cache.ts';
import { allTopics, type Paper } from './papers.ts';

interface FeedOptions {
  site: URL;
  /** The feed's own path under the base, e.g. `rss.xml`. */
  path: string;
  title: string;
  description: string;
  papers: readonly Paper[];
}

let warned = false;

/** Said once a build: every feed is built, and every feed carries absolute links. */
function warnIfPlaceholder(site: URL): void {
  const warning = placeholderWarning(site);
  if (warning === undefined || warned) return;
  warned = true;
  console.warn(`\n[paperboy] warning: ${warning}`);
}

export async function paperFeed({ site, path, title, description, papers }: FeedOptions): Promise<Response> {
  warnIfPlaceholder(site);
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  const topicNames = new Map((await allTopics()).map((t) => [t.id, t.data.name]));
  const items: RSSFeedItem[] = papers.map((paper) => {
    const link = new URL(`${base}papers/${paper.id}/`, site).href;
    return {
      // Plain text, escaped only where HTML would read markup (feed-text.ts); @astrojs/rss
      // escapes for XML. Escaping all of it for HTML showed `Let&#39;s` in some readers.
      title: feedText(plainText(paper.data.title)),
      link,
      pubDate: new Date(`${latestAppearance(paper.data).date}T00:00:00Z`),
      description: feedText(plainText(paper.data.excerpt)),
      content: feedHtml(renderedOf(paper).body),
      categories: paper.data.topics.map((t) => topicNames.get(t.id) ?? t.id),
    };
  });
  return rss({
    title,
    description,
    site: new URL(base, site).href,
    items,
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: `<language>en</language><atom:link href="${new URL(`${base}${path}`, site).href}" rel="self" type="application/rss+xml"/>`,
    trailingSlash: true,
  });
}
