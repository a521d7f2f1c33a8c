/**
 * bundled.mjs: a CLI runs from a bundle of its sources, made again as soon as any of them
 * changes (the ingest itself runs this way in ingest.test.ts, through the package's script).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { freshBundle } from './bundled.mjs';

// Plain JavaScript (it runs before any TypeScript is loaded): its signature, as used here.
const bundleOf = freshBundle as (root: string, entry: string, cacheDir: string) => Promise<string>;

test('the bundle is made once, reused while its sources are unchanged, and made again when one changes', async (t) => {
  const root = mkdtempSync(join(tmpdir(), 'pb-bundled-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  mkdirSync(join(root, 'src'));
  writeFileSync(join(root, 'src/main.ts'), "import { word } from './word.ts';\nexport const said: string = `says ${word}`;\n");
  writeFileSync(join(root, 'src/word.ts'), "export const word: string = 'one';\n");
  const cache = join(root, 'cache');

  const first = await bundleOf(root, 'src/main.ts', cache);
  assert.equal(((await import(pathToFileURL(first).href)) as { said: string }).said, 'says one');
  const made = statSync(first).mtimeMs;
  const again = await bundleOf(root, 'src/main.ts', cache);
  assert.equal(again, first);
  assert.equal(statSync(again).mtimeMs, made, 'an unchanged bundle is not written again');

  // A change in an imported file, not the entry, makes a new bundle.
  writeFileSync(join(root, 'src/word.ts'), "export const word: string = 'two';\n");
  const changed = await bundleOf(root, 'src/main.ts', cache);
  assert.notEqual(changed, first);
  assert.equal(((await import(pathToFileURL(changed).href)) as { said: string }).said, 'says two');
});

test('each module keeps its own import.meta.url in the bundle; a module reading another import.meta field fails it', async (t) => {
  const root = mkdtempSync(join(tmpdir(), 'pb-bundled-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  mkdirSync(join(root, 'src/lib/deep'), { recursive: true });
  writeFileSync(join(root, 'src/lib/deep/data.txt'), 'beside the module');
  writeFileSync(
    join(root, 'src/lib/deep/reader.ts'),
    "import { readFileSync } from 'node:fs';\nexport const read = (): string => readFileSync(new URL('./data.txt', import.meta.url), 'utf8');\n",
  );
  writeFileSync(join(root, 'src/main.ts'), "export { read } from './lib/deep/reader.ts';\nexport const own: string = import.meta.url;\n");
  const bundle = await bundleOf(root, 'src/main.ts', join(root, 'cache'));
  const loaded = (await import(pathToFileURL(bundle).href)) as { read: () => string; own: string };
  assert.equal(loaded.read(), 'beside the module');
  assert.equal(loaded.own, pathToFileURL(join(root, 'src/main.ts')).href);

  writeFileSync(join(root, 'src/other.ts'), 'export const here: string = import.meta.dirname;\n');
  await assert.rejects(bundleOf(root, 'src/other.ts', join(root, 'cache')), /reads an import\.meta field other than url/);
});
