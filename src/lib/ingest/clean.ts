/** Refuses or normalises characters that have no place in a title or an abstract. */
import { InputError } from '../contract/errors.ts';

// C0/C1 controls other than tab, and lone surrogates, are refused: they are damage, not text.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;

export function cleanText(text: string, file: string, line: number): string {
  const bad = CONTROL.exec(text);
  if (bad) {
    const code = bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    throw new InputError(file, line, `control character U+${code} in the text at column ${bad.index + 1}`);
  }
  if (!text.isWellFormed()) throw new InputError(file, line, 'the text has a lone surrogate (broken Unicode)');
  return text.normalize('NFC').replace(/\t/g, ' ');
}
