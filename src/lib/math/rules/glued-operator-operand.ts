import { operandPairs } from './operator-operand.ts';
import { seal, type SeedRule } from './rule.ts';

/**
 * `ktimes k`, `Nsim P`, `lambdato 0`: a variable glued to an operator, then its right operand
 * alone. Not a letter glued to `in` ("kin", "pin" are words), nor "Ito", "Oto" (names); a
 * Greek name glued to either makes no English word.
 */
export const gluedOperatorOperand: SeedRule = {
  name: 'glued-operator-operand',
  stage: 'seed',
  summary: 'a variable glued to an operator, then its operand',
  examples: [
    { text: 'on a ktimes k grid', tex: ['k\\times k'] },
    { text: 'as lambdato 0 and nto 0, with kin and Ito 5', tex: ['\\lambda\\to 0', 'n\\to 0'] },
  ],
  apply(scan, chunks) {
    for (const [fn, arg, x] of operandPairs(scan, chunks)) {
      const name = scan.word(fn.units[fn.a])?.parts;
      const last = name?.[name.length - 1];
      const first = name?.[0];
      const greek = first?.cmd?.cls === 'greek';
      const english = last?.text === 'in' || (last?.text === 'to' && /^[IO]$/.test(first?.text ?? ''));
      if (
        name?.length === 2 &&
        (first?.cmd === undefined || greek) &&
        (last?.cmd?.cls === 'bin' || last?.cmd?.cls === 'rel') &&
        (greek || !english) &&
        arg.b - arg.a === 1 &&
        (x === 'num' || x === 'letter' || x === 'lower' || x === 'greek')
      ) {
        seal(fn, this.name);
        seal(arg, this.name);
      }
    }
  },
};
