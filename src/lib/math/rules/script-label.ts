import type { Scan } from '../scan.ts';
import type { EvidenceRule } from './rule.ts';

/** Longest label read as a script's braces (`_{train}`, `^{top1}`); a longer run is prose in braces. */
const MAX_LABEL = 24;

/**
 * `x_{safe}`, `pi_{ref}`, `R^{top1}`: a brace group glued after `_` or `^` is a script's argument,
 * whatever words it holds. The damage rule keeps `\_` and `\^` in prose (it removes backslashes
 * only inside dollars), so an unescaped `_{` or `^{` in the damaged text stood in math: its words
 * are a label (`_{train}`, `_{avg}`), not English. Only a short group of words, numbers, commas
 * and signs, with no blank or prose mark in it, is read so; anything longer stays prose.
 */
export function isScriptLabel(scan: Scan, open: number, close: number): boolean {
  const brace = scan.tok(open);
  const mark = scan.tokens[open - 1];
  if (brace.text !== '{' || mark?.kind !== 'sym' || (mark.text !== '_' && mark.text !== '^') || mark.e !== brace.s) return false;
  if (close === open + 1 || scan.tok(close).e - brace.s > MAX_LABEL) return false;
  for (let k = open + 1; k < close; k += 1) {
    const t = scan.tok(k);
    if (t.kind === 'ws' || t.kind === 'hard') return false;
    if (t.kind === 'sym' && !',+-*/='.includes(t.text)) return false;
  }
  return true;
}

/** The script rule's evidence for a labelled script: the grouping itself is Scan.unitRuns's, with isScriptLabel. */
export const scriptLabel: EvidenceRule = {
  name: 'script-label',
  stage: 'evidence',
  summary: 'a brace group glued after _ or ^ is a script, whatever words it holds',
  examples: [
    { text: 'the reference policy pi_{ref} and the loss L_{safe} here', tex: ['\\pi_{ref}', 'L_{safe}'] },
    { text: 'a snake_case name and a_{very long label with blanks}', tex: [] },
  ],
  holds(scan, core, k) {
    const u = core[k];
    const arg = core[k + 1];
    return (
      u !== undefined &&
      !u.group &&
      scan.isSym(u, '^_') &&
      arg?.group === true &&
      isScriptLabel(scan, arg.i, arg.j) &&
      scan.scriptBase(core[k - 1])
    );
  },
};
