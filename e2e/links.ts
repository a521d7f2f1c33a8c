/** Finds internal links and asset references in a built site that no file in it answers. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export function filesUnder(dir: string, ext: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith(ext))
    .map((f) => join(dir, f));
}

/**
 * Every href/src of every page and every url() of every stylesheet that points into the site
 * (relative, root-relative, or absolute on the site's own origin and base) must resolve to a
 * file of dist, as a static host serves it. Returns the broken ones and how many were checked.
 */
export function brokenReferences(dist: string, site: string, base: string): { broken: string[]; checked: number } {
  const origin = new URL(site).origin;
  const siteBase = new URL(base, site).href;
  const target = (pathname: string): boolean => {
    if (!pathname.startsWith(base)) return false;
    const file = join(dist, decodeURIComponent(pathname.slice(base.length)));
    if (existsSync(file) && statSync(file).isFile()) return true;
    return existsSync(join(file, 'index.html'));
  };
  const broken: string[] = [];
  let checked = 0;
  const check = (from: string, ref: string, pageUrl: string): void => {
    if (/^(mailto:|data:|#|javascript:)/.test(ref)) return;
    const url = new URL(ref, pageUrl);
    if (url.origin !== origin) return;
    checked += 1;
    if (!url.href.startsWith(siteBase) || !target(url.pathname)) broken.push(`${from} -> ${ref}`);
  };
  for (const file of filesUnder(dist, '.html')) {
    const rel = relative(dist, file);
    const pageUrl = new URL(rel.replace(/index\.html$/, ''), siteBase).href;
    for (const [, raw] of readFileSync(file, 'utf8').matchAll(/\s(?:href|src)="([^"]+)"/g))
      check(rel, raw!.replace(/&amp;/g, '&'), pageUrl);
  }
  for (const file of filesUnder(dist, '.css')) {
    const rel = relative(dist, file);
    for (const [, raw] of readFileSync(file, 'utf8').matchAll(/url\(([^)]+)\)/g))
      check(rel, raw!.replace(/["']/g, ''), new URL(rel, siteBase).href);
  }
  return { broken, checked };
}
