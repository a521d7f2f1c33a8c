/**
 * The detector's view of a stretch of damaged prose: its tokens, matched brackets, and the
 * questions the rules ask of a unit (a token, or a bracket group kept whole). No decisions here:
 * those are the rules' (rules/), put together by detect.ts.
 */
import { isArticleLike, type WordInfo } from './words.ts';
import { tokenize, type Atom, type Token } from './tokens.ts';
import { withRole } from './commands.ts';
import type { Unit } from './chunk.ts';
import { inside } from './rules/math-in-group.ts';
import { isScriptLabel } from './rules/script-label.ts';

export interface Candidate {
  /** Offsets into the searched text. */
  readonly s: number;
  readonly e: number;
  /** The formula when the finder already knows it (`i-th`, `sim3`, `perpGrad`). */
  readonly tex: string | undefined;
  /** The rules that decided it. */
  readonly rules: readonly string[];
}

/** A span a veto kept as prose, for --explain. */
export interface Note {
  readonly s: number;
  readonly e: number;
  readonly rule: string;
}

/** What kind of operand a unit is, for the rules on operators between operands. */
export type Operand = 'num' | 'letter' | 'lower' | 'article' | 'greek' | 'vars' | 'group' | 'other' | 'none';
/** An operator at a chunk's edge: none, a real one (=, \circ), an English-looking one (in). */
export type EdgeOp = 'none' | 'op' | 'eng';

const OPEN = new Set(['(', '[', '{']);
const CLOSE_OF: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
/** Symbols only ever written as scripts: `C^\star`, `A^\top` (the command table's role). */
const SCRIPT_SYMBOLS = withRole('script');

export class Scan {
  readonly tokens: Token[];
  readonly atoms: Atom[];
  readonly match: Int32Array;
  /** Prefix sums of tokens that cannot be inside a math group. */
  readonly bad: Int32Array;
  /** The first atom not yet behind the chunk being analysed (chunks come in order). */
  nextAtom = 0;
  /** Spans vetoes kept as prose (only when asked for: --explain, the rules' test). */
  readonly notes: Note[] | undefined;

  readonly text: string;
  constructor(text: string, notes?: Note[]) {
    this.text = text;
    this.notes = notes;
    const { tokens, atoms } = tokenize(text);
    this.tokens = tokens;
    this.atoms = atoms;
    this.match = new Int32Array(tokens.length).fill(-1);
    const stack: number[] = [];
    tokens.forEach((t, k) => {
      if (t.kind !== 'sym') return;
      if (OPEN.has(t.text)) stack.push(k);
      else if (t.text === ')' || t.text === ']' || t.text === '}') {
        const top = stack[stack.length - 1];
        if (top !== undefined && (CLOSE_OF[this.tok(top).text] === t.text || this.halfOpen(top, k))) {
          stack.pop();
          this.match[top] = k;
          this.match[k] = top;
        }
      }
    });
    this.bad = new Int32Array(tokens.length + 1);
    tokens.forEach((t, k) => {
      const isBad =
        t.kind === 'hard' ||
        (t.kind === 'word' && t.info?.kind === 'english') ||
        (t.kind === 'sym' && t.text === '.' && this.tokens[k - 1]?.text !== '.' && this.tokens[k + 1]?.text !== '.');
      this.bad[k + 1] = (this.bad[k] ?? 0) + (isBad ? 1 : 0);
    });
  }

  note(s: number, e: number, rule: string): void {
    this.notes?.push({ s, e, rule });
  }

  /** A half-open interval, `(0, 1]` or `[0, 1)`: two items between unlike brackets. */
  halfOpen(open: number, close: number): boolean {
    const pair = this.tok(open).text + this.tokens[close]?.text;
    if (pair !== '(]' && pair !== '[)') return false;
    const inner = this.tokens.slice(open + 1, close);
    return (
      inner.length <= 12 &&
      inner.filter((t) => t.text === ',').length === 1 &&
      inner.every(
        (t) =>
          t.kind === 'num' || t.kind === 'ws' || t.text === ',' || t.text === '-' || t.info?.kind === 'letter' || t.info?.kind === 'cmds',
      )
    );
  }

  tok(k: number): Token {
    const t = this.tokens[k];
    if (!t) throw new Error(`no token ${k}`);
    return t;
  }

