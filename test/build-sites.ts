/**
 * npm run test:sites [-- NAME ...]: builds the fixture sites (test/support/sites.ts) that the
 * build checks and the browser tests read, two at a time (one per core), each from scratch.
 */
import { availableParallelism } from 'node:os';
import { buildSite, SITE_SPECS, type SiteName } from './support/sites.ts';

const all = Object.keys(SITE_SPECS) as SiteName[];
const asked = process.argv.slice(2);
const unknown = asked.filter((n) => !all.includes(n as SiteName));
if (unknown.length > 0) {
  console.error(`unknown fixture site ${unknown.join(', ')}: one of ${all.join(', ')}`);
  process.exit(2);
}
const queue = [...(asked.length > 0 ? (asked as SiteName[]) : all)];
const started = performance.now();
let failed = false;

async function worker(): Promise<void> {
  for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
    const t = performance.now();
    try {
      const site = await buildSite(name);
      console.log(
        `built fixture site ${name} (${SITE_SPECS[name].about}) in ${((performance.now() - t) / 1000).toFixed(1)} s: ${site.dist}`,
      );
    } catch (error) {
      failed = true;
      console.error(`error: fixture site ${name}: ${(error as Error).message}`);
    }
  }
}

await Promise.all(Array.from({ length: Math.max(1, Math.min(2, availableParallelism())) }, worker));
console.log(`fixture sites ${failed ? 'FAILED' : 'built'} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
process.exit(failed ? 1 : 0);
