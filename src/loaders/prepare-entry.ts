/**
 * Everything the loader derives from one entry file, as one function: the frontmatter, the
 * MDX guard (mdx-guard.ts), the excerpt and plain text of the abstract, the rendered body and
 * the formulas shown as source. A cold build runs it on worker threads (render-pool.ts), a
 * daily update in process; either way it is the same code, so the entries are the same.
 *
 * On workers all of it runs there, not only the rendering: parsing 10,000 entries on the main
 * thread first and rendering them afterwards kept the workers idle for half the content stage.
 */
import { z } from 'zod';
import { InputError } from '../lib/contract/errors.ts';
import { excerptSegments } from '../lib/site/excerpt.ts';
import { parseEntryFile } from '../lib/contract/entry-file.ts';
import { parsePlainMdx } from '../lib/contract/mdx-guard.ts';
import { segmentsOf } from '../lib/contract/read-body.ts';
import { toRich } from '../lib/contract/rich.ts';
import type { IncompleteMarks } from '../lib/render/mark-incomplete.ts';
import { plainText } from '../lib/site/meta.ts';

/**
 * What the site derives from an entry's body, beside its stored frontmatter: not part of the
 * entry format (src/lib/contract/schema.ts). Computed once per entry version (the loader
 * caches by content digest) and kept in the collection's data for the pages.
 */
export const derivedFields = {
  /** The first sentences, as prose with $...$ math. */
  excerpt: z.string(),
  /** The whole abstract as plain text (math in readable Unicode), for metadata and related papers. */
  abstractText: z.string(),
};

export type DerivedFields = { [K in keyof typeof derivedFields]: z.infer<(typeof derivedFields)[K]> };

export interface PreparedEntry {
  /** The frontmatter with the derived fields (excerpt, abstractText), before the schema. */
  data: Record<string, unknown>;
  body: string;
  /** Line of the first body line, for messages about the body. */
  bodyLine: number;
  /** The body rendered by the site's Markdown processor. */
  html: string;
  /** Why each formula shown as its TeX source was refused (src/lib/render/katex.ts). */
  refused: string[];
}

/** An excerpt cut mid-sentence ends with an ellipsis; one of whole sentences needs none. */
function excerptText(segments: Parameters<typeof toRich>[0], cut: boolean): string {
  const text = toRich(segments);
  return cut && !/[.!?]["')\]]?$/.test(text) ? `${text}…` : text;
}

/** Renders an entry body, marking what `marks` says was lost (renderBody). */
export type RenderBody = (body: string, marks: IncompleteMarks) => Promise<string>;

export async function prepareEntry(text: string, relPath: string, render: RenderBody): Promise<PreparedEntry> {
  const entry = parseEntryFile(text, relPath);
  const segments = segmentsOf(parsePlainMdx(entry.body, relPath, entry.bodyLine));
  const { segments: first, cut } = excerptSegments(segments);
  const derived: DerivedFields = { excerpt: excerptText(first, cut), abstractText: plainText(toRich(segments)) };
  const data = { ...entry.data, ...derived };
  // Formulas the source's damage left incomplete (the entry's incompleteMath) are marked as such.
  const incomplete = Array.isArray(entry.data['incompleteMath'])
    ? (entry.data['incompleteMath'] as unknown[]).filter((t): t is string => typeof t === 'string')
    : [];
  // So is the lost math a restored text kept as text; the authors' own text lost none.
  const restored = (entry.data['ingest'] as { textSource?: unknown } | undefined)?.textSource !== 'authors';
  const html = await render(entry.body, { incomplete, prose: restored });
  // A formula KaTeX refuses, or that breaks a limit, is shown as its marked source: the build
  // goes on, and the loader says where.
  const refused = [...html.matchAll(/<span class="math-source[^"]*" data-math-error="(\w+)"/g)].map((m) => m[1]!);
  return { data, body: entry.body, bodyLine: entry.bodyLine, html, refused };
}

/** An error as a worker sends it: an InputError keeps its file and line. */
export type SentError = { name: 'InputError'; file: string; line: number | undefined; reason: string } | { name: string; message: string };

export function sendError(error: unknown): SentError {
  if (error instanceof InputError) {
    const prefix = `${error.file}${error.line === undefined ? '' : `:${error.line}`}: `;
    return { name: 'InputError', file: error.file, line: error.line, reason: error.message.slice(prefix.length) };
  }
  return { name: error instanceof Error ? error.name : 'Error', message: error instanceof Error ? error.message : String(error) };
}

export function receivedError(sent: SentError): Error {
  if ('file' in sent) return new InputError(sent.file, sent.line, sent.reason);
  const error = new Error(sent.message);
  error.name = sent.name;
  return error;
}
