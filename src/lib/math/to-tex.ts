/**
 * Writes a found formula back as TeX: backslashes on command names (`sigmaleft(` →
 * `\sigma\left(`), and the readings the damage left ambiguous settled by the rules of TeX:
 *  - A command with a brace argument was erased with its braces, so `name{` can survive only
 *    nested: `\sqrt{\mathcal{C}_\Phi/m}` lost `\sqrt{` and the first `}`, leaving
 *    `mathcal{C_Phi/m}`. The inner command comes back around its first atom
 *    (`{\mathcal{C}_\Phi/m}`), a `\frac` gets its two arguments back (`frac{a{b}}` →
 *    `{\frac{a}{b}}`); the outer command is gone for good.
 *  - So a brace after an operator name, or a brace holding a list, was an escaped one:
 *    `max{p, q}` is `\max\{p, q\}`; other braces group.
 *  - `|..|` followed by a sub- or superscript is a norm, `\|..\|`, as are the other bars of
 *    that formula; otherwise bars stay bars.
 *  - `R` after `\in`, `:` or an arrow, or before an arrow or `\times`, is `\mathbb{R}`.
 *  - A brace group glued to a symbol (`epsilon{d}`, from `\frac{\epsilon}{\sqrt{d}}`) is what
 *    a lost command left (incomplete.ts). Written as a TeX group it would pass for a product
 *    (`\epsilon{d}` is εd); its braces are shown instead, as the digest showed them: `\epsilon\{d\}`.
 *    The lost command is never guessed.
 *  - Two scripts of one kind on a base (`W^{(l)}^{T}`, from `\widehat{W^{(l)}}^{T}`) get the
 *    braces of the lost argument back (double-script.ts).
 * Whitespace is kept as it is: the damage neither added nor removed any.
 */
import { withRole } from './commands.ts';
import { braceDoubleScripts } from './double-script.ts';
import { spacingGroup, tracesIn } from './incomplete.ts';
import { isGreekChar, tokenize, type Token } from './tokens.ts';

const LETTER_END = /\\[A-Za-z]+$/;
/** `R` after these, or before those, is the reals (the command table's set-before, set-after). */
const SET_RELATIONS = withRole('set-before');
const SET_FOLLOWERS = withRole('set-after');
const SCRIPT_SYMBOLS = withRole('script');

class Writer {
  readonly tokens: Token[];
  readonly braceMatch = new Map<number, number>();
  readonly braceKind = new Map<number, 'group' | 'set' | 'trace'>();
  readonly bars = new Map<number, string>();
  out = '';
  /** Does `out` end with a control word (so a letter after it needs a space)? */
  controlWordEnd = false;

  constructor(src: string) {
    this.tokens = tokenize(src).tokens;
  }

  tok(k: number): Token | undefined {
    return this.tokens[k];
  }

  /** Appends TeX, with a space where a control word would otherwise swallow a letter. */
  emit(s: string): void {
    if (s === '') return;
    if (this.controlWordEnd && /^[A-Za-z]/.test(s)) this.out += ' ';
    this.out += s;
    this.controlWordEnd = LETTER_END.test(s);
  }

  prevSignificant(k: number): Token | undefined {
    for (let i = k - 1; i >= 0; i -= 1) if (this.tokens[i]?.kind !== 'ws') return this.tokens[i];
    return undefined;
  }

  nextSignificant(k: number): number {
    let i = k + 1;
    while (this.tokens[i]?.kind === 'ws') i += 1;
    return i;
  }

  lastCommand(t: Token | undefined): string | undefined {
    const part = t?.info?.parts[t.info.parts.length - 1];
    return part?.cmd ? part.text : undefined;
  }

  /** Brace pairs, bar pairs and their readings; false when braces do not balance. */
  prepare(): boolean {
    const stack: number[] = [];
    for (let k = 0; k < this.tokens.length; k += 1) {
      const t = this.tokens[k];
      // (A bare `%` is `\%` that lost its backslash: the finder takes one only after a number.)
      if (t?.kind === 'hard' && t.text !== '%') return false;
      if (t?.kind !== 'sym') continue;
      if (t.text === '{') stack.push(k);
      if (t.text === '}') {
        const open = stack.pop();
        if (open === undefined) return false;
        this.braceMatch.set(open, k);
        this.braceMatch.set(k, open);
      }
    }
    if (stack.length > 0) return false;
    for (const [open, close] of this.braceMatch) if (open < close) this.braceKind.set(open, this.readBrace(open, close));
    for (const trace of tracesIn(this.tokens)) if (trace.kind === 'glued-group') this.braceKind.set(trace.open, 'trace');
    const bars = this.tokens.flatMap((t, k) => (t.kind === 'sym' && t.text === '|' ? [k] : []));
    // A subscript makes a norm (`\|x\|_2`); so does a power, unless one symbol stands
    // between the bars (`|V|^3` is a size).
    let norm = false;
    for (let p = 0; p + 1 < bars.length; p += 2) {
      const open = bars[p] ?? 0;
      const close = bars[p + 1] ?? 0;
      const after = this.tok(close + 1)?.text;
      if (after === '_' || (after === '^' && close - open > 2)) norm = true;
    }
    if (norm && bars.length % 2 === 0) for (const k of bars) this.bars.set(k, '\\|');
    return true;
  }

