import { createHash } from 'node:crypto';

/** A short content checksum: enough to tell a hand edit from the value the ingest wrote. */
export function checksum(value: string | readonly string[]): string {
  const text = typeof value === 'string' ? value : value.join('\n');
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}
