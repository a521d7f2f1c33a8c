/**
 * What the browser's search does with a query and with Pagefind's answers, as pure functions:
 * the query in search forms (spelling.ts), whether a hit is a real match or Pagefind's
 * fallback (which, for a word it does not know, matches whatever shares its first letters:
 * "difusion" marked a lone "d"), the excerpt as text segments to mark, and the page's URL.
 */
import { searchForm, words } from './spelling.ts';

/** The search forms of the query's words (letters only), to match hits and excerpts against. */
export function queryForms(query: string): string[] {
  return words(query)
    .map(searchForm)
    .filter((w) => w !== '');
}

/**
 * The query as Pagefind is asked it: each run of letters in its search form, symbols and
 * TeX-ish spellings kept ("ℓ∞", "ell_infty"); an exact phrase in quotes stays as typed.
 */
export function pagefindQuery(query: string): string {
  const q = query.trim();
  if (/^".+"$/.test(q)) return q;
  return q
    .split(/\s+/)
    .map((token) => token.replace(/[\p{L}\p{M}]+/gu, searchForm))
    .filter(Boolean)
    .join(' ');
}

/**
 * How many first letters a word must share with a query word to be its match: half of them,
 * at least three. Stems differ in their ends ("optimizers" finds "optimal" through the stem
 * "optim"); Pagefind's fallback for an unknown word keeps only its first letter or two.
 */
const needed = (form: string): number => Math.min(form.length, Math.max(3, Math.ceil(form.length / 2)));

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/** A word as matches compare it: its search form with anything but letters and digits left out ("ell_infty" → "ellinfty"). */
const key = (word: string): string => searchForm(word).replace(/[^\p{L}\p{N}]+/gu, '');

/** Whether a word of a page (or a part of it, "quantisation-aware") matches one of the query's search forms. */
export function matchesQuery(word: string, forms: readonly string[]): boolean {
  const keys = forms.map(key).filter(Boolean);
  return [word, ...word.split(/[-'’_]/)].some((part) => {
    const w = key(part);
    return w !== '' && keys.some((f) => commonPrefix(w, f) >= needed(f));
  });
}

/** Whether any of the words a result was found by matches the query: false for a fallback hit. */
export function isRealMatch(hitWords: readonly string[], forms: readonly string[]): boolean {
  return forms.length > 0 && hitWords.some((w) => matchesQuery(w, forms));
}

/** The words of a fragment's content at Pagefind's word locations. */
export function wordsAt(content: string, locations: readonly number[]): string[] {
  const all = content.split(/\s+/).filter(Boolean);
  return locations.map((l) => all[l]).filter((w): w is string => w !== undefined);
}

export interface Segment {
  text: string;
  mark: boolean;
}

/**
 * Pagefind's excerpt (its page text with < and > escaped and the matched words in <mark>) as
 * text segments, with the words that match the query marked too: a page found through an
 * alias ("quantisation" for the query "quantization") shows its own word marked.
 */
export function excerptSegments(excerpt: string, forms: readonly string[]): Segment[] {
  const text = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>');
  const out: Segment[] = [];
  const push = (t: string, mark: boolean): void => {
    if (t === '') return;
    const last = out[out.length - 1];
    if (last && last.mark === mark) last.text += t;
    else out.push({ text: t, mark });
  };
  excerpt.split(/(<mark>[\s\S]*?<\/mark>)/).forEach((part) => {
    if (part.startsWith('<mark>')) return push(text(part.slice(6, -7)), true);
    for (const piece of text(part).split(/([\p{L}\p{N}\p{M}_'’-]+)/u))
      push(piece, /[\p{L}\p{N}]/u.test(piece) && matchesQuery(piece, forms));
  });
  return out;
}

/** What the search page's URL holds: the query and the topic filter. */
export interface SearchState {
  q: string;
  topic: string;
}

export function parseState(search: string): SearchState {
  const params = new URLSearchParams(search);
  return { q: (params.get('q') ?? '').trim(), topic: (params.get('topic') ?? '').trim() };
}

/** The search page's URL for a state: `/search/?q=…&topic=…`, without empty parameters. */
export function stateHref(searchPath: string, state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  if (state.topic) params.set('topic', state.topic);
  const query = params.toString();
  return query ? `${searchPath}?${query}` : searchPath;
}

const plural = (n: number): string => `${n.toLocaleString('en-GB')} ${n === 1 ? 'paper matches' : 'papers match'}`;

/** The result count, naming the query and the topic it is narrowed to. */
export function countText(n: number, state: SearchState): string {
  return `${plural(n)} “${state.q}”${state.topic ? ` in ${state.topic}` : ''}`;
}

/** What to say when nothing matches (a suggestion, when there is one, is shown apart): then what else to try. */
export function noResultText(state: SearchState): string[] {
  const lines = [`No paper matches “${state.q}”${state.topic ? ` in ${state.topic}` : ''}.`];
  if (state.topic) lines.push('Try all topics.');
  lines.push(
    queryForms(state.q).length > 1
      ? 'Try fewer words, or other words for the same idea.'
      : 'Try another spelling, a shorter word (“optim” finds optimization, optimizer…), or math as the digests write it (ell_infty).',
  );
  return lines;
}
