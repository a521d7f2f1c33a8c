/**
 * The one command table: every LaTeX command name the math code knows, with what it is. Detection
 * (words.ts, tokens.ts, rules/), TeX output (to-tex.ts) and plain text (plain.ts) read it, so a
 * name the restorer can write has a Unicode form in titles and feeds (the search index keeps TeX
 * without backslashes and needs no table). Kept by hand, checked against KaTeX (commands.test.ts):
 *  - which names are also English words or abbreviations ("in", "to", "times", "log", "models",
 *    "left", "top", or an ambiguous Greek name such as "alpha"): those never start a formula by
 *    themselves, they only join one that other evidence has started;
 *  - which names arXiv authors actually type: KaTeX-only extensions (\argmin, \Alpha) and names
 *    that clash with common notation (\Re for a Reynolds number, one-letter \S, \P) are not
 *    written by the restorer (`unwritten`, or absent), so `argmin` comes back as `\arg\min`.
 *
 * Columns: name, kind, also English, Unicode form (`-` none: an operator name is upright, a font
 * or fraction its argument; `U+xxxx` a combining accent; `␣` a space), and roles:
 *  - applies:    an operator name that makes a formula with the variable after it (`log n`);
 *  - after-var:  an operator name that real formulas glue after variables (`dlog`, `nd\log n`);
 *  - glues:      glued after a variable in real formulas (`A\in`, `n\times`; not `\ast`: "fast");
 *  - script:     a symbol only ever written as a script (`C^\star`, `A^\top`);
 *  - prefix:     a symbol that may start a CamelCase name (`\perp`Grad, `\mu`P);
 *  - before-num: a relation (or sign) written before a number (`\sim`3 billion, `\leq`5, `\pm`2);
 *  - set-before: `R` after it is the reals (`x\in\mathbb{R}`); set-after: `R` before it is;
 *  - unwritten:  read in authors' TeX (plain text), never written by the restorer.
 */
import { COMMAND_TABLE as TABLE } from './command-table.ts';

/**
 * greek a letter (\alpha); ord a symbol (\infty); op an operator name or big operator that takes
 * what follows (\log, \sum); bin a binary operator (\times); rel a relation or arrow (\leq, \to);
 * open, close a delimiter (\langle); sizer \left, \big (a delimiter must follow); accent one
 * argument drawn over it (\tilde); font one argument (\mathcal, \text); frac two arguments
 * (\frac, \binom); sqrt; space (\quad).
 */
export type CmdClass = 'greek' | 'ord' | 'op' | 'bin' | 'rel' | 'open' | 'close' | 'sizer' | 'accent' | 'font' | 'frac' | 'sqrt' | 'space';

export type Role = 'applies' | 'after-var' | 'glues' | 'script' | 'prefix' | 'before-num' | 'set-before' | 'set-after' | 'unwritten';

/** What the detector needs of a command (a word's part points at one); english: also an English word. */
export interface CmdInfo {
  readonly cls: CmdClass;
  readonly english: boolean;
}

export interface Command extends CmdInfo {
  readonly name: string;
  /** Its plain-text form, when Unicode has one. */
  readonly unicode: string | undefined;
  /** Takes operands: a relation, a binary operator, an operator name or big operator. */
  readonly operator: boolean;
  readonly roles: ReadonlySet<Role>;
}

const KINDS: ReadonlySet<string> = new Set('greek ord op bin rel open close sizer accent font frac sqrt space'.split(' '));
const ROLES: ReadonlySet<string> = new Set('applies after-var glues script prefix before-num set-before set-after unwritten'.split(' '));

function parse(table: string): Map<string, Command> {
  const out = new Map<string, Command>();
  for (const line of table.split('\n')) {
    if (line.trim() === '') continue;
    const [name = '', kind = '', english = '', form = '', ...roles] = line.trim().split(/\s+/);
    if (!KINDS.has(kind) || (english !== 'yes' && english !== 'no') || out.has(name) || roles.some((r) => !ROLES.has(r)))
      throw new Error(`commands.ts: bad row "${line}"`);
    const cls = kind as CmdClass;
    const unicode =
      form === '-' ? undefined : form === '␣' ? ' ' : form.startsWith('U+') ? String.fromCodePoint(parseInt(form.slice(2), 16)) : form;
    out.set(name, {
      name,
      cls,
      english: english === 'yes',
      unicode,
      operator: cls === 'op' || cls === 'bin' || cls === 'rel',
      roles: new Set(roles as Role[]),
    });
  }
  return out;
}

/** Every command in the table, the unwritten ones too (plain text reads authors' TeX). */
export const ALL_COMMANDS: ReadonlyMap<string, Command> = parse(TABLE);

/** The commands the restorer may put a backslash back on. */
export const COMMANDS: ReadonlyMap<string, Command> = new Map([...ALL_COMMANDS].filter(([, c]) => !c.roles.has('unwritten')));

/** Names of the written commands with a role. */
export function withRole(role: Role): ReadonlySet<string> {
  return new Set([...COMMANDS.values()].filter((c) => c.roles.has(role)).map((c) => c.name));
}

/** Longest command name, to bound the search when splitting glued names. */
export const MAX_COMMAND_LENGTH = Math.max(...[...COMMANDS.keys()].map((k) => k.length));
