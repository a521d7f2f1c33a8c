/** Readable, stable URL slugs for papers, derived from their titles. */
import { slug as githubSlug } from 'github-slugger';

const MAX_SLUG_LENGTH = 80;

/** The slug a title asks for: github-slugger's rules, cut at a word boundary. */
export function baseSlug(title: string): string {
  // Math remains and TeX punctuation make noise in URLs; github-slugger keeps letters of every script.
  let s = githubSlug(title.normalize('NFKC').replace(/[\\$^_{}]/g, ' '))
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  if (s.length > MAX_SLUG_LENGTH) {
    const cut = s.slice(0, MAX_SLUG_LENGTH + 1);
    const at = cut.lastIndexOf('-');
    s = (at > 20 ? cut.slice(0, at) : cut.slice(0, MAX_SLUG_LENGTH)).replace(/-$/, '');
  }
  return s === '' ? 'paper' : s;
}

/** The first of base, base-2, base-3, ... that is not taken. */
export function uniqueSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** The key by which a paper is recognised again in a later digest: its title, case and spacing aside. */
export function titleKey(title: string): string {
  return title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
