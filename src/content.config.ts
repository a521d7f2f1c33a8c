import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { contentPaths, contentRoot } from './lib/contract/paths.ts';
import { papersLoader } from './loaders/papers.ts';

// The content root (PAPERBOY_CONTENT, default content/): the live site, or a test's fixture site.
const content = contentPaths(contentRoot());

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date of the form YYYY-MM-DD');

const papers = defineCollection({
  loader: papersLoader({ root: content.root }),
  schema: z.looseObject({
    /** Prose with inline $...$ math. */
    title: z.string().min(1),
    digests: z
      .array(z.object({ date: isoDate, rank: z.number().int().positive(), source: z.string().min(1) }))
      .min(1),
    topics: z.array(reference('topics')).default([]),
    /** Filled in by sources that have them (arXiv, Hugging Face); a text digest has none. */
    arxivId: z.string().regex(/^(\d{4}\.\d{4,5}|[a-z-]+(\.[A-Z]{2})?\/\d{7})$/, 'an arXiv id such as 2310.19809').optional(),
    authors: z.array(z.string().min(1)).min(1).optional(),
    published: isoDate.optional(),
    primaryCategory: z.string().min(1).optional(),
    /** The TeX of formulas the source's damage left incomplete (restoreMath): marked on the page. */
    incompleteMath: z.array(z.string()).optional(),
    /** Derived by the loader from the body: the first sentences, as prose with $...$ math. */
    excerpt: z.string(),
    /** Derived by the loader: the whole abstract as plain text (math in readable Unicode), for metadata. */
    abstractText: z.string(),
  }),
});

const topics = defineCollection({
  loader: glob({ pattern: '*.yaml', base: content.topics }),
  schema: z.looseObject({
    name: z.string().min(1),
    description: z.string().min(1),
  }),
});

export const collections = { papers, topics };
