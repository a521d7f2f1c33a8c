/** The one judge of a formula: does KaTeX parse it? Memoised, since formulas repeat. */
import katex from 'katex';

const cache = new Map<string, boolean>();

/** Debugging macros that KaTeX runs by printing to the console: never part of an abstract. */
const CONSOLE_MACROS = /\\(show|message|errmessage)(?![A-Za-z])/;

export function parsesInKatex(tex: string): boolean {
  if (CONSOLE_MACROS.test(tex)) return false;
  let ok = cache.get(tex);
  if (ok === undefined) {
    try {
      katex.renderToString(tex, { throwOnError: true, strict: 'ignore' });
      ok = true;
    } catch {
      ok = false;
    }
    if (cache.size > 20_000) cache.clear();
    cache.set(tex, ok);
  }
  return ok;
}
