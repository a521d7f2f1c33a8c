/**
 * The LaTeX command names the restorer may put a backslash back on, with what TeX makes of
 * them. Kept by hand (and checked against KaTeX by lexicon.test.ts) because two things are
 * not in any command list:
 *  - which names are also English words or abbreviations ("in", "to", "times", "log",
 *    "models", "left", "top"): those never start a formula by themselves, they only join one
 *    that other evidence has started;
 *  - which names arXiv authors actually type: KaTeX-only extensions (\argmin, \Alpha) and
 *    names that clash with common notation (\Re for a Reynolds number, one-letter \S, \P) are
 *    left out, so `argmin` comes back as the usual `\arg\min`.
 */

export type CmdClass =
  | 'greek' // a letter: \alpha, \Phi
  | 'ord' // a symbol: \infty, \ell, \nabla
  | 'op' // an operator name or big operator that takes what follows: \log, \max, \sum
  | 'bin' // binary operator: \times, \circ
  | 'rel' // relation or arrow: \in, \leq, \to
  | 'open' // opening delimiter: \langle
  | 'close' // closing delimiter: \rangle
  | 'sizer' // \left, \right, \big: needs a delimiter right after
  | 'accent' // one argument, drawn over it: \tilde, \widetilde
  | 'font' // one argument, a font or text: \mathcal, \mathbb, \text
  | 'frac' // two arguments: \frac, \binom
  | 'sqrt'
  | 'space'; // \quad

export interface CmdInfo {
  readonly cls: CmdClass;
  /** Also an English word or abbreviation (or an ambiguous Greek name such as "alpha"). */
  readonly english: boolean;
}

const table = new Map<string, CmdInfo>();

/** Adds names of one class; a trailing `*` marks a name that is also English. */
function add(cls: CmdClass, names: string): void {
  for (const raw of names.split(/\s+/)) {
    if (raw === '') continue;
    const english = raw.endsWith('*');
    table.set(english ? raw.slice(0, -1) : raw, { cls, english });
  }
}

// Greek. Names that are ordinary words, common names or brands are starred: "alpha version",
// "beta release", "Delta Airlines", "Raspberry Pi", "Cohen's kappa", "Six Sigma", "chi-square".
// (Such a name still becomes a symbol where the same paragraph uses it in a formula.)
add(
  'greek',
  `alpha* beta* gamma* delta* epsilon varepsilon zeta eta theta vartheta iota kappa* varkappa
   lambda* mu nu xi pi varpi rho varrho sigma varsigma tau upsilon phi varphi chi* psi omega
   Gamma* Delta* Theta Lambda* Xi* Pi* Sigma* Upsilon Phi Psi Omega`,
);
add(
  'ord',
  `infty nabla partial* ell hbar imath jmath aleph emptyset varnothing forall exists* nexists
   neg* lnot top* bot* prime* dagger* ddagger angle* triangle* square* Box diamond* flat* sharp*
   natural* checkmark surd backslash vert* Vert ldots cdots vdots ddots dots* colon*`,
);
add(
  'op',
  `sum* prod coprod int* iint iiint oint bigcup bigcap bigoplus bigotimes bigodot biguplus
   bigsqcup bigvee bigwedge lim* liminf limsup max* min* sup* inf* arg* det dim* ker* deg*
   exp* log* ln* lg* sin* cos* tan* cot* sec* csc* sinh cosh tanh* coth arcsin arccos arctan
   hom* Pr* gcd*`,
);
add(
  'bin',
  `times* cdot circ pm* mp* otimes oplus odot ominus oslash div* cup* cap* wedge* vee* land*
   lor* setminus star* ast* bullet* sqcup sqcap uplus ltimes rtimes bmod`,
);
add(
  'rel',
  `in* notin ni* to* gets* rightarrow leftarrow Rightarrow Leftarrow leftrightarrow
   Leftrightarrow longrightarrow Longrightarrow longleftarrow Longleftarrow longleftrightarrow
   Longleftrightarrow mapsto longmapsto hookrightarrow uparrow downarrow Uparrow Downarrow
   implies* impliedby iff* leq geq le ge neq ne leqslant geqslant ll gg lll ggg sim* nsim
   simeq approx* cong equiv propto subset* supset subseteq supseteq subsetneq supsetneq
   sqsubseteq sqsupseteq prec succ preceq succeq perp parallel* mid* nmid models* vdash dashv
   asymp doteq triangleq coloneqq lesssim gtrsim lessapprox gtrapprox nleq ngeq ncong
   nparallel vDash rightharpoonup rightleftharpoons bowtie`,
);
add('open', 'langle lfloor lceil lbrace lvert lVert lbrack');
add('close', 'rangle rfloor rceil rbrace rvert rVert rbrack');
add('sizer', 'left* right* big* Big bigg Bigg bigl bigr Bigl Bigr biggl biggr Biggl Biggr');
add(
  'accent',
  `hat* widehat tilde* widetilde bar* overline underline vec* dot* ddot check* breve acute*
   grave* mathring overrightarrow overleftarrow overbrace underbrace`,
);
add(
  'font',
  `mathcal mathbb mathbf mathrm mathit mathsf mathtt mathfrak mathscr boldsymbol bm* mathnormal
   text* textrm textbf textit textsf texttt operatorname`,
);
add('frac', 'frac dfrac tfrac binom dbinom tbinom cfrac overset underset stackrel');
add('sqrt', 'sqrt');
add('space', 'quad* qquad');

