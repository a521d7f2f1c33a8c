/**
 * A site of its own for a test: a copy of the project with the digests the test gives, ingested
 * and built as a user would, served by the plain static server, and Chromium to read it.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright';
import { copyProject, linkNodeModules } from '../src/bench/project.ts';

const root = fileURLToPath(new URL('../', import.meta.url));

export interface TempSite {
  dir: string;
  dist: string;
  /** Runs a command in the copy, on the project's own Node; fails the test on a non-zero exit. */
  run: (cmd: string, args: string[], env?: NodeJS.ProcessEnv) => string;
  /** Deletes the copy. */
  remove: () => void;
}

export async function tempSite(digests: { name: string; data: string | Uint8Array; args?: string[] }[], env: NodeJS.ProcessEnv = {}): Promise<TempSite> {
  const dir = mkdtempSync(join(tmpdir(), 'pb-site-'));
  await copyProject(root, dir);
  await linkNodeModules(join(root, 'node_modules'), dir);
  const run = (cmd: string, args: string[], extra: NodeJS.ProcessEnv = {}): string => {
    const r = spawnSync(cmd, args, {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, ...env, ...extra, PATH: `${join(dir, 'node_modules/.bin')}:${process.env['PATH']}`, ASTRO_TELEMETRY_DISABLED: '1' },
      maxBuffer: 64 << 20,
    });
    assert.equal(r.status, 0, `${cmd} ${args.join(' ')}\n${r.stdout}\n${r.stderr}`);
    return r.stdout;
  };
  for (const d of digests) {
    writeFileSync(join(dir, d.name), d.data);
    run('node', ['--import', 'tsx', 'src/cli/ingest.ts', d.name, ...(d.args ?? [])]);
  }
  run('npm', ['run', 'build']);
  return { dir, dist: join(dir, 'dist'), run, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Serves a folder with e2e/static-server.ts until stop() is called. */
export async function serve(dist: string, port: number): Promise<{ origin: string; stop: () => void }> {
  const server = spawn('node', ['--import', 'tsx', join(root, 'e2e/static-server.ts'), dist, String(port)], { stdio: 'ignore' });
  const origin = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i += 1) {
    if (await fetch(`${origin}/`).then(() => true, () => false)) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return { origin, stop: () => server.kill() };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}
