/**
 * From chunk verdicts to formulas. A formula is a run of neighbouring non-text chunks holding a
 * strong one. Its edges are trimmed: an operator with nothing on one side is dropped, and so is
 * a weak chunk that only sits next to the formula (`the T f_theta`) rather than being an
 * operand of one of its operators (`m gg n`) or an item of a list (`p, epsilon, B_L`).
 * English-looking operators (`in`, `to`, `times`) only join a strong operand on their right,
 * and `in`, `to` only a set or a limit: `x in R^d` is math, "x^2 in T steps" and "O(n) in
 * ell_2" are not. A list is written item by item. Where it is unsure, it leaves text: a wrong
 * formula is worse than the damage.
 */
import { BIG_O_HEADS, PREFIX_RELATIONS } from './lexicon.ts';
import type { Chunk, Unit } from './chunk.ts';
import { acronymScript } from './rules/acronym-script.ts';
import { fromToRange } from './rules/from-to-range.ts';
import type { Candidate, Scan } from './scan.ts';

function linkable(scan: Scan, p: Chunk, c: Chunk): boolean {
  if (c.prefixText || p.verdict === 'text' || c.verdict === 'text') return false;
  return p.suffix === 'none' || (p.suffix === 'colon' && colonOperand(scan, p)) || (p.suffix === 'comma' && p.listItem && c.listItem);
}

/**
 * A colon joins a formula (`f: X to Y`, `p : R^d`) after a math operand; after an acronym or a
 * product of capitals it ends a clause: "the same PDE: v equiv 0".
 */
function colonOperand(scan: Scan, p: Chunk): boolean {
  if (p.verdict === 'strong') return true;
  const last = p.units[p.b - 1];
  const t = scan.head(last);
  return !(p.b - p.a === 1 && scan.word(last)?.kind === 'vars' && /^[A-Z]{2,}$/.test(t?.text ?? ''));
}

/** What may follow `\in` (a set: `R^d`, `{...}`, `[0,1]`, `\Omega`) or `\to` (a limit or a set). */
function setLike(scan: Scan, name: string, operand: Chunk): boolean {
  if (name !== 'in' && name !== 'to') return true;
  const u = operand.units[operand.a];
  if (!u) return false;
  if (u.group) return operand.verdict === 'strong' || scan.interval(u);
  const t = scan.tok(u.i);
  const w = scan.word(u);
  if (name === 'to' && t.kind === 'num') return true;
  // A capital is a set (`\in S`), unless it heads asymptotic notation: "point of F in O(...)".
  if (w?.kind === 'letter') return /[A-Z]/.test(t.text) && !(BIG_O_HEADS.has(t.text) && operand.units[operand.a + 1]?.group === true);
  const first = w?.kind === 'cmds' ? w.parts[0] : undefined;
  if (!first?.cmd) return false;
  if (first.cmd.cls === 'font') return true;
  if (first.cmd.cls === 'greek') return /^[A-Z]/.test(first.text);
  return name === 'to' && first.text === 'infty';
}

/** Is run[i] a strong operand (or an interval) that the English-looking operator `name` can take? */
function after(scan: Scan, run: readonly Chunk[], last: number, name: string, i: number): boolean {
  const operand = i <= last ? run[i] : undefined;
  if (!operand) return false;
  const u = operand.units[operand.a];
  const interval = (name === 'in' || name === 'to') && operand.b - operand.a === 1 && u?.group === true && scan.interval(u);
  return (operand.verdict === 'strong' || interval) && setLike(scan, name, operand);
}

const opName = (scan: Scan, x: Chunk): string => scan.word(x.units[x.b - 1])?.parts.at(-1)?.text ?? '';

/**
 * Glued to its left operand (`ktimes k`, `1times 1`, `Ain S`), an English-looking operator is
 * math already: a lone symbol or number after it is its right operand. (Weak, `ktimes`, only for
 * operators that make no English glued: "kin", "pin" are words.)
 */
function glued(scan: Scan, p: Chunk, c: Chunk): boolean {
  const lone = c.b - c.a === 1 ? scan.operand(c.units[c.a]) : 'none';
  const sure = p.verdict === 'strong' || (p.endsOpName !== 'in' && p.endsOpName !== 'to');
  return (
    sure &&
    !p.operatorOnly &&
    (lone === 'num' || lone === 'letter' || lone === 'lower' || lone === 'greek') &&
    setLike(scan, p.endsOpName, c)
  );
}

