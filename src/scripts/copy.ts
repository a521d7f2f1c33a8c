/**
 * Copying on a paper page (loaded only there, by CopyButton.astro). A selection with math is
 * copied as clean text: each formula once, as its TeX between dollars, a selection that starts
 * or ends inside a formula taking the whole formula. The copy buttons copy the BibTeX entry as
 * it reads, or the abstract as LaTeX; they show only where this runs and finds a clipboard.
 *
 * Modelled on KaTeX's copy-tex extension, written by hand because copy-tex copies the
 * selection's textContent: our screen-reader notes ("part of this formula was lost…") would
 * be copied with the math, the markup's newlines kept, paragraphs run together; and its
 * converter ships only as TypeScript source that fails this project's strict type check.
 */
import { copiedText } from '../lib/site/copy-text.ts';
import { copyPieces, formulaAround } from './copy-pieces.ts';

document.addEventListener('copy', (event) => {
  const selection = getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0 || !event.clipboardData) return;
  const range = selection.getRangeAt(0).cloneRange();
  const start = formulaAround(range.startContainer);
  if (start) range.setStartBefore(start);
  const end = formulaAround(range.endContainer);
  if (end) range.setEndAfter(end);
  const fragment = range.cloneContents();
  // Without math or hidden notes, the browser's own copy is right.
  if (!fragment.querySelector('.katex, .math-source, .visually-hidden')) return;
  // Plain text only: KaTeX's markup pasted into an editor without its stylesheet shows each formula twice.
  event.clipboardData.setData('text/plain', copiedText(copyPieces(fragment)));
  event.preventDefault();
});

for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy-target]')) {
  const source = document.querySelector<HTMLElement>(`[data-copy-source="${CSS.escape(button.dataset['copyTarget'] ?? '')}"]`);
  if (!source || !navigator.clipboard) continue;
  const label = button.textContent;
  const latex = button.dataset['copyAs'] === 'latex';
  button.hidden = false;
  // A section of copy buttons alone stays hidden until one of them can work.
  button.closest<HTMLElement>('[data-copy-actions]')?.removeAttribute('hidden');
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(latex ? copiedText(copyPieces(source), { latex }) : (source.textContent ?? '').trim());
      button.textContent = 'Copied';
    } catch {
      button.textContent = latex ? 'Select the abstract to copy it' : 'Select the entry to copy it';
    }
    setTimeout(() => (button.textContent = label), 2000);
  });
}
