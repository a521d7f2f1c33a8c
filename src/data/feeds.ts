/** RSS 2.0 feeds of papers, built with @astrojs/rss: full abstracts, math as MathML. */
import rss, { type RSSFeedItem } from '@astrojs/rss';
import { escape as escapeHtml } from 'html-escaper';
import { feedHtml } from '../lib/render/feed-html.ts';
import { latestAppearance } from '../lib/site/digest-index.ts';
import { plainText } from '../lib/site/meta.ts';
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

export async function paperFeed({ site, path, title, description, papers }: FeedOptions): Promise<Response> {
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  const topicNames = new Map((await allTopics()).map((t) => [t.id, t.data.name]));
  const items: RSSFeedItem[] = papers.map((paper) => {
    const link = new URL(`${base}papers/${paper.id}/`, site).href;
    return {
      // Feed readers read titles and descriptions as HTML: text is escaped once for HTML here,
      // and once more for XML by @astrojs/rss.
      title: escapeHtml(plainText(paper.data.title)),
      link,
      pubDate: new Date(`${latestAppearance(paper.data).date}T00:00:00Z`),
      description: escapeHtml(plainText(paper.data.excerpt)),
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
