/**
 * `tsx src/cli/restore-math.ts "text"` (or text on stdin): prints the text as restoreMath reads it,
 * formulas in `$...$`, emphasis in `*...*`, then the counts, the formulas marked incomplete
 * (with why) and any formula KaTeX refused. With `--explain`, also each span the detector
 * decided: a formula with the rules that decided it (src/lib/math/rules/), or prose a veto kept.
 */
import { readFileSync } from 'node:fs';
import { explainFormulas, restoreMath } from '../lib/math/restore.ts';
import { ALL_RULES } from '../lib/math/rules/index.ts';

const args = process.argv.slice(2);
const explain = args.includes('--explain');
const words = args.filter((a) => a !== '--explain');
const input = words.length > 0 ? words.join(' ') : readFileSync(0, 'utf8');
const summary = new Map(ALL_RULES.map((r) => [r.name, r.summary]));

function explainParagraph(paragraph: string): void {
  const text = paragraph.normalize('NFC');
  const { found, vetoes, lost } = explainFormulas(text);
  const spans: { s: number; e: number; line: string }[] = [
    ...found.map((f) => ({
      s: f.start,
      e: f.end,
      line: `$${f.tex}$  ← ${(f.rules ?? []).map((r) => `${r} (${summary.get(r) ?? '?'})`).join('; ') || 'no rule recorded'}`,
    })),
    ...vetoes.map((v) => ({ s: v.s, e: v.e, line: `prose  ← ${v.rule} (${summary.get(v.rule) ?? '?'})` })),
  ].sort((a, b) => a.s - b.s);
  process.stdout.write('spans:\n');
  for (const sp of spans) {
    process.stdout.write(`  ${sp.s}-${sp.e} "${text.slice(sp.s, sp.e)}"  ${sp.line}\n`);
  }
  if (spans.length === 0) process.stdout.write('  none: all prose\n');
  for (const tex of lost) process.stdout.write(`  refused by KaTeX even after repair, kept as text (lost): ${tex}\n`);
}

for (const paragraph of input.split(/\n\s*\n/)) {
  if (paragraph.trim() === '') continue;
  const { segments, formulas, rejected, lost, restored, incompleteFormulas } = restoreMath(paragraph.trim());
  const text = segments
    .map((s) => (s.kind === 'math' ? `$${s.tex}$` : s.kind === 'em' ? `*${s.value}*` : s.value.replace(/\$/g, '\\$')))
    .join('');
  process.stdout.write(
    `${text}\n\nformulas: ${formulas} (restored: ${restored}, incomplete: ${incompleteFormulas.length}), rejected: ${rejected.length}, lost: ${lost.length}\n`,
  );
  for (const f of incompleteFormulas) process.stdout.write(`  incomplete: ${f.tex}  (${f.reason})\n`);
  for (const tex of rejected) process.stdout.write(`  rejected (the authors' formula; the page shows its source, marked): ${tex}\n`);
  for (const tex of lost) process.stdout.write(`  lost (refused by KaTeX, kept as text): ${tex}\n`);
  if (explain) explainParagraph(paragraph.trim());
  process.stdout.write('\n');
}
