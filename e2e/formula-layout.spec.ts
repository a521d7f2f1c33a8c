/**
 * The site writes KaTeX's markup shorter (src/lib/render/compact-katex.ts). In Chromium, each
 * formula of the seed site's heaviest pages lays out exactly as KaTeX's own markup of the same
 * TeX: every box of the formula measured, then the formula's HTML and MathML trees swapped for
 * KaTeX's, in place, and measured again.
 */
import { expect, test } from '@playwright/test';
import katex from 'katex';
import { katexOptions } from '../src/lib/render/katex.ts';

const PAGES = [
  '/papers/a-nearly-optimal-bound-for-fast-regression-with-ell-infty-guarantee/',
  '/papers/learning-hierarchical-polynomials-with-three-layer-neural-networks/',
  '/papers/neural-network-approximations-of-pdes-beyond-linearity-a-representational/',
  '/',
];

type Box = [number, number, number, number];

for (const path of PAGES) {
  test(`formulas lay out as KaTeX's own markup does: ${path}`, async ({ page }) => {
    await page.goto(path);
    await page.evaluate(() => document.fonts.ready);
    const formulas = await page
      .locator('.katex')
      .evaluateAll((all) =>
        all.map((k) => ({ tex: k.querySelector('annotation')?.textContent ?? '', display: k.closest('.katex-display') !== null })),
      );
    expect(formulas.length).toBeGreaterThan(2);
    const reference = formulas.map(({ tex, display }) =>
      katex.renderToString(tex, { ...katexOptions('htmlAndMathml'), displayMode: display, throwOnError: true }),
    );
    // Every box of every formula, the formula's own box on the page included.
    const measure = (): Promise<{ count: number; boxes: Box[] }[]> =>
      page.locator('.katex').evaluateAll((all) =>
        all.map((k) => {
          const els = [k, ...k.querySelectorAll('*')];
          return {
            count: els.length,
            boxes: els.map((e) => {
              const r = e.getBoundingClientRect();
              return [r.x, r.y, r.width, r.height] as Box;
            }),
          };
        }),
      );
    const before = await measure();
    const markup = await page.locator('.katex').evaluateAll((all, refs) => {
      const sizes: number[] = [];
      all.forEach((k, i) => {
        const ref = document.createElement('div');
        ref.innerHTML = refs[i]!;
        const mine = [k.querySelector('.katex-mathml'), k.querySelector('.katex-html')];
        const theirs = [ref.querySelector('.katex-mathml'), ref.querySelector('.katex-html')];
        sizes.push(mine.reduce((n, e) => n + (e?.outerHTML.length ?? 0), 0) - theirs.reduce((n, e) => n + (e?.outerHTML.length ?? 0), 0));
        mine.forEach((e, j) => e!.replaceWith(theirs[j]!));
      });
      return sizes;
    }, reference);
    const after = await measure();
    // The page's markup is shorter than KaTeX's, and lays out the same, box for box.
    expect(markup.reduce((a, b) => a + b, 0)).toBeLessThan(0);
    expect(after.map((f) => f.count)).toEqual(before.map((f) => f.count));
    for (const [i, f] of before.entries()) {
      for (const [j, box] of f.boxes.entries()) {
        const other = after[i]!.boxes[j]!;
        for (let d = 0; d < 4; d++) expect(Math.abs(box[d]! - other[d]!), `${formulas[i]!.tex}: box ${j}`).toBeLessThan(0.01);
      }
    }
  });
}
