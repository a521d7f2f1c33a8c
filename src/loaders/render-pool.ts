/**
 * Renders entry bodies on worker threads, one per core: KaTeX is most of a cold build's
 * content-layer time, and it is plain CPU work that parallelises.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { RenderReply } from './render-worker.ts';

export interface Rendered {
  html: string;
  headings: unknown[];
}

export class RenderPool {
  readonly #workers: Worker[];
  readonly #pending = new Map<number, { resolve: (r: Rendered) => void; reject: (e: Error) => void }>();
  #next = 0;

  constructor(size = availableParallelism()) {
    const url = new URL('./render-worker.ts', import.meta.url);
    this.#workers = Array.from({ length: Math.max(1, size) }, () => {
      // The worker is TypeScript: it runs with tsx, as the project's scripts do.
      const worker = new Worker(url, { execArgv: ['--import', 'tsx'] });
      worker.on('message', (reply: RenderReply) => {
        const waiting = this.#pending.get(reply.id);
        this.#pending.delete(reply.id);
        if ('error' in reply) waiting?.reject(new Error(reply.error));
        else waiting?.resolve({ html: reply.html, headings: reply.headings });
      });
      worker.on('error', (error) => {
        for (const w of this.#pending.values()) w.reject(error);
        this.#pending.clear();
      });
      return worker;
    });
  }

  render(body: string): Promise<Rendered> {
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#workers[id % this.#workers.length]!.postMessage({ id, body });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.#workers.map((w) => w.terminate()));
  }
}
