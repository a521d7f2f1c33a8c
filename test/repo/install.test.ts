/**
 * The install is honest: package.json's engines are as strict as every locked package's own
 * (so an install on a Node that engines allows prints no EBADENGINE warning), the project's own
 * Node satisfies them, the README states exactly those requirements, and every locked package
 * with an install script is named in allowScripts (npm 11.16+ warns about the others; npm 12
 * skips them, and node@22's preinstall is what puts the project's Node in place).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import semver from 'semver';

const read = (path: string): string => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const pkg = JSON.parse(read('package.json')) as { engines: { node: string; npm: string }; allowScripts?: Record<string, boolean> };
const lock = JSON.parse(read('package-lock.json')) as {
  packages: Record<string, { version?: string; engines?: unknown; optional?: boolean; dev?: boolean; hasInstallScript?: boolean }>;
};

test("engines.node allows no Node that a locked package's engines refuse", () => {
  const looser: string[] = [];
  for (const [path, info] of Object.entries(lock.packages)) {
    const wanted = (info.engines as { node?: string } | undefined)?.node;
    if (path === '' || info.optional || typeof wanted !== 'string') continue;
    if (!semver.subset(pkg.engines.node, wanted, { includePrerelease: false }))
      looser.push(`${path.replace(/^.*node_modules\//, '')}@${info.version}: node ${wanted}`);
  }
  assert.deepEqual(looser, [], `package.json engines.node "${pkg.engines.node}" is looser than`);
});

test("the project's own Node (the npm package node@22) satisfies engines", () => {
  const own = lock.packages['node_modules/node']?.version ?? '';
  assert.ok(semver.satisfies(own, pkg.engines.node), `node@${own} against ${pkg.engines.node}`);
});

test('the README states the same requirements as engines', () => {
  const readme = read('README.md');
  assert.ok(readme.includes(`Node.js \`${pkg.engines.node}\``), `README names Node.js \`${pkg.engines.node}\``);
  assert.ok(readme.includes(`npm \`${pkg.engines.npm}\``), `README names npm \`${pkg.engines.npm}\``);
});

test('every locked package with an install script is approved in allowScripts', () => {
  const unapproved: string[] = [];
  for (const [path, info] of Object.entries(lock.packages)) {
    const name = path.replace(/^.*node_modules\//, '');
    if (info.hasInstallScript && pkg.allowScripts?.[name] !== true && pkg.allowScripts?.[`${name}@${info.version}`] !== true)
      unapproved.push(`${name}@${info.version}`);
  }
  assert.deepEqual(unapproved, [], 'packages whose install scripts allowScripts does not approve');
});
