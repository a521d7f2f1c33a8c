/**
 * A worker thread of the entry pool (render-pool.ts): prepares entries (prepare-entry.ts), or
 * renders bodies (renderBody, src/lib/render/markdown.ts), one request at a time. It says when it
 * is ready, so that the pool's time limit counts rendering, not start-up.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { renderBody } from '../lib/render/markdown.ts';
import { prepareEntry, sendError, type PreparedEntry, type SentError } from './prepare-entry.ts';

/** An entry file to prepare, or (with `body`) a body to render only. */
export type PoolRequest = { id: number; text: string; relPath: string } | { id: number; body: string };

export type PoolReply = { id: number; entry: PreparedEntry } | { id: number; html: string } | { id: number; error: SentError };

export type WorkerMessage = PoolReply | { ready: true };

/** Fault injection for the pool's tests: crash on, or hang on, the entry of this relPath. */
export interface WorkerFault {
  kind: 'crash' | 'exit' | 'hang';
  relPath: string;
}

const fault = (workerData as { fault?: WorkerFault } | undefined)?.fault;

function injectFault(relPath: string): void {
  if (fault?.relPath !== relPath) return;
  if (fault.kind === 'exit') process.exit(3);
  if (fault.kind === 'crash')
    setImmediate(() => {
      throw new Error(`injected crash on ${relPath}`);
    });
  if (fault.kind === 'hang') for (;;);
}

const render = renderBody;

parentPort!.on('message', (request: PoolRequest) => {
  const reply = (answer: PoolReply): void => parentPort!.postMessage(answer);
  const failed = (error: unknown): void => reply({ id: request.id, error: sendError(error) });
  if ('body' in request) {
    render(request.body).then((html) => reply({ id: request.id, html }), failed);
    return;
  }
  injectFault(request.relPath);
  if (fault?.kind === 'crash' && fault.relPath === request.relPath) return;
  prepareEntry(request.text, request.relPath, render).then((entry) => reply({ id: request.id, entry }), failed);
});
parentPort!.postMessage({ ready: true } satisfies WorkerMessage);
