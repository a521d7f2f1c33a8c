/**
 * An entry's text through the end of its frontmatter, for the index of a daily ingest, which
 * looks up the keys of every entry (10,000 and more) to merge into a few. Reading and decoding
 * each whole file, and keeping the texts, was most of an ingest's cost that grows with the
 * site; this reads the start of a file into one reused buffer and decodes only the frontmatter.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';

/** Frontmatter longer than this (a long author list) is read whole, as before. */
const HEAD_BYTES = 64 * 1024;
const CLOSING = '\n---';

let buffer: Buffer | undefined;

/**
 * The text of `dir/name` up to and including the `\n---` that closes its frontmatter, or the
 * whole text when that is not in its first 64 KiB (then `readWhole` gives it). Reading the
 * keys from it gives what they would from the whole text: both find the same first `\n---`.
 */
export function readEntryHead(dir: string, name: string, readWhole: () => string): string {
  buffer ??= Buffer.allocUnsafe(HEAD_BYTES);
  const fd = openSync(join(dir, name), 'r');
  let length: number;
  try {
    length = readSync(fd, buffer, 0, HEAD_BYTES, 0);
  } finally {
    closeSync(fd);
  }
  const end = buffer.subarray(0, length).indexOf(CLOSING, 3);
  if (end < 0) return length < HEAD_BYTES ? buffer.toString('utf8', 0, length) : readWhole();
  const head = buffer.toString('utf8', 0, end + CLOSING.length);
  // Characters of several bytes before byte 3 could put the text's first `\n---` elsewhere.
  return head.indexOf(CLOSING, 3) === head.length - CLOSING.length ? head : readWhole();
}
