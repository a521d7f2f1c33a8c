/**
 * One chunk of damaged prose (the text between blanks, a math-like bracket group kept whole)
 * and its verdict: strong (something no English has), weak (what math is made of but prose has
 * too: single letters, numbers, `in`, `times`, `log`, ambiguous Greek, products of letters such
 * as `dB`), or text. The chunk's core is what is left without prose punctuation and without the
 * prose the cut rules take off (`epsilon-approximated` → `epsilon`). The rules decide
 * (rules/index.ts, in the order given there); this file only runs them in their stages and
 * records what the assembly (assemble.ts) needs.
 */
import { ATOM_RULES, CHUNK_VETOES, CUT_RULES, EVIDENCE_RULES } from './rules/index.ts';
import { greekBeforeAcronym } from './rules/greek-before-acronym.ts';
import { operatorBetweenNames } from './rules/operator-between-names.ts';
import type { Candidate, EdgeOp, Scan } from './scan.ts';

export interface Unit {
  /** A bracket group with math-like content, tokens i..j, or the single token i (= j). */
  readonly group: boolean;
  readonly i: number;
  readonly j: number;
}

export type Verdict = 'text' | 'weak' | 'strong';
export type Suffix = 'none' | 'comma' | 'colon' | 'stop';

export interface Chunk {
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
  /** The rule that made it strong. */
  rule: string | undefined;
  /** The cut rules that took prose off its core. */
  cuts: string[] | undefined;
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
  /** A formula found whole in the chunk (`sim3`, `i-th`). */
  atom: Candidate | undefined;
}

export function analyse(scan: Scan, units: readonly Unit[]): Chunk {
  const first = units[0];
  const last = units[units.length - 1];
  const s = first ? scan.tok(first.i).s : 0;
  const e = last ? scan.tok(last.j).e : 0;
  const c: Chunk = {
    units,
    s,
    e,
    a: 0,
    b: units.length,
    prefixText: false,
    suffix: 'none',
    verdict: 'text',
    rule: undefined,
    cuts: undefined,
    operatorOnly: false,
    opEng: false,
    startsOp: 'none',
    endsOp: 'none',
    prefixOp: false,
    listItem: false,
    capGreek: false,
    hyphenated: false,
    endsOpName: '',
    atom: undefined,
  };
  // An atom the tokenizer found (`sim3`) makes the chunk prose around a known formula.
  while ((scan.atoms[scan.nextAtom]?.e ?? Infinity) <= s) scan.nextAtom += 1;
  const candidate = scan.atoms[scan.nextAtom];
  if (candidate && candidate.s >= s && candidate.e <= e) {
    c.atom = { s: candidate.s, e: candidate.e, tex: candidate.tex, rules: [candidate.rule] };
    return c;
  }
  // Most chunks are an English word, perhaps with a comma or full stop: prose, at once
  // (unless it is `perpGrad`, a symbol glued to a name, or holds an arrow: `FIDdownarrow`, or
  // an operator glued between names: `7Bto70B`).
  const lone = scan.head(first);
  if (
    scan.isEnglish(first) &&
    !/^[a-z]+[A-Z]/.test(lone?.text ?? '') &&
    !(lone?.text.includes('arrow') ?? false) &&
    !operatorBetweenNames.holds(lone?.text ?? '') &&
    !greekBeforeAcronym.holds(lone?.text ?? '') &&
    (units.length === 1 || (units.length === 2 && scan.isSym(units[1], '.,;:)')))
  )
    return c;
  edges(scan, c);
  for (const rule of ATOM_RULES) {
    const atom = rule.find(scan, c);
    if (atom) {
      c.atom = atom;
      return c;
    }
  }
  for (const rule of CUT_RULES) if (rule.cut(scan, c)) (c.cuts ??= []).push(rule.name);
  if (c.a >= c.b) return c;
  for (const rule of CHUNK_VETOES) {
    if (rule.chunk?.(scan, c)) {
      scan.note(scan.tok((units[c.a] as Unit).i).s, scan.tok((units[c.b - 1] as Unit).j).e, rule.name);
      c.rule = undefined;
      return c;
    }
  }
  if (!mathLike(scan, c)) {
    c.rule = undefined;
    return c;
  }
  const core = units.slice(c.a, c.b);
  if (c.rule === undefined) {
    search: for (let k = 0; k < core.length; k += 1) {
      for (const rule of EVIDENCE_RULES) {
        if (rule.holds(scan, core, k)) {
          c.rule = rule.name;
          break search;
        }
      }
    }
  }
  c.verdict = c.rule !== undefined ? 'strong' : 'weak';
  flags(scan, c, core);
  return c;
}