  readBrace(open: number, close: number): 'group' | 'set' {
    // (One operator alone is TeX's spacing group: `N{=}1`, `{\sim}1000`.)
    if (close === open + 2 && spacingGroup(this.tok(open + 1)?.text ?? '')) return 'group';
    const before = this.tok(open - 1);
    if (before?.text === '^' || before?.text === '_') return 'group';
    const cls = before?.kind === 'word' ? before.info?.parts[before.info.parts.length - 1]?.cmd?.cls : undefined;
    // \left\{ ... \right\}, \max\{ ... \}.
    if (cls === 'sizer' || cls === 'op') return 'set';
    // `n\in\{4,5,6\}`: a list after a relation is a set.
    if (cls === 'rel' && this.listInside(open, close)) return 'set';
    // `\{m_i\}_{i=1}^M`: an indexed family, braces with a script inside and a script after.
    const next = this.tok(close + 1)?.text;
    if (
      before?.kind !== 'word' &&
      before?.kind !== 'num' &&
      (next === '_' || next === '^') &&
      this.tokens.slice(open + 1, close).some((t) => t.text === '_')
    )
      return 'set';
    if (before?.kind === 'word' || before?.kind === 'num' || before?.text === ')' || before?.text === '}' || before?.text === "'")
      return 'group';
    let depth = 0;
    for (let k = open + 1; k < close; k += 1) {
      const t = this.tokens[k];
      if (t?.text === '{') depth += 1;
      if (t?.text === '}') depth -= 1;
      const rel = t?.info?.parts.some((p) => p.cmd?.cls === 'rel') ?? false;
      if (depth === 0 && t && ((',:|<>='.includes(t.text) && t.kind === 'sym') || rel)) return 'set';
    }
    return 'group';
  }

  /** A comma at the top level of the braces open..close. */
  listInside(open: number, close: number): boolean {
    let depth = 0;
    for (let k = open + 1; k < close; k += 1) {
      const t = this.tokens[k]?.text;
      if (t === '{' || t === '(' || t === '[') depth += 1;
      else if (t === '}' || t === ')' || t === ']') depth -= 1;
      else if (depth === 0 && t === ',') return true;
    }
    return false;
  }

  /** `R` as the real numbers: `x\in\mathbb{R}^d`, `p : \mathbb{R}^d \to \mathbb{R}`. */
  reals(k: number): boolean {
    const prev = this.prevSignificant(k);
    const prevCmd = this.lastCommand(prev);
    if (prev?.text === ':' || (prevCmd !== undefined && SET_RELATIONS.has(prevCmd))) return true;
    let next = this.nextSignificant(k);
    const nt = this.tok(next);
    if (nt?.text === '^' || nt?.text === '_') {
      const arg = next + 1;
      next = this.nextSignificant(this.tok(arg)?.text === '{' ? (this.braceMatch.get(arg) ?? arg) : arg);
    }
    const firstCmd = this.tok(next)?.info?.parts[0];
    return firstCmd?.cmd !== undefined && SET_FOLLOWERS.has(firstCmd.text);
  }

  word(k: number, inScript: boolean): void {
    const t = this.tok(k);
    if (!t?.info) return;
    const info = t.info;
    if (info.kind === 'letter') this.emit(t.text === 'R' && this.reals(k) ? '\\mathbb{R}' : t.text);
    else if (info.kind === 'mathword') this.emit(`\\mathrm{${t.text}}`);
    else if (info.kind === 'cmds') {
      // `x_{in}` labels a variable: an English-looking relation alone in a script is letters.
      // (Not a symbol only ever written as a script: `K_{\star}`.)
      const only = info.parts.length === 1 ? info.parts[0] : undefined;
      const label =
        inScript && only?.cmd?.english === true && (only.cmd.cls === 'rel' || only.cmd.cls === 'bin') && !SCRIPT_SYMBOLS.has(only.text);
      if (label) this.emit(t.text);
      // (A Greek letter typed as Unicode is written as it stands: KaTeX reads it as the letter.)
      else
        info.parts.forEach((p, i) => {
          // (`xinR^d`: the capital glued after a set relation is its set, the reals if R.)
          const set = p.cmd === undefined && i > 0 && SET_RELATIONS.has(info.parts[i - 1]?.text ?? '');
          this.emit(p.cmd && !isGreekChar(p.text) ? `\\${p.text}` : set && p.text === 'R' ? '\\mathbb{R}' : p.text);
        });
    } else this.emit(t.text);
  }

