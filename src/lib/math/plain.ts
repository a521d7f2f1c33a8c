/**
 * Readable plain text of a formula, for places that cannot render KaTeX: <title>, meta
 * descriptions, OpenGraph, feed excerpts. `\ell_\infty` → ℓ∞, `A\in \mathbb{R}^{n\times d}` →
 * A ∈ ℝ^(n×d), `\epsilon^{-2}` → ε⁻², `10\sim100\times` → 10~100×. Scripts use Unicode
 * superscript and subscript letters where all of them exist, else `^(...)`/`_(...)`.
 * Never leaves a backslash.
 */
import type { Segment } from '../text/segments.ts';
import { ALL_COMMANDS } from './commands.ts';

const DOUBLE_STRUCK: Record<string, string> = { R: 'ℝ', N: 'ℕ', Z: 'ℤ', Q: 'ℚ', C: 'ℂ', P: 'ℙ', E: '𝔼' };

/** Maps each character of `keys` to the character at the same place in `values`. */
function table(keys: string, values: string): Record<string, string> {
  const v = [...values];
  return Object.fromEntries([...keys].map((c, k) => [c, v[k] ?? c]));
}

const SUPERSCRIPT = table(
  '0123456789+-−=()*′abcdefghijklmnoprstuvwxyzABDEGHIJKLMNOPRTUVW',
  '⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾*′ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻᴬᴮᴰᴱᴳᴴᴵᴶᴷᴸᴹᴺᴼᴾᴿᵀᵁⱽᵂ',
);
const SUBSCRIPT = table('0123456789+-−=()aehijklmnoprstuvx', '₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ');
const SCRIPT_CHARS = new Set([...Object.values(SUPERSCRIPT), ...Object.values(SUBSCRIPT)]);

/** Marks around operator names, resolved into spaces once the neighbours are known. */
const NAME_START = '\uE000';
const NAME_END = '\uE001';

/** A recursive reader of TeX, good enough for the formulas abstracts hold. */
class Reader {
  k = 0;
  readonly tex: string;
  constructor(tex: string) {
    this.tex = tex;
  }

  /** Reads to the end, or to the `}` closing the current group. */
  sequence(): string {
    let out = '';
    while (this.k < this.tex.length && this.tex[this.k] !== '}') out = join(out, this.atom());
    return out;
  }

  /** One argument: a group, a control sequence, or one character. */
  argument(): string {
    while (this.tex[this.k] === ' ') this.k += 1;
    if (this.tex[this.k] === '{') {
      this.k += 1;
      const inner = this.sequence();
      this.k += 1;
      return inner;
    }
    return this.k < this.tex.length ? this.atom() : '';
  }

  atom(): string {
    const c = this.tex.charAt(this.k);
    if (c === '{') return this.argument();
    if (c === '^' || c === '_') {
      this.k += 1;
      return script(this.argument().trim(), c === '^' ? SUPERSCRIPT : SUBSCRIPT, c);
    }
    if (c === '~') {
      this.k += 1;
      return ' ';
    }
    if (c === "'") {
      this.k += 1;
      return '′';
    }
    if (c === '-') {
      this.k += 1;
      return '−';
    }
    if (c !== '\\') {
      this.k += 1;
      return c;
    }
    const name = /^[A-Za-z]+/.exec(this.tex.slice(this.k + 1))?.[0];
    if (name === undefined) {
      // A control symbol: \| \{ \, and the like.
      const s = this.tex.charAt(this.k + 1);
      this.k += 2;
      return s === '|' ? '‖' : s === ',' || s === ';' || s === ':' || s === ' ' || s === '\\' ? ' ' : s === '!' ? '' : s;
    }
    this.k += 1 + name.length;
    // As in TeX, spaces after a control word only end it.
    while (this.tex[this.k] === ' ') this.k += 1;
    return this.command(name);
  }

