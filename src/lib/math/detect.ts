/**
 * Finds where formulas were in damaged prose (the damage: restore.ts).
 *
 * The text is cut into chunks at whitespace (a bracket group whose content is all math-like
 * is kept whole, spaces and all: `O(nd log n)`). Each chunk gets a core, without its prose
 * punctuation and hyphenated English (`epsilon-approximated` → `epsilon`), and a verdict:
 *  - strong: something no English has: a script with a math base (`B_L`, `|Ax-b|_2`), a command
 *    name that is not a word (`sigmaleft(`, `omega`, `gg`), asymptotic notation (`O(log T)`),
 *    a function applied to variables (`f(x)`), a relation between operands (`k=1`), numbers
 *    glued to relations (`10sim100times`);
 *  - weak: what math is made of but prose has too: single letters, numbers, `in`, `times`,
 *    `log`, ambiguous Greek (`alpha`), products of letters (`dB`);
 *  - text.
 * A formula is a run of neighbouring non-text chunks holding a strong one. Its edges are
 * trimmed: an operator with nothing on one side is dropped, and so is a weak chunk that only
 * sits next to the formula (`the T f_theta`) rather than being an operand of one of its
 * operators (`m gg n`) or an item of a list (`p, epsilon, B_L`). English-looking operators
 * (`in`, `to`, `times`) only join a strong operand on their right, and `in`, `to` only a set or
 * a limit: `x in R^d` is math, "x^2 in T steps" and "O(n) in ell_2" are not.
 * A few formulas are found whole: `i-th` (`$i$-th`), `sim3` (`$\sim$3`), `perpGrad` (`$\perp$Grad`).
 * Last, a letter or Greek name that a formula of the paragraph uses is a symbol where it stands
 * alone elsewhere in the paragraph ("O(log T) regret in T steps").
 * Where it is unsure, it leaves text: a wrong formula is worse than the damage.
 */
import { BIG_O_HEADS, CAMEL_PREFIXES, PREFIX_RELATIONS } from './lexicon.ts';
import { isGreekChar, tokenize, type Atom, type Token } from './tokens.ts';
import { isArticleLike, type WordInfo } from './words.ts';

export interface Candidate {
  /** Offsets into the searched text. */
  readonly s: number;
  readonly e: number;
  /** The formula when the finder already knows it (`i-th`, `sim3`, `perpGrad`). */
  readonly tex: string | undefined;
}

interface Unit {
  /** A bracket group with math-like content, tokens i..j, or the single token i (= j). */
  readonly group: boolean;
  readonly i: number;
  readonly j: number;
}

type Verdict = 'text' | 'weak' | 'strong';
/** An operator at a chunk's edge: none, a real one (=, \circ), an English-looking one (in). */
type EdgeOp = 'none' | 'op' | 'eng';
type Suffix = 'none' | 'comma' | 'colon' | 'stop';

interface Chunk {
  readonly units: readonly Unit[];
  /** Offsets of the whole chunk. */
  readonly s: number;
  readonly e: number;
  /** Core: units a..b-1. */
  a: number;
  b: number;
  prefixText: boolean;
  suffix: Suffix;
  verdict: Verdict;
  operatorOnly: boolean;
  opEng: boolean;
  startsOp: EdgeOp;
  endsOp: EdgeOp;
  /** An operator that takes what follows: `log`, `sum`, `mathcal`, `widetilde`. */
  prefixOp: boolean;
  listItem: boolean;
  /** The core is one capital Greek name (`Phi`): could be a product or company name. */
  capGreek: boolean;
  /** The core was cut from hyphenated English (`epsilon-approximated`, `x-axis`). */
  hyphenated: boolean;
  /** The English-looking operator ending the core (`in` of `Ain`), for link(). */
  endsOpName: string;
  atom: Atom | undefined;
}

const OPEN = new Set(['(', '[', '{']);
const CLOSE_OF: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
const SCRIPT_SYMBOLS = new Set(['star', 'ast', 'perp', 'dagger', 'top', 'prime']);
/** Operator names that make a formula with the variable after them: `log n`, `exp x`. */
const FUNCTIONS = new Set(['log', 'ln', 'lg', 'exp', 'sin', 'cos', 'tan', 'tanh', 'det']);

class Finder {
  readonly tokens: Token[];
  readonly atoms: Atom[];
  readonly match: Int32Array;
  /** Prefix sums of tokens that cannot be inside a math group. */
  readonly bad: Int32Array;
  /** The first atom not yet behind the chunk being analysed (chunks come in order). */
  nextAtom = 0;