  /** Writes tokens from..to-1. */
  range(from: number, to: number): void {
    for (let k = from; k < to;) k = this.one(k, to);
  }

  /** Writes token k (and what it governs); returns the next index. */
  one(k: number, to: number): number {
    const t = this.tok(k);
    if (!t) return to;
    if (t.kind === 'word') {
      const cmd = this.lastCommand(t);
      const cls = t.info?.parts[t.info.parts.length - 1]?.cmd?.cls;
      const open = this.tok(k + 1)?.text === '{' ? k + 1 : -1;
      const close = open >= 0 ? (this.braceMatch.get(open) ?? -1) : -1;
      if (cmd !== undefined && close > 0 && close < to && (cls === 'font' || cls === 'accent' || cls === 'sqrt' || cls === 'frac')) {
        return this.nested(k, cmd, cls, open, close);
      }
      // Alone in a script's braces (`x_{in}`), a word is a label.
      const before = this.tok(k - 2)?.text;
      const label = this.tok(k - 1)?.text === '{' && (before === '^' || before === '_') && this.tok(k + 1)?.text === '}';
      this.word(k, label);
      return k + 1;
    }
    if (t.kind === 'sym') {
      if (t.text === '{' || t.text === '}') {
        const open = t.text === '{' ? k : (this.braceMatch.get(k) ?? k);
        const kind = this.braceKind.get(open);
        this.emit(kind === 'set' || kind === 'trace' ? `\\${t.text}` : t.text);
      } else if (t.text === ',' && this.tok(k - 1)?.text === ',' && this.tok(k - 1)?.e === t.s) {
        // `,,` is `,\,`: English never doubles a comma, the damage took the thin space's backslash.
        this.emit('\\,');
      } else this.emit(t.text === '!' ? '\\!' : (this.bars.get(k) ?? t.text));
      return k + 1;
    }
    this.emit(t.text === '%' ? '\\%' : t.text);
    return k + 1;
  }

  /** A braced command that survived only because it sat inside another one (see above). */
  nested(k: number, cmd: string, cls: string, open: number, close: number): number {
    const t = this.tok(k);
    const parts = t?.info?.parts ?? [];
    for (const p of parts.slice(0, -1)) this.emit(p.cmd ? `\\${p.text}` : p.text);
    if (cls === 'frac') {
      // frac{A{B}REST} → {\frac{A}{B}REST}
      let g = -1;
      for (let i = open + 1; i < close; i += 1) {
        if (this.tok(i)?.text === '{') {
          g = i;
          break;
        }
      }
      const gEnd = g >= 0 ? (this.braceMatch.get(g) ?? -1) : -1;
      if (g < 0 || gEnd < 0) throw new Unwritable();
      this.emit(`{\\${cmd}{`);
      this.range(open + 1, g);
      this.emit('}{');
      this.range(g + 1, gEnd);
      this.emit('}');
      this.range(gEnd + 1, close);
      this.emit('}');
      return close + 1;
    }
    const first = this.tok(open + 1);
    // (A text command's words stay together: `\text{embedding size}`.)
    const whole = close === open + 2 || close === open + 1 || /^(text[a-z]*|mbox)$/.test(cmd);
    if (cls === 'font' && !whole && first && (first.kind === 'word' || first.kind === 'num')) {
      // mathcal{C_Phi/m} → {\mathcal{C}_\Phi/m}
      this.emit(`{\\${cmd}{`);
      this.one(open + 1, close);
      this.emit('}');
      this.range(open + 2, close);
      this.emit('}');
      return close + 1;
    }
    this.emit(`\\${cmd}{`);
    this.range(open + 1, close);
    this.emit('}');
    return close + 1;
  }

  write(): string | null {
    if (!this.prepare()) return null;
    try {
      this.range(0, this.tokens.length);
    } catch (error) {
      if (error instanceof Unwritable) return null;
      throw error;
    }
    return this.out;
  }
}

class Unwritable extends Error {}

/** The TeX of a formula found in damaged text, or null when it cannot be written. */
export function toTex(damaged: string): string | null {
  const tex = new Writer(damaged).write();
  return tex === null ? null : braceDoubleScripts(tex);
}
