/**
 * Formulas that reach the renderer and fail there: a hand edit puts every hostile formula
 * (test/support/hostile.ts) into a seed entry's title and body, where the ingest's check never
 * saw them. The site still builds, the build says which entry holds formulas shown as source,
 * and in Chromium each one is its marked source (labelled, framed, in both themes), contained on
 * the paper page and in the lists that show the title, with no javascript: link anywhere. Made
 * on a copy of the seed fixture site's content (built by `npm run test:sites`).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import type { Browser } from 'playwright';
import { parseEntryFile } from '../src/lib/contract/entry-file.ts';
import { launchChromium } from '../test/support/chromium.ts';
import { assertContained, VIEWPORTS } from '../test/support/formula-boxes.ts';
import { HOSTILE_FORMULAS } from '../test/support/hostile.ts';
import { builtSite, ROOT } from '../test/support/sites.ts';
import { startStaticServer, type StaticServer } from '../test/support/static-server.ts';

const seed = builtSite('seed');
const work = mkdtempSync(join(tmpdir(), 'pb-formulas-'));
const ENTRY = 'mgno-efficient-parameterization-of-linear-operators-via-multigrid';
const content = join(work, 'content');
const dist = join(work, 'dist');
const TITLE_FORMULAS = [
  `${'\\sqrt{'.repeat(400)}x${'}'.repeat(400)}`,
  '\\href{javascript:alert(1)}{x}',
  'a\\kern-100000em b',
  '\\rule{100000em}{100000em}',
];
let build: { status: number | null; output: string } = { status: null, output: '' };
let server: StaticServer | undefined;
let browser: Browser | undefined;

before(async () => {
  cpSync(seed.content, content, { recursive: true });
  const file = join(content, 'papers', `${ENTRY}.mdx`);
  const text = readFileSync(file, 'utf8');
  // YAML's single quotes take backslashes as they are.
  const title = `MgNO, hand-edited: ${TITLE_FORMULAS.map((f) => `$${f}$`).join(', ')}`;
  const edited = `${text.replace(/^title: .*$/m, () => `title: '${title}'`).trimEnd()}\n\nHand-edited: ${HOSTILE_FORMULAS.map((f) => `$${f}$`).join(' and ')}.\n\n$$\n\\frac{1}{\n$$\n`;
  writeFileSync(file, edited);
  const r = spawnSync(join(ROOT, 'node_modules/.bin/astro'), ['build'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: {
      ...process.env,
      PAPERBOY_CONTENT: content,
      PAPERBOY_OUT: dist,
      PAPERBOY_CACHE: join(work, 'cache'),
      ASTRO_TELEMETRY_DISABLED: '1',
      PATH: `${join(ROOT, 'node_modules/.bin')}:${process.env['PATH']}`,
    },
  });
  build = { status: r.status, output: `${r.stdout}\n${r.stderr}` };
  if (build.status === 0) {
    server = await startStaticServer(dist);
    browser = await launchChromium();
  }
});

after(async () => {
  await browser?.close();
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

test('the site builds, and the build names the entry whose formulas are shown as source', () => {
  assert.equal(build.status, 0, build.output.slice(-3000));
  const bodyLine = parseEntryFile(readFileSync(join(content, 'papers', `${ENTRY}.mdx`), 'utf8'), `${ENTRY}.mdx`).bodyLine;
  const warning = new RegExp(`papers/${ENTRY}\\.mdx:${bodyLine}: (\\d+) formula\\(s\\) shown as TeX source \\(([a-z, ]+)\\)`).exec(
    build.output,
  );
  assert.ok(warning, build.output.slice(-3000));
  assert.ok(Number(warning[1]) >= 20, warning[0]);
  const html = readFileSync(join(dist, 'papers', ENTRY, 'index.html'), 'utf8');
  assert.ok((html.match(/class="math-source/g)?.length ?? 0) >= 24, 'title and body formulas marked');
  assert.doesNotMatch(html, /katex-error|href="javascript|<img\b[^>]*evil|data-foo/i);
  const feed = readFileSync(join(dist, 'rss.xml'), 'utf8');
  assert.match(feed, /&lt;code class=(&quot;|")math-source(&quot;|") data-math-error=/, 'the feed shows them as their source');
  assert.doesNotMatch(feed, /href=(&quot;|")javascript|katex-error/i);
});

test('in Chromium, each refused formula is its marked source, contained, labelled and framed in both themes', async () => {
  assert.ok(browser, 'the site built');
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server!.origin}/papers/${ENTRY}/`);
  // The neighbours' pages show the title in their pager, the lists in their items.
  const neighbours = await page.locator('.pager a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  const paths = [`/papers/${ENTRY}/`, '/', '/digests/2025-03-17/', ...neighbours];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    for (const viewport of VIEWPORTS) {
      await page.setViewportSize(viewport);
      for (const path of paths) {
        await page.goto(`${server!.origin}${path}`);
        const seen = await assertContained(page, `${path}, ${colorScheme}, ${viewport.width}×${viewport.height}`);
        assert.ok(seen.marked >= (path.startsWith(`/papers/${ENTRY}`) ? 24 : 2), `${path}: ${seen.marked} marked formulas`);
        const marks = await page.locator('.math-source').evaluateAll((els) =>
          els.map((e) => {
            const cs = getComputedStyle(e);
            return {
              reason: e.getAttribute('data-math-error'),
              title: e.getAttribute('title') ?? '',
              label: e.querySelector('.visually-hidden')?.textContent ?? '',
              border: cs.borderTopStyle,
              font: getComputedStyle(e.querySelector('code')!).fontFamily,
              links: e.querySelectorAll('a').length,
            };
          }),
        );
        for (const m of marks) {
          assert.match(m.reason ?? '', /^(length|depth|command|parse|untrusted|size|markup)$/);
          assert.match(m.title, /^Not rendered as math: this formula /);
          assert.equal(m.label, 'Formula not rendered, TeX source: ');
          assert.equal(m.border, 'dashed', 'marked by a frame, not by colour alone');
          assert.match(m.font, /monospace/);
          assert.equal(m.links, 0);
        }
        // Contrast and axe's other rules, on the marked formulas, in this theme.
        if (viewport.width === VIEWPORTS[0].width) {
          const axe = await new AxeBuilder({ page } as unknown as ConstructorParameters<typeof AxeBuilder>[0])
            .include('.math-source')
            .analyze();
          assert.deepEqual(
            axe.violations.map((v) => `${v.id}: ${v.nodes.length}`),
            [],
            `axe, ${path}, ${colorScheme}`,
          );
        }
      }
    }
  }
  assert.deepEqual(errors, []);
  await context.close();
});
