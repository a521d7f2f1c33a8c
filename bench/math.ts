/**
 * npm run bench:math — the math restoration's speed, reported and never judged (timings on a
 * shared machine are not test assertions): CPU time for 10,000 abstracts recombined from the
 * seed, and for inputs built to trigger catastrophic backtracking or quadratic scans.
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
  'loglog repeated': 'loglog'.repeat(3000),
  'dollars': '$ '.repeat(5000),
  'dotted words': 'a.b.'.repeat(5000) + 'com',
  'percent signs': '%'.repeat(10_000),
  'R^d in repeated': 'R^d in '.repeat(3000),
  'sim3 repeated': 'sim3 '.repeat(5000),
  '{\\em repeated': '{\\em '.repeat(3000),
  'URLs': 'https://x.io/'.repeat(2000),
};

console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
const corpus = timed(() => {
  for (let k = 0; k < 10_000; k += 1) restoreMath(`${abstracts[k % abstracts.length] ?? ''} (run ${k}: x_${k % 50} = ${k})`);
});
console.log(`10,000 abstracts: ${(corpus / 1000).toFixed(2)} s of CPU (${(corpus / 10_000).toFixed(3)} ms each)`);
for (const [name, input] of Object.entries(WORST_CASES)) {
  console.log(`worst case, ${name} (${input.length.toLocaleString('en')} chars): ${timed(() => restoreMath(input)).toFixed(0)} ms of CPU`);
}
