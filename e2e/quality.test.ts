/**
 * Quality gates on the built site: every page is valid HTML, and every internal link and asset
 * reference resolves to a file in dist/. Runs after `npm run build`.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { HtmlValidate, StaticConfigLoader } from 'html-validate';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const base = (process.env.BASE ?? '/').replace(/\/?$/, '/');

function filesUnder(dir: string, ext: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith(ext))
    .map((f) => join(dir, f));
}

const pages = filesUnder(dist, '.html');

test('every built page is valid HTML', async () => {
  const validator = new HtmlValidate(
    new StaticConfigLoader({
      extends: ['html-validate:recommended'],
      rules: {
        // KaTeX positions glyphs with style attributes; they are its markup, not ours.
        'no-inline-style': 'off',
        // Titles of related papers repeat words of the page; long lines are content.
        'long-title': 'off',
      },
    }),
  );
  assert.ok(pages.length > 50, `${pages.length} pages`);
  const errors: string[] = [];
  for (const file of pages) {
    const report = await validator.validateFile(file);
    for (const r of report.results) {
      for (const m of r.messages) errors.push(`${relative(dist, file)}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
    }
  }
  assert.deepEqual(errors.slice(0, 30), [], `${errors.length} errors`);
});

/** The file a site URL path is served from, as a static host finds it. */
function target(path: string): string | undefined {
  if (!path.startsWith(base)) return undefined;
  const rel = decodeURIComponent(path.slice(base.length));
  const file = join(dist, rel);
  if (existsSync(file) && statSync(file).isFile()) return file;
  const index = join(file, 'index.html');
  return existsSync(index) ? index : undefined;
}

test('no broken internal link or asset reference', () => {
  const site = new URL(base, 'https://paperboy.example.org').origin;
  const broken: string[] = [];
  let checked = 0;
  const refs = /\s(?:href|src)="([^"]+)"/g;
  const cssRefs = /url\(([^)]+)\)/g;
  for (const file of pages) {
    const html = readFileSync(file, 'utf8');
    const here = `/${relative(dist, file).replace(/index\.html$/, '')}`;
    for (const [, raw] of html.matchAll(refs)) {
      const ref = raw!.replace(/&amp;/g, '&');
      if (/^(mailto:|data:|#)/.test(ref)) continue;
      const url = new URL(ref, `${site}${here}`);
      // Absolute URLs to the site itself (canonical, feeds) are internal too.
      if (url.origin !== site && !url.href.startsWith(process.env.SITE ?? 'https://paperboy.example.org')) continue;
      checked += 1;
      if (!target(url.pathname)) broken.push(`${relative(dist, file)} -> ${ref}`);
    }
  }
  for (const file of filesUnder(dist, '.css')) {
    for (const [, raw] of readFileSync(file, 'utf8').matchAll(cssRefs)) {
      const ref = raw!.replace(/["']/g, '');
      if (ref.startsWith('data:')) continue;
      checked += 1;
      const url = new URL(ref, `${site}/${relative(dist, file)}`);
      if (!target(url.pathname)) broken.push(`${relative(dist, file)} -> ${ref}`);
    }
  }
  assert.ok(checked > 500, `${checked} references checked`);
  assert.deepEqual(broken.slice(0, 30), [], `${broken.length} broken references`);
});
