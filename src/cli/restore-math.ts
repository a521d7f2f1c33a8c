/**
 * `tsx src/cli/restore-math.ts "text"` (or text on stdin): prints the text as restoreMath reads it,
 * formulas in `$...$`, emphasis in `*...*`, then the counts, the formulas marked incomplete
 * (with why) and any formula KaTeX refused.
 */
import { readFileSync } from 'node:fs';
import { restoreMath } from '../lib/math/restore.ts';

const input = process.argv.length > 2 ? process.argv.slice(2).join(' ') : readFileSync(0, 'utf8');
for (const paragraph of input.split(/\n\s*\n/)) {
  if (paragraph.trim() === '') continue;
  const { segments, formulas, rejected, restored, incompleteFormulas } = restoreMath(paragraph.trim());
  const text = segments
    .map((s) => (s.kind === 'math' ? `$${s.tex}$` : s.kind === 'em' ? `*${s.value}*` : s.value.replace(/\$/g, '\\$')))
    .join('');
  process.stdout.write(`${text}\n\nformulas: ${formulas} (restored: ${restored}, incomplete: ${incompleteFormulas.length}), rejected: ${rejected.length}\n`);
  for (const f of incompleteFormulas) process.stdout.write(`  incomplete: ${f.tex}  (${f.reason})\n`);
  for (const tex of rejected) process.stdout.write(`  rejected: ${tex}\n`);
  process.stdout.write('\n');
}
