/** Readable, stable URL slugs for papers, derived from their titles. */
import { createHash } from 'node:crypto';
import { slug as githubSlug } from 'github-slugger';

const MAX_SLUG_LENGTH = 80;
/**
 * File names are limited in bytes (255 on every common file system), slugs in characters: a
 * CJK character is 3 bytes of UTF-8. 180 bytes leave room for `.mdx`, a `-NN` suffix and the
 * ingest's staging name (`.<slug>.mdx.<12 hex>.ingest-tmp`).
 */
export const MAX_SLUG_BYTES = 180;

const utf8Length = (s: string): number => Buffer.byteLength(s, 'utf8');

/** The longest prefix of s, in whole code points, within `bytes` bytes of UTF-8. */
function byteCut(s: string, bytes: number): string {
  let out = '';
  for (const ch of s) {
    if (utf8Length(out) + utf8Length(ch) > bytes) break;
    out += ch;
  }
  return out;
}

/**
 * The slug a title asks for: github-slugger's rules, cut at a word boundary within 80
 * characters and MAX_SLUG_BYTES bytes. A title with no letter or digit (emoji only, say) gets
 * `paper-` and a hash of the title: stable, whatever else is on the site.
 */
export function baseSlug(title: string): string {
  // Math remains and TeX punctuation make noise in URLs; github-slugger keeps letters of every script.
  let s = githubSlug(title.normalize('NFKC').replace(/[\\$^_{}]/g, ' '))
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  if ([...s].length > MAX_SLUG_LENGTH || utf8Length(s) > MAX_SLUG_BYTES) {
    const cut = byteCut([...s].slice(0, MAX_SLUG_LENGTH + 1).join(''), MAX_SLUG_BYTES + 1);
    const at = cut.lastIndexOf('-');
    s = (at > 20 ? cut.slice(0, at) : byteCut([...cut].slice(0, MAX_SLUG_LENGTH).join(''), MAX_SLUG_BYTES)).replace(/-$/, '');
  }
  if (s.replace(/-/g, '') === '') return `paper-${createHash('sha256').update(title.normalize('NFC')).digest('hex').slice(0, 10)}`;
  return s;
}

/** The first of base, base-2, base-3, ... that is not taken. */
export function uniqueSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/**
 * The key by which a paper without an arXiv id is recognised again: its title with Unicode
 * (NFC), case and white space normalized, and the source's TeX damage applied (the rule of
 * ../shared/math: `\name{ARG}` → ARG, then every `$` and backslash dropped), so that
 * `$\ell_\infty$` and `ell_infty` are one title. Punctuation is kept: "C#" is not "C++".
 */
export function titleKey(title: string): string {
  return title
    .replace(/\\[A-Za-z]+\{(.*?)\}/g, '$1')
    .replace(/[$\\]/g, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
