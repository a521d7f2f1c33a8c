import type { VetoRule } from './rule.ts';

/** `Phi-3`, `Delta-2`: a capital Greek name, a hyphen and a number is a model's name and version. */
export const versionedName: VetoRule = {
  name: 'versioned-name',
  stage: 'veto',
  summary: 'a capital Greek name with a version number is a name',
  examples: [
    { text: 'Phi-3 and Delta-2 models', tex: [] },
    { text: 'Phi-3 beside Phi_3', tex: ['\\Phi_3'] },
  ],
  chunk(scan, c) {
    const w = scan.word(c.units[c.a]);
    const capGreek = w?.kind === 'cmds' && w.parts.length === 1 && w.parts[0]?.cmd?.cls === 'greek' && /^[A-Z]/.test(w.parts[0].text);
    return capGreek && scan.isSym(c.units[c.a + 1], '-') && scan.head(c.units[c.a + 2])?.kind === 'num';
  },
};
