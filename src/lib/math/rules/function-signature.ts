import type { Chunk } from '../chunk.ts';
import type { Scan } from '../scan.ts';
import { seal, type SeedRule } from './rule.ts';

const ARROWS: ReadonlySet<string> = new Set(['to', 'rightarrow', 'mapsto', 'longrightarrow']);

/** A lone letter (not "a", "A", "I") or Greek name as the chunk's whole core. */
function symbol(scan: Scan, c: Chunk | undefined, capital: boolean): boolean {
  if (!c || c.verdict === 'text' || c.b - c.a !== 1) return false;
  const t = scan.head(c.units[c.a]);
  if (c.units[c.a]?.group || t?.kind !== 'word') return false;
  if (t.info?.kind === 'letter') return !/^[aAI]$/.test(t.text) && (!capital || /^[A-Z]$/.test(t.text));
  return capital && c.verdict === 'strong';
}

/** `f: X to Y`, `g: Omega rightarrow R`: a function's name, a colon, its domain, an arrow, its codomain. */
export const functionSignature: SeedRule = {
  name: 'function-signature',
  stage: 'seed',
  summary: 'a name, a colon, a domain, an arrow and a codomain',
  examples: [
    { text: 'It learns a classifier f: X to Y for new tasks.', tex: ['f: X \\to Y'] },
    { text: 'Section A: B to C.', tex: [] },
  ],
  apply(scan, chunks) {
    for (let k = 0; k + 3 < chunks.length; k += 1) {
      const [f, x, arrow, y] = [chunks[k], chunks[k + 1], chunks[k + 2], chunks[k + 3]];
      if (
        !f ||
        !x ||
        !arrow ||
        !y ||
        f.suffix !== 'colon' ||
        x.suffix !== 'none' ||
        arrow.suffix !== 'none' ||
        x.prefixText ||
        arrow.prefixText ||
        y.prefixText
      )
        continue;
      const name = scan.head(f.units[f.a]);
      if (!symbol(scan, f, false) || !/^[a-z]$/.test(name?.text ?? '') || !symbol(scan, x, true) || !symbol(scan, y, true)) continue;
      const op = scan.word(arrow.units[arrow.a])?.parts;
      if (arrow.b - arrow.a !== 1 || op?.length !== 1 || !ARROWS.has(op[0]?.text ?? '')) continue;
      for (const c of [f, x, arrow, y]) seal(c, this.name);
    }
  },
};
