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
 *  - before-num: a relation written before a number (`\sim`3 billion, `\leq`5);
 *  - set-before: `R` after it is the reals (`x\in\mathbb{R}`); set-after: `R` before it is;
 *  - unwritten:  read in authors' TeX (plain text), never written by the restorer.
 */

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

// name             kind   Eng Unicode roles
const TABLE = `
alpha              greek  yes α
beta               greek  yes β
gamma              greek  yes γ
delta              greek  yes δ
epsilon            greek  no  ε      prefix
varepsilon         greek  no  ε      prefix
zeta               greek  no  ζ      prefix
eta                greek  no  η      prefix
theta              greek  no  θ      prefix
vartheta           greek  no  ϑ
iota               greek  no  ι      prefix
kappa              greek  yes κ
varkappa           greek  no  ϰ
lambda             greek  yes λ
mu                 greek  no  μ      prefix
nu                 greek  no  ν
xi                 greek  no  ξ      prefix
pi                 greek  no  π
varpi              greek  no  ϖ
rho                greek  no  ρ      prefix
varrho             greek  no  ϱ
sigma              greek  no  σ      prefix
varsigma           greek  no  ς
tau                greek  no  τ      prefix
upsilon            greek  no  υ      prefix
phi                greek  no  ϕ      prefix
varphi             greek  no  φ      prefix
chi                greek  yes χ
psi                greek  no  ψ      prefix
omega              greek  no  ω      prefix
Gamma              greek  yes Γ
Delta              greek  yes Δ
Theta              greek  no  Θ
Lambda             greek  yes Λ
Xi                 greek  yes Ξ
Pi                 greek  yes Π
Sigma              greek  yes Σ
Upsilon            greek  no  Υ
Phi                greek  no  Φ
Psi                greek  no  Ψ
Omega              greek  no  Ω
infty              ord    no  ∞      prefix
nabla              ord    no  ∇      prefix
partial            ord    yes ∂
ell                ord    no  ℓ      prefix
hbar               ord    no  ℏ
imath              ord    no  ı
jmath              ord    no  ȷ
aleph              ord    no  ℵ
emptyset           ord    no  ∅
varnothing         ord    no  ∅
forall             ord    no  ∀
exists             ord    yes ∃
nexists            ord    no  ∄
neg                ord    yes ¬
lnot               ord    no  ¬
top                ord    yes ⊤      script
bot                ord    yes ⊥
prime              ord    yes ′      script
dagger             ord    yes †      script
ddagger            ord    no  ‡
angle              ord    yes ∠
triangle           ord    yes △
square             ord    yes □
Box                ord    no  □
diamond            ord    yes ⋄
flat               ord    yes ♭
sharp              ord    yes ♯
natural            ord    yes ♮
checkmark          ord    no  ✓
surd               ord    no  √
backslash          ord    no  ∖
vert               ord    yes |
Vert               ord    no  ‖
ldots              ord    no  …
cdots              ord    no  ⋯
vdots              ord    no  ⋮
ddots              ord    no  ⋱
dots               ord    yes …
colon              ord    yes :
sum                op     yes ∑
prod               op     no  ∏
coprod             op     no  ∐
int                op     yes ∫
iint               op     no  ∬
iiint              op     no  ∭
oint               op     no  ∮
bigcup             op     no  ⋃
bigcap             op     no  ⋂
bigoplus           op     no  ⨁
bigotimes          op     no  ⨂
bigodot            op     no  ⨀
biguplus           op     no  ⨄
bigsqcup           op     no  ⨆
bigvee             op     no  ⋁
bigwedge           op     no  ⋀
lim                op     yes -
liminf             op     no  -
limsup             op     no  -
max                op     yes -      after-var
min                op     yes -      after-var
sup                op     yes -      after-var
inf                op     yes -      after-var
arg                op     yes -
det                op     no  -      applies after-var
dim                op     yes -
ker                op     yes -
deg                op     yes -
exp                op     yes -      applies after-var
log                op     yes -      applies after-var
ln                 op     yes -      applies after-var
lg                 op     yes -      applies after-var
sin                op     yes -      applies after-var
cos                op     yes -      applies after-var
tan                op     yes -      applies after-var
cot                op     yes -
sec                op     yes -
csc                op     yes -
sinh               op     no  -
cosh               op     no  -
tanh               op     yes -      applies after-var
coth               op     no  -
arcsin             op     no  -
arccos             op     no  -
arctan             op     no  -
hom                op     yes -
Pr                 op     yes -
gcd                op     yes -
argmax             op     no  -      unwritten
argmin             op     no  -      unwritten
times              bin    yes ×      glues set-after
cdot               bin    no  ·      glues
circ               bin    no  ∘      glues
pm                 bin    yes ±      glues
mp                 bin    yes ∓      glues
otimes             bin    no  ⊗      glues
oplus              bin    no  ⊕      glues
odot               bin    no  ⊙      glues
ominus             bin    no  ⊖
oslash             bin    no  ⊘
div                bin    yes ÷
cup                bin    yes ∪      glues
cap                bin    yes ∩      glues
wedge              bin    yes ∧
vee                bin    yes ∨
land               bin    yes ∧
lor                bin    yes ∨
setminus           bin    no  ∖      glues
star               bin    yes ⋆      script
ast                bin    yes ∗      script
bullet             bin    yes •
sqcup              bin    no  ⊔
sqcap              bin    no  ⊓
uplus              bin    no  ⊎
ltimes             bin    no  ⋉
rtimes             bin    no  ⋊
bmod               bin    no  -
in                 rel    yes ∈      glues set-before
notin              rel    no  ∉      glues set-before
ni                 rel    yes ∋      glues
to                 rel    yes →      glues set-before set-after
gets               rel    yes ←
rightarrow         rel    no  →      glues set-before set-after
leftarrow          rel    no  ←
Rightarrow         rel    no  ⇒
Leftarrow          rel    no  ⇐
leftrightarrow     rel    no  ↔
Leftrightarrow     rel    no  ⇔
longrightarrow     rel    no  ⟶      set-before set-after
Longrightarrow     rel    no  ⟹
longleftarrow      rel    no  ⟵
Longleftarrow      rel    no  ⟸
longleftrightarrow rel    no  ⟷
Longleftrightarrow rel    no  ⟺
mapsto             rel    no  ↦      glues set-before set-after
longmapsto         rel    no  ⟼
hookrightarrow     rel    no  ↪
uparrow            rel    no  ↑
downarrow          rel    no  ↓
Uparrow            rel    no  ⇑
Downarrow          rel    no  ⇓
implies            rel    yes ⟹
impliedby          rel    no  ⟸
iff                rel    yes ⟺
leq                rel    no  ≤      glues before-num
geq                rel    no  ≥      glues before-num
le                 rel    no  ≤      glues
ge                 rel    no  ≥      glues
neq                rel    no  ≠      glues
ne                 rel    no  ≠      glues
leqslant           rel    no  ≤
geqslant           rel    no  ≥
ll                 rel    no  ≪      glues before-num
gg                 rel    no  ≫      glues before-num
lll                rel    no  ⋘
ggg                rel    no  ⋙
sim                rel    yes ~      glues before-num
nsim               rel    no  ≁
simeq              rel    no  ≃      glues
approx             rel    yes ≈      glues before-num
cong               rel    no  ≅
equiv              rel    no  ≡      glues
propto             rel    no  ∝      glues
subset             rel    yes ⊂      glues set-before
supset             rel    no  ⊃
subseteq           rel    no  ⊆      glues set-before
supseteq           rel    no  ⊇
subsetneq          rel    no  ⊊
supsetneq          rel    no  ⊋
sqsubseteq         rel    no  ⊑
sqsupseteq         rel    no  ⊒
prec               rel    no  ≺      glues
succ               rel    no  ≻      glues
preceq             rel    no  ⪯      glues
succeq             rel    no  ⪰      glues
perp               rel    no  ⊥      glues script prefix
parallel           rel    yes ∥
mid                rel    yes ∣
nmid               rel    no  ∤
models             rel    yes ⊨
vdash              rel    no  ⊢
dashv              rel    no  ⊣
asymp              rel    no  ≍
doteq              rel    no  ≐
triangleq          rel    no  ≜
coloneqq           rel    no  ≔
lesssim            rel    no  ≲      glues before-num
gtrsim             rel    no  ≳      glues before-num
lessapprox         rel    no  ⪅
gtrapprox          rel    no  ⪆
nleq               rel    no  ≰
ngeq               rel    no  ≱
ncong              rel    no  ≇
nparallel          rel    no  ∦
vDash              rel    no  ⊨
rightharpoonup     rel    no  ⇀
rightleftharpoons  rel    no  ⇌
bowtie             rel    no  ⋈
langle             open   no  ⟨
lfloor             open   no  ⌊
lceil              open   no  ⌈
lbrace             open   no  {
lvert              open   no  |
lVert              open   no  ‖
lbrack             open   no  [
rangle             close  no  ⟩
rfloor             close  no  ⌋
rceil              close  no  ⌉
rbrace             close  no  }
rvert              close  no  |
rVert              close  no  ‖
rbrack             close  no  ]
left               sizer  yes -
right              sizer  yes -
middle             sizer  yes -      unwritten
big                sizer  yes -
Big                sizer  no  -
bigg               sizer  no  -
Bigg               sizer  no  -
bigl               sizer  no  -
bigr               sizer  no  -
Bigl               sizer  no  -
Bigr               sizer  no  -
biggl              sizer  no  -
biggr              sizer  no  -
Biggl              sizer  no  -
Biggr              sizer  no  -
hat                accent yes U+0302
widehat            accent no  U+0302
tilde              accent yes U+0303
widetilde          accent no  U+0303
bar                accent yes U+0304
overline           accent no  U+0305
underline          accent no  U+0332
vec                accent yes U+20D7
dot                accent yes U+0307
ddot               accent no  U+0308
check              accent yes U+030C
breve              accent no  U+0306
acute              accent yes U+0301
grave              accent yes U+0300
mathring           accent no  U+030A
overrightarrow     accent no  U+20D7
overleftarrow      accent no  U+20D6
overbrace          accent no  -
underbrace         accent no  -
cal                font   no  -
rm                 font   yes -
mathcal            font   no  -
mathbb             font   no  -
mathbf             font   no  -
mathrm             font   no  -
mathit             font   no  -
mathsf             font   no  -
mathtt             font   no  -
mathfrak           font   no  -
mathscr            font   no  -
boldsymbol         font   no  -
bm                 font   yes -
mathnormal         font   no  -
text               font   yes -
textrm             font   no  -
textbf             font   no  -
textit             font   no  -
textsf             font   no  -
texttt             font   no  -
operatorname       font   no  -
frac               frac   no  -
dfrac              frac   no  -
tfrac              frac   no  -
binom              frac   no  -
dbinom             frac   no  -
tbinom             frac   no  -
cfrac              frac   no  -
overset            frac   no  -
underset           frac   no  -
stackrel           frac   no  -
sqrt               sqrt   no  -
quad               space  yes ␣
qquad              space  no  ␣
`;

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
