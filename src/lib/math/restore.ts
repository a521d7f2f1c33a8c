/**
 * Math restoration: puts back the LaTeX that the digest's source lost.
 *
 * Written by hand, the one such piece of the project, because no library does this: the
 * damage is particular to the page the digests come from, which did two things:
 *  1. on the whole text, `\name{ARG}` became `ARG` (ARG ending at the first `}`);
 *  2. inside `$...$`, the dollars and every backslash were deleted.
 * So a formula is now unmarked text with its command names glued together (`sigmaleft(`),
 * and prose keeps its text-mode TeX (`{\em x}`, `na\"ive`, `90\%`, ``x'', `--`, and a `%` with
 * the text after it, which is part of the abstract, not a comment to hide).
 *
 * The restorer works from the rules of LaTeX and of that damage, not from a list of formulas:
 *  - regions.ts    cuts out URLs (untouched) and emphasis groups;
 *  - detect.ts     finds where formulas were, preferring to miss one over inventing one: a rule
 *                  engine (scan.ts, chunk.ts, assemble.ts) asking the named rules of rules/, each
 *                  with its examples; `restore-math --explain` shows which rule decided a span;
 *  - to-tex.ts     puts the backslashes and escaped delimiters back;
 *  - KaTeX         has the last word: a candidate it cannot parse, even after the repairs LaTeX
 *                  implies (katex-repair.ts), stays text, and is reported as lost: no formula
 *                  is ever written that the site cannot show;
 *  - incomplete.ts tells a formula whose damage left a trace of a lost command: it is written
 *                  with what is known, and reported as incomplete, never passed off as whole;
 *  - textmode.ts   turns the prose's TeX into typography where that reading is certain, and
 *                  keeps every other character.
 * Text that already has `$...$` is only split (split.ts), never restored twice; its formulas
 * are still checked by KaTeX and its prose TeX still converted.
 * Deterministic, linear-time scans; 10,000 abstracts take a few seconds. How well it does, and
 * how that is measured: test/support/math-measure.ts, `npm run measure:math` (the math corpus)
 * and the *.test.ts files beside it.
 */
import { findCandidates, type Note } from './detect.ts';
import { incompleteTrace } from './incomplete.ts';
import { parsesInKatex, showsWholeSource } from './katex-check.ts';
import { writableTex } from './katex-repair.ts';
import { splitRegions, type Region } from './regions.ts';
import { pushSegment, type Segment } from '../text/segments.ts';
import { hasMathDelimiters, splitMath } from '../text/split.ts';
import { textModeToUnicode } from './textmode.ts';
import { toTex } from './to-tex.ts';

/** A formula written from damaged text whose damage shows that a command was lost. */
export interface IncompleteFormula {
  /** The TeX written, as in its math segment. */
  readonly tex: string;
  /** Its text in the input. */
  readonly damaged: string;
  /** What the damage left, in words (incomplete.ts). */
  readonly reason: string;
}

export interface Restoration {
  segments: Segment[];
  /** Math segments: formulas restored from damaged text, or kept from `$...$`. */
  formulas: number;
  /** The authors' formulas (`$...$`) KaTeX refuses: the page shows their source, marked. */
  rejected: string[];
  /** Restored candidates KaTeX refused even after repair: their text stays, verbatim, never written as math. */
  lost: string[];
  /** Formulas written from damaged text (complete or not); 0 for text with `$...$`. */
  restored: number;
  /** How many of the restored formulas are incomplete: `incompleteFormulas.length`. */
  incomplete: number;
  /** The incomplete ones, in the order of their math segments. */
  incompleteFormulas: IncompleteFormula[];
}

/** A restored formula and where its damaged form stands in the input. */
export interface FoundFormula {
  readonly start: number;
  readonly end: number;
  readonly tex: string;
  /** Why it is incomplete, when its damage left a trace of a lost command. */
  readonly incomplete: string | undefined;
  /** The detection rules that decided it (rules/), for --explain. */
  readonly rules?: readonly string[];
}

interface Work {
  segments: Segment[];
  rejected: string[];
  lost: string[];
  found: FoundFormula[];
  /** Spans vetoes kept as prose, offsets in the input: only when explaining. */
  vetoes: Note[] | undefined;
}

const newWork = (vetoes?: Note[]): Work => ({ segments: [], rejected: [], lost: [], found: [], vetoes });

