/**
 * The fixture sites the build checks and the browser tests read: each made from frozen inputs
 * (test/fixtures/) by the real ingest into a content root of its own, then built by the real
 * `npm run build` into .test-sites/<name>/dist, with its own Astro cache. Nothing here reads
 * the live content/ folder, so the tests hold whatever content/ holds.
 * `npm run test:sites` builds them all once per run (test/build-sites.ts); the tests only read.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { digestText, hostilePapers } from './hostile.ts';
import { operatorPapers } from './operator-papers.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const FIXTURES = join(ROOT, 'test/fixtures');
const SITES_DIR = join(ROOT, '.test-sites');

interface Input {
  /** The digest's file name in the site's folder. */
  name: string;
  data: () => string | Uint8Array;
  args?: string[];
}

interface SiteSpec {
  /** What the site is for, for messages. */
  about: string;
  inputs: Input[];
  /** SITE and BASE for the build, when not the defaults. */
  env?: { SITE: string; BASE: string };
}

const seedDigest: Input = { name: '2025-03-17.txt', data: () => readFileSync(join(FIXTURES, 'seed/digests/2025-03-17.txt')) };

export const SITE_SPECS = {
  /** The seed digest of 17 March 2025, 49 papers, with the seed taxonomy. */
  seed: { about: 'the seed digest', inputs: [seedDigest] },
  /** 120 papers whose titles and abstracts are MDX, JSX, HTML and Markdown syntax and odd Unicode. */
  hostile: {
    about: 'hostile input',
    inputs: [
      {
        name: 'hostile.txt',
        data: () => digestText('2025-04-01', hostilePapers(2025, 120, { longLines: true })),
        args: ['--date', '2025-04-01'],
      },
    ],
  },
  /**
   * Two digests of 60 neural-operator papers each: a topic of 120 papers, three pages of it; on
   * either side of a month's end, so that its search index has two buckets (src/lib/site/search/buckets.ts).
   */
  paged: {
    about: 'a topic of many pages',
    inputs: [
      { name: 'ops-1.txt', data: () => digestText('2025-04-30', operatorPapers(0, 60)), args: ['--date', '2025-04-30'] },
      { name: 'ops-2.txt', data: () => digestText('2025-05-01', operatorPapers(60, 60)), args: ['--date', '2025-05-01'] },
    ],
  },
  /** The seed enriched by a Hugging Face daily list, built as a GitHub Pages project site. */
  subpath: {
    about: 'a sub-path site',
    inputs: [seedDigest, { name: 'daily.json', data: () => readFileSync(join(FIXTURES, 'sources/hf-daily-2025-03-17.json')) }],
    env: { SITE: 'https://someone.github.io', BASE: '/paperboy/' },
  },
} satisfies Record<string, SiteSpec>;

export type SiteName = keyof typeof SITE_SPECS;

export interface BuiltSite {
  name: SiteName;
  dir: string;
  /** The site's content root (papers/, digests/, topics/). */
  content: string;
  dist: string;
  site: string;
  base: string;
}

export function siteOf(name: SiteName): BuiltSite {
  const dir = join(SITES_DIR, name);
  const spec: SiteSpec = SITE_SPECS[name];
  return {
    name,
    dir,
    content: join(dir, 'content'),
    dist: join(dir, 'dist'),
    site: spec.env?.SITE ?? 'https://paperboy.example.org',
    base: spec.env?.BASE ?? '/',
  };
}

/** A fixture site built by this run; a clear error if `npm run test:sites` has not built it. */
export function builtSite(name: SiteName): BuiltSite {
  const site = siteOf(name);
  if (!existsSync(join(site.dir, 'built'))) {
    throw new Error(`the fixture site "${name}" is not built (${site.dir}): run \`npm run test:sites\` first (npm test does)`);
  }
  return site;
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv, log: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd: ROOT,
      env: { ...process.env, ...env, ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => out.push(c));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const text = Buffer.concat(out).toString('utf8');
      log.push(`$ ${cmd} ${args.join(' ')}`, text);
      if (code === 0) resolve();
      else reject(new Error(`${cmd} ${args.join(' ')} failed (${signal ?? `exit ${code}`}):\n${text.split('\n').slice(-40).join('\n')}`));
    });
  });
}

/** Builds one fixture site from scratch: its inputs ingested into a new content root, then npm run build. */
export async function buildSite(name: SiteName): Promise<BuiltSite> {
  const site = siteOf(name);
  const spec: SiteSpec = SITE_SPECS[name];
  rmSync(site.dir, { recursive: true, force: true });
  mkdirSync(join(site.dir, 'inputs'), { recursive: true });
  cpSync(join(FIXTURES, 'seed/topics'), join(site.content, 'topics'), { recursive: true });
  const log: string[] = [];
  try {
    for (const input of spec.inputs) {
      const file = join(site.dir, 'inputs', input.name);
      writeFileSync(file, input.data());
      await run(
        process.execPath,
        // As `npm run ingest` runs it: from its bundle (src/cli/bundled.mjs), not through tsx.
        ['src/cli/bundled.mjs', 'ingest', file, '--content', site.content, ...(input.args ?? [])],
        {},
        log,
      );
    }
    await run(
      'npm',
      ['run', 'build'],
      { ...spec.env, PAPERBOY_CONTENT: site.content, PAPERBOY_OUT: site.dist, PAPERBOY_CACHE: join(site.dir, 'cache') },
      log,
    );
  } finally {
    writeFileSync(join(site.dir, 'build.log'), log.join('\n'));
  }
  writeFileSync(join(site.dir, 'built'), `${new Date().toISOString()}\n`);
  return site;
}