  constructor(readonly text: string) {
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

  /** A half-open interval, `(0, 1]` or `[0, 1)`: two items between unlike brackets. */
  halfOpen(open: number, close: number): boolean {
    const pair = this.tok(open).text + this.tokens[close]?.text;
    if (pair !== '(]' && pair !== '[)') return false;
    const inner = this.tokens.slice(open + 1, close);
    return inner.length <= 12 && inner.filter((t) => t.text === ',').length === 1 && inner.every((t) => t.kind === 'num' || t.kind === 'ws' || t.text === ',' || t.text === '-' || t.info?.kind === 'letter' || t.info?.kind === 'cmds');
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

  chunks(): Chunk[] {
    const out: Chunk[] = [];
    let units: Unit[] = [];
    const flush = (): void => {
      if (units.length > 0) out.push(this.analyse(units));
      units = [];
    };
    for (let k = 0; k < this.tokens.length; ) {
      const t = this.tok(k);
      const m = this.match[k] ?? -1;
      if (t.kind === 'ws') {
        flush();
        k += 1;
      } else if (t.kind === 'sym' && OPEN.has(t.text) && m > k && (this.compatible(k, m) || this.leftoverText(k, m))) {
        units.push({ group: true, i: k, j: m });
        k = m + 1;
      } else {
        units.push({ group: false, i: k, j: k });
        k += 1;
      }
    }
    flush();
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

  /** What kind of operand a unit is, for the rules on operators between operands. */
  operand(u: Unit | undefined): 'num' | 'letter' | 'lower' | 'article' | 'greek' | 'vars' | 'group' | 'other' | 'none' {
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

  /** A group of variables only, as in f(x), L(x, u(x)): no acronyms such as (NTK), (PDE). */
  simpleGroup(u: Unit): boolean {
    for (let k = u.i + 1; k < u.j; k += 1) {
      const t = this.tok(k);
      if (t.kind === 'word' && (t.info?.kind === 'mathword' || (t.info?.kind === 'vars' && /^[A-Z]+$/.test(t.text)))) return false;
    }
    return true;
  }

  /** Is `u`, a `(` group, the argument of the unit before it: O(...), f(x), \sigma\left(...), \log(...)? */
  applied(prev: Unit | undefined, u: Unit): boolean {
    if (!prev || this.tok(u.i).text !== '(' || u.j === u.i + 1) return false;
    if (prev.group) {
      // `{O}(T)` from `{\mathcal{O}}(\sqrt{T})`.
      if (this.tok(prev.i).text !== '{' || prev.j !== prev.i + 2) return false;
      const inner = this.tok(prev.i + 1);
      return inner.kind === 'word' && (BIG_O_HEADS.has(inner.text) || inner.info?.kind === 'letter');
    }
    const t = this.tok(prev.i);
    const w = this.word(prev);
    if (!w) return false;
    if (w.kind === 'letter') return BIG_O_HEADS.has(t.text) || (!isArticleLike(t.text) && this.simpleGroup(u));
    if (w.kind !== 'cmds') return false;
    let parts = w.parts;
    const last = parts[parts.length - 1];
    if (last?.cmd?.cls === 'sizer') parts = parts.slice(0, -1);
    const fn = parts[parts.length - 1];
    if (!fn) return false;
    if (fn.cmd) return fn.cmd.cls === 'greek' || fn.cmd.cls === 'op';
    return BIG_O_HEADS.has(fn.text) || (parts.length === 1 && !isArticleLike(fn.text) && this.simpleGroup(u));
  }

  /**
   * A brace group glued to a number or a symbol: `1{2}` from `\frac{1}{2}`, `epsilon{d}` from
   * `\frac{\epsilon}{\sqrt{d}}`. No prose has it; a lost two-argument command leaves it
   * (incomplete.ts), and the formula is written and marked incomplete.
   */
  gluedGroup(prev: Unit | undefined, u: Unit): boolean {
    if (!prev || this.tok(u.i).text !== '{' || u.j === u.i + 1) return false;
    // After a closing bracket too: `4(1-T){T}` from `\frac{4(1-T)}{T}`.
    if (prev.group) return this.tok(prev.j).e === this.tok(u.i).s && this.tok(prev.j).text !== '}';
    const t = this.tok(prev.i);
    if (t.e !== this.tok(u.i).s) return false;
    if (t.kind === 'num') return true;
    const w = this.word(prev);
    if (w?.kind === 'letter') return !isArticleLike(t.text);
    const cls = w?.kind === 'cmds' ? w.parts[w.parts.length - 1]?.cmd?.cls : undefined;
    return cls === 'greek' || cls === 'ord';
  }

  // --- one chunk -----------------------------------------------------------------------------

  analyse(units: Unit[]): Chunk {
    const first = units[0];
    const last = units[units.length - 1];
    const s = first ? this.tok(first.i).s : 0;
    const e = last ? this.tok(last.j).e : 0;
    const c: Chunk = {
      units, s, e, a: 0, b: units.length, prefixText: false, suffix: 'none', verdict: 'text',
      operatorOnly: false, opEng: false, startsOp: 'none', endsOp: 'none', prefixOp: false, listItem: false, capGreek: false,
      hyphenated: false, endsOpName: '', atom: undefined,
    };
    // An atom the tokenizer found (`sim3`) makes the chunk prose around a known formula.
    while ((this.atoms[this.nextAtom]?.e ?? Infinity) <= s) this.nextAtom += 1;
    const candidate = this.atoms[this.nextAtom];
    const atom = candidate && candidate.s >= s && candidate.e <= e ? candidate : undefined;
    if (atom) {
      c.atom = atom;
      return c;
    }
    // Most chunks are an English word, perhaps with a comma or full stop: prose, at once
    // (unless it is `perpGrad`, see below).
    const lone = this.head(first);
    if (this.isEnglish(first) && !/^[a-z]+[A-Z]/.test(lone?.text ?? '') && (units.length === 1 || (units.length === 2 && this.isSym(units[1], '.,;:)')))) return c;
    // Prose punctuation around the core: "(", quotes, and trailing . , ; : ) %.
    while (c.a < c.b) {
      const u = units[c.a];
      const t = this.head(u);
      if (u && !u.group && t && (t.kind === 'hard' || (t.kind === 'sym' && "([{'*".includes(t.text)))) {
        c.a += 1;
        c.prefixText = true;
      } else break;
    }
    const stripped: string[] = [];
    // (A lone `:` is an operator: `p : R^d`.)
    while (c.b > c.a && !(c.b - c.a === 1 && this.isSym(units[c.a], ':'))) {
      const u = units[c.b - 1];
      const t = this.head(u);
      if (u && !u.group && t && (t.kind === 'hard' || (t.kind === 'sym' && '.,;:)]}'.includes(t.text)))) {
        stripped.unshift(t.text);
        c.b -= 1;
      } else break;
    }
    c.suffix = stripped.length === 0 ? 'none' : stripped.join('') === ',' ? 'comma' : stripped.join('') === ':' ? 'colon' : 'stop';

    // Prose marks inside the chunk (`3--5times`, `x~\cite`): only what follows the last one can be math.
    for (let k = c.b - 1; k >= c.a; k -= 1) {
      const u = units[k];
      if (u && !u.group && this.head(u)?.kind === 'hard') {
        c.a = k + 1;
        c.prefixText = true;
        break;
      }
    }
    // `FID downarrow`: a vertical arrow marks which way a metric is better; it is a formula
    // by itself, with no operands.
    if (c.b - c.a === 1 && this.word(units[c.a])?.parts.length === 1) {
      const name = this.head(units[c.a])?.text ?? '';
      const t = this.head(units[c.a]);
      if (t && /^(up|down|Up|Down)arrow$/.test(name)) {
        c.atom = { s: t.s, e: t.e, tex: `\\${name}` };
        return c;
      }
    }
    // `i-th`, `d-dimensional`: a letter as an ordinal or a dimension.
    if (c.b - c.a === 3) {
      const [x, dash, suffix] = [units[c.a], units[c.a + 1], units[c.a + 2]];
      const letter = this.head(x);
      const tail = this.head(suffix);
      if (this.word(x)?.kind === 'letter' && letter && !isArticleLike(letter.text) && this.isSym(dash, '-') && tail && !suffix?.group && (tail.text === 'th' || tail.text === 'dimensional')) {
        c.atom = { s: letter.s, e: letter.e, tex: letter.text };
        return c;
      }
    }
    // `perpGrad`, `muP`: a symbol glued to a capitalised name.
    if (c.b - c.a === 1 && this.isEnglish(units[c.a])) {
      const t = this.head(units[c.a]);
      const m = t ? /^([a-z]+)[A-Z][A-Za-z]*$/.exec(t.text) : null;
      const name = m?.[1];
      if (t && name !== undefined && CAMEL_PREFIXES.has(name)) {
        c.atom = { s: t.s, e: t.s + name.length, tex: `\\${name}` };
        return c;
      }
    }
    // Hyphenated English stays outside: `epsilon-approximated`, `ell_2-norm`, `non-convex`.
    // So does a name's acronym at the chunk's edge: `pi_0.5-KI`, `PGD-L_{infty}`.
    const ordinal = (u: Unit | undefined): boolean => !u?.group && /^(th|st|nd|rd)$/.test(this.head(u)?.text ?? '');
    const capitals = (u: Unit | undefined): boolean => !u?.group && this.head(u)?.kind === 'word' && /^[A-Z]{2,}$/.test(this.head(u)?.text ?? '');
    for (let k = c.a; k + 1 < c.b; k += 1) {
      if (this.isSym(units[k], '-') && (this.isEnglish(units[k + 1]) || ordinal(units[k + 1]) || (k + 2 === c.b && capitals(units[k + 1])))) {
        c.b = k;
        c.suffix = 'stop';
        c.hyphenated = true;
        break;
      }
    }
    for (let k = c.b - 1; k - 1 >= c.a; k -= 1) {
      if (this.isSym(units[k], '-') && (this.isEnglish(units[k - 1]) || (k - 1 === c.a && capitals(units[k - 1])))) {
        c.a = k + 1;
        c.prefixText = true;
        c.hyphenated = true;
        break;
      }
    }
    if (c.a >= c.b) return c;
    // `Hyb-Agg`: a capitalised word after a hyphenated English one is the rest of a name.
    const rest = this.head(units[c.a]);
    if (c.hyphenated && c.prefixText && rest?.kind === 'word' && /^[A-Z][a-z]{2,}$/.test(rest.text)) return c;
    // Phi-3, Delta-2: model names.
    const w0 = this.word(units[c.a]);
    const capGreek = (w: WordInfo | undefined): boolean => w?.kind === 'cmds' && w.parts.length === 1 && w.parts[0]?.cmd?.cls === 'greek' && /^[A-Z]/.test(w.parts[0].text);
    if (capGreek(w0) && this.isSym(units[c.a + 1], '-') && this.head(units[c.a + 2])?.kind === 'num') return c;

    // The core must be all math-like.
    for (let k = c.a; k < c.b; k += 1) {
      const u = units[k];
      const t = this.head(u);
      if (!u || !t) return c;
      if (u.group) continue;
      if (t.kind === 'hard' || (t.kind === 'word' && t.info?.kind === 'english')) return c;
      if (t.kind === 'sym' && '()[]{};.'.includes(t.text)) return c;
      // \left, \right, \big need their delimiter right after.
      const lastPart = t.info?.parts[t.info.parts.length - 1];
      if (lastPart?.cmd?.cls === 'sizer') {
        const next = units[k + 1];
        if (!next || k + 1 >= c.b || !(next.group || this.isSym(next, '|/<>'))) return c;
      }
    }

    // `CDI^s`, `BLM_1`, `ARB-LLM_RC`: a script on an acronym (three capitals or more) is a
    // name's mark, `CDI$^s$`: only the script is math.
    const acronym = (u: Unit | undefined): boolean => !u?.group && this.word(u)?.kind === 'vars' && /^[A-Z]{3,}$/.test(this.head(u)?.text ?? '');
    let nameScript = false;
    for (let k = c.a; k + 2 < c.b; k += 1) {
      if (acronym(units[k]) && this.isSym(units[k + 1], '^_') && this.scriptArg(units[k + 2])) {
        c.a = k + 1;
        c.prefixText = true;
        nameScript = true;
        break;
      }
      if (!acronym(units[k]) && !this.isSym(units[k], '-')) break;
    }
    // `41-137times`: a hyphen between numbers is a range, prose; the formula is `137\times`.
    if (c.b - c.a > 3 && this.head(units[c.a])?.kind === 'num' && this.isSym(units[c.a + 1], '-') && this.head(units[c.a + 2])?.kind === 'num' && this.head(units[c.a + 2])?.glue) {
      c.a += 2;
      c.prefixText = true;
    }
    const core = units.slice(c.a, c.b);
    c.verdict = nameScript || core.some((_, k) => this.evidence(core, k)) ? 'strong' : 'weak';
    c.capGreek = core.length === 1 && capGreek(w0);

    const isOpUnit = (u: Unit): boolean => {
      if (this.isSym(u, '=+-*/<>:')) return true;
      const w = this.word(u);
      return w?.kind === 'cmds' && w.parts.every((p) => p.cmd !== undefined && (p.cmd.cls === 'rel' || p.cmd.cls === 'bin'));
    };
    c.operatorOnly = core.every(isOpUnit);
    c.opEng = c.operatorOnly && core.every((u) => this.word(u)?.parts.every((p) => p.cmd?.english) ?? false);
    const only = core.length === 1 ? this.word(core[0]) : undefined;
    const onlyLast = only?.parts[only.parts.length - 1]?.cmd?.cls;
    c.prefixOp =
      !c.operatorOnly && only?.kind === 'cmds' && only.parts.every((p) => p.cmd !== undefined) &&
      (onlyLast === 'op' || onlyLast === 'accent' || onlyLast === 'font' || onlyLast === 'frac' || onlyLast === 'sqrt');
    [c.startsOp] = this.edgeOp(core[0], 'first');
    [c.endsOp, c.endsOpName] = this.edgeOp(core[core.length - 1], 'last');
    const kind = this.operand(core[0]);
    const dots = only?.parts.length === 1 && /^[lcv]?dots$/.test(only.parts[0]?.text ?? '');
    c.listItem = !c.operatorOnly && !c.prefixOp && (c.verdict === 'strong' || (core.length === 1 && (kind === 'letter' || kind === 'lower' || kind === 'greek' || dots)));
    return c;
  }

  /** The operator at one edge of a core, and its name when it looks English (`in`, `to`). */
  edgeOp(u: Unit | undefined, side: 'first' | 'last'): [EdgeOp, string] {
    if (!u) return ['none', ''];
    if (this.isSym(u, side === 'first' ? '=+*/<>:' : '=+-*/<>:')) return ['op', ''];
    const w = this.word(u);
    if (w?.kind !== 'cmds') return ['none', ''];
    const part = side === 'first' ? w.parts[0] : w.parts[w.parts.length - 1];
    const cls = part?.cmd?.cls;
    if (cls === 'rel' || cls === 'bin') return part?.cmd?.english ? ['eng', part.text] : ['op', ''];
    // Variables then an operator name need an argument: `dlog` in `dlog n`.
    if (side === 'last' && cls === 'op' && w.parts.length > 1) return ['op', ''];
    return ['none', ''];
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

  /** Evidence inside a group: `(x_t, x_{t'})`, `(n=100)`, a set `{5, 10, 20}`. */
  innerEvidence(u: Unit): boolean {
    const set = this.tok(u.i).text === '{';
    let depth = 0;
    for (let k = u.i + 1; k < u.j; k += 1) {
      const t = this.tok(k);
      if (t.glue || (t.kind === 'word' && t.info?.distinctive)) return true;
      if (t.kind !== 'sym') continue;
      if ('([{'.includes(t.text)) depth += 1;
      else if (')]}'.includes(t.text)) depth -= 1;
      else if ((t.text === '^' || t.text === '_') && this.tokenBase(k - 1) && this.tokenArg(k + 1)) return true;
      else if (set && depth === 0 && ',:|'.includes(t.text)) return true;
      else if ('=<>+-/'.includes(t.text) && this.arithmetic(t.text, this.operand({ group: false, i: k - 1, j: k - 1 }), this.operand({ group: false, i: k + 1, j: k + 1 }))) return true;
      else if ('=<>'.includes(t.text) && this.spacedRelation(k)) return true;
    }
    for (let k = u.i + 1; k < u.j; k += 1) {
      // `(r approx 0.30)`: a relation word between spaced operands.
      const parts = this.tok(k).info?.parts;
      const cmd = parts?.length === 1 ? parts[0]?.cmd : undefined;
      if (cmd?.cls === 'rel' && parts?.[0]?.text !== 'in' && parts?.[0]?.text !== 'to' && this.spacedRelation(k)) return true;
    }
    return false;
  }

  /** A relation at token k between blanks, with math operands on both sides: `(p < 0.001)`. */
  spacedRelation(k: number): boolean {
    if (this.tokens[k - 1]?.kind !== 'ws' || this.tokens[k + 1]?.kind !== 'ws') return false;
    const l = this.operand({ group: false, i: k - 2, j: k - 2 });
    const r = this.operand({ group: false, i: k + 2, j: k + 2 });
    const symbolic = (x: string): boolean => x === 'lower' || x === 'greek' || x === 'letter';
    return symbolic(l) && (r === 'num' || symbolic(r));
  }

  /** Does unit k of the core, with its neighbours, prove math? */
  evidence(core: readonly Unit[], k: number): boolean {
    const u = core[k];
    if (!u) return false;
    const prev = core[k - 1];
    const next = core[k + 1];
    if (u.group) return this.applied(prev, u) || this.gluedGroup(prev, u) || this.innerEvidence(u) || this.leftoverText(u.i, u.j);
    const t = this.tok(u.i);
    if (t.glue) return true;
    const w = this.word(u);
    if (w) return w.distinctive;
    if (t.kind !== 'sym') return false;
    if (t.text === '^' || t.text === '_') return this.scriptBase(prev) && this.scriptArg(next);
    return this.arithmetic(t.text, this.operand(prev), this.operand(next));
  }

  /**
   * An operator glued between operands that prose does not glue: a relation between math
   * operands (`k=1`), arithmetic with a number and a variable (`1-delta`, `k+1`, `1/e`).
   */
  arithmetic(op: string, l: string, r: string): boolean {
    // (Not a number against a letter pair: "lr=3e-4" is a setting more often than a formula.)
    if ('=<>'.includes(op)) return l !== 'none' && r !== 'none' && !(l === 'num' && r === 'num') && !(l === 'vars' && r === 'num') && !(l === 'num' && r === 'vars');
    if (!'+-/'.includes(op)) return false;
    const symbolic = (x: string): boolean => x === 'greek' || x === 'lower';
    if ((l === 'num' && symbolic(r)) || (symbolic(l) && r === 'num')) return true;
    return op === '+' && l === 'lower' && r === 'lower';
  }

  // --- across chunks -----------------------------------------------------------------------

  /** `h = g`, `1 - t/T`, `T times J`, `n + 1`: an operator between operand chunks. */
  spacedSeeds(chunks: Chunk[]): void {
    for (let k = 1; k + 1 < chunks.length; k += 1) {
      const [left, mid, right] = [chunks[k - 1], chunks[k], chunks[k + 1]];
      if (!left || !mid || !right || left.verdict === 'text' || right.verdict === 'text' || mid.verdict === 'text') continue;
      // `42.9% pm 35.6%`, `81.76\% pm 0.04`: plus-minus after a percentage, written alone (a
      // decimal in the numbers, as below).
      const sign = mid.b - mid.a === 1 && !mid.prefixText && mid.suffix === 'none' ? this.head(mid.units[mid.a]) : undefined;
      if ((sign?.text === 'pm' || sign?.text === 'mp') && left.b - left.a === 1 && this.operand(left.units[left.a]) === 'num' && /^\\?%$/.test(this.text.slice(this.tok((left.units[left.a] as Unit).j).e, left.e)) && !right.prefixText && this.operand(right.units[right.a]) === 'num' && /\./.test(this.text.slice(left.s, right.e))) {
        mid.atom = { s: sign.s, e: sign.e, tex: `\\${sign.text}` };
        continue;
      }
      if (left.suffix !== 'none' || mid.suffix !== 'none' || mid.prefixText || right.prefixText || mid.b - mid.a !== 1) continue;
      const op = this.head(mid.units[mid.a]);
      if (!op) continue;
      // (A prime belongs to its operand: `t' < t`.)
      const lastLeft = this.isSym(left.units[left.b - 1], "'") ? left.units[left.b - 2] : left.units[left.b - 1];
      const l = this.operand(lastLeft);
      const r = this.operand(right.units[right.a]);
      const symbolic = (x: string): boolean => x === 'lower' || x === 'greek' || x === 'letter';
      let seed = false;
      if (op.text === '=') seed = this.arithmetic('=', l, r);
      else if (op.text === '<' || op.text === '>') seed = (symbolic(l) || l === 'vars') && (r === 'num' || symbolic(r));
      else if (op.text === '+') seed = [l, r].every((x) => x === 'num' || symbolic(x)) && (symbolic(l) || symbolic(r)) && l !== 'letter' && r !== 'letter';
      else if (op.text === '-') seed = (l === 'num' && (r === 'lower' || r === 'greek')) || ((l === 'lower' || l === 'greek') && (r === 'num' || r === 'lower' || r === 'greek'));
      else if (op.text === 'times') seed = ((l === 'lower' || l === 'letter') && (r === 'lower' || r === 'letter')) || (l === 'num' && r === 'num');
      // `0.66 pm 0.03`: plus-minus between numbers, one of them a decimal ("5 pm 20" is a
      // time). Only the sign is sure to be math: the numbers are as often prose around `$\pm$`.
      else if ((op.text === 'pm' || op.text === 'mp') && l === 'num' && r === 'num' && left.b - left.a === 1 && right.b - right.a === 1 && /\./.test(this.text.slice(left.s, right.e))) {
        mid.atom = { s: op.s, e: op.e, tex: `\\${op.text}` };
        continue;
      }
      else if (op.kind === 'word' && op.info?.parts.length === 1) {
        // `r approx 0.30`, `X sim P`: a relation other than `in`, `to` between symbols, or a symbol and a number.
        const cmd = op.info.parts[0]?.cmd;
        seed = cmd?.cls === 'rel' && op.text !== 'in' && op.text !== 'to' && symbolic(l) && (r === 'num' || symbolic(r));
      }
      if (op.text === 'times') seed &&= left.b - left.a === 1 && right.b - right.a === 1;
      if (seed) for (const c of [left, mid, right]) c.verdict = 'strong';
    }
    for (let k = 0; k + 1 < chunks.length; k += 1) {
      const [fn, arg] = [chunks[k], chunks[k + 1]];
      if (!fn || !arg || fn.verdict === 'text' || arg.verdict === 'text' || fn.suffix !== 'none' || arg.prefixText || fn.b - fn.a !== 1) continue;
      const name = this.word(fn.units[fn.a])?.parts;
      const only = name?.length === 1 ? name[0]?.text : undefined;
      const x = this.operand(arg.units[arg.a]);
      // `ktimes k`, `Nsim P`: a variable glued to an operator, then its right operand.
      const last = name?.[name.length - 1];
      if (name?.length === 2 && name[0]?.cmd === undefined && (last?.cmd?.cls === 'bin' || last?.cmd?.cls === 'rel') && last.text !== 'in' && last.text !== 'to' && arg.b - arg.a === 1 && ['num', 'letter', 'lower', 'greek'].includes(x)) {
        fn.verdict = 'strong';
        arg.verdict = 'strong';
      }
      // `log n`, `exp x`: an operator name applied to a variable.
      if (only !== undefined && FUNCTIONS.has(only) && arg.b - arg.a === 1 && (x === 'lower' || x === 'letter' || x === 'greek' || x === 'num')) {
        fn.verdict = 'strong';
        arg.verdict = 'strong';
      }
      // `approx 25`, `sim 100`: a relation before a number, as in "$\approx 25$M".
      if (only !== undefined && PREFIX_RELATIONS.has(only) && x === 'num') {
        fn.verdict = 'strong';
        if (arg.b - arg.a === 1) arg.verdict = 'strong';
        else fn.atom = { s: this.tok((fn.units[fn.a] as Unit).i).s, e: this.tok((fn.units[fn.a] as Unit).i).e, tex: `\\${only}` };
      }
    }
  }

  /** A capital Greek name next to a capitalised word is a name: "Theta Labs", "Microsoft Phi". */
  properNames(chunks: Chunk[]): void {
    const capitalised = (c: Chunk | undefined): boolean => c !== undefined && c.verdict === 'text' && /^[A-Z][a-z]/.test(this.text.slice(c.s, c.s + 2));
    chunks.forEach((c, k) => {
      if (!c.capGreek || c.verdict !== 'strong') return;
      const before = chunks[k - 1];
      const after = chunks[k + 1];
      if ((!c.prefixText && before?.suffix === 'none' && capitalised(before)) || (c.suffix === 'none' && !after?.prefixText && capitalised(after))) c.verdict = 'text';
    });
  }

  linkable(p: Chunk, c: Chunk): boolean {
    if (c.prefixText || p.verdict === 'text' || c.verdict === 'text') return false;
    return p.suffix === 'none' || p.suffix === 'colon' || (p.suffix === 'comma' && p.listItem && c.listItem);
  }

  /** How chunk k+1 hangs on chunk k inside a run: through an operator, a list comma, or neither. */
  link(run: readonly Chunk[], k: number, last = run.length - 1): 'op' | 'list' | 'juxt' {
    const p = run[k];
    const c = k + 1 <= last ? run[k + 1] : undefined;
    if (!p || !c) return 'juxt';
    if (p.suffix === 'comma') return 'list';
    if (p.suffix === 'colon') return 'op';
    // An English-looking operator (in, to, times) counts only before a strong operand, and
    // `in`, `to` only before what can be a set or a limit: "bound O(n) in ell_2" is English.
    const after = (name: string, i: number): boolean => {
      const operand = i <= last ? run[i] : undefined;
      if (!operand) return false;
      const u = operand.units[operand.a];
      const interval = (name === 'in' || name === 'to') && operand.b - operand.a === 1 && u?.group === true && this.interval(u);
      return (operand.verdict === 'strong' || interval) && this.setLike(name, operand);
    };
    const opName = (x: Chunk): string => this.word(x.units[x.b - 1])?.parts.at(-1)?.text ?? '';
    if (p.operatorOnly) return !p.opEng || after(opName(p), k + 1) ? 'op' : 'juxt';
    if (c.operatorOnly) {
      // After an operator (`3times to 20times`), or between numbers ("from 3 to 5"), an
      // English-looking one is English.
      const next = k + 2 <= last ? run[k + 2] : undefined;
      const numbers = opName(c) === 'to' && this.operand(p.units[p.b - 1]) === 'num' && next !== undefined && this.head(next.units[next.a])?.kind === 'num';
      if (c.opEng && (p.endsOp !== 'none' || numbers)) return 'juxt';
      return !c.opEng || after(opName(c), k + 2) ? 'op' : 'juxt';
    }
    // Glued to its left operand (`ktimes k`, `1times 1`, `Ain S`), an English-looking operator
    // is math already: a lone symbol or number after it is its right operand.
    const glued = (): boolean => {
      const lone = c.b - c.a === 1 ? this.operand(c.units[c.a]) : 'none';
      // (Weak, `ktimes`, only for operators that make no English glued: "kin", "pin" are words.)
      const sure = p.verdict === 'strong' || (p.endsOpName !== 'in' && p.endsOpName !== 'to');
      return sure && !p.operatorOnly && ['num', 'letter', 'lower', 'greek'].includes(lone) && this.setLike(p.endsOpName, c);
    };
    if (p.endsOp !== 'none') return p.endsOp === 'op' || after(p.endsOpName, k + 1) || glued() ? 'op' : 'juxt';
    if (p.prefixOp) return 'op';
    if (c.startsOp !== 'none') return c.startsOp === 'op' || c.verdict === 'strong' ? 'op' : 'juxt';
    return 'juxt';
  }

  /** What may follow `\in` (a set: `R^d`, `{...}`, `[0,1]`, `\Omega`) or `\to` (a limit or a set). */
  setLike(name: string, operand: Chunk): boolean {
    if (name !== 'in' && name !== 'to') return true;
    const u = operand.units[operand.a];
    if (!u) return false;
    if (u.group) return operand.verdict === 'strong' || this.interval(u);
    const t = this.tok(u.i);
    const w = this.word(u);
    if (name === 'to' && t.kind === 'num') return true;
    // A capital is a set (`\in S`), unless it heads asymptotic notation: "point of F in O(...)".
    if (w?.kind === 'letter') return /[A-Z]/.test(t.text) && !(BIG_O_HEADS.has(t.text) && operand.units[operand.a + 1]?.group === true);
    const first = w?.kind === 'cmds' ? w.parts[0] : undefined;
    if (!first?.cmd) return false;
    if (first.cmd.cls === 'font') return true;
    if (first.cmd.cls === 'greek') return /^[A-Z]/.test(first.text);
    return name === 'to' && first.text === 'infty';
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

  /**
   * A relation that opens a formula before its operand, as `$\propto \gamma^2$`, `$\leq 60$`,
   * `$\sim 1$` do: one that is no English word, or one of the relations written before a
   * number (`sim 1`, `approx 25`) with a number after it. Not `in`, `to`: those need a left side.
   */
  leadingRelation(op: Chunk, next: Chunk | undefined): boolean {
    if (!next || op.b - op.a !== 1 || next.verdict !== 'strong') return false;
    const parts = this.word(op.units[op.a])?.parts;
    const cmd = parts?.length === 1 ? parts[0]?.cmd : undefined;
    const name = parts?.[0]?.text ?? '';
    if (cmd?.cls !== 'rel' || name === 'in' || name === 'to') return false;
    return !cmd.english || (PREFIX_RELATIONS.has(name) && this.operand(next.units[next.a]) === 'num');
  }

  /** Drops dangling operators and weak chunks that only sit beside the formula. */
  trim(run: Chunk[]): Chunk[] {
    // An arrow or relation no English has, alone between words: "Satellite rightarrow Drone".
    const only = run.length === 1 ? run[0] : undefined;
    if (only?.operatorOnly && !only.opEng && only.verdict === 'strong' && only.b - only.a === 1 && this.word(only.units[only.a])?.kind === 'cmds') return run;
    let lo = 0;
    let hi = run.length - 1;
    const bound = (k: number): boolean => {
      // link() looks one past the operator: keep it inside what is left of the run.
      const l = this.link(run, k, hi);
      return l === 'op' || l === 'list';
    };
    for (let changed = true; changed && lo <= hi; ) {
      changed = false;
      const right = run[hi];
      if (right) {
        const held = hi > lo && bound(hi - 1);
        if (right.operatorOnly || right.prefixOp || (right.endsOp !== 'none' && right.verdict !== 'strong') || (right.verdict === 'weak' && !held)) {
          hi -= 1;
          changed = true;
        }
      }
      const left = run[lo];
      if (left && lo <= hi) {
        const held = lo < hi && bound(lo);
        if ((left.operatorOnly && !(held && this.leadingRelation(left, run[lo + 1]))) || (left.startsOp !== 'none' && left.verdict !== 'strong') || (left.verdict === 'weak' && !left.prefixOp && !held)) {
          lo += 1;
          changed = true;
        }
      }
    }
    const kept = run.slice(lo, hi + 1);
    return kept.some((c) => c.verdict === 'strong') ? kept : [];
  }

  find(): Candidate[] {
    const chunks = this.chunks();
    this.spacedSeeds(chunks);
    this.properNames(chunks);
    const out: Candidate[] = [];
    for (const c of chunks) {
      if (!c.atom) continue;
      // `sim7.5%`: a percentage glued after the relation was in the formula (`\%` lost its
      // backslash there; in prose it keeps it), so the number goes in with it.
      const percent = /^(\d+(?:\.\d+)?)%/.exec(this.text.slice(c.atom.e, c.atom.e + 24));
      const number = percent?.[1];
      if (number !== undefined && c.atom.tex.startsWith('\\')) out.push({ s: c.atom.s, e: c.atom.e + number.length + 1, tex: `${c.atom.tex}${number}\\%` });
      else out.push({ s: c.atom.s, e: c.atom.e, tex: c.atom.tex });
    }
    let run: Chunk[] = [];
    const emit = (part: Chunk[]): void => {
      const kept = this.trim(part);
      const first = kept[0];
      const last = kept[kept.length - 1];
      if (first && last) {
        const u = first.units[first.a] as Unit;
        let s = this.tok(u.i).s;
        let e = this.tok((last.units[last.b - 1] as Unit).j).e;
        // A formula in parentheses, "(B le 1024).", keeps its parentheses as prose; a tuple
        // `(x_t, x_{t'})` or a compound `(1-1/e)-optimal` keeps them in the formula.
        if (kept.length === 1 && first.b - first.a === 1 && u.group && this.tok(u.i).text === '(' && !first.hyphenated && !this.interval(u)) {
          s = this.tok(u.i + 1).s;
          e = this.tok(u.j - 1).e;
        }
        // An acronym with a Greek parameter, `TD(λ)`, is a name: only the letter is math.
        const param = first.units[first.a + 1];
        const name = this.head(first.units[first.a]);
        if (kept.length === 1 && first.b - first.a === 2 && param?.group && param.j === param.i + 2 && this.tok(param.i).text === '(' && name?.kind === 'word' && /^[A-Z]{2,}$/.test(name.text)) {
          const inner = this.tok(param.i + 1);
          if (inner.kind === 'word' && isGreekChar(inner.text)) {
            s = inner.s;
            e = inner.e;
          }
        }
        // `approx 17%`: a bare `%` right after the formula's closing number was `\%` in it.
        if (this.text.charAt(e) === '%' && this.tok((last.units[last.b - 1] as Unit).j).kind === 'num' && e === this.tok((last.units[last.b - 1] as Unit).j).e) e += 1;
        out.push({ s, e, tex: undefined });
      }
    };
    const close = (): void => {
      // An English-looking operator that joins nothing is English: it splits the run
      // ("O(n) in ell_2" is two formulas and a word).
      let from = 0;
      run.forEach((c, k) => {
        if (c.operatorOnly && c.opEng && (this.link(run, k) === 'juxt' || (k > 0 && run[k - 1]?.operatorOnly === false && this.link(run, k - 1) === 'juxt'))) {
          emit(run.slice(from, k));
          from = k + 1;
        }
      });
      emit(run.slice(from));
      run = [];
    };
    for (const c of chunks) {
      const prev = run[run.length - 1];
      if (c.verdict === 'text') close();
      else if (prev && this.linkable(prev, c)) run.push(c);
      else {
        close();
        run = [c];
      }
    }
    close();
    this.promoteSymbols(chunks, out);
    return out.sort((x, y) => x.s - y.s);
  }

  /**
   * A name this paragraph uses in a formula is a symbol elsewhere in it too: after `O(log T)`,
   * "in T steps" is `$T$` steps; after `kappa = L/mu`, "a factor of kappa" is `$\kappa$`. Only
   * lone letters (not a, A, I, not in hyphenated words: "x-axis") and Greek names.
   */
  promoteSymbols(chunks: readonly Chunk[], out: Candidate[]): void {
    const formulas = out.filter((f) => f.tex === undefined).sort((x, y) => x.s - y.s);
    const symbols = new Set<string>();
    let f = 0;
    for (const t of this.tokens) {
      while ((formulas[f]?.e ?? Infinity) <= t.s) f += 1;
      const current = formulas[f];
      if (!current || t.s < current.s || t.kind !== 'word' || !t.info) continue;
      const greek = t.info.kind === 'cmds' && t.info.parts.length === 1 && t.info.parts[0]?.cmd?.cls === 'greek';
      if ((t.info.kind === 'letter' && !isArticleLike(t.text)) || greek) symbols.add(t.text);
    }
    if (symbols.size === 0) return;
    const taken = [...out].sort((x, y) => x.s - y.s);
    let g = 0;
    const covered = (s: number): boolean => {
      while ((taken[g]?.e ?? Infinity) <= s) g += 1;
      const span = taken[g];
      return span !== undefined && s >= span.s;
    };
    for (const c of chunks) {
      const u = c.units[c.a];
      const t = this.head(u);
      if (c.verdict !== 'weak' || c.b - c.a !== 1 || !u || u.group || !t || !symbols.has(t.text) || covered(t.s)) continue;
      if (t.info?.kind === 'letter' ? c.hyphenated : t.info?.kind !== 'cmds') continue;
      out.push({ s: t.s, e: t.e, tex: undefined });
    }
  }
}

/** Where formulas were in a stretch of damaged prose (no URLs, comments or \em groups in it). */
export function findCandidates(text: string): Candidate[] {
  return new Finder(text).find();
}
