import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { contentPaths, contentRoot } from './lib/contract/paths.ts';
import { paperSchemaWith, topicSchema } from './lib/contract/schema.ts';
import { derivedFields } from './loaders/prepare-entry.ts';
import { papersLoader } from './loaders/papers.ts';

// The content root (PAPERBOY_CONTENT, default content/): the live site, or a test's fixture site.
const content = contentPaths(contentRoot());

// The entry format is the contract's (src/lib/contract/schema.ts); the collection adds Astro's
// reference() for topics, and what the loader derives from the body (excerpt, plain text).
const papers = defineCollection({
  loader: papersLoader({ root: content.root }),
  schema: paperSchemaWith(reference('topics')).extend(derivedFields),
});

const topics = defineCollection({
  loader: glob({ pattern: '*.yaml', base: content.topics }),
  schema: topicSchema,
});

export const collections = { papers, topics };
