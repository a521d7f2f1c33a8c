/** Digests as the site shows them: each date's papers in trending order, newest date first. */

export interface Listed {
  id: string;
  digests: readonly { date: string; rank: number }[];
}

export interface DigestListing<T extends Listed> {
  date: string;
  papers: T[];
}

/** Every digest date with its papers by rank (ties by id), newest date first. */
export function digestListings<T extends Listed>(papers: readonly T[]): DigestListing<T>[] {
  const byDate = new Map<string, { paper: T; rank: number }[]>();
  for (const paper of papers) {
    for (const d of paper.digests) {
      const list = byDate.get(d.date) ?? [];
      list.push({ paper, rank: d.rank });
      byDate.set(d.date, list);
    }
  }
  return [...byDate]
    .sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0))
    .map(([date, list]) => ({
      date,
      papers: list.sort((a, b) => a.rank - b.rank || (a.paper.id < b.paper.id ? -1 : 1)).map((x) => x.paper),
    }));
}

/** The papers before and after one in its digest's order. */
export function neighbours<T extends { id: string }>(listing: { papers: T[] }, id: string): { prev: T | undefined; next: T | undefined } {
  const i = listing.papers.findIndex((p) => p.id === id);
  return { prev: i > 0 ? listing.papers[i - 1] : undefined, next: i >= 0 ? listing.papers[i + 1] : undefined };
}

/** At most this many papers a digest page: /digests/<date>/, then /digests/<date>/2/ and on. */
export const DIGEST_PAGE_SIZE = 50;

/** The digest page that lists the paper of this rank (1-based) in the digest of `date`. */
export function digestPageHref(base: string, date: string, rank: number): string {
  const page = Math.max(1, Math.ceil(rank / DIGEST_PAGE_SIZE));
  return `${base}digests/${date}/${page > 1 ? `${page}/` : ''}`;
}

/** The most recent date a paper appeared in a digest. */
export function latestAppearance(paper: Pick<Listed, 'digests'>): { date: string; rank: number } {
  return [...paper.digests].sort((a, b) => (a.date < b.date ? 1 : -1))[0]!;
}

// One formatter for the whole build: toLocaleDateString makes a new one on every call, which
// cost seconds over 10,000 pages.
const DATE_FORMAT = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const formatted = new Map<string, string>();

/** "17 March 2025": dates as readers write them, in UTC so that no time zone shifts them. */
export function formatDate(iso: string): string {
  let text = formatted.get(iso);
  if (text === undefined) {
    text = DATE_FORMAT.format(new Date(`${iso}T00:00:00Z`));
    formatted.set(iso, text);
  }
  return text;
}
