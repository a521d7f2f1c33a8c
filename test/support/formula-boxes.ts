/**
 * What the formulas of a page draw, measured in Chromium (the hostile-site and hand-edit tests):
 * each box of a formula (KaTeX's elements, and formulas shown as their source) as far as it is
 * visible, that is clipped by every ancestor that clips (overflow other than visible, with its
 * overflow-clip-margin), must fit in the viewport. A box inside a scrolling abstract may be wider
 * than the page and is read by scrolling; what is painted may not be. Also: the blocks that show
 * formulas are no wider than the viewport, the page does not scroll sideways, and nothing links
 * to javascript: or carries an image, id, data attribute or fixed position from a formula.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright';

export interface Measured {
  problems: string[];
  /** KaTeX formulas on the page. */
  formulas: number;
  /** Formulas shown as their marked source. */
  marked: number;
  /** Abstracts and display formulas wider than their box, which scroll. */
  scrollers: number;
}

/** A desktop window and a phone. */
export const VIEWPORTS = [
  { width: 1280, height: 720 },
  { width: 360, height: 740 },
] as const;

// JavaScript for the page as it is (tsx would wrap named TypeScript functions in a helper the page lacks).
const MEASURE_FORMULAS = `(() => {
  const vw = document.documentElement.clientWidth;
  const vh = window.innerHeight;
  const problems = [];
  const clips = new Map();
  const none = { l: -Infinity, t: -Infinity, r: Infinity, b: Infinity };
  const clipOf = (el) => {
    if (clips.has(el)) return clips.get(el);
    const parent = el.parentElement;
    const clip = { ...(parent ? clipOf(parent) : none) };
    if (parent) {
      const cs = getComputedStyle(parent);
      const box = parent.getBoundingClientRect();
      const margin = (axis) => (axis === 'clip' ? parseFloat(cs.overflowClipMargin) || 0 : 0);
      if (cs.overflowX !== 'visible') {
        clip.l = Math.max(clip.l, box.left - margin(cs.overflowX));
        clip.r = Math.min(clip.r, box.right + margin(cs.overflowX));
      }
      if (cs.overflowY !== 'visible') {
        clip.t = Math.max(clip.t, box.top - margin(cs.overflowY));
        clip.b = Math.min(clip.b, box.bottom + margin(cs.overflowY));
      }
    }
    clips.set(el, clip);
    return clip;
  };
  const where = (el) => el.tagName.toLowerCase() + '.' + [...el.classList].join('.') + ' in ' + (el.closest('h1, .abstract, .paper-list > li, .pager li, main')?.className || el.closest('h1, li, main')?.tagName || '?');
  for (const el of document.querySelectorAll('.katex, .katex *, .math-source, .math-source *')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    const c = clipOf(el);
    const w = Math.max(0, Math.min(r.right, c.r) - Math.max(r.left, c.l));
    const h = Math.max(0, Math.min(r.bottom, c.b) - Math.max(r.top, c.t));
    if (w > vw + 1 || h > vh + 1) problems.push(where(el) + ' paints ' + Math.round(w) + '×' + Math.round(h) + ' px in a ' + vw + '×' + vh + ' viewport');
    if (getComputedStyle(el).position === 'fixed') problems.push(where(el) + ' is position: fixed');
  }
  for (const el of document.querySelectorAll('main, h1, .abstract, .paper-list > li, .pager li, .katex-display')) {
    const r = el.getBoundingClientRect();
    if (r.width > vw + 1) problems.push(where(el) + ' is ' + Math.round(r.width) + ' px wide in a ' + vw + ' px viewport');
  }
  if (document.documentElement.scrollWidth > vw + 1) problems.push('the page scrolls sideways: ' + document.documentElement.scrollWidth + ' px in ' + vw);
  for (const a of document.querySelectorAll('[href], [src], [action], [formaction]')) {
    for (const name of ['href', 'src', 'action', 'formaction']) {
      if (/^\\s*javascript:/i.test(a.getAttribute(name) ?? '')) problems.push(a.tagName + ' ' + name + '="' + a.getAttribute(name) + '"');
    }
  }
  if (document.querySelectorAll('main img, [data-foo], [id="main"] [id="main"], .katex [id], .katex [style*="fixed"]').length > 0) problems.push('an image, data attribute, id or style from a formula');
  const scrollers = [...document.querySelectorAll('.abstract, .katex-display')].filter((e) => e.scrollWidth > e.clientWidth + 1).length;
  return { problems, formulas: document.querySelectorAll('.katex').length, marked: document.querySelectorAll('.math-source').length, scrollers };
})()`;

/** Measures the page and fails, saying where, if any formula box is larger than the viewport. */
export async function assertContained(page: Page, where: string): Promise<Measured> {
  const seen = await page.evaluate<Measured>(MEASURE_FORMULAS);
  assert.deepEqual(seen.problems, [], where);
  return seen;
}
