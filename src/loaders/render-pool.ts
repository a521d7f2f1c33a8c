/**
 * Prepares entries on worker threads, one per core (prepare-entry.ts): parsing and rendering
 * them, KaTeX above all, is most of a cold build's content-layer time, and it is plain CPU work
 * that parallelises.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { receivedError, type PreparedEntry } from './prepare-entry.ts';
import type { PoolReply, PoolRequest } from './render-worker.ts';

export class RenderPool {
  readonly #workers: Worker[];
  readonly #pending = new Map<number, { resolve: (r: PoolReply) => void; reject: (e: Error) => void }>();
  #next = 0;

  constructor(size = availableParallelism()) {
    const url = new URL('./render-worker.ts', import.meta.url);
    this.#workers = Array.from({ length: Math.max(1, size) }, () => {
      // The worker is TypeScript: it runs with tsx, as the project's scripts do.
      const worker = new Worker(url, { execArgv: ['--import', 'tsx'] });
      worker.on('message', (reply: PoolReply) => {
        const waiting = this.#pending.get(reply.id);
        this.#pending.delete(reply.id);
        if ('error' in reply) waiting?.reject(receivedError(reply.error));
        else waiting?.resolve(reply);
      });
      worker.on('error', (error) => {
        for (const w of this.#pending.values()) w.reject(error);
        this.#pending.clear();
      });
      return worker;
    });
  }

  #send(request: Omit<PoolRequest, 'id'>): Promise<PoolReply> {
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#workers[id % this.#workers.length]!.postMessage({ ...request, id });
    });
  }

  /** Everything the loader derives from an entry file (prepare-entry.ts). */
  async prepare(text: string, relPath: string): Promise<PreparedEntry> {
    const reply = await this.#send({ text, relPath });
    if (!('entry' in reply)) throw new Error('the entry pool answered a prepare request with no entry');
    return reply.entry;
  }

  /** A body rendered by the site's Markdown processor. */
  async render(body: string): Promise<{ html: string }> {
    const reply = await this.#send({ body });
    if (!('html' in reply)) throw new Error('the entry pool answered a render request with no HTML');
    return { html: reply.html };
  }

  async close(): Promise<void> {
    await Promise.all(this.#workers.map((w) => w.terminate()));
  }
}
