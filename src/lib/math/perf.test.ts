import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { restoreMath } from './restore.ts';

const abstracts = readFileSync(new URL('../../../test/fixtures/seed/digests/2025-03-17.txt', import.meta.url), 'utf8')
  .split(/\n\s*\n/)
  .filter((b) => b.length > 300);

/** CPU milliseconds spent by this process (steadier than wall time on a busy machine). */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

test('10,000 abstracts in a few seconds', () => {
  const start = cpuMs();
  for (let k = 0; k < 10_000; k += 1) restoreMath(`${abstracts[k % abstracts.length] ?? ''} (run ${k}: x_${k % 50} = ${k})`);
  const ms = cpuMs() - start;
  console.log(`math restoration: 10,000 abstracts in ${(ms / 1000).toFixed(1)} s of CPU`);
  // Generous for a slow CI machine; a quiet one takes 2 to 3 seconds.
  assert.ok(ms < 15_000, `${ms} ms`);
});

test('no input makes it slow (no catastrophic backtracking, no quadratic scans)', () => {
  const inputs = [
    '('.repeat(5000) + ')'.repeat(5000),
    'a_'.repeat(20_000),
    'x^{'.repeat(3000) + '}'.repeat(3000),
    'loglog'.repeat(3000),
    '$ '.repeat(5000),
    'a.b.'.repeat(5000) + 'com',
    '%'.repeat(10_000),
    'R^d in '.repeat(3000),
    'sim3 '.repeat(5000),
    '{\\em '.repeat(3000),
    'https://x.io/'.repeat(2000),
  ];
  for (const input of inputs) {
    const start = cpuMs();
    restoreMath(input);
    const ms = cpuMs() - start;
    assert.ok(ms < 2000, `${input.slice(0, 10)}: ${ms} ms`);
  }
});
