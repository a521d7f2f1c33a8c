import { operandPairs } from './operator-operand.ts';
import { seal, type SeedRule } from './rule.ts';

/**
 * `ktimes k`, `Nsim P`: a variable glued to an operator (not `in`, `to`: "kin", "pin" are
 * words), then its right operand alone.
 */
export const gluedOperatorOperand: SeedRule = {
  name: 'glued-operator-operand',
  stage: 'seed',
  summary: 'a variable glued to an operator, then its operand',
  examples: [{ text: 'on a ktimes k grid', tex: ['k\\times k'] }],
  apply(scan, chunks) {
    for (const [fn, arg, x] of operandPairs(scan, chunks)) {
      const name = scan.word(fn.units[fn.a])?.parts;
      const last = name?.[name.length - 1];
      if (
        name?.length === 2 &&
        name[0]?.cmd === undefined &&
        (last?.cmd?.cls === 'bin' || last?.cmd?.cls === 'rel') &&
        last.text !== 'in' &&
        last.text !== 'to' &&
        arg.b - arg.a === 1 &&
        (x === 'num' || x === 'letter' || x === 'lower' || x === 'greek')
      ) {
        seal(fn, this.name);
        seal(arg, this.name);
      }
    }
  },
};
