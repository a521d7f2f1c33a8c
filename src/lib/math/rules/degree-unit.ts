import type { CutRule } from './rule.ts';

/**
 * `2^circC`, `30^{circ}F` were `$2^\circ$C`, `$30^{\circ}$F`: LaTeX writes a temperature's degree
 * sign as a script and its unit's letter after the dollars, in prose. A C, F or K glued after a
 * `^\circ` script ends the formula and stays prose (the tokenizer splits `circC`).
 */
export const degreeUnit: CutRule = {
  name: 'degree-unit',
  stage: 'cut',
  summary: "a temperature's unit letter after a degree sign is prose",
  examples: [{ text: 'an error below 2^circC and 30^{circ}F here', tex: ['2^\\circ', '30^{\\circ}'] }],
  cut(scan, c) {
    if (c.b - c.a < 3) return false;
    const unit = c.units[c.b - 1];
    const circ = c.units[c.b - 2];
    const t = unit && !unit.group ? scan.tok(unit.i) : undefined;
    if (!t || !circ || !/^[CFK]$/.test(t.text)) return false;
    const last = scan.tok(circ.j);
    const degree = circ.group ? scan.text.slice(scan.tok(circ.i).s, last.e) === '{circ}' : last.text === 'circ';
    if (!degree || last.e !== t.s || !scan.isSym(c.units[c.b - 3], '^')) return false;
    c.b -= 1;
    c.suffix = 'stop';
    return true;
  },
};
