/**
 * Copying from a paper page in Chromium, through a real selection, the keyboard and the real
 * clipboard (src/scripts/copy.ts): formulas once, as $TeX$, no newlines, no screen-reader notes;
 * the abstract's "Copy as LaTeX" button.
 */
import { expect, test, type Page } from '@playwright/test';

const REGRESSION = '/papers/a-nearly-optimal-bound-for-fast-regression-with-ell-infty-guarantee/';
const SPARSITY = '/papers/progressive-gradient-flow-for-robust-nm-sparsity-training-in-transformers/';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

const clipboard = (page: Page): Promise<string> => page.evaluate(() => navigator.clipboard.readText());

/** The TeX of each formula of the abstract, as KaTeX keeps it in the page. */
const abstractTex = (page: Page): Promise<string[]> =>
  page.locator('[data-copy-source="abstract"] .katex annotation').evaluateAll((all) => all.map((a) => a.textContent ?? ''));

test('copying the selected abstract gives each formula once, as $TeX$, on one line, without the notes', async ({ page }) => {
  await page.goto(REGRESSION);
  await page.evaluate(() => {
    const range = document.createRange();
    range.selectNodeContents(document.querySelector('[data-copy-source="abstract"]')!);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
  });
  await page.keyboard.press('Control+C');
  const text = await clipboard(page);

  expect(text).toMatch(
    /^Given a matrix \$A\\in \\mathbb\{R\}\^\{n\\times d\}\$ and a vector \$b\\in \\mathbb\{R\}\^n\$, we consider the regression problem with \$\\ell_\\infty\$ guarantees/,
  );
  expect(text).not.toContain('\n');
  // Neither KaTeX's MathML nor its HTML rendering is copied beside the TeX, nor the note on lost math.
  expect(text).not.toContain('A∈R');
  expect(text).not.toContain('part of this formula was lost');
  await expect(page.locator('[data-copy-source="abstract"] .math-incomplete').first()).toBeAttached();
  // Every formula, in order, once.
  const tex = await abstractTex(page);
  expect(tex.length).toBeGreaterThan(10);
  let at = 0;
  for (const t of tex) {
    const found = text.indexOf(`$${t}$`, at);
    expect(found, t).toBeGreaterThanOrEqual(at);
    at = found + t.length + 2;
  }
  expect(text.split('$').length - 1).toBe(2 * tex.length);
  // The prose reads as the page shows it.
  expect(text).toContain('One popular approach for solving such $\\ell_2$ regression problem is via sketching');
});

test('a selection made with the mouse from inside a formula copies the whole formula', async ({ page }) => {
  await page.goto(REGRESSION);
  const formula = (await page.locator('[data-copy-source="abstract"] .katex').first().boundingBox())!;
  // The end of the word "vector" after it.
  const end = await page.evaluate(() => {
    const walker = document.createTreeWalker(document.querySelector('[data-copy-source="abstract"]')!, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf('a vector');
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at + 'a vector'.length - 1);
      range.setEnd(node, at + 'a vector'.length);
      const r = range.getBoundingClientRect();
      return { x: r.right - 1, y: r.top + r.height / 2 };
    }
    throw new Error('no "a vector" in the abstract');
  });
  await page.mouse.move(formula.x + formula.width / 2, formula.y + formula.height / 2);
  await page.mouse.down();
  await page.mouse.move(end.x, end.y, { steps: 5 });
  await page.mouse.up();
  expect(await page.evaluate(() => getSelection()!.toString())).not.toBe('');
  await page.keyboard.press('Control+C');
  expect(await clipboard(page)).toBe('$A\\in \\mathbb{R}^{n\\times d}$ and a vector');
});

test('"Copy abstract as LaTeX" copies the abstract with its formulas and the prose escaped for LaTeX', async ({ page }) => {
  await page.goto(SPARSITY);
  const button = page.getByRole('button', { name: 'Copy abstract as LaTeX' });
  await expect(button).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Copy', exact: true })).toBeVisible();
  await button.click();
  await expect(page.getByRole('button', { name: 'Copied' })).toBeVisible();
  const text = await clipboard(page);
  expect(text).toMatch(/^N:M Structured sparsity has garnered significant interest/);
  expect(text).toContain('low-sparsity regions ($\\sim$50\\%). Nonetheless');
  expect(text).toContain('high-sparsity regions (>80\\%)');
  expect(text).toContain('https://github.com/abhibambhaniya/progressive\\_gradient\\_flow\\_nm\\_sparsity.');
  expect(text).not.toContain('\n');
  expect(text.match(/(?<!\\)%/g)).toBeNull();
});

test('without a formula in it, a selection is copied by the browser as it is', async ({ page }) => {
  await page.goto(SPARSITY);
  await page.locator('h1').selectText();
  await page.keyboard.press('Control+C');
  expect(await clipboard(page)).toBe(await page.locator('h1').innerText());
});
