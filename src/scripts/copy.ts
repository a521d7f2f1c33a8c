/** The Cite section's copy button (CopyButton.astro): shown only where this runs, it copies the BibTeX entry. */
for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy-target]')) {
  const source = document.getElementById(button.dataset['copyTarget'] ?? '');
  if (!source || !navigator.clipboard) continue;
  const label = button.textContent;
  button.hidden = false;
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText((source.textContent ?? '').trim());
      button.textContent = 'Copied';
    } catch {
      button.textContent = 'Select the entry to copy it';
    }
    setTimeout(() => (button.textContent = label), 2000);
  });
}
