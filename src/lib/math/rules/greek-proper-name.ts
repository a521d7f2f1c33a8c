import type { Chunk } from '../chunk.ts';
import type { VetoRule } from './rule.ts';

/**
 * A capital Greek name next to a capitalised word is a name: "Theta Labs", "Microsoft Phi",
 * "Delta Airlines", even where a seed made it a formula.
 */
export const greekProperName: VetoRule = {
  name: 'greek-proper-name',
  stage: 'veto',
  summary: 'a capital Greek name beside a capitalised word is a name',
  examples: [{ text: 'Theta Labs released Theta(n) and Microsoft Phi', tex: ['\\Theta(n)'] }],
  chunks(scan, chunks, veto) {
    const capitalised = (c: Chunk | undefined): boolean =>
      c !== undefined && c.verdict === 'text' && /^[A-Z][a-z]/.test(scan.text.slice(c.s, c.s + 2));
    chunks.forEach((c, k) => {
      if (!c.capGreek || c.verdict !== 'strong') return;
      const before = chunks[k - 1];
      const after = chunks[k + 1];
      if (
        (!c.prefixText && before?.suffix === 'none' && capitalised(before)) ||
        (c.suffix === 'none' && !after?.prefixText && capitalised(after))
      )
        veto(c);
    });
  },
};
