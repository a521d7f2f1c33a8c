import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { arxivQueries, ID_BATCH, politeFetcher } from './arxiv-api.ts';
import { FetchError } from './fetch.ts';

test('ids go in batches, titles one query each, exact words in a title search', () => {
  const wanted = [
    ...Array.from({ length: ID_BATCH + 3 }, (_, i) => ({ file: `p${i}.mdx`, arxivId: `2501.${String(10000 + i)}`, title: `T${i}` })),
    { file: 'x.mdx', arxivId: undefined, title: 'Bounds on $\\ell_\\infty$: "a" (b) Study' },
  ];
  const urls = arxivQueries('http://api.test/query', wanted);
  assert.equal(urls.length, 3);
  const first = new URL(urls[0]!);
  assert.equal(first.searchParams.get('id_list')!.split(',').length, ID_BATCH);
  assert.equal(new URL(urls[1]!).searchParams.get('id_list')!.split(',').length, 3);
  assert.equal(new URL(urls[2]!).searchParams.get('search_query'), 'ti:"Bounds on ell_ infty a b Study"');
});

test('the polite fetcher keeps its interval, retries what may pass with backoff, and gives up on a 404 at once', async () => {
  const hits: { path: string; at: number }[] = [];
  let failuresLeft = 2;
  const server = createServer((req, res) => {
    hits.push({ path: req.url ?? '', at: Date.now() });
    if (req.url?.startsWith('/flaky') && failuresLeft-- > 0) return void res.writeHead(503).end();
    if (req.url?.startsWith('/missing')) return void res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': 'application/atom+xml' }).end('<feed/>');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const retries: number[] = [];
    const get = politeFetcher({ intervalMs: 150, timeoutMs: 5000, retries: 3, backoffMs: 50, onRetry: (_u, _e, n) => retries.push(n) });
    assert.equal(new TextDecoder().decode(await get(`${origin}/flaky`)), '<feed/>');
    assert.deepEqual(retries, [1, 2]);
    await get(`${origin}/ok`);
    await assert.rejects(get(`${origin}/missing`), (e: unknown) => e instanceof FetchError && e.status === 404);
    assert.equal(hits.length, 5, 'three tries, one, and one for the 404');
    // Paced: five requests at least 150 ms apart as sent span at least 600 ms (arrivals jitter, so the span is checked).
    assert.ok(hits.at(-1)!.at - hits[0]!.at >= 4 * 150 - 100, `${hits.at(-1)!.at - hits[0]!.at} ms for five requests`);
  } finally {
    server.close();
  }
});
