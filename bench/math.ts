/**
 * npm run bench:math — the math restoration's speed, reported and never judged (timings on a
 * shared machine are not test assertions): abstracts per second of CPU over 10,000 abstracts
 * recombined from the seed (`-- --count N` for another number), and CPU time for inputs built to
 * trigger catastrophic backtracking or quadratic scans.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { restoreMath } from '../src/lib/math/restore.ts';

const abstracts = readFileSync(new URL('../test/fixtures/seed/digests/2025-03-17.txt', import.meta.url), 'utf8')
  .split(/\n\s*\n/)
  .filter((b) => b.length > 300);

/** CPU milliseconds spent by this process (steadier than wall time on a busy machine). */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

function timed(run: () => void): number {
  const start = cpuMs();
  run();
  return cpuMs() - start;
}

const WORST_CASES: Record<string, string> = {
  'nested parentheses': '('.repeat(5000) + ')'.repeat(5000),
  'a_ repeated': 'a_'.repeat(20_000),
  'nested x^{': 'x^{'.repeat(3000) + '}'.repeat(3000),
  'x^2 repeated': `x${'^2'.repeat(20_000)}`,
  'loglog repeated': 'loglog'.repeat(3000),
  dollars: '$ '.repeat(5000),
  'dotted words': 'a.b.'.repeat(5000) + 'com',
  'percent signs': '%'.repeat(10_000),
  'R^d in repeated': 'R^d in '.repeat(3000),
  'sim3 repeated': 'sim3 '.repeat(5000),
  '{\\em repeated': '{\\em '.repeat(3000),
  URLs: 'https://x.io/'.repeat(2000),
};

console.log(
  `load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
const countArg = process.argv.indexOf('--count');
const count = countArg > 0 ? Number(process.argv[countArg + 1]) : 10_000;
if (!Number.isInteger(count) || count <= 0) throw new Error('bench:math: --count takes a positive whole number');
const corpus = timed(() => {
  for (let k = 0; k < count; k += 1) restoreMath(`${abstracts[k % abstracts.length] ?? ''} (run ${k}: x_${k % 50} = ${k})`);
});
console.log(
  `${count.toLocaleString('en')} abstracts: ${(corpus / 1000).toFixed(2)} s of CPU (${(corpus / count).toFixed(3)} ms each, ${Math.round((count * 1000) / corpus).toLocaleString('en')} abstracts per second)`,
);
for (const [name, input] of Object.entries(WORST_CASES)) {
  console.log(`worst case, ${name} (${input.length.toLocaleString('en')} chars): ${timed(() => restoreMath(input)).toFixed(0)} ms of CPU`);
}
