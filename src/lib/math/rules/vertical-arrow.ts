import type { AtomRule } from './rule.ts';

/**
 * `FID downarrow`: a vertical arrow alone marks which way a metric is better; it is a formula by
 * itself, with no operands.
 */
export const verticalArrow: AtomRule = {
  name: 'vertical-arrow',
  stage: 'atom',
  summary: 'a vertical arrow alone after a metric is a formula by itself',
  examples: [
    { text: 'FID downarrow and IS uparrow', tex: ['\\downarrow', '\\uparrow'] },
    { text: 'quality (TI downarrow) and gains (+4.29uparrow VQA)', tex: ['\\downarrow', '+4.29\\uparrow'] },
  ],
  find(scan, c) {
    if (c.b - c.a !== 1 || scan.word(c.units[c.a])?.parts.length !== 1) return undefined;
    const t = scan.head(c.units[c.a]);
    if (!t || !/^(up|down|Up|Down)arrow$/.test(t.text)) return undefined;
    return { s: t.s, e: t.e, tex: `\\${t.text}`, rules: [this.name] };
  },
};
