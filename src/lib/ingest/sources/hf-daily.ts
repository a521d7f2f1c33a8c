/**
 * Parses the JSON of Hugging Face's daily papers (/api/daily_papers?date=YYYY-MM-DD): an array
 * of items { paper: { id, authors: [{ name }], publishedAt, submittedOnDailyAt, title, summary,
 * upvotes, ... }, publishedAt, title, summary, numComments, ... }. Papers are ranked by upvotes.
 */
import { InputError } from '../../contract/errors.ts';
import { normaliseArxivId } from '../../contract/arxiv-id.ts';
import { describeJson, JsonSyntaxError, member, parseJson, type JsonNode } from './json.ts';
import { collapseWhitespace, containsTex, isoDatePrefix, LineIndex, preview } from './text.ts';
import type { SourceDigest, SourcePaper } from './types.ts';

interface Ranked {
  paper: SourcePaper;
  order: number;
}

export function parseHfDaily(text: string, file: string): SourceDigest {
  const lines = new LineIndex(text);
  let root: JsonNode;
  try {
    root = parseJson(text);
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    throw new InputError(file, lines.line(error.offset), `invalid JSON (column ${lines.column(error.offset)}): ${error.message}`);
  }
  if (root.kind !== 'array') {
    throw new InputError(
      file,
      lines.line(root.start),
      `expected a JSON array of daily papers (as /api/daily_papers returns), found ${describeJson(root)}`,
    );
  }
  if (root.items.length === 0) throw new InputError(file, lines.line(root.start), 'the daily-papers array is empty: no papers');

  const ranked: Ranked[] = root.items.map((item, order) => ({ paper: parseItem(item, order, file, lines), order }));
  // Most upvotes first; equal (or missing) counts keep the list's order; missing counts last.
  ranked.sort((a, b) => (b.paper.upvotes ?? -1) - (a.paper.upvotes ?? -1) || a.order - b.order);
  const papers = ranked.map(({ paper }, i) => ({ ...paper, rank: i + 1 }));

  const digest: SourceDigest = { kind: 'hf-daily', papers };
  const date = listDate(root.items);
  if (date !== undefined) digest.date = date;
  return digest;
}

function parseItem(item: JsonNode, index: number, file: string, lines: LineIndex): SourcePaper {
  const which = `item ${index} of the array (0-based)`;
  const at = (node: JsonNode): number => lines.line(node.start);
  if (item.kind !== 'object') throw new InputError(file, at(item), `${which} is ${describeJson(item)}, not an object describing a paper`);
  const paperMember = member(item, 'paper');
  const paperNode = paperMember?.value.kind === 'null' ? undefined : paperMember?.value;
  if (paperNode !== undefined && paperNode.kind !== 'object') {
    throw new InputError(file, at(paperNode), `${which}: "paper" is ${describeJson(paperNode)}, not an object`);
  }
  /** A field of the item, else of item.paper (or the reverse), skipping nulls. */
  const field = (key: string, paperFirst: boolean): JsonNode | undefined => {
    const sources = paperFirst ? [paperNode, item] : [item, paperNode];
    for (const source of sources) {
      const v = member(source, key)?.value;
      if (v !== undefined && v.kind !== 'null') return v;
    }
    return undefined;
  };
  const requiredText = (key: string, paperFirst: boolean, what: string): { text: string; line: number } => {
    const node = field(key, paperFirst);
    if (node === undefined) throw new InputError(file, at(item), `${which} has no ${what} (neither "${key}" nor "paper.${key}")`);
    if (node.kind !== 'string') throw new InputError(file, at(node), `${which}: "${key}" is ${describeJson(node)}, not a string`);
    const text = collapseWhitespace(node.value);
    if (text === '') throw new InputError(file, at(node), `${which} has an empty ${what} ("${key}")`);
    return { text, line: at(node) };
  };

  // The item's title is the one the daily list shows; the summary is the paper's abstract.
  const title = requiredText('title', false, 'title');
  const summary = requiredText('summary', true, `abstract for "${preview(title.text)}"`);
  const paper: SourcePaper = {
    title: title.text,
    abstract: summary.text,
    rank: 0,
    line: title.line,
    abstractLine: summary.line,
    hasTex: containsTex(summary.text),
  };

  const id = field('id', true);
  if (id !== undefined) {
    if (id.kind !== 'string') throw new InputError(file, at(id), `${which}: "paper.id" is ${describeJson(id)}, not a string`);
    // An id that is not arXiv's (HF pages may index other papers) is no error: just no arXiv id.
    const arxivId = normaliseArxivId(id.value);
    if (arxivId !== undefined) paper.arxivId = arxivId;
  }

  const authors = field('authors', true);
  if (authors !== undefined) {
    if (authors.kind !== 'array')
      throw new InputError(file, at(authors), `${which}: "paper.authors" is ${describeJson(authors)}, not an array`);
    const names: string[] = [];
    for (const a of authors.items) {
      const nameNode = a.kind === 'object' ? member(a, 'name')?.value : a;
      if (nameNode === undefined || nameNode.kind === 'null') continue;
      if (nameNode.kind !== 'string')
        throw new InputError(file, at(nameNode), `${which}: an author's name is ${describeJson(nameNode)}, not a string`);
      const name = collapseWhitespace(nameNode.value);
      if (name !== '') names.push(name);
    }
    if (names.length > 0) paper.authors = names;
  }

  const upvotes = field('upvotes', true);
  if (upvotes !== undefined) {
    if (upvotes.kind !== 'number' || !Number.isInteger(upvotes.value) || upvotes.value < 0) {
      throw new InputError(
        file,
        at(upvotes),
        `${which}: "upvotes" is ${upvotes.kind === 'number' ? String(upvotes.value) : describeJson(upvotes)}, not a count`,
      );
    }
    paper.upvotes = upvotes.value;
  }

  const published = field('publishedAt', true);
  if (published !== undefined) {
    const date = published.kind === 'string' ? isoDatePrefix(published.value) : undefined;
    if (date === undefined)
      throw new InputError(
        file,
        at(published),
        `${which}: "publishedAt" is not a date (${published.kind === 'string' ? `"${preview(published.value)}"` : describeJson(published)})`,
      );
    paper.published = date;
  }
  return paper;
}

/**
 * The day of the list: the most common date the items were put on the daily list
 * (submittedOnDailyAt), or, when no item says, the most common publishedAt of the items.
 * A tie goes to the later date.
 */
function listDate(items: JsonNode[]): string | undefined {
  const mostCommon = (pick: (item: JsonNode) => JsonNode | undefined): string | undefined => {
    const counts = new Map<string, number>();
    for (const item of items) {
      const node = pick(item);
      const date = node?.kind === 'string' ? isoDatePrefix(node.value) : undefined;
      if (date !== undefined) counts.set(date, (counts.get(date) ?? 0) + 1);
    }
    let best: [string, number] | undefined;
    for (const [date, n] of counts) if (!best || n > best[1] || (n === best[1] && date > best[0])) best = [date, n];
    return best?.[0];
  };
  const paperOf = (item: JsonNode): JsonNode | undefined => member(item, 'paper')?.value;
  return (
    mostCommon((item) => member(paperOf(item), 'submittedOnDailyAt')?.value ?? member(item, 'submittedOnDailyAt')?.value) ??
    mostCommon((item) => member(item, 'publishedAt')?.value ?? member(paperOf(item), 'publishedAt')?.value)
  );
}
