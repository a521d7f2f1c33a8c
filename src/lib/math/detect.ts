/**
 * Finds where formulas were in damaged prose (the damage: restore.ts). A rule engine:
 *  1. scan.ts cuts the text into chunks at whitespace (a bracket group whose content is all
 *     math-like is kept whole, spaces and all: `O(nd log n)`);
 *  2. chunk.ts gives each chunk a core and a verdict, asking the rules of rules/index.ts in
 *     their stages: atoms (whole formulas: `i-th`), cuts (prose off the core:
 *     `epsilon-approximated`), vetoes (`Phi-3`), evidence (strong: `B_L`, `f(x)`, `omega`);
 *  3. seed rules find math across chunks (`h = g`, `log n`), run vetoes undo it ("Theta Labs");
 *  4. assemble.ts joins neighbouring chunks into formulas and trims their edges;
 *  5. paragraph rules add symbols the paragraph's other formulas use or introduce.
 * Every formula carries the rules that decided it (restore-math --explain prints them).
 */
import { analyse, type Chunk } from './chunk.ts';
import { assemble } from './assemble.ts';
import { PARAGRAPH_RULES, RUN_VETOES, SEED_RULES } from './rules/index.ts';
import { Scan, type Candidate, type Note } from './scan.ts';

export type { Candidate, Note } from './scan.ts';

/** Where formulas were in a stretch of damaged prose (no URLs, comments or \em groups in it). */
export function findCandidates(text: string, notes?: Note[]): Candidate[] {
  const scan = new Scan(text, notes);
  const chunks: Chunk[] = scan.unitRuns().map((units) => analyse(scan, units));
  for (const rule of SEED_RULES) rule.apply(scan, chunks);
  for (const rule of RUN_VETOES) {
    rule.chunks?.(scan, chunks, (c) => {
      c.verdict = 'text';
      c.rule = undefined;
      scan.note(c.s, c.e, rule.name);
    });
  }
  let out = assemble(scan, chunks).sort((x, y) => x.s - y.s);
  for (const rule of PARAGRAPH_RULES) {
    const more = rule.apply(scan, chunks, out);
    if (more.length > 0) out = [...out, ...more].sort((x, y) => x.s - y.s);
  }
  return out;
}
