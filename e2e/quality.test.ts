/**
 * Quality gates on the seed fixture site: every page is valid HTML, and every internal link and
 * asset reference resolves to a file of the site. Runs after `npm run test:sites`.
 */
import assert from 'node:assert/strict';
import { relative } from 'node:path';
import { test } from 'node:test';
import { HtmlValidate, StaticConfigLoader } from 'html-validate';
import { builtSite } from '../test/support/sites.ts';
import { brokenReferences, filesUnder } from './links.ts';

const site = builtSite('seed');
const dist = site.dist;

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
  const { broken, checked } = brokenReferences(dist, site.site, site.base);
  assert.ok(checked > 500, `${checked} references checked`);
  assert.deepEqual(broken.slice(0, 30), [], `${broken.length} broken references`);
});
