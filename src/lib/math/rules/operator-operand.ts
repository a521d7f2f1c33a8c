import type { Chunk } from '../chunk.ts';
import type { Scan } from '../scan.ts';

/** The pairs the operand rules look at: a one-unit chunk and the chunk after it, both not text. */
export function* operandPairs(scan: Scan, chunks: readonly Chunk[]): Generator<[Chunk, Chunk, string | undefined]> {
  for (let k = 0; k + 1 < chunks.length; k += 1) {
    const [fn, arg] = [chunks[k], chunks[k + 1]];
    if (!fn || !arg || fn.verdict === 'text' || arg.verdict === 'text' || fn.suffix !== 'none' || arg.prefixText || fn.b - fn.a !== 1)
      continue;
    yield [fn, arg, scan.operand(arg.units[arg.a])];
  }
}