/** How chunk k+1 hangs on chunk k inside a run: through an operator, a list comma, or neither. */
function link(scan: Scan, run: readonly Chunk[], k: number, last = run.length - 1): 'op' | 'list' | 'juxt' {
  const p = run[k];
  const c = k + 1 <= last ? run[k + 1] : undefined;
  if (!p || !c) return 'juxt';
  if (p.suffix === 'comma') return 'list';
  if (p.suffix === 'colon') return 'op';
  // An English-looking operator (in, to, times) counts only before a strong operand, and
  // `in`, `to` only before what can be a set or a limit: "bound O(n) in ell_2" is English.
  if (p.operatorOnly) return !p.opEng || after(scan, run, last, opName(scan, p), k + 1) ? 'op' : 'juxt';
  if (c.operatorOnly) {
    // After an operator (`3times to 20times`), or between numbers ("from 3 to 5"), an
    // English-looking one is English.
    const next = k + 2 <= last ? run[k + 2] : undefined;
    const numbers =
      opName(scan, c) === 'to' &&
      scan.operand(p.units[p.b - 1]) === 'num' &&
      next !== undefined &&
      scan.head(next.units[next.a])?.kind === 'num';
    const range = opName(scan, c) === 'to' && run[0] !== undefined && fromToRange.holds(scan, run[0]);
    if (c.opEng && (p.endsOp !== 'none' || numbers || range)) return 'juxt';
    return !c.opEng || after(scan, run, last, opName(scan, c), k + 2) ? 'op' : 'juxt';
  }
  if (p.endsOp !== 'none') return p.endsOp === 'op' || after(scan, run, last, p.endsOpName, k + 1) || glued(scan, p, c) ? 'op' : 'juxt';
  if (p.prefixOp) return 'op';
  if (c.startsOp !== 'none') return c.startsOp === 'op' || c.verdict === 'strong' ? 'op' : 'juxt';
  return 'juxt';
}

/**
 * A relation that opens a formula before its operand, as `$\propto \gamma^2$`, `$\leq 60$`,
 * `$\sim 1$` do: one that is no English word, or one of the relations written before a
 * number (`sim 1`, `approx 25`) with a number after it. Not `in`, `to`: those need a left side.
 */
function leadingRelation(scan: Scan, op: Chunk, next: Chunk | undefined): boolean {
  if (!next || op.b - op.a !== 1 || next.verdict !== 'strong') return false;
  const parts = scan.word(op.units[op.a])?.parts;
  const cmd = parts?.length === 1 ? parts[0]?.cmd : undefined;
  const name = parts?.[0]?.text ?? '';
  // (So does a sign before its number, `$\pm 2$` cm.)
  const sign = name === 'pm' || name === 'mp';
  if ((cmd?.cls !== 'rel' && !sign) || name === 'in' || name === 'to') return false;
  return !cmd?.english || (PREFIX_RELATIONS.has(name) && scan.operand(next.units[next.a]) === 'num');
}

/** Is chunk k bound to the next by an operator or a list? (link() looks one past the operator: only up to hi.) */
function bound(scan: Scan, run: readonly Chunk[], k: number, hi: number): boolean {
  const l = link(scan, run, k, hi);
  return l === 'op' || l === 'list';
}

/** Drops dangling operators and weak chunks that only sit beside the formula. */
function trim(scan: Scan, run: Chunk[]): Chunk[] {
  // An arrow or relation no English has, alone between words: "Satellite rightarrow Drone".
  const only = run.length === 1 ? run[0] : undefined;
  if (
    only?.operatorOnly &&
    !only.opEng &&
    only.verdict === 'strong' &&
    only.b - only.a === 1 &&
    scan.word(only.units[only.a])?.kind === 'cmds'
  )
    return run;
  let lo = 0;
  let hi = run.length - 1;
  for (let changed = true; changed && lo <= hi;) {
    changed = false;
    const right = run[hi];
    if (right) {
      const held = hi > lo && bound(scan, run, hi - 1, hi);
      if (
        right.operatorOnly ||
        right.prefixOp ||
        (right.endsOp !== 'none' && right.verdict !== 'strong') ||
        (right.verdict === 'weak' && !held)
      ) {
        hi -= 1;
        changed = true;
      }
    }
    const left = run[lo];
    if (left && lo <= hi) {
      const held = lo < hi && bound(scan, run, lo, hi);
      if (
        (left.operatorOnly && !(held && leadingRelation(scan, left, run[lo + 1]))) ||
        (left.startsOp !== 'none' && left.verdict !== 'strong') ||
        (left.verdict === 'weak' && !left.prefixOp && !held)
      ) {
        lo += 1;
        changed = true;
      }
    }
  }
  const kept = run.slice(lo, hi + 1);
  return kept.some((c) => c.verdict === 'strong') ? kept : [];
}

