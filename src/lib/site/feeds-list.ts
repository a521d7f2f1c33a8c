/** Where the site's feeds are and what they are called: the layout, the feeds page and the topic pages agree. */

export const SITE_FEED_TITLE = 'Paperboy: trending machine-learning papers';

export interface TopicFeed {
  id: string;
  name: string;
  /** The feed's path under the base. */
  href: string;
  /** The topic page's path under the base. */
  page: string;
  title: string;
}

export function topicFeed(base: string, topic: { id: string; name: string }): TopicFeed {
  return {
    id: topic.id,
    name: topic.name,
    href: `${base}topics/${topic.id}/rss.xml`,
    page: `${base}topics/${topic.id}/`,
    title: `Paperboy: ${topic.name}`,
  };
}
