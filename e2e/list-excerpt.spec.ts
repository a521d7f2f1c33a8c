/**
 * A list's excerpt is cut where no reader sees it (list-view.ts, oneLine): at the widest
 * layout, every excerpt the build cut still overflows its one line, which CSS ends.
 */
import { expect, test } from '@playwright/test';

const LISTS = ['/', '/digests/2025-03-17/', '/topics/learning-theory/', '/topics/numerical-linear-algebra/'];

for (const path of LISTS) {
  test(`excerpts cut by the build still fill their line, which ends in an ellipsis: ${path}`, async ({ page }) => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(path);
    await page.evaluate(() => document.fonts.ready);
    const excerpts = await page
      .locator('.paper-list .excerpt')
      .evaluateAll((els) =>
        els.map((el) => ({ text: el.textContent ?? '', overflows: el.scrollWidth > el.clientWidth, width: el.clientWidth })),
      );
    expect(excerpts.length).toBeGreaterThan(0);
    // Every excerpt is longer than its line (the shortest ones end with their abstract): CSS
    // ends the line, within the column, with its ellipsis; the build's cut is past it.
    const cut = excerpts.filter((e) => e.text.endsWith('…'));
    expect(cut.length).toBeGreaterThan(excerpts.length / 2);
    for (const e of cut) {
      expect(e.overflows, `cut on screen: ${e.text.slice(0, 80)}`).toBe(true);
      expect(e.width).toBeLessThanOrEqual(704);
    }
  });
}
