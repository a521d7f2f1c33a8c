/**
 * Quality gates on the built site: every page is valid HTML, and every internal link and asset
 * reference resolves to a file in dist/. Runs after `npm run build`.
 */
import assert from 'node:assert/strict';
import { relative } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { HtmlValidate, StaticConfigLoader } from 'html-validate';
import { brokenReferences, filesUnder } from './links.ts';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const base = (process.env.BASE ?? '/').replace(/\/?$/, '/');

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

test('no broken internal link or asset reference', () => {
  const { broken, checked } = brokenReferences(dist, process.env.SITE ?? 'https://paperboy.example.org', base);
  assert.ok(checked > 500, `${checked} references checked`);
  assert.deepEqual(broken.slice(0, 30), [], `${broken.length} broken references`);
});