  /**
   * `text{simu}`: a text command glued to its brace group, words and blanks in it. It survives
   * the damage only nested in a braced command that was lost (`\underline{\text{simu}}`), so it
   * is a formula, and a trace of the loss, whatever its words.
   */
  leftoverText(open: number, close: number): boolean {
    const before = this.tokens[open - 1];
    if (this.tok(open).text !== '{' || before?.kind !== 'word' || before.e !== this.tok(open).s || close === open + 1) return false;
    const parts = before.info?.parts;
    const cmd = parts?.length === 1 ? parts[0] : undefined;
    if (cmd?.cmd?.cls !== 'font' || !/^(text[a-z]*|mbox)$/.test(cmd.text)) return false;
    for (let k = open + 1; k < close; k += 1) {
      const t = this.tok(k);
      if (t.kind !== 'word' && t.kind !== 'ws' && t.kind !== 'num') return false;
    }
    return true;
  }

  /** A bracket group whose content is all math-like (no English word, prose mark or full stop). */
  compatible(open: number, close: number): boolean {
    return (this.bad[close] ?? 0) - (this.bad[open + 1] ?? 0) === 0;
  }

  /**
   * A math-like group with blanks in it that opens a chunk, `(256 times 256)`, `(1.45 pm 0.18)`,
   * is one unit only when it holds math inside (math-in-group) and no acronym; else its words are chunks of
   * their own, for the rules between chunks to read. (Glued to what precedes it, `O(nd log n)`,
   * it is an argument and stays whole.)
   */
  keepsWhole(open: number, close: number, opensChunk: boolean): boolean {
    if (!opensChunk) return true;
    let blank = false;
    let acronym = false;
    for (let k = open + 1; k < close; k += 1) {
      const t = this.tok(k);
      blank ||= t.kind === 'ws';
      acronym ||= t.kind === 'word' && t.info?.kind === 'vars' && /^[A-Z]{2,}$/.test(t.text);
    }
    // (An acronym among blanks is prose beside the math: `(89.1pm0.4 AP, p=0.02)`.)
    return !blank || (!acronym && inside(this, { group: true, i: open, j: close }));
  }

  /** The text cut into chunks of units at whitespace (a math-like bracket group is one unit). */
  unitRuns(): Unit[][] {
    const out: Unit[][] = [];
    let units: Unit[] = [];
    for (let k = 0; k < this.tokens.length;) {
      const t = this.tok(k);
      const m = this.match[k] ?? -1;
      if (t.kind === 'ws') {
        if (units.length > 0) out.push(units);
        units = [];
        k += 1;
      } else if (t.kind === 'hard' && t.text.startsWith('--') && units.length > 0) {
        // A dash between two formulas, `2times--3times`, is prose between them: it opens the next chunk.
        out.push(units);
        units = [{ group: false, i: k, j: k }];
        k += 1;
      } else if (
        t.kind === 'sym' &&
        OPEN.has(t.text) &&
        m > k &&
        ((this.compatible(k, m) && this.keepsWhole(k, m, units.length === 0)) || this.leftoverText(k, m) || isScriptLabel(this, k, m))
      ) {
        units.push({ group: true, i: k, j: m });
        k = m + 1;
      } else {
        units.push({ group: false, i: k, j: k });
        k += 1;
      }
    }
    if (units.length > 0) out.push(units);
    return out;
  }

  // --- units -------------------------------------------------------------------------------

  head(u: Unit | undefined): Token | undefined {
    return u ? this.tokens[u.i] : undefined;
  }

  isSym(u: Unit | undefined, chars: string): boolean {
    const t = this.head(u);
    return u !== undefined && !u.group && t?.kind === 'sym' && chars.includes(t.text);
  }

  word(u: Unit | undefined): WordInfo | undefined {
    const t = this.head(u);
    return u && !u.group && t?.kind === 'word' ? t.info : undefined;
  }

  isEnglish(u: Unit | undefined): boolean {
    return this.word(u)?.kind === 'english';
  }

  operand(u: Unit | undefined): Operand {
    if (!u) return 'none';
    if (u.group) return 'group';
    const t = this.tok(u.i);
    if (t.kind === 'num') return 'num';
    const w = this.word(u);
    if (!w) return 'none';
    if (w.kind === 'letter') return isArticleLike(t.text) ? 'article' : /[a-z]/.test(t.text) ? 'lower' : 'letter';
    if (w.kind === 'vars') return 'vars';
    if (w.kind === 'cmds') {
      const only = w.parts.length === 1 ? w.parts[0]?.cmd : undefined;
      if (only?.cls === 'greek') return 'greek';
      const last = w.parts[w.parts.length - 1]?.cmd;
      if (last && (last.cls === 'rel' || last.cls === 'bin')) return 'none';
      return 'other';
    }
    return w.kind === 'mathword' ? 'other' : 'none';
  }

  /** The operand at token k (a one-token unit). */
  operandAt(k: number): Operand {
    return this.tokens[k] === undefined ? 'none' : this.operand({ group: false, i: k, j: k });
  }