/** The prose of a region: formulas found, restored and checked; the rest as Unicode text. */
function restoreProse(region: Region, paragraph: string, work: Work): void {
  const text = region.text;
  let at = 0;
  const before = (k: number): string => (region.start + k > 0 ? paragraph.charAt(region.start + k - 1) : ' ');
  const after = (k: number): string => (region.start + k < paragraph.length ? paragraph.charAt(region.start + k) : ' ');
  const notes: Note[] | undefined = work.vetoes ? [] : undefined;
  const candidates = findCandidates(text, notes);
  for (const n of notes ?? []) work.vetoes?.push({ s: region.start + n.s, e: region.start + n.e, rule: n.rule });
  for (const c of candidates) {
    if (c.s < at) continue;
    const damaged = text.slice(c.s, c.e);
    const candidate = c.tex ?? toTex(damaged);
    if (candidate === null) continue;
    pushSegment(work.segments, { kind: 'text', value: textModeToUnicode(text.slice(at, c.s), before(at), after(c.s)) });
    const tex = writableTex(candidate);
    if (tex !== null) {
      work.segments.push({ kind: 'math', tex });
      const incomplete = c.tex === undefined ? incompleteTrace(damaged) : undefined;
      work.found.push({ start: region.start + c.s, end: region.start + c.e, tex, incomplete, rules: c.rules });
    } else {
      // What the digest showed stays, verbatim: a wrong formula is worse than the damage.
      work.lost.push(candidate);
      pushSegment(work.segments, { kind: 'text', value: damaged });
    }
    at = c.e;
  }
  pushSegment(work.segments, { kind: 'text', value: textModeToUnicode(text.slice(at), before(at), after(text.length)) });
}

/** Regions of prose without math delimiters; formulas are looked for only when `detect`. */
function restoreRegions(text: string, detect: boolean, work: Work): void {
  for (const region of splitRegions(text)) {
    const before = region.start > 0 ? text.charAt(region.start - 1) : ' ';
    const after = region.end < text.length ? text.charAt(region.end) : ' ';
    switch (region.kind) {
      case 'url':
        pushSegment(work.segments, { kind: 'text', value: region.text });
        break;
      case 'em': {
        const value = textModeToUnicode(region.text, '{', '}');
        if (value.trim() === '') pushSegment(work.segments, { kind: 'text', value });
        else work.segments.push({ kind: 'em', value });
        break;
      }
      case 'plain':
        pushSegment(work.segments, { kind: 'text', value: textModeToUnicode(region.text, '{', '}') });
        break;
      case 'tex':
        // The authors' own formula, undamaged: kept, not restored.
        work.segments.push({ kind: 'math', tex: region.text });
        break;
      case 'prose':
        if (detect) restoreProse(region, text, work);
        else pushSegment(work.segments, { kind: 'text', value: textModeToUnicode(region.text, before, after) });
        break;
    }
  }
}

function restoreDamaged(text: string, vetoes?: Note[]): Work {
  const work = newWork(vetoes);
  restoreRegions(text, true, work);
  return work;
}

/** Text with `$...$`: its formulas are checked, its prose converted, nothing restored. */
function restoreDelimited(text: string): Work {
  const work = newWork();
  for (const s of splitMath(text)) {
    if (s.kind !== 'math') {
      restoreRegions(s.value, false, work);
      continue;
    }
    const tex = s.tex.normalize('NFC');
    // A formula of the authors' that KaTeX refuses stays a formula: the page shows its source,
    // marked (render/math-plugins.ts), rather than passing it off as prose with dollars; unless
    // it is so long that the page would show only its start: then all of it stays as text.
    const refused = !parsesInKatex(tex);
    if (refused) work.rejected.push(tex);
    if (refused && !showsWholeSource(tex)) pushSegment(work.segments, { kind: 'text', value: `$${tex}$` });
    else work.segments.push({ kind: 'math', tex });
  }
  return work;
}

/**
 * `damaged: false` is for the authors' own text (the arXiv API): it lost nothing, so no formula
 * is restored in it, even where it has no `$...$`; its formulas are checked and its prose TeX
 * converted as for any delimited text.
 */
export function restoreMath(input: string, options: { damaged?: boolean } = {}): Restoration {
  // In NFC first, so that `é` and `e` + U+0301 read alike (the output is NFC anyway).
  const text = input.normalize('NFC');
  const work = hasMathDelimiters(text) || options.damaged === false ? restoreDelimited(text) : restoreDamaged(text);
  const incompleteFormulas = work.found.flatMap((f) =>
    f.incomplete === undefined ? [] : [{ tex: f.tex, damaged: text.slice(f.start, f.end), reason: f.incomplete }],
  );
  return {
    segments: work.segments,
    formulas: work.segments.filter((s) => s.kind === 'math').length,
    rejected: work.rejected,
    lost: work.lost,
    restored: work.found.length,
    incomplete: incompleteFormulas.length,
    incompleteFormulas,
  };
}

/**
 * The formulas restoreMath writes for damaged text, with the offsets of their damaged form in
 * the input (in NFC): for measuring the restorer against the originals (and for debugging).
 */
export function locateFormulas(input: string): FoundFormula[] {
  const text = input.normalize('NFC');
  return hasMathDelimiters(text) ? [] : restoreDamaged(text).found;
}

/**
 * What the detector decided in damaged text, for `restore-math --explain` and the rules' test:
 * each formula written (offsets in the NFC input) with the rules that decided it, the spans a
 * veto kept as prose, and the candidates KaTeX refused (lost, kept as text).
 */
export function explainFormulas(input: string): { found: FoundFormula[]; vetoes: Note[]; lost: string[] } {
  const text = input.normalize('NFC');
  if (hasMathDelimiters(text)) return { found: [], vetoes: [], lost: [] };
  const vetoes: Note[] = [];
  const work = restoreDamaged(text, vetoes);
  return { found: work.found, vetoes, lost: work.lost };
}
