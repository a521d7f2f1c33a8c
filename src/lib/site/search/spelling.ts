/**
 * Spellings people type. Pagefind folds combining accents ("é" is "e") but not letters that
 * carry their mark in themselves ("Ł", "ø", "ß"), and it stems English words without knowing
 * British spellings ("quantisation" and "quantization" stem apart). So every word is given one
 * search form: lower case, such letters folded, British spelling made American. The index
 * carries the search form of each word whose form differs as a hidden alias (math.ts), and the
 * query is rewritten to search forms (query.ts): either spelling finds both.
 * Written by hand: no maintained library maps British to American spelling in a few hundred
 * bytes for the browser; the rules below are conservative, with the common exceptions listed.
 */

/** Letters that Unicode does not decompose into a base letter and a combining mark. */
const LETTERS: Record<string, string> = {
  ł: 'l',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ı: 'i',
  ħ: 'h',
  ŀ: 'l',
  ŧ: 't',
};

/** Lower case, accents removed, the letters above folded: "Łojasiewicz" → "lojasiewicz". */
export function foldDiacritics(word: string): string {
  return word
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[łøđðþßæœıħŀŧ]/g, (c) => LETTERS[c] ?? c);
}

/**
 * Words in -ise that are not the British form of an -ize word, also as the end of a longer word
 * ("imprecise", "denoise", "unsupervised"); "rise" and "arise" only whole ("summarise" is -ize).
 * Words in -wise ("pairwise") are never -ize.
 */
const ISE_ENDINGS =
  'advise chastise circumcise comprise compromise concise demise despise devise disguise enterprise excise exercise expertise franchise guise improvise incise merchandise noise otherwise paradise poise precise premise promise raise revise supervise surmise surprise televise treatise'.split(
    ' ',
  );
const ISE_WHOLE = new Set(['rise', 'arise']);
const notIze = (ise: string): boolean => ISE_WHOLE.has(ise) || ise.endsWith('wise') || ISE_ENDINGS.some((w) => ise.endsWith(w));
/** -our words whose American form is -or (a list: "four", "hour", "contour" keep theirs). */
const OUR_STEMS = new Set('behavi col neighb fav lab flav harb hon rum vap hum arm endeav od sav vig tum parl rig clam'.split(' '));
const PREFIX = /^(?:mis|dis|un|re|pre|sub|self)/;
/** -ll- before an ending, single in American spelling. */
const LL_STEMS = new Set('model label travel cancel channel tunnel level signal fuel funnel counsel marshal dial'.split(' '));
// A Map, not an object literal: a word like "constructor" must not find Object's own properties.
const WHOLE = new Map<string, string>(
  Object.entries({
    centre: 'center',
    centres: 'centers',
    centred: 'centered',
    metre: 'meter',
    metres: 'meters',
    litre: 'liter',
    analogue: 'analog',
    analogues: 'analogs',
    catalogue: 'catalog',
    dialogue: 'dialog',
    defence: 'defense',
    licence: 'license',
    grey: 'gray',
    programme: 'program',
    programmes: 'programs',
    aluminium: 'aluminum',
    modelled: 'modeled',
    artefact: 'artifact',
    artefacts: 'artifacts',
  }),
);

/** The American spelling of a lower-case word, or the word itself. */
export function americanSpelling(word: string): string {
  const whole = WHOLE.get(word);
  if (whole) return whole;
  // -yse → -yze: analyse, analysed, paralysing (not "analyses", which is also the plural noun).
  let m = /^(\p{L}{3,}[^aeiou\s])ys(e|ed|er|ers|ing)$/u.exec(word);
  if (m && m[1]!.endsWith('al')) return `${m[1]}yz${m[2]}`;
  // -ise, -isation → -ize, -ization, with at least four letters before, and not a word of its own.
  m = /^(\p{L}{4,})is(e|es|ed|er|ers|ing|ation|ations|able)$/u.exec(word);
  if (m && !notIze(`${m[1]}ise`)) return `${m[1]}iz${m[2]}`;
  m = /^(\p{L}+?)our(s|ed|ing|al|ally|able|ably|ite|ites|less|hood|hoods|ly)?$/u.exec(word);
  if (m && (OUR_STEMS.has(m[1]!) || OUR_STEMS.has(m[1]!.replace(PREFIX, '')))) return `${m[1]}or${m[2] ?? ''}`;
  m = /^(\p{L}+)l(ed|ing|er|ers)$/u.exec(word);
  if (m && (LL_STEMS.has(m[1]!) || LL_STEMS.has(m[1]!.replace(PREFIX, '')))) return `${m[1]}${m[2]}`;
  return word;
}

/** A word's search form: folded, then American. */
export function searchForm(word: string): string {
  return americanSpelling(foldDiacritics(word));
}

/**
 * searchForm, remembered: the build's index shapes every page's words (math.ts), and a site's
 * words repeat, so unremembered this was a third of the search step. Only the build uses it:
 * the browser's query code (query.ts) keeps searchForm, and its bundle stays as it was.
 */
let known: Map<string, string> | undefined;

export function cachedSearchForm(word: string): string {
  known ??= new Map();
  let form = known.get(word);
  if (form === undefined) {
    form = searchForm(word);
    if (known.size >= 100_000) known.clear();
    known.set(word, form);
  }
  return form;
}

/** The words of a text, as Pagefind splits them (on anything but letters, digits and joiners). */
export function words(text: string): string[] {
  return (
    text
      .match(/[\p{L}\p{N}\p{M}_'’-]+/gu)
      ?.map((w) => w.replace(/^[-'’_]+|[-'’_]+$/g, ''))
      .filter(Boolean) ?? []
  );
}

/**
 * The aliases of a text: the search form of every word whose own lower case differs from it,
 * each once. Hyphenated words also give their parts ("quantisation-aware").
 */
export function spellingAliases(text: string): string[] {
  return spellingAliasesOf(words(text));
}

/** A word's alias: its search form where that differs from its own lower case, with or without diacritics; '' for none. */
export function wordAlias(part: string): string {
  const lower = part.toLowerCase();
  const form = cachedSearchForm(part);
  return form !== '' && form !== lower && form !== lower.normalize('NFD').replace(/\p{M}/gu, '') ? form : '';
}

/** spellingAliases of a text already split into its words; `alias` judges each word (the search step passes a memoised wordAlias). */
export function spellingAliasesOf(list: readonly string[], alias: (part: string) => string = wordAlias): string[] {
  const out = new Set<string>();
  for (const word of list) {
    for (const part of new Set([word, ...word.split(/[-'’]/)])) {
      const form = alias(part);
      if (form !== '') out.add(form);
    }
  }
  return [...out];
}
