/**
 * The schemas of what the ingest writes and the site reads: a paper entry's frontmatter and a
 * topic file. One definition for both sides: the ingest's merge reads entries through it,
 * src/content.config.ts builds the collections from it (adding only Astro's reference() for a
 * paper's topics), and the ingest's taxonomy reader validates topic files with it.
 * Only stored fields are here: what the site derives from an entry (excerpt, plain text) is
 * the loader's (src/loaders/prepare-entry.ts).
 */
import { z } from 'zod';

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date of the form YYYY-MM-DD');

/** One listing of the paper in a digest. */
export const digestAppearanceSchema = z.object({
  date: isoDate,
  rank: z.number().int().positive(),
  /** The digest file, relative to the content folder. */
  source: z.string().min(1),
});

/**
 * Where the generated title and body came from: `authors`, the authors' own text (a source
 * that carries the abstract's LaTeX), or `restored`, a restoration of damaged text.
 */
export const textSourceSchema = z.enum(['authors', 'restored']);

/** What the ingest wrote last time, so that a later ingest can tell hand edits from its own. */
export const ingestRecordSchema = z.looseObject({
  /** The title as the digest gave it: how the paper is recognised in later digests. */
  sourceTitle: z.string(),
  /** Checksums of the values the ingest generated for the fields an editor may change. */
  checksums: z.object({ title: z.string(), body: z.string(), topics: z.string() }),
  /** Entries written before this field existed came from text digests: restored. */
  textSource: textSourceSchema.optional(),
});

export const ARXIV_ID = /^(\d{4}\.\d{4,5}|[a-z-]+(\.[A-Z]{2})?\/\d{7})$/;

/**
 * A paper's frontmatter, with `topic` as the schema of one topic: a topic's slug here, Astro's
 * reference('topics') in the site's collection. Unknown fields are kept (an editor's notes).
 */
export function paperSchemaWith<Topic extends z.ZodType>(topic: Topic) {
  return z.looseObject({
    /** Prose with inline $...$ math. */
    title: z.string().min(1),
    digests: z.array(digestAppearanceSchema).min(1),
    topics: z.array(topic).default([]),
    /** Filled in by sources that have them (arXiv, Hugging Face); a text digest has none. */
    arxivId: z.string().regex(ARXIV_ID, 'an arXiv id such as 2310.19809').optional(),
    authors: z.array(z.string().min(1)).min(1).optional(),
    published: isoDate.optional(),
    primaryCategory: z.string().min(1).optional(),
    /** The TeX of formulas the source's damage left incomplete (restoreMath): marked on the page. */
    incompleteMath: z.array(z.string()).optional(),
    /** Written by the ingest; an entry written by hand has none, and every field counts as the editor's. */
    ingest: ingestRecordSchema.optional(),
  });
}

/** A paper's frontmatter as stored, topics as slugs. */
export const paperSchema = paperSchemaWith(z.string().min(1));

export type PaperFrontmatter = z.infer<typeof paperSchema>;
export type DigestAppearance = z.infer<typeof digestAppearanceSchema>;
export type IngestRecord = z.infer<typeof ingestRecordSchema>;
export type TextSource = z.infer<typeof textSourceSchema>;

/** The largest weight, either way, of a topic's keyword. */
export const MAX_KEYWORD_WEIGHT = 10;

const nonEmptyText = (field: string) =>
  z
    .string({ error: `"${field}" must be a non-empty string` })
    .trim()
    .min(1, `"${field}" must be a non-empty string`);

/**
 * content/topics/<slug>.yaml:
 *
 *   name: Neural operators
 *   description: One paragraph for readers.
 *   keywords:            # phrase: weight (non-zero, |weight| <= 10)
 *     neural operator: 5
 */
export const topicSchema = z.strictObject(
  {
    name: nonEmptyText('name'),
    description: nonEmptyText('description'),
    keywords: z
      .record(
        z.string(),
        z.number().refine((w) => Number.isFinite(w) && w !== 0 && Math.abs(w) <= MAX_KEYWORD_WEIGHT),
        { error: '"keywords" must be a mapping of phrase: weight' },
      )
      .refine((k) => Object.keys(k).length > 0, '"keywords" is empty'),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `unknown field "${issue.keys[0]}" (allowed: name, description, keywords)`
        : 'expected a mapping with name, description and keywords',
  },
);

export type TopicFile = z.infer<typeof topicSchema>;

/** The first problem of a topic file, as a sentence naming the field or keyword. */
export function topicProblem(error: z.ZodError): string {
  const issue = error.issues[0]!;
  const [field, phrase] = issue.path;
  if (field === 'keywords' && phrase !== undefined)
    return `keyword "${String(phrase)}" needs a non-zero number weight between -${MAX_KEYWORD_WEIGHT} and ${MAX_KEYWORD_WEIGHT}`;
  return issue.message;
}
