/**
 * Lost math, told from what the damage left (the damage: restore.ts). Step 1 of the damage
 * erased every `\name{ARG}` it met, ARG ending at the first `}`, and never scanned a
 * replacement again. So where a braced command stood, the text usually keeps no sign of it
 * (`\sqrt{T}` → `T`), and nothing can bring it back. But three marks are left, and each one is
 * certain evidence that a command with a brace argument was lost right there:
 *  - a LEFTOVER COMMAND: a braced command that survived only because it sat inside the lost
 *    one: `\tilde{\mathcal{O}}(d)` → `mathcal{O}(d)`, `\sqrt{\frac{a}{b}}` → `frac{a{b}}`;
 *    a `name{` of a command that takes an argument cannot stand in damaged text otherwise;
 *  - a GLUED GROUP: the second argument of a two-argument command, left glued to the first:
 *    `\frac{\epsilon}{\sqrt{d}}` → `epsilon{d}`, `\frac{1}{2}` → `1{2}`. A brace group right
 *    after a symbol, a number or a closing bracket is no TeX anyone types;
 *  - a BARE GROUP: the braces around a lost command: `{\mathcal{O}}(\sqrt{T})` → `{O}(T)`.
 *    A group around plain symbols, neither a script, an argument nor a set (`{5, 10}`).
 * A formula with any of them is written with what is known and marked incomplete; one without
 * them may still have lost a command (`\sqrt{T}` → `T`), but nothing in the text says so.
 * Escaped braces are not traces: the damage kept them, without the backslash, after `\max`,
 * `\left`, a relation, or around a list (`max{p, q}`, `in {5, 10}`).
 */
import { tokenize, type Token } from './tokens.ts';

export type TraceKind = 'leftover-command' | 'glued-group' | 'bare-group';

export interface Trace {
  readonly kind: TraceKind;
  /** Token indices of the group's braces. */
  readonly open: number;
  readonly close: number;
  /** Why the formula is incomplete, in words a reader can be shown. */
  readonly reason: string;
}

const ARGUMENT_CLASSES = new Set(['font', 'accent', 'sqrt', 'frac']);
/** Before a `{`, these make it an escaped brace (`\max\{`, `\left\{`, `\in\{`) or an argument. */
const NOT_GLUE_CLASSES = new Set(['op', 'sizer', 'rel', 'bin', 'open', 'close', 'space', ...ARGUMENT_CLASSES]);
/** Old-style switches that make a group by themselves: `{\cal O}`, `{\bf x}`, `{\rm d}x`. */
const SWITCHES = new Set(['cal', 'bf', 'rm', 'it', 'sf', 'tt', 'em', 'sl', 'mit', 'frak', 'Bbb', 'bm', 'boldmath', 'scriptstyle', 'displaystyle', 'textstyle', 'scriptscriptstyle']);
/** What a bare group may follow: the start of the formula, a blank, an opening or an operator. */
const BARE_AFTER = new Set(['(', '[', ',', '=', '+', '-', '*', '/', '<', '>', ':', '|']);

function lastClass(t: Token | undefined): string | undefined {
  const part = t?.info?.parts[t.info.parts.length - 1];
  return part === undefined ? undefined : (part.cmd?.cls ?? 'var');
}

/** Brace pairs: open → close and close → open; undefined when the braces do not balance. */
function bracePairs(tokens: readonly Token[]): Map<number, number> | undefined {
  const pairs = new Map<number, number>();
  const stack: number[] = [];
  tokens.forEach((t, k) => {
    if (t.kind !== 'sym') return;
    if (t.text === '{') stack.push(k);
    else if (t.text === '}') {
      const open = stack.pop();
      if (open === undefined) {
        stack.push(-1);
        return;
      }
      pairs.set(open, k);
      pairs.set(k, open);
    }
  });
  return stack.length === 0 ? pairs : undefined;
}

