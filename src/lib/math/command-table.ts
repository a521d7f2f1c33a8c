/**
 * The command table's rows, read by commands.ts (which documents the columns): one line a TeX
 * command, `name kind English? Unicode roles...`; `-` for no Unicode form.
 */
// name             kind   Eng Unicode roles
export const COMMAND_TABLE = `
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
pm                 bin    yes ±      glues before-num
mp                 bin    yes ∓      glues before-num
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
le                 rel    no  ≤      glues before-num
ge                 rel    no  ≥      glues before-num
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
