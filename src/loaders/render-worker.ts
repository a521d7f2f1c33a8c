/** A worker thread of the entry pool: prepares entries (prepare-entry.ts), or renders bodies, with the site's Markdown processor. */
import { parentPort } from 'node:worker_threads';
import { markdownProcessor } from '../lib/render/markdown.ts';
import { prepareEntry, sendError, type PreparedEntry, type SentError } from './prepare-entry.ts';

/** An entry file to prepare, or (with `body`) a body to render only. */
export type PoolRequest = { id: number; text: string; relPath: string } | { id: number; body: string };

export type PoolReply = { id: number; entry: PreparedEntry } | { id: number; html: string } | { id: number; error: SentError };

const renderer = await markdownProcessor().createRenderer({ syntaxHighlight: false } as Parameters<ReturnType<typeof markdownProcessor>['createRenderer']>[0]);
const render = async (body: string): Promise<string> => (await renderer.render(body, { frontmatter: {} })).code;

parentPort!.on('message', (request: PoolRequest) => {
  const reply = (answer: PoolReply): void => parentPort!.postMessage(answer);
  const failed = (error: unknown): void => reply({ id: request.id, error: sendError(error) });
  if ('body' in request) render(request.body).then((html) => reply({ id: request.id, html }), failed);
  else prepareEntry(request.text, request.relPath, render).then((entry) => reply({ id: request.id, entry }), failed);
});