/** Is the group open..close a set or list, as an escaped brace pair would hold? */
function setLike(tokens: readonly Token[], open: number, close: number): boolean {
  let depth = 0;
  for (let k = open + 1; k < close; k += 1) {
    const t = tokens[k];
    if (t?.text === '{') depth += 1;
    if (t?.text === '}') depth -= 1;
    if (depth !== 0 || !t) continue;
    if (t.kind === 'sym' && ',:|<>='.includes(t.text)) return true;
    if (t.info?.parts.some((p) => p.cmd?.cls === 'rel')) return true;
  }
  return false;
}

/** Is the group plain symbols: no English word, no font or unknown switch (`{\bf x}`, `{\cal O}`)? */
function plainContent(tokens: readonly Token[], open: number, close: number): boolean {
  if (close <= open + 1) return false;
  let significant = false;
  for (let k = open + 1; k < close; k += 1) {
    const t = tokens[k];
    if (!t || t.kind === 'hard') return false;
    if (t.kind === 'ws') continue;
    significant = true;
    if (t.kind === 'word' && (t.info === undefined || t.info.kind === 'english' || t.info.kind === 'mathword' || SWITCHES.has(t.text))) return false;
    if (t.info?.parts.some((p) => p.cmd !== undefined && ARGUMENT_CLASSES.has(p.cmd.cls))) return false;
  }
  return significant;
}

const snippet = (tokens: readonly Token[], from: number, to: number): string =>
  tokens
    .slice(from, to + 1)
    .map((t) => t.text)
    .join('');

/** Every trace in a tokenized damaged formula, in order. */
export function tracesIn(tokens: readonly Token[]): Trace[] {
  const pairs = bracePairs(tokens);
  if (!pairs) return [];
  const out: Trace[] = [];
  for (let k = 0; k < tokens.length; k += 1) {
    const t = tokens[k];
    if (t?.kind !== 'sym' || t.text !== '{') continue;
    const close = pairs.get(k) ?? -1;
    if (close < 0) continue;
    const prev = tokens[k - 1];
    const cls = prev?.kind === 'word' ? lastClass(prev) : undefined;
    if (cls !== undefined && ARGUMENT_CLASSES.has(cls)) {
      const name = prev?.info?.parts[prev.info.parts.length - 1]?.text ?? '';
      out.push({ kind: 'leftover-command', open: k, close, reason: `\\${name}{…} survived inside a command the source lost` });
      continue;
    }
    if (close === k + 1) continue;
    const glued =
      prev !== undefined &&
      ((prev.kind === 'word' && (prev.info?.kind === 'letter' || prev.info?.kind === 'vars' || (prev.info?.kind === 'cmds' && cls !== undefined && !NOT_GLUE_CLASSES.has(cls)))) ||
        prev.kind === 'num' ||
        (prev.kind === 'sym' && (prev.text === ')' || prev.text === '}')));
    if (glued) {
      // The argument that followed the lost command's first one: `epsilon{d}`.
      const from = prev.kind === 'sym' ? (pairs.get(k - 1) ?? k - 1) : k - 1;
      out.push({ kind: 'glued-group', open: k, close, reason: `${snippet(tokens, from, close)}: a brace group glued to what precedes it is what the source left of a lost command` });
      continue;
    }
    const bareBefore =
      prev === undefined ||
      prev.kind === 'ws' ||
      (prev.kind === 'sym' && BARE_AFTER.has(prev.text)) ||
      (prev.kind === 'word' && (cls === 'rel' || cls === 'bin'));
    if (bareBefore && !setLike(tokens, k, close) && plainContent(tokens, k, close)) {
      out.push({ kind: 'bare-group', open: k, close, reason: `${snippet(tokens, k, close)}: braces around plain symbols are what the source left of a lost command` });
    }
  }
  return out;
}

/**
 * Why the formula found as `damaged` (its text in the digest) is incomplete, or undefined when
 * its damage left no trace. Pure; the first trace found gives the reason.
 */
export function incompleteTrace(damaged: string): string | undefined {
  if (!damaged.includes('{')) return undefined;
  return tracesIn(tokenize(damaged).tokens)[0]?.reason;
}
