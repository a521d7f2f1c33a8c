/**
 * Asking the arXiv API for the authors' abstracts of papers already on the site (npm run
 * originals): by id in batches where the id is known, by an exact title query otherwise; with
 * a timeout, retries with backoff, and no more than one request every few seconds, as arXiv's
 * terms of use ask (one every 3 s).
 */
import { FetchError, fetchBytes } from './fetch.ts';

export const ARXIV_API_ENV = 'PAPERBOY_ARXIV_API';
export const DEFAULT_ARXIV_API = 'https://export.arxiv.org/api/query';
/** Ids per request: the API answers up to a few hundred; 50 keeps each answer small. */
export const ID_BATCH = 50;

export interface Wanted {
  file: string;
  arxivId: string | undefined;
  /** The title as its source gave it, for the title query. */
  title: string;
}

/** The requests for a set of entries: one per batch of ids, one per title without an id. */
export function arxivQueries(api: string, wanted: readonly Wanted[]): string[] {
  const ids = [...new Set(wanted.flatMap((w) => (w.arxivId === undefined ? [] : [w.arxivId])))].sort();
  const urls: string[] = [];
  for (let i = 0; i < ids.length; i += ID_BATCH) {
    const batch = ids.slice(i, i + ID_BATCH);
    urls.push(`${api}?${new URLSearchParams({ id_list: batch.join(','), max_results: String(batch.length) })}`);
  }
  for (const w of wanted.filter((x) => x.arxivId === undefined)) {
    // The search matches words; the exact title is checked on the answer (plan.ts, titleKey).
    const words = w.title
      .replace(/[$\\{}]/g, ' ')
      .replace(/["():]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    urls.push(`${api}?${new URLSearchParams({ search_query: `ti:"${words}"`, max_results: '5' })}`);
  }
  return urls;
}

export interface PoliteFetchOptions {
  /** At least this long between the starts of two requests. */
  intervalMs: number;
  timeoutMs: number;
  /** Further tries after a failure that may pass (no answer, a cut-off answer, 429 or 5xx). */
  retries: number;
  /** The first retry waits this long, each later one twice as long (and never less than intervalMs). */
  backoffMs: number;
  onRetry?: (url: string, error: FetchError, attempt: number, waitMs: number) => void;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

const mayPass = (error: FetchError): boolean => error.status === undefined || error.status === 429 || error.status >= 500;

/** A fetch of Atom that keeps to the interval between requests and retries what may pass. */
export function politeFetcher(options: PoliteFetchOptions): (url: string) => Promise<Uint8Array> {
  let last = -Infinity;
  const paced = async (url: string): Promise<Uint8Array> => {
    const wait = last + options.intervalMs - Date.now();
    if (wait > 0) await sleep(wait);
    last = Date.now();
    return fetchBytes(url, { timeoutMs: options.timeoutMs, accept: 'application/atom+xml' });
  };
  return async (url) => {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await paced(url);
      } catch (error) {
        if (!(error instanceof FetchError) || !mayPass(error) || attempt >= options.retries) throw error;
        const waitMs = Math.max(options.intervalMs, options.backoffMs * 2 ** attempt);
        options.onRetry?.(url, error, attempt + 1, waitMs);
        await sleep(waitMs);
      }
    }
  };
}
