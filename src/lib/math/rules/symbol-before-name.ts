import { CAMEL_PREFIXES } from '../lexicon.ts';
import type { AtomRule } from './rule.ts';

/**
 * `perpGrad` was `$\perp$Grad`: a symbol glued to a capitalised name (the command table's
 * `prefix` role: symbols that authors put before names). Only the symbol is math. Not `nu`:
 * nuScenes, nuPlan are datasets written so.
 */
export const symbolBeforeName: AtomRule = {
  name: 'symbol-before-name',
  stage: 'atom',
  summary: 'a symbol glued before a capitalised name is the formula, the name prose',
  examples: [
    { text: 'the perpGrad optimiser and nablaNet', tex: ['\\perp', '\\nabla'] },
    { text: 'the alphaGo engine on nuScenes', tex: [] },
  ],
  find(scan, c) {
    if (c.b - c.a !== 1 || !scan.isEnglish(c.units[c.a])) return undefined;
    const t = scan.head(c.units[c.a]);
    const name = t ? /^([a-z]+)[A-Z][A-Za-z]*$/.exec(t.text)?.[1] : undefined;
    if (!t || name === undefined || !CAMEL_PREFIXES.has(name)) return undefined;
    return { s: t.s, e: t.s + name.length, tex: `\\${name}`, rules: [this.name] };
  },
};