export const COMMANDS: ReadonlyMap<string, CmdInfo> = table;

/** Longest command name, to bound the search when splitting glued names. */
export const MAX_COMMAND_LENGTH = Math.max(...[...table.keys()].map((k) => k.length));

/** Heads of asymptotic notation: O(...), \Omega(...), \Theta(...). */
export const BIG_O_HEADS: ReadonlySet<string> = new Set(['O', 'o', 'Omega', 'Theta', 'omega']);

/**
 * Greek letters and symbols that may start a CamelCase name (`perpGrad` from `$\perp$Grad`,
 * `muP` from `$\mu$P`).
 */
export const CAMEL_PREFIXES: ReadonlySet<string> = new Set([
  'perp', 'nabla', 'ell', 'infty', 'mu', 'nu', 'epsilon', 'varepsilon', 'zeta', 'eta', 'theta',
  'iota', 'xi', 'rho', 'sigma', 'tau', 'upsilon', 'phi', 'varphi', 'psi', 'omega',
]);

/** Relations written before a number: `$\sim$3 billion`, `$\leq$5`. */
export const PREFIX_RELATIONS: ReadonlySet<string> = new Set(['sim', 'approx', 'leq', 'geq', 'lesssim', 'gtrsim', 'll', 'gg']);

/**
 * Upright operator words whose \mathrm{} or \operatorname{} the damage removed. Accepted only
 * inside a formula's brackets, never as evidence: `O(d poly(k))`.
 */
export const MATH_WORDS: ReadonlySet<string> = new Set([
  'poly', 'polylog', 'rank', 'diag', 'sgn', 'sign', 'supp', 'Var', 'Cov', 'softmax', 'const',
  'dist', 'Tr', 'tr', 'erf', 'vol',
]);

/**
 * Common English words that a run of letters could otherwise be read as: a product of
 * variables (`dB`, `nd`, `SAx` are products; "the", "and" are not) or variables glued to a
 * command (`bin` is `b\in`, "gain" and "admin" are words).
 */
export const COMMON_WORDS: ReadonlySet<string> = new Set(
  `a an as at be by do go he if is it me my no of on or so up us we am ad ah ok vs eg ie et al cf
   pp ca re
   all and any are but can did due few for get got had has her him his how its let may new nor
   not now off old one our out own per put run say see set she the too two use via was way who
   why yet you low big key end far fit lot map net ten six add aim act age ago air art ask bad
   bed bit box buy car cut day die dog eat era eye fix fly fun gap gas hot job lab law lay leg
   lie mix odd oil pay pen pop raw red row sea sit sky son tax tie tip toy try war web win yes
   ago ever does done each else even gain main rain coin join skin twin thin spin chin akin
   non pre sub ours also admin blog print within margin origin begin login ill egg in to`
    .split(/\s+/)
    .filter((w) => w !== ''),
);

export function commandInfo(name: string): CmdInfo | undefined {
  return table.get(name);
}
