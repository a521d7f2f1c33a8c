/**
 * The entry pool on real worker threads: a worker that crashes, exits or hangs on an entry
 * fails that entry with an error naming its file, the other entries are still prepared, and
 * nothing waits forever (the fault is injected into the real worker, render-worker.ts).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { writeBody } from '../lib/contract/body.ts';
import { writeEntryFile } from '../lib/contract/entry-file.ts';
import { InputError } from '../lib/contract/errors.ts';
import { markdownProcessor } from '../lib/render/markdown.ts';
import { HOSTILE_FORMULAS } from '../../test/support/hostile.ts';
import { RenderPool, workerBundle } from './render-pool.ts';
import type { WorkerFault } from './render-worker.ts';

const bundle = workerBundle();

const entry = (n: number): { text: string; relPath: string } => ({
  relPath: `papers/paper-${n}.mdx`,
  text: writeEntryFile(
    { title: `Paper ${n}`, digests: [{ date: '2025-03-17', rank: n + 1, source: 'digests/2025-03-17.txt' }], topics: [] },
    writeBody([
      { kind: 'text', value: `Abstract ${n} with ` },
      { kind: 'math', tex: `x^${n}` },
      { kind: 'text', value: '.' },
    ]),
  ),
});

/** Prepares six entries on two workers with `fault`; what became of each. */
async function run(fault: WorkerFault, timeoutMs = 60_000): Promise<PromiseSettledResult<unknown>[]> {
  const pool = new RenderPool({ size: 2, fault, timeoutMs, workerFile: await bundle });
  try {
    return await Promise.allSettled(Array.from({ length: 6 }, (_, n) => entry(n)).map((e) => pool.prepare(e.text, e.relPath)));
  } finally {
    await pool.close();
  }
}

function assertOnlyFailed(results: PromiseSettledResult<unknown>[], index: number, reason: RegExp): void {
  results.forEach((r, i) => {
    if (i !== index) {
      assert.equal(r.status, 'fulfilled', `entry ${i}: ${r.status === 'rejected' ? String(r.reason) : ''}`);
      return;
    }
    assert.equal(r.status, 'rejected');
    const error = (r as PromiseRejectedResult).reason as unknown;
    assert.ok(error instanceof InputError, String(error));
    assert.equal(error.file, `papers/paper-${index}.mdx`);
    assert.match(error.message, reason);
  });
}

test('a worker that crashes on an entry fails that entry, naming its file; the others are prepared', async () => {
  assertOnlyFailed(
    await run({ kind: 'crash', relPath: 'papers/paper-2.mdx' }),
    2,
    /^papers\/paper-2\.mdx: the render worker crashed: injected crash on papers\/paper-2\.mdx while preparing this entry$/,
  );
});

test('a worker that exits on an entry fails that entry, naming its file', async () => {
  assertOnlyFailed(
    await run({ kind: 'exit', relPath: 'papers/paper-4.mdx' }),
    4,
    /^papers\/paper-4\.mdx: the render worker exited with code 3 while preparing this entry$/,
  );
});

test('an entry that renders past the time limit fails, naming its file; its worker is replaced', async () => {
  // The limit counts from when the started worker takes the entry: 10 s is ample for an abstract, even on a busy machine.
  assertOnlyFailed(
    await run({ kind: 'hang', relPath: 'papers/paper-1.mdx' }, 10_000),
    1,
    /^papers\/paper-1\.mdx: rendering took longer than 10 s \(PAPERBOY_RENDER_TIMEOUT_MS\) while preparing this entry$/,
  );
});

// The workers start from their bundle, as a build starts them; this one from its TypeScript through tsx.
test('a broken entry is an InputError from the worker, with its line', async () => {
  const pool = new RenderPool({ size: 1 });
  try {
    await assert.rejects(
      pool.prepare('---\ntitle: "x"\n---\n\nText {alert(1)}.\n', 'papers/bad.mdx'),
      /^InputError: papers\/bad\.mdx:5: the body uses MDX-only syntax/,
    );
  } finally {
    await pool.close();
  }
});

/** An entry body as the site's Markdown processor renders it (the markup src/lib/render/katex.test.ts checks): renderBody, on the workers, must give the same. */
async function renderInProcess(body: string): Promise<string> {
  const renderer = await markdownProcessor().createRenderer({ syntaxHighlight: false } as Parameters<
    ReturnType<typeof markdownProcessor>['createRenderer']
  >[0]);
  return (await renderer.render(body, { frontmatter: {} })).code;
}

test('the worker threads (from 200 entries on) render a body of hostile formulas as the process does', async () => {
  // Inline, display and fenced math, refused for every reason the source check and KaTeX give.
  const formulas = [...HOSTILE_FORMULAS, '\\undefinedcommand', '\\href{&colon;x}{y}', '\\color{#cc0000}{x}'];
  const hostileBody = `Hostile: ${formulas.map((f) => `$${f}$`).join(' and ')}.\n\n$$\n\\frac{1}{\n$$\n\n$$\n${'\\sqrt{'.repeat(400)}x${'}'.repeat(400)}\n$$\n\n\`\`\`math\n\\href{x}{y}\n\`\`\`\n`;
  const workerFile = await bundle;
  assert.match(workerFile ?? '', /node_modules\/\.cache\/paperboy-cli\/.*render-worker.*\.mjs$/, 'the worker runs from its bundle');
  const pool = new RenderPool({ size: 1, workerFile });
  try {
    const [fromPool, simple] = await Promise.all([pool.render(hostileBody), pool.render('$x$ and $$\\frac{1}{$$')]);
    assert.equal(fromPool.html, await renderInProcess(hostileBody));
    assert.equal(simple.html, await renderInProcess('$x$ and $$\\frac{1}{$$'));
    assert.match(fromPool.html, /data-math-error="untrusted"/);
  } finally {
    await pool.close();
  }
});
