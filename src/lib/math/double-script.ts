/**
 * `W^{(l)}^{T}`: two superscripts (or subscripts) on one base, which TeX refuses. The damage makes
 * them: `\widehat{W^{(l)}}^{T}` lost `\widehat{` and the first `}`, the one that closed the
 * argument. The braces come back around the base and its first script, `{W^{(l)}}^{T}`, which
 * is how the formula was grouped (the lost command itself is not guessed: incomplete.ts marks
 * the formula). Written by hand: a linear scan of the TeX the writer produced.
 */

interface Atom {
  /** Where the current base starts in the output. */
  start: number;
  sup: boolean;
  sub: boolean;
}

/** The TeX with a base that carries a second script of one kind braced with its first. */
export function braceDoubleScripts(tex: string): string {
  // (Longer than KaTeX's limit for the site, render/katex.ts, it is refused anyway: no rewrite,
  // which keeps this linear however many scripts a hostile input stacks.)
  if (tex.length > 1000 || !/[_^].*[_^]/.test(tex)) return tex;
  let out = '';
  let atom: Atom = { start: 0, sup: false, sub: false };
  const outer: { atom: Atom; open: number }[] = [];
  let afterWord = false;
  let k = 0;
  /** Copies the argument of a script at k: a group, a control sequence or one character. */
  const argument = (): void => {
    while (tex[k] === ' ') out += tex[k++];
    if (tex[k] === '{') {
      let depth = 0;
      do {
        if (tex[k] === '\\') out += tex[k++];
        else if (tex[k] === '{') depth += 1;
        else if (tex[k] === '}') depth -= 1;
        out += tex[k++] ?? '';
      } while (k < tex.length && depth > 0);
    } else if (tex[k] === '\\') {
      out += tex[k++];
      if (/[A-Za-z]/.test(tex[k] ?? '')) while (/[A-Za-z]/.test(tex[k] ?? '')) out += tex[k++];
      else out += tex[k++] ?? '';
    } else out += tex[k++] ?? '';
  };
  while (k < tex.length) {
    const c = tex.charAt(k);
    if (c === '^' || c === '_') {
      const kind = c === '^' ? 'sup' : 'sub';
      if (atom[kind]) {
        out = `${out.slice(0, atom.start)}{${out.slice(atom.start)}}`;
        atom = { start: atom.start, sup: false, sub: false };
      }
      atom[kind] = true;
      out += c;
      k += 1;
      argument();
      afterWord = false;
    } else if (c === '{') {
      // (A group right after a control word is its argument: the base starts at the word.)
      outer.push({ atom, open: afterWord ? atom.start : out.length });
      out += c;
      k += 1;
      atom = { start: out.length, sup: false, sub: false };
      afterWord = false;
    } else if (c === '}') {
      out += c;
      k += 1;
      const frame = outer.pop();
      atom = { start: frame?.open ?? 0, sup: false, sub: false };
    } else if (c === ' ' || c === "'") {
      out += c;
      k += 1;
    } else if (c === '\\') {
      atom = { start: out.length, sup: false, sub: false };
      out += c;
      k += 1;
      afterWord = /[A-Za-z]/.test(tex[k] ?? '');
      if (afterWord) while (/[A-Za-z]/.test(tex[k] ?? '')) out += tex[k++];
      else out += tex[k++] ?? '';
    } else {
      atom = { start: out.length, sup: false, sub: false };
      out += c;
      k += 1;
      afterWord = false;
    }
  }
  return out;
}