  command(name: string): string {
    // The command table's Unicode form: relations set off by spaces, the rest as they come.
    const cmd = ALL_COMMANDS.get(name);
    if (cmd?.unicode !== undefined && cmd.cls !== 'accent') return cmd.cls === 'rel' ? ` ${cmd.unicode} ` : cmd.unicode;
    if (cmd && (cmd.cls === 'op' || cmd.cls === 'bin' || cmd.cls === 'rel')) {
      const upright = name === 'argmax' ? 'arg max' : name === 'argmin' ? 'arg min' : name === 'bmod' ? 'mod' : name;
      return NAME_START + upright + NAME_END;
    }
    if (/^(left|right|middle|[bB]igg?[lr]?)$/.test(name)) {
      // The delimiter that follows is written as it is; `\left.` writes nothing.
      if (this.tex[this.k] === '.') this.k += 1;
      return '';
    }
    if (name === 'frac' || name === 'dfrac' || name === 'tfrac') {
      const num = this.argument().trim();
      const den = this.argument().trim();
      return `${group(num)}/${group(den)}`;
    }
    if (name === 'binom') {
      const n = this.argument().trim();
      const k = this.argument().trim();
      return `C(${n}, ${k})`;
    }
    if (name === 'sqrt') {
      // The index is part of what the formula says: ∛x, ⁵√x.
      let index = '';
      if (this.tex[this.k] === '[') {
        const close = this.tex.indexOf(']', this.k);
        index = this.tex.slice(this.k + 1, close < 0 ? this.tex.length : close).trim();
        this.k = close < 0 ? this.tex.length : close + 1;
      }
      const root =
        index === '' ? '√' : index === '3' ? '∛' : index === '4' ? '∜' : `${script(index, SUPERSCRIPT, '^').replace(/^\^/, '')}√`;
      return `${root}${group(this.argument().trim())}`;
    }
    if (name === 'mathbb' || name === 'Bbb') {
      const arg = this.argument().trim();
      return [...arg].map((ch) => DOUBLE_STRUCK[ch] ?? ch).join('');
    }
    if (cmd?.cls === 'accent') {
      const arg = this.argument().trim();
      const mark = cmd.unicode;
      if (mark === undefined) return arg; // \overbrace{x}: only what it is over
      return [...arg].length === 1 ? (arg + mark).normalize('NFC') : `${arg}${mark}`;
    }
    if (/^(math[a-z]*|text[a-z]*|operatorname|boldsymbol|bm|mbox|cal|rm|displaystyle|textstyle|limits|nolimits)$/.test(name)) {
      return /^(displaystyle|textstyle|limits|nolimits)$/.test(name) ? '' : this.argument();
    }
    return NAME_START + name + NAME_END; // unknown: its name, upright, without the backslash
  }
}

/** Parenthesises what would read wrongly beside a slash or a root: a+b, KT. */
function group(s: string): string {
  return [...s].length <= 1 || /^\p{N}+$/u.test(s) ? s : `(${s})`;
}

/** Joins two pieces, one space between words that would otherwise run together. */
function join(a: string, b: string): string {
  if (a.endsWith(' ') && b.startsWith(' ')) return a + b.slice(1);
  return a + b;
}

function script(arg: string, table: Record<string, string>, mark: string): string {
  const chars = [...arg];
  if (chars.length > 0 && chars.every((ch) => table[ch] !== undefined)) return chars.map((ch) => table[ch]).join('');
  // One symbol that is not a letter reads well right after its base: ℓ∞, x*.
  if (chars.length === 1 && !/[\p{L}\p{N}]/u.test(arg)) return arg;
  return chars.length === 1 ? `${mark}${arg}` : `${mark}(${arg})`;
}

/** A space between an operator name and a letter or digit beside it (`d log n`), not a script (`log³`). */
function spaceNames(s: string): string {
  const word = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c) && !SCRIPT_CHARS.has(c);
  let out = '';
  const chars = [...s.replaceAll(NAME_END + NAME_START, ' ')];
  chars.forEach((c, k) => {
    if (c === NAME_START) out += word(out.at(-1)) ? ' ' : '';
    else if (c === NAME_END) out += word(chars[k + 1]) ? ' ' : '';
    else out += c;
  });
  return out;
}

export function texToPlain(tex: string): string {
  return (
    spaceNames(new Reader(tex).sequence())
      .replace(/\\/g, '')
      .replace(/\s+/g, ' ')
      // Binary operators sit tight: n×d, Φ∘Ψ, 2×.
      .replace(/ ?([×·∘±∓⊗⊕⊙]) ?/g, '$1')
      .replace(/\( /g, '(')
      .replace(/ \)/g, ')')
      .trim()
  );
}

/** The plain text of a paragraph: prose, emphasis without markers, formulas as Unicode. */
export function segmentsToPlain(segments: readonly Segment[]): string {
  return segments.map((s) => (s.kind === 'math' ? texToPlain(s.tex) : s.value)).join('');
}
