/**
 * Readable plain text of a formula, for places that cannot render KaTeX: <title>, meta
 * descriptions, OpenGraph, feed excerpts. `\ell_\infty` → ℓ∞, `A\in \mathbb{R}^{n\times d}` →
 * A ∈ ℝ^(n×d), `\epsilon^{-2}` → ε⁻², `10\sim100\times` → 10~100×. Scripts use Unicode
 * superscript and subscript letters where all of them exist, else `^(...)`/`_(...)`.
 * Never leaves a backslash.
 */
import type { Segment } from '../text/segments.ts';

const GREEK: Record<string, string> = {
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', varepsilon: 'ε', zeta: 'ζ', eta: 'η', theta: 'θ',
  vartheta: 'ϑ', iota: 'ι', kappa: 'κ', varkappa: 'ϰ', lambda: 'λ', mu: 'μ', nu: 'ν', xi: 'ξ', pi: 'π', varpi: 'ϖ',
  rho: 'ρ', varrho: 'ϱ', sigma: 'σ', varsigma: 'ς', tau: 'τ', upsilon: 'υ', phi: 'ϕ', varphi: 'φ', chi: 'χ',
  psi: 'ψ', omega: 'ω', Gamma: 'Γ', Delta: 'Δ', Theta: 'Θ', Lambda: 'Λ', Xi: 'Ξ', Pi: 'Π', Sigma: 'Σ',
  Upsilon: 'Υ', Phi: 'Φ', Psi: 'Ψ', Omega: 'Ω',
};

/** Relations: written with a space on each side. */
const RELATIONS: Record<string, string> = {
  in: '∈', notin: '∉', ni: '∋', to: '→', gets: '←', rightarrow: '→', leftarrow: '←', Rightarrow: '⇒', Leftarrow: '⇐',
  leftrightarrow: '↔', Leftrightarrow: '⇔', longrightarrow: '⟶', Longrightarrow: '⟹', mapsto: '↦', implies: '⟹',
  iff: '⟺', leq: '≤', le: '≤', geq: '≥', ge: '≥', leqslant: '≤', geqslant: '≥', neq: '≠', ne: '≠', ll: '≪',
  gg: '≫', sim: '~', simeq: '≃', approx: '≈', cong: '≅', equiv: '≡', propto: '∝', subset: '⊂', supset: '⊃',
  subseteq: '⊆', supseteq: '⊇', prec: '≺', succ: '≻', preceq: '⪯', succeq: '⪰', perp: '⊥', parallel: '∥',
  mid: '∣', models: '⊨', vdash: '⊢', asymp: '≍', lesssim: '≲', gtrsim: '≳', coloneqq: '≔', triangleq: '≜',
};

/** Symbols written as they come. */
const SYMBOLS: Record<string, string> = {
  times: '×', cdot: '·', circ: '∘', pm: '±', mp: '∓', otimes: '⊗', oplus: '⊕', odot: '⊙', ominus: '⊖', div: '÷',
  cup: '∪', cap: '∩', wedge: '∧', vee: '∨', land: '∧', lor: '∨', setminus: '∖', star: '⋆', ast: '∗', bullet: '•',
  infty: '∞', nabla: '∇', partial: '∂', ell: 'ℓ', hbar: 'ℏ', aleph: 'ℵ', emptyset: '∅', varnothing: '∅', forall: '∀',
  exists: '∃', neg: '¬', lnot: '¬', top: '⊤', bot: '⊥', prime: '′', dagger: '†', ddagger: '‡', angle: '∠',
  triangle: '△', square: '□', Box: '□', ldots: '…', cdots: '⋯', dots: '…', vdots: '⋮', ddots: '⋱', langle: '⟨',
  rangle: '⟩', lfloor: '⌊', rfloor: '⌋', lceil: '⌈', rceil: '⌉', lvert: '|', rvert: '|', vert: '|', lVert: '‖',
  rVert: '‖', Vert: '‖', lbrace: '{', rbrace: '}', sum: '∑', prod: '∏', coprod: '∐', int: '∫', iint: '∬', oint: '∮',
  bigcup: '⋃', bigcap: '⋂', bigoplus: '⨁', bigotimes: '⨂', checkmark: '✓', colon: ':', backslash: '∖',
  quad: ' ', qquad: ' ',
};

/** Operator names: upright words, set off from letters by a space. */
const NAMES = new Set(['log', 'ln', 'lg', 'exp', 'sin', 'cos', 'tan', 'cot', 'sec', 'csc', 'sinh', 'cosh', 'tanh', 'coth',
  'arcsin', 'arccos', 'arctan', 'max', 'min', 'sup', 'inf', 'lim', 'liminf', 'limsup', 'arg', 'det', 'dim', 'ker',
  'deg', 'hom', 'Pr', 'gcd', 'argmax', 'argmin', 'bmod']);

const DOUBLE_STRUCK: Record<string, string> = { R: 'ℝ', N: 'ℕ', Z: 'ℤ', Q: 'ℚ', C: 'ℂ', P: 'ℙ', E: '𝔼' };
const ACCENTS: Record<string, string> = {
  tilde: '\u0303', widetilde: '\u0303', hat: '\u0302', widehat: '\u0302', bar: '\u0304', overline: '\u0305',
  vec: '\u20D7', dot: '\u0307', ddot: '\u0308', check: '\u030C', breve: '\u0306', acute: '\u0301', grave: '\u0300',
};

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
  constructor(readonly tex: string) {}

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
    const greek = GREEK[name];
    if (greek !== undefined) return greek;
    const rel = RELATIONS[name];
    if (rel !== undefined) return ` ${rel} `;
    const sym = SYMBOLS[name];
    if (sym !== undefined) return sym;
    if (NAMES.has(name)) return NAME_START + (name === 'argmax' ? 'arg max' : name === 'argmin' ? 'arg min' : name) + NAME_END;
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
      const root = index === '' ? '√' : index === '3' ? '∛' : index === '4' ? '∜' : `${script(index, SUPERSCRIPT, '^').replace(/^\^/, '')}√`;
      return `${root}${group(this.argument().trim())}`;
    }
    if (name === 'mathbb' || name === 'Bbb') {
      const arg = this.argument().trim();
      return [...arg].map((ch) => DOUBLE_STRUCK[ch] ?? ch).join('');
    }
    const accent = ACCENTS[name];
    if (accent !== undefined) {
      const arg = this.argument().trim();
      return [...arg].length === 1 ? (arg + accent).normalize('NFC') : `${arg}${accent}`;
    }
    if (/^(math[a-z]*|text[a-z]*|operatorname|boldsymbol|bm|mbox|displaystyle|textstyle|limits|nolimits)$/.test(name)) {
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
  return spaceNames(new Reader(tex).sequence())
    .replace(/\\/g, '')
    .replace(/\s+/g, ' ')
    // Binary operators sit tight: n×d, Φ∘Ψ, 2×.
    .replace(/ ?([×·∘±∓⊗⊕⊙]) ?/g, '$1')
    .replace(/\( /g, '(')
    .replace(/ \)/g, ')')
    .trim();
}

/** The plain text of a paragraph: prose, emphasis without markers, formulas as Unicode. */
export function segmentsToPlain(segments: readonly Segment[]): string {
  return segments.map((s) => (s.kind === 'math' ? texToPlain(s.tex) : s.value)).join('');
}
