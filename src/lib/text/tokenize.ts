// The one tokenizer shared by topic assignment and related-paper similarity,
// so a keyword in a topic file and a term in the similarity index are always
// the same string.
//
// Pipeline: Unicode fold -> split on anything that is not a letter or digit
// -> drop junk (numbers, LaTeX debris, stop words) -> light suffix stemming.
// Abstracts arrive with mangled LaTeX (`mathcal W_{ij}`, `sigmaleft(`), so the
// splitter is deliberately blunt and the stop list carries LaTeX command names.

// Plain English function words.
const ENGLISH = `a about above across after again against all almost along also although always am
among an and another any are around as at be because been before being below between both but by
can cannot could did do does doing done down during each either else enough etc even ever every
few for from further had has have having he her here hers herself him himself his how however i
ie if in into is it its itself just least less let like many may me might more most much must my
myself neither no nor not now of off often on once one only onto or other others otherwise our
ours ourselves out over own per perhaps quite rather same several shall she should since so some
such than that the their theirs them themselves then there thereby therefore these they this
those though three through thus to together too toward towards two under unless until up upon us
very via was we well were what whatever when whenever where whereas wherein whether which while
who whom whose why will with within without would yet you your yours yourself yourselves`;

// Boilerplate of abstracts: frequent in every paper, says nothing about the topic.
const ACADEMIC = `abstract achieve achieves achieved address addresses across approach approaches
available based code demonstrate demonstrates demonstrated existing experiment experiments
experimental extensive find finds first furthermore github http https introduce introduces
introduced moreover novel paper present presents previous prior propose proposed proposes provide
provides recent recently result results show shows shown significant significantly study
studies studied toward various use uses used using new art whilst et al vs www com org`;

// Command names left behind when LaTeX is flattened to text.
const LATEX = `mathcal mathbb mathrm mathbf mathit mathsf boldsymbol operatorname frac dfrac tfrac
left right big bigl bigr cdot cdots ldots dots leq geq le ge neq approx sim simeq infty sqrt
widetilde tilde widehat hat bar overline textrm textbf textit emph rm bf em mid quad qquad
mathop limits displaystyle begin end`;

export const STOP_WORDS: ReadonlySet<string> = new Set(`${ENGLISH} ${ACADEMIC} ${LATEX}`.split(/\s+/).filter(Boolean));

// Words whose trailing "s" is not a plural (after lowercasing).
const KEEP_S = /(?:ss|us|is|as|ys|os)$/;

// Latin plurals the suffix rules would mangle.
const IRREGULAR: ReadonlyMap<string, string> = new Map([
  ['matrices', 'matrix'],
  ['indices', 'index'],
  ['vertices', 'vertex'],
  ['simplices', 'simplex'],
  ['hypotheses', 'hypothesis'],
  ['analyses', 'analysis'],
]);

/**
 * Light, conservative stemmer: folds plurals and the common inflections
 * (-ing, -ed, -ly), -ization/-ation/-ity nouns, and British -ise spellings,
 * so "operators"/"operator", "quantization"/"quantized"/"quantize",
 * "sparsity"/"sparse" meet. It is not Porter: it only needs to be consistent,
 * since both sides of every comparison go through it.
 */
export function stem(word: string): string {
  let w = IRREGULAR.get(word) ?? word;
  if (w.length <= 3) return w;

  // British spellings: "optimisation" -> "optimization", "generalise" -> "generalize".
  w = w.replace(/^(\w{3,})is(e|es|ed|ing|ation|ations|er|ers)$/, '$1iz$2');

  // Step 1: plurals (and -ied, which folds like -ies: "verified" -> "verify").
  if (/(?:ies|ied)$/.test(w) && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (/(?:x|ch|sh|ss|zz)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !KEEP_S.test(w)) w = w.slice(0, -1);

  // Step 2: one derivational or inflectional suffix, longest first.
  const rules: readonly (readonly [string, string])[] = [
    ['ification', 'ify'],
    ['ization', 'iz'],
    ['ating', ''],
    ['ated', ''],
    ['ational', ''],
    ['ation', ''],
    ['ition', 'it'],
    ['ness', ''],
    ['ate', ''],
    ['ity', ''],
    ['ing', ''],
    ['ed', ''],
    ['ly', ''],
  ];
  for (const [suffix, replacement] of rules) {
    if (!w.endsWith(suffix)) continue;
    const base = w.slice(0, -suffix.length);
    // Keep at least three characters (four before -ed) and one vowel, so
    // "bring", "need" and "embed" survive.
    const minBase = suffix === 'ed' ? 4 : 3;
    if (base.length >= minBase && /[aeiouy]/.test(base)) {
      w = base + replacement;
      // "embedd" -> "embed", "scal" stays; double l/s/z are real ("fill", "pass").
      if (replacement === '' && /([b-df-hj-kmnp-rtv-xz])\1$/.test(w)) w = w.slice(0, -1);
    }
    break;
  }

  // Step 3: silent final e ("scale" -> "scal", "sparse" -> "spars").
  if (w.length > 4 && w.endsWith('e') && !w.endsWith('ee')) w = w.slice(0, -1);
  return w;
}

// A token is kept if it is a word, or a short letters+digits code (l2, fp16, gpt4)
// or a dimension (2d, 3d). Bare numbers and LaTeX debris like "10sim100times" go.
const WORD = /^[a-z]{2,}$/;
const CODE = /^(?:[a-z]{1,4}\d{1,3}|\dd)$/;

// termOf() runs for every word of every paper; a word's term never changes.
// Bounded so a long-running process fed arbitrary text cannot grow it forever.
const termCache = new Map<string, string | null>();
const TERM_CACHE_LIMIT = 200_000;

/**
 * Lowercased, accent-folded raw words of a text, before filtering and
 * stemming ("Poincaré's PDEs" -> ["poincare", "s", "pdes"]).
 */
export function words(text: string): string[] {
  // Most text is ASCII, and Unicode normalization is the costliest step.
  const ascii = /^[\x00-\x7f]*$/.test(text);
  const folded = (ascii ? text : text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '')).toLowerCase();
  return folded.split(/[^a-z0-9]+/).filter((w) => w !== '');
}

/** The index term for one raw word from words(), or null if the word is dropped. */
export function termOf(word: string): string | null {
  let t = termCache.get(word);
  if (t === undefined) {
    t = null;
    if (!STOP_WORDS.has(word) && (WORD.test(word) || CODE.test(word))) {
      const s = stem(word);
      if (!STOP_WORDS.has(s)) t = s;
    }
    if (termCache.size >= TERM_CACHE_LIMIT) termCache.clear();
    termCache.set(word, t);
  }
  return t;
}

/**
 * Text -> stemmed tokens in document order, stop words removed.
 * Deterministic and pure (the cache is invisible).
 */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) {
    const t = termOf(w);
    if (t !== null) out.push(t);
  }
  return out;
}
