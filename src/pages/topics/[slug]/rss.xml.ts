import type { APIRoute, GetStaticPaths } from 'astro';
import { paperFeed } from '../../../data/feeds.ts';
import { allTopics, papersByTopic } from '../../../data/papers.ts';
import { topicFeed } from '../../../lib/site/feeds-list.ts';

/** A topic feed carries its newest papers: enough for any polling interval, small to fetch. */
const TOPIC_FEED_SIZE = 50;

export const getStaticPaths = (async () => {
  const byTopic = await papersByTopic();
  return (await allTopics()).filter((t) => byTopic.has(t.id)).map((topic) => ({ params: { slug: topic.id }, props: { topic } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ site, props }) => {
  const { topic } = props as Awaited<ReturnType<typeof getStaticPaths>>[number]['props'];
  const papers = ((await papersByTopic()).get(topic.id) ?? []).slice(0, TOPIC_FEED_SIZE);
  return paperFeed({
    site: site!,
    path: `topics/${topic.id}/rss.xml`,
    title: topicFeed('/', { id: topic.id, name: topic.data.name }).title,
    description: topic.data.description,
    papers,
  });
};