/** The formula a trimmed run makes, with its edges settled. */
function written(scan: Scan, kept: Chunk[]): Candidate | undefined {
  const first = kept[0];
  const last = kept[kept.length - 1];
  if (!first || !last) return undefined;
  const u = first.units[first.a] as Unit;
  const lastUnit = last.units[last.b - 1] as Unit;
  let s = scan.tok(u.i).s;
  let e = scan.tok(lastUnit.j).e;
  const credit: string[] = [];
  // A formula in parentheses, "(B le 1024).", keeps its parentheses as prose; a tuple
  // `(x_t, x_{t'})` or a compound `(1-1/e)-optimal` keeps them in the formula.
  if (kept.length === 1 && first.b - first.a === 1 && u.group && scan.tok(u.i).text === '(' && !first.hyphenated && !scan.interval(u)) {
    const script = acronymScript.inside(scan, u);
    s = scan.tok(script ?? u.i + 1).s;
    e = scan.tok(u.j - 1).e;
    if (script !== undefined) credit.push(acronymScript.name);
  }
  // `approx 17%`: a bare `%` right after the formula's closing number was `\%` in it.
  if (scan.text.charAt(e) === '%' && scan.tok(lastUnit.j).kind === 'num' && e === scan.tok(lastUnit.j).e) e += 1;
  const rules: string[] = [];
  for (const c of kept) if (c.rule !== undefined && !rules.includes(c.rule)) rules.push(c.rule);
  rules.push(...credit);
  for (const c of kept) for (const cut of c.cuts ?? []) if (!rules.includes(cut)) rules.push(cut);
  return { s, e, tex: undefined, rules };
}

/** The formulas of the chunks: their atoms, then the runs (unsorted). */
export function assemble(scan: Scan, chunks: readonly Chunk[]): Candidate[] {
  const out: Candidate[] = [];
  for (const c of chunks) {
    if (!c.atom) continue;
    // `sim7.5%`: a percentage glued after the relation was in the formula (`\%` lost its
    // backslash there; in prose it keeps it), so the number goes in with it.
    // (`approx0.3%`: the atom has its number already.)
    const number = (/\d$/.test(c.atom.tex ?? '') ? /^()%/ : /^(\d+(?:\.\d+)?)%/).exec(scan.text.slice(c.atom.e, c.atom.e + 24))?.[1];
    if (number !== undefined && c.atom.tex?.startsWith('\\'))
      out.push({ ...c.atom, e: c.atom.e + number.length + 1, tex: `${c.atom.tex}${number}\\%` });
    else out.push(c.atom);
  }
  let run: Chunk[] = [];
  const emit = (part: Chunk[]): void => {
    // A list is written item by item, `$p$, $\epsilon$, $B_L$`: it reads the same, and each
    // item is right whether the authors wrote one formula or one per item.
    let from = 0;
    const kept = trim(scan, part);
    kept.forEach((c, k) => {
      if (c.suffix !== 'comma' || k === kept.length - 1) return;
      const f = written(scan, kept.slice(from, k + 1));
      if (f) out.push(f);
      from = k + 1;
    });
    const f = written(scan, kept.slice(from));
    if (f) out.push(f);
  };
  const close = (): void => {
    // An English-looking operator that joins nothing is English: it splits the run
    // ("O(n) in ell_2" is two formulas and a word).
    let from = 0;
    run.forEach((c, k) => {
      if (
        c.operatorOnly &&
        c.opEng &&
        (link(scan, run, k) === 'juxt' || (k > 0 && run[k - 1]?.operatorOnly === false && link(scan, run, k - 1) === 'juxt'))
      ) {
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
    else if (prev && linkable(scan, prev, c)) run.push(c);
    else {
      close();
      run = [c];
    }
  }
  close();
  return out;
}