  /** The base of a sub- or superscript: `x`, `B`, `)`, `|`, `\ell`, `\log`, `10`. */
  scriptBase(u: Unit | undefined): boolean {
    if (!u) return false;
    if (u.group) return true;
    const t = this.tok(u.i);
    if (t.kind === 'num') return true;
    if (t.kind === 'sym') return t.text === '|' || t.text === "'";
    const w = this.word(u);
    if (!w) return false;
    if (w.kind === 'letter' || w.kind === 'vars') return true;
    if (w.kind !== 'cmds') return false;
    // (`xinR^d`: the set's capital ends the run, after its relation.)
    if (w.parts.length > 1 && w.parts[w.parts.length - 1]?.cmd === undefined) return true;
    const last = w.parts[w.parts.length - 1]?.cmd;
    if (!last) return false;
    return last.cls === 'greek' || last.cls === 'op' || last.cls === 'close' || (last.cls === 'ord' && !last.english);
  }

  /** The argument of a sub- or superscript: `{...}`, `2`, `i`, `ij`, `\infty`, `*`, `L\right`. */
  scriptArg(u: Unit | undefined): boolean {
    if (!u) return false;
    if (u.group) return this.tok(u.i).text === '{';
    const t = this.tok(u.i);
    if (t.kind === 'num') return true;
    if (t.kind === 'sym') return "*'+-".includes(t.text);
    const w = this.word(u);
    if (!w) return false;
    if (w.kind === 'letter') return true;
    if (w.kind === 'vars') return t.text.length <= 2;
    if (w.kind !== 'cmds') return false;
    const first = w.parts[0];
    if (!first) return false;
    if (!first.cmd) return w.parts.length >= 2; // one variable, then commands: `_L\right`
    // (`C^\star`, `x^\ast`, `A^\top`: symbols that are only ever written as scripts.)
    return first.cmd.cls === 'greek' || first.cmd.cls === 'ord' || first.cmd.cls === 'op' || SCRIPT_SYMBOLS.has(first.text);
  }

  /** Token-level versions of scriptBase and scriptArg, inside a group. */
  tokenBase(k: number): boolean {
    const t = this.tokens[k];
    if (!t) return false;
    if (t.kind === 'sym' && ')]}'.includes(t.text)) return true;
    return this.scriptBase({ group: false, i: k, j: k });
  }

  tokenArg(k: number): boolean {
    const t = this.tokens[k];
    if (!t) return false;
    if (t.kind === 'sym' && t.text === '{') return true;
    return this.scriptArg({ group: false, i: k, j: k });
  }

  /** A group of variables only, as in f(x), L(x, u(x)): no acronyms such as (NTK), (PDE). */
  simpleGroup(u: Unit): boolean {
    for (let k = u.i + 1; k < u.j; k += 1) {
      const t = this.tok(k);
      if (t.kind === 'word' && (t.info?.kind === 'mathword' || (t.info?.kind === 'vars' && /^[A-Z]+$/.test(t.text)))) return false;
    }
    return true;
  }

  /** `[0, T]`, `(0, 1]`, `{1, 2}`: a bracket pair holding a list. */
  interval(u: Unit): boolean {
    let depth = 0;
    for (let k = u.i + 1; k < u.j; k += 1) {
      const t = this.tok(k);
      if ('([{'.includes(t.text)) depth += 1;
      else if (')]}'.includes(t.text)) depth -= 1;
      else if (depth === 0 && t.text === ',') return true;
    }
    return false;
  }

  /** The operator at one edge of a core, and its name when it looks English (`in`, `to`). */
  edgeOp(u: Unit | undefined, side: 'first' | 'last'): [EdgeOp, string] {
    if (!u) return ['none', ''];
    if (this.isSym(u, side === 'first' ? '=+*/<>:' : '=+-*/<>:')) return ['op', ''];
    const w = this.word(u);
    if (w?.kind !== 'cmds') return ['none', ''];
    const part = side === 'first' ? w.parts[0] : w.parts[w.parts.length - 1];
    const cls = part?.cmd?.cls;
    // (A vertical arrow after a metric says which way is better: `+4.29uparrow VQA`; it takes no operand.)
    if (side === 'last' && /^(up|down|Up|Down)arrow$/.test(part?.text ?? '')) return ['none', ''];
    if (cls === 'rel' || cls === 'bin') return part?.cmd?.english ? ['eng', part.text] : ['op', ''];
    // Variables then an operator name need an argument: `dlog` in `dlog n`.
    if (side === 'last' && cls === 'op' && w.parts.length > 1) return ['op', ''];
    return ['none', ''];
  }
}
