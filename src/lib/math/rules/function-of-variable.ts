import { withRole } from '../commands.ts';
import { operandPairs } from './operator-operand.ts';
import { seal, type SeedRule } from './rule.ts';

/** Operator names applied to the variable after them (the command table's `applies` role). */
const FUNCTIONS = withRole('applies');

/** `log n`, `exp x`: an operator name applied to a variable or number written after it. */
export const functionOfVariable: SeedRule = {
  name: 'function-of-variable',
  stage: 'seed',
  summary: 'an operator name applied to the variable after it',
  examples: [
    { text: 'it costs log n time', tex: ['\\log n'] },
    { text: 'the log files', tex: [] },
  ],
  apply(scan, chunks) {
    for (const [fn, arg, x] of operandPairs(scan, chunks)) {
      const name = scan.word(fn.units[fn.a])?.parts;
      const only = name?.length === 1 ? name[0]?.text : undefined;
      if (
        only !== undefined &&
        FUNCTIONS.has(only) &&
        arg.b - arg.a === 1 &&
        (x === 'lower' || x === 'letter' || x === 'greek' || x === 'num')
      ) {
        seal(fn, this.name);
        seal(arg, this.name);
      }
    }
  },
};
