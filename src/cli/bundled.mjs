/**
 * `node src/cli/bundled.mjs <cli> [args]`: runs src/cli/<cli>.ts from one JavaScript bundle.
 *
 * Why: the daily ingest is a short process, and a third of it went to loading ~100 TypeScript
 * modules one by one (Node's type stripping, then resolving and compiling each). esbuild (the
 * bundler Astro already installs) bundles the CLI's own modules into one file, packages left
 * to Node; the bundle is made on first use, kept in node_modules/.cache/paperboy-cli/ with the
 * hash of every file it was made from, and made again when any of them changed. V8's compile
 * cache (module.enableCompileCache) is kept beside it. Should esbuild fail, the CLI runs from its
 * TypeScript sources as before. Plain JavaScript, so that this file itself needs no stripping.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import module from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const OWN_SOURCE = readFileSync(fileURLToPath(import.meta.url), 'utf8');
const hashOf = (text) => createHash('sha256').update(text).digest('hex').slice(0, 16);

/** The hash of each file, or undefined when one is missing. */
function hashes(root, files) {
  const out = {};
  for (const file of files) {
    try {
      out[file] = hashOf(readFileSync(join(root, file)));
    } catch {
      return undefined;
    }
  }
  return out;
}

/**
 * The path of an up-to-date bundle of `entry` (a file under `root`), made in `cacheDir` if
 * there is none or any file it was made from changed. Concurrent runs each write their own
 * files and rename them into place, so a reader sees a whole bundle and manifest or none.
 */
/**
 * An esbuild plugin: each of the project's own modules keeps its own `import.meta.url` in the
 * bundle (paths beside a source, `createRequire`), where esbuild would leave the bundle's URL.
 * A module reading the other `import.meta` fields, which this does not rewrite, fails the bundle,
 * so that the CLI runs from its sources instead of finding the wrong files.
 */
const ownImportMetaUrl = {
  name: 'own-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /\.[cm]?[jt]s$/ }, (args) => {
      if (args.path.includes('/node_modules/')) return undefined;
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes('import.meta')) return undefined;
      if (/import\.meta\.(?!url\b)\w/.test(source)) throw new Error(`${args.path} reads an import.meta field other than url`);
      const ext = args.path.slice(args.path.lastIndexOf('.') + 1);
      return {
        contents: source.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
        loader: ext.endsWith('ts') ? 'ts' : 'js',
      };
    });
  },
};

export async function freshBundle(root, entry, cacheDir) {
  // This file's own text is part of the name: a change to how bundles are made makes them again.
  const name = `${hashOf(resolve(root, entry) + OWN_SOURCE)}-${entry.replace(/[^\w.-]+/g, '_')}`;
  const manifestFile = join(cacheDir, `${name}.json`);
  try {
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    const now = hashes(root, Object.keys(manifest.inputs));
    if (now && Object.entries(manifest.inputs).every(([file, hash]) => now[file] === hash)) return join(cacheDir, manifest.bundle);
  } catch {
    // No manifest yet, or an unreadable one: make the bundle.
  }
  const { build } = await import('esbuild');
  const result = await build({
    absWorkingDir: root,
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    packages: 'external',
    metafile: true,
    write: false,
    logLevel: 'silent',
    plugins: [ownImportMetaUrl],
  });
  const code = result.outputFiles[0].text;
  const inputs = hashes(root, Object.keys(result.metafile.inputs));
  if (!inputs) throw new Error(`a file of ${entry} disappeared while it was bundled`);
  // Beside its sources' hashes, the bundle's own: two runs of different sources never share a name.
  const bundle = `${name}-${hashOf(code)}.mjs`;
  mkdirSync(cacheDir, { recursive: true });
  const tmp = `.${process.pid}-${Date.now()}`;
  writeFileSync(join(cacheDir, bundle + tmp), code);
  renameSync(join(cacheDir, bundle + tmp), join(cacheDir, bundle));
  writeFileSync(manifestFile + tmp, JSON.stringify({ entry, bundle, inputs }));
  renameSync(manifestFile + tmp, manifestFile);
  return join(cacheDir, bundle);
}

async function main() {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
  const cli = process.argv[2];
  if (!cli || !/^[\w-]+$/.test(cli)) throw new Error('usage: node src/cli/bundled.mjs <cli name> [args]');
  // The CLI reads its own arguments from process.argv.slice(2).
  process.argv.splice(2, 1);
  const entry = relative(root, join(root, 'src/cli', `${cli}.ts`));
  const cacheDir = join(root, 'node_modules/.cache/paperboy-cli');
  module.enableCompileCache?.(join(cacheDir, 'v8'));
  let target;
  try {
    target = await freshBundle(root, entry, cacheDir);
  } catch (error) {
    process.emitWarning(`running ${entry} unbundled: ${error instanceof Error ? error.message : String(error)}`);
    target = join(root, entry);
  }
  await import(pathToFileURL(target).href);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
