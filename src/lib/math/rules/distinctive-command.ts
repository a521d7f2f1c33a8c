import type { EvidenceRule } from './rule.ts';

/**
 * A command name that is no English word (`omega`, `sigmaleft`, `gg`, `Ain`): the command
 * table's names not marked English, alone or glued (words.ts reads how they glue).
 */
export const distinctiveCommand: EvidenceRule = {
  name: 'distinctive-command',
  stage: 'evidence',
  summary: 'a command name that no English has',
  examples: [
    { text: 'a rate of omega and m gg n', tex: ['\\omega', 'm \\gg n'] },
    { text: 'the alpha version', tex: [] },
  ],
  holds(scan, core, k) {
    return scan.word(core[k])?.distinctive === true;
  },
};
