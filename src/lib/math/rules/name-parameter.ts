import type { AtomRule } from './rule.ts';

/**
 * `TD(λ)`, `TD(lambda)`, `Sarsa(lambda)`: a method's name with a Greek parameter in parentheses,
 * `TD($\lambda$)`: only the letter is math. The name is an acronym or a capitalised word.
 */
export const nameParameter: AtomRule = {
  name: 'name-parameter',
  stage: 'atom',
  summary: "a Greek parameter in a method's name is the formula, the name prose",
  examples: [
    { text: 'using TD(lambda) learning and a deep Sarsa(lambda) agent, or TD(λ)', tex: ['\\lambda', '\\lambda', 'λ'] },
    { text: 'the Sarsa(x) update', tex: [] },
  ],
  find(scan, c) {
    if (c.b - c.a !== 2) return undefined;
    const [nameUnit, param] = [c.units[c.a], c.units[c.a + 1]];
    const name = scan.head(nameUnit);
    if (!param?.group || param.j !== param.i + 2 || scan.tok(param.i).text !== '(' || name?.kind !== 'word' || nameUnit?.group)
      return undefined;
    if (!/^([A-Z]{2,}|[A-Z][a-z]+)$/.test(name.text) || scan.tok(param.i).s !== name.e) return undefined;
    const inner = scan.tok(param.i + 1);
    const parts = inner.kind === 'word' ? inner.info?.parts : undefined;
    if (parts?.length !== 1 || parts[0]?.cmd?.cls !== 'greek') return undefined;
    return { s: inner.s, e: inner.e, tex: /^[A-Za-z]/.test(inner.text) ? `\\${inner.text}` : inner.text, rules: [this.name] };
  },
};
