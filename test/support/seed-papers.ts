// TEST-ONLY: a tiny reader for the seed digest, used by the topic and
// similarity tests. The real digest parser lives elsewhere; this one only
// knows the seed's shape: header lines, a date line ("Mar 17"), then
// title line / abstract paragraph pairs separated by blank lines.
import { readFileSync } from 'node:fs';

export interface SeedPaper {
  title: string;
  abstract: string;
}

export const SEED_DIGEST_URL = new URL('../fixtures/seed/digests/2025-03-17.txt', import.meta.url);

export function readSeedPapers(): SeedPaper[] {
  const lines = readFileSync(SEED_DIGEST_URL, 'utf8')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const dateAt = lines.findIndex((l) => /^[A-Z][a-z]{2} \d{1,2}$/.test(l));
  if (dateAt < 0) throw new Error('seed digest: no date line');
  const body = lines.slice(dateAt + 1);
  if (body.length % 2 !== 0) throw new Error('seed digest: odd number of title/abstract lines');
  const papers: SeedPaper[] = [];
  for (let i = 0; i < body.length; i += 2) {
    papers.push({ title: body[i] ?? '', abstract: body[i + 1] ?? '' });
  }
  return papers;
}