/** Prose punctuation around the core ("(", quotes; trailing . , ; : ) %), and prose marks in it. */
function edges(scan: Scan, c: Chunk): void {
  const units = c.units;
  while (c.a < c.b) {
    const u = units[c.a];
    const t = scan.head(u);
    if (u && !u.group && t && (t.kind === 'hard' || (t.kind === 'sym' && "([{'*".includes(t.text)))) {
      c.a += 1;
      c.prefixText = true;
    } else break;
  }
  const stripped: string[] = [];
  // (A lone `:` is an operator: `p : R^d`.)
  while (c.b > c.a && !(c.b - c.a === 1 && scan.isSym(units[c.a], ':'))) {
    const u = units[c.b - 1];
    const t = scan.head(u);
    if (u && !u.group && t && (t.kind === 'hard' || (t.kind === 'sym' && '.,;:)]}'.includes(t.text)))) {
      stripped.unshift(t.text);
      c.b -= 1;
    } else break;
  }
  c.suffix = stripped.length === 0 ? 'none' : stripped.join('') === ',' ? 'comma' : stripped.join('') === ':' ? 'colon' : 'stop';
  // Prose marks inside the chunk (`3--5times`, `x~\cite`): only what follows the last one can be math.
  for (let k = c.b - 1; k >= c.a; k -= 1) {
    const u = units[k];
    if (u && !u.group && scan.head(u)?.kind === 'hard') {
      c.a = k + 1;
      c.prefixText = true;
      break;
    }
  }
}

/** The core must be all math-like: no English word, prose mark, lone bracket, and \left with its delimiter. */
function mathLike(scan: Scan, c: Chunk): boolean {
  for (let k = c.a; k < c.b; k += 1) {
    const u = c.units[k];
    const t = scan.head(u);
    if (!u || !t) return false;
    if (u.group) continue;
    if (t.kind === 'hard' || (t.kind === 'word' && t.info?.kind === 'english')) return false;
    if (t.kind === 'sym' && '()[]{};.'.includes(t.text)) return false;
    // \left, \right, \big need their delimiter right after.
    const lastPart = t.info?.parts[t.info.parts.length - 1];
    if (lastPart?.cmd?.cls === 'sizer') {
      const next = c.units[k + 1];
      if (!next || k + 1 >= c.b || !(next.group || scan.isSym(next, '|/<>'))) return false;
    }
  }
  return true;
}

/** An operator sign, or commands that are all relations or binary operators (`in`, `leq`, `times`). */
function isOpUnit(scan: Scan, u: Unit): boolean {
  if (scan.isSym(u, '=+-*/<>:')) return true;
  const w = scan.word(u);
  return w?.kind === 'cmds' && w.parts.every((p) => p.cmd !== undefined && (p.cmd.cls === 'rel' || p.cmd.cls === 'bin'));
}

/** What the assembly asks of a core: operators at its edges, list items, a lone capital Greek name. */
function flags(scan: Scan, c: Chunk, core: readonly Unit[]): void {
  const w0 = scan.word(core[0]);
  c.capGreek =
    core.length === 1 &&
    w0?.kind === 'cmds' &&
    w0.parts.length === 1 &&
    w0.parts[0]?.cmd?.cls === 'greek' &&
    /^[A-Z]/.test(w0.parts[0].text);
  c.operatorOnly = core.every((u) => isOpUnit(scan, u));
  c.opEng = c.operatorOnly && core.every((u) => scan.word(u)?.parts.every((p) => p.cmd?.english) ?? false);
  const only = core.length === 1 ? scan.word(core[0]) : undefined;
  const onlyLast = only?.parts[only.parts.length - 1]?.cmd?.cls;
  c.prefixOp =
    !c.operatorOnly &&
    only?.kind === 'cmds' &&
    only.parts.every((p) => p.cmd !== undefined) &&
    (onlyLast === 'op' || onlyLast === 'accent' || onlyLast === 'font' || onlyLast === 'frac' || onlyLast === 'sqrt');
  [c.startsOp] = scan.edgeOp(core[0], 'first');
  [c.endsOp, c.endsOpName] = scan.edgeOp(core[core.length - 1], 'last');
  const kind = scan.operand(core[0]);
  const dots = only?.parts.length === 1 && /^[lcv]?dots$/.test(only.parts[0]?.text ?? '');
  c.listItem =
    !c.operatorOnly &&
    !c.prefixOp &&
    (c.verdict === 'strong' || (core.length === 1 && (kind === 'letter' || kind === 'lower' || kind === 'greek' || dots)));
}
