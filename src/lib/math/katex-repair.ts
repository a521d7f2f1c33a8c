/**
 * What to write when KaTeX refuses a restored candidate: the guarantee that the restorer never
 * writes a formula the site cannot show (restore.ts asks formulaVerdict, through parsesInKatex,
 * before writing any). A refused candidate gets the repairs LaTeX itself implies, and is written
 * only if KaTeX then accepts it; otherwise its text stays, verbatim, and it is reported as lost.
 *
 * The repairs, none of which changes what a reader sees:
 *  - a sizer without its partner: `\left(` with no `\right` (the detector cut the formula there,
 *    or the authors closed it outside the dollars) is the delimiter it sizes, `(`; so is a
 *    `\right)` with no `\left`. A size command (`\big`, `\Bigl`) with no delimiter after it is dropped.
 * Anything else KaTeX refuses (a font or accent with no argument, `^^`) is not guessed at.
 */
import { parsesInKatex } from './katex-check.ts';

/** A delimiter as a sizer takes it: one sign, or a command such as `\langle` or `\|`. */
const DELIMITER =
  /^(?:[()[\]|./<>]|\\[{}|]|\\(?:langle|rangle|lvert|rvert|lVert|rVert|vert|Vert|lfloor|rfloor|lceil|rceil|uparrow|downarrow)(?![A-Za-z]))/;
const SIZER = /\\(left|right|[Bb]igg?[lr]?)(?![A-Za-z])\s*/g;

/** `\left`/`\right` paired by nesting; an unpaired one, and a size command with no delimiter, keeps only its delimiter. */
export function pairSizers(tex: string): string {
  const found: { s: number; e: number; name: string; delim: string }[] = [];
  for (const m of tex.matchAll(SIZER)) {
    const s = m.index;
    const e = s + m[0].length;
    found.push({ s, e, name: m[1] ?? '', delim: DELIMITER.exec(tex.slice(e))?.[0] ?? '' });
  }
  const drop = new Set<number>();
  const open: number[] = [];
  found.forEach((f, k) => {
    if (f.delim === '') drop.add(k);
    else if (f.name === 'left') open.push(k);
    else if (f.name === 'right') {
      if (open.length > 0) open.pop();
      else drop.add(k);
    }
  });
  for (const k of open) drop.add(k);
  if (drop.size === 0) return tex;
  let out = '';
  let at = 0;
  found.forEach((f, k) => {
    if (!drop.has(k)) return;
    out += tex.slice(at, f.s);
    // (`\left.` sizes nothing: without its partner it is nothing.)
    at = f.delim === '.' ? f.e + 1 : f.e;
  });
  return out + tex.slice(at);
}

/** The candidate as written (repaired if KaTeX refused it as it stood), or null: KaTeX refuses it still. */
export function writableTex(tex: string): string | null {
  if (parsesInKatex(tex)) return tex;
  const repaired = pairSizers(tex);
  return repaired !== tex && repaired.trim() !== '' && parsesInKatex(repaired) ? repaired : null;
}
