/**
 * A formula as a reader sees it, in Unicode text, from KaTeX's MathML (hast): "ℓ∞", "L²",
 * "xᵢ", "A ∈ ℝn×d". Scripts become Unicode super- and subscripts when each of their characters
 * has one, else they follow their base; double-struck letters are ℝ, ℕ…; relations and
 * binary operators at the top level are spaced. Written by hand: the MathML-to-text libraries
 * read aloud ("x squared") rather than write what the glyphs show.
 */
import type { Element, ElementContent } from 'hast';

const SUP: Record<string, string> = Object.fromEntries(
  [...'0123456789+-−=()abcdefghijklmnoprstuvwxyzABDEGHIJKLMNOPRTUVW'].map((c, i) => [
    c,
    [...'⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻᴬᴮᴰᴱᴳᴴᴵᴶᴷᴸᴹᴺᴼᴾᴿᵀᵁⱽᵂ'][i]!,
  ]),
);
const SUB: Record<string, string> = Object.fromEntries(
  [...'0123456789+-−=()aehijklmnoprstuvx'].map((c, i) => [c, [...'₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ'][i]!]),
);
/** Characters that stay themselves in a script: primes and the star (x′, x*). */
const SAME = new Set(['′', '″', '‴', '*', '∗', "'"]);
const DOUBLE_STRUCK: Record<string, string> = { C: 'ℂ', H: 'ℍ', N: 'ℕ', P: 'ℙ', Q: 'ℚ', R: 'ℝ', Z: 'ℤ' };
const SPACED = new Set([...'=<>≤≥≠≈∼≃≅≡∈∉⊂⊆⊃⊇∝→←↦⇒⇔+−×·±∓∪∩∧∨']);

function script(text: string, map: Record<string, string>): string | undefined {
  let out = '';
  for (const c of text) {
    const m = SAME.has(c) ? c : map[c];
    if (m === undefined) return undefined;
    out += m;
  }
  return out;
}

const elements = (node: Element): Element[] => node.children.filter((c): c is Element => c.type === 'element');

function textOf(node: ElementContent, top: boolean): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element') return '';
  const name = node.tagName;
  if (name === 'annotation' || name === 'annotation-xml') return '';
  const kids = elements(node);
  const inner = (child: Element | undefined): string => (child ? textOf(child, false) : '');
  if (name === 'msup' || name === 'msub' || name === 'msubsup' || name === 'munder' || name === 'mover' || name === 'munderover') {
    const [base, first, second] = kids;
    const sub = name === 'msub' || name === 'msubsup' || name === 'munder' || name === 'munderover' ? inner(first) : '';
    const sup = name === 'msup' || name === 'mover' ? inner(first) : name === 'msubsup' || name === 'munderover' ? inner(second) : '';
    // A function name's application mark (\u2061) goes after its scripts: "min⁡ₓ f" reads "minₓ f".
    const b = inner(base);
    const apply = b.endsWith('\u2061') ? '\u2061' : '';
    return b.slice(0, b.length - apply.length) + (sub && (script(sub, SUB) ?? sub)) + (sup && (script(sup, SUP) ?? sup)) + apply;
  }
  if (name === 'mfrac') return `${inner(kids[0])}/${inner(kids[1])}`;
  if (name === 'msqrt') return `√${kids.map((k) => textOf(k, false)).join('')}`;
  if (name === 'mroot') return `${script(inner(kids[1]), SUP) ?? inner(kids[1])}√${inner(kids[0])}`;
  if (name === 'mspace') return ' ';
  if (name === 'mi' && (node.properties['mathVariant'] ?? node.properties['mathvariant']) === 'double-struck') {
    return node.children.map((c) => (c.type === 'text' ? [...c.value].map((ch) => DOUBLE_STRUCK[ch] ?? ch).join('') : '')).join('');
  }
  const text = node.children.map((c) => textOf(c, top && (name === 'math' || name === 'semantics' || name === 'mrow'))).join('');
  if (name === 'mo' && top && SPACED.has(text.trim())) return ` ${text.trim()} `;
  return text;
}

/** The Unicode text of a <math> element (its TeX annotation left out). */
export function mathmlText(math: Element): string {
  // Invisible operators: function application reads as a space ("log n"), the others as nothing.
  const text = textOf(math, true)
    .replace(/\u2061/g, ' ')
    .replace(/[\u2062-\u2064]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  // An operator that opens the formula is a prefix ("∼3", "−x"), not spaced from what follows.
  return SPACED.has(text[0] ?? '') && text[1] === ' ' ? text[0] + text.slice(2) : text;
}
