/**
 * What a detection rule is: a name, one line on what it decides, and examples that are its unit
 * tests (rules.test.ts runs every rule's examples through restoreMath). The stage says where the
 * detector (detect.ts) asks it:
 *  - atom:      finds a whole formula in one chunk (`i-th` → `$i$-th`);
 *  - veto:      keeps a chunk, or the chunks around one, as prose (`Phi-3` is a model name);
 *  - cut:       cuts prose off a chunk's core (`epsilon-approximated` → `epsilon`);
 *  - evidence:  one unit of a chunk's core is something no English has (`B_L`, `f(x)`);
 *  - seed:      neighbouring chunks together are math (`h = g`, `log n`);
 *  - paragraph: after the formulas are assembled, what the paragraph says elsewhere (`T` after `O(log T)`).
 * A rule that decides a formula is credited on it (restore-math --explain prints the credits); a
 * veto is credited on the span it kept as prose.
 */
import type { Chunk, Unit } from '../chunk.ts';
import type { Candidate, Scan } from '../scan.ts';

/** Damaged text, and the TeX of the formulas restoreMath writes for it, in order. */
export interface RuleExample {
  readonly text: string;
  readonly tex: readonly string[];
}

interface Base {
  readonly name: string;
  /** What it decides, in one line (for --explain and the examples' test). */
  readonly summary: string;
  readonly examples: readonly RuleExample[];
}

export interface AtomRule extends Base {
  readonly stage: 'atom';
  /** The formula found in the chunk's core units a..b-1, or undefined. */
  find(scan: Scan, c: Chunk): Candidate | undefined;
}

export interface VetoRule extends Base {
  readonly stage: 'veto';
  /** Per chunk (core a..b-1, before evidence): true keeps it prose. */
  chunk?(scan: Scan, c: Chunk): boolean;
  /** Across chunks, after the seeds: turns chunks back to prose with veto(), in order. */
  chunks?(scan: Scan, chunks: readonly Chunk[], veto: (c: Chunk) => void): void;
}

export interface CutRule extends Base {
  readonly stage: 'cut';
  /** Moves the core's edges (c.a, c.b) and marks what it cut; true when it cut. */
  cut(scan: Scan, c: Chunk): boolean;
}

export interface EvidenceRule extends Base {
  readonly stage: 'evidence';
  /** Does unit k of the core, with its neighbours, prove math? */
  holds(scan: Scan, core: readonly Unit[], k: number): boolean;
}

export interface SeedRule extends Base {
  readonly stage: 'seed';
  /** Marks chunks strong (with seal()) or finds atoms in them. */
  apply(scan: Scan, chunks: readonly Chunk[]): void;
}

export interface ParagraphRule extends Base {
  readonly stage: 'paragraph';
  /** More formulas, from the assembled ones (`out`) and the chunks. */
  apply(scan: Scan, chunks: readonly Chunk[], out: Candidate[]): Candidate[];
}

export type Rule = AtomRule | VetoRule | CutRule | EvidenceRule | SeedRule | ParagraphRule;

/** Makes a chunk strong on a rule's word. */
export function seal(c: Chunk, rule: string): void {
  if (c.verdict !== 'strong') c.rule = rule;
  c.verdict = 'strong';
}
