/**
 * Prepares entries on worker threads, one per core (prepare-entry.ts): parsing and rendering
 * them, KaTeX above all, is most of a cold build's content-layer time, and it is plain CPU work
 * that parallelises.
 *
 * Each worker has one entry at a time, so that whatever happens to it names that entry: a
 * worker that crashes or exits fails its entry with an InputError naming the file (and is
 * replaced, so the other entries go on and the loader reports the first failure in file
 * order); an entry still rendering after the time limit (PAPERBOY_RENDER_TIMEOUT_MS, 60 s by
 * default) has its worker terminated and fails the same way. A worker that cannot even start
 * fails every entry with its error. Nothing waits forever.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { freshBundle } from '../cli/bundled.mjs';
import { InputError } from '../lib/contract/errors.ts';
import { receivedError, type PreparedEntry } from './prepare-entry.ts';
import type { PoolReply, PoolRequest, WorkerFault, WorkerMessage } from './render-worker.ts';

export const RENDER_TIMEOUT_ENV = 'PAPERBOY_RENDER_TIMEOUT_MS';
const DEFAULT_TIMEOUT_MS = 60_000;

export interface PoolOptions {
  size?: number;
  /** How long one entry may take on a worker, in ms. */
  timeoutMs?: number;
  /** For tests: make the worker crash on, or hang on, the entry of this relPath. */
  fault?: WorkerFault;
  /** A JavaScript bundle of render-worker.ts (workerBundle()); without one, the worker runs its TypeScript through tsx. */
  workerFile?: string | undefined;
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
// Plain JavaScript (src/cli/bundled.mjs): its signature, as used here.
const bundleOf = freshBundle as (root: string, entry: string, cacheDir: string) => Promise<string>;

/**
 * render-worker.ts and its modules as one JavaScript file, made (and kept) as the CLIs' bundles
 * are: a worker started from it loads in less than half the CPU time that tsx takes to strip
 * and load the same ~80 modules one by one, and a cold build starts one per core. Undefined
 * (the worker runs through tsx) if esbuild cannot make it.
 */
export async function workerBundle(): Promise<string | undefined> {
  try {
    return await bundleOf(ROOT, 'src/loaders/render-worker.ts', join(ROOT, 'node_modules/.cache/paperboy-cli'));
  } catch {
    return undefined;
  }
}

interface Job {
  request: PoolRequest;
  /** The entry the job is for, for messages. */
  file: string;
  resolve: (reply: PoolReply) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  job: Job | undefined;
  timer: NodeJS.Timeout | undefined;
}

export function renderTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env[RENDER_TIMEOUT_ENV]);
  return Number.isFinite(value) && value > 0 ? value : DEFAULT_TIMEOUT_MS;
}

export class RenderPool {
  readonly #slots: Slot[] = [];
  readonly #queue: Job[] = [];
  readonly #timeoutMs: number;
  readonly #fault: WorkerFault | undefined;
  readonly #workerFile: string | undefined;
  #next = 0;
  #closed = false;
  /** Set when a worker failed before it was ready: no worker of this pool can start. */
  #broken: Error | undefined;

  /** `options` may be the number of workers alone. */
  constructor(given: PoolOptions | number = {}) {
    const options = typeof given === 'number' ? { size: given } : given;
    this.#timeoutMs = options.timeoutMs ?? renderTimeoutMs();
    this.#fault = options.fault;
    this.#workerFile = options.workerFile;
    const size = Math.max(1, options.size ?? availableParallelism());
    for (let i = 0; i < size; i++) this.#slots.push(this.#spawn());
  }

  #spawn(): Slot {
    // From its bundle, or as TypeScript through tsx, as the project's scripts run.
    const worker = new Worker(this.#workerFile ?? new URL('./render-worker.ts', import.meta.url), {
      execArgv: this.#workerFile ? [] : ['--import', 'tsx'],
      workerData: { fault: this.#fault },
    });
    const slot: Slot = { worker, ready: false, job: undefined, timer: undefined };
    worker.on('message', (message: WorkerMessage) => {
      if ('ready' in message) {
        slot.ready = true;
        this.#pump();
        return;
      }
      const job = slot.job;
      if (job === undefined || job.request.id !== message.id) return;
      this.#finish(slot);
      if ('error' in message) job.reject(receivedError(message.error));
      else job.resolve(message);
      this.#pump();
    });
    worker.on('error', (error) => this.#lost(slot, `the render worker crashed: ${error.message}`, error));
    worker.on('exit', (code) => {
      if (!this.#closed)
        this.#lost(slot, `the render worker exited with code ${code}`, new Error(`the render worker exited with code ${code}`));
    });
    return slot;
  }

  #finish(slot: Slot): void {
    clearTimeout(slot.timer);
    slot.timer = undefined;
    slot.job = undefined;
  }

  /** A worker is gone (crashed, exited, or terminated for its time): its entry fails, a new worker takes its place. */
  #lost(slot: Slot, reason: string, error: Error): void {
    const index = this.#slots.indexOf(slot);
    if (index < 0) return;
    const job = slot.job;
    this.#finish(slot);
    if (!slot.ready) {
      // It never started: neither will another one. Every entry fails with the reason.
      this.#broken = error;
      job?.reject(error);
      for (const queued of this.#queue.splice(0)) queued.reject(error);
      this.#slots.splice(index, 1);
      return;
    }
    job?.reject(new InputError(job.file, undefined, `${reason} while preparing this entry`));
    void slot.worker.terminate();
    if (this.#closed) {
      this.#slots.splice(index, 1);
      return;
    }
    this.#slots[index] = this.#spawn();
  }

  #pump(): void {
    for (const slot of this.#slots) {
      if (!slot.ready || slot.job !== undefined) continue;
      const job = this.#queue.shift();
      if (job === undefined) return;
      slot.job = job;
      slot.timer = setTimeout(
        () =>
          this.#lost(slot, `rendering took longer than ${this.#timeoutMs / 1000} s (${RENDER_TIMEOUT_ENV})`, new Error('render timeout')),
        this.#timeoutMs,
      );
      slot.worker.postMessage(job.request);
    }
  }

  #send(request: Omit<PoolRequest, 'id'>, file: string): Promise<PoolReply> {
    if (this.#broken) return Promise.reject(this.#broken);
    if (this.#closed) return Promise.reject(new Error('the render pool is closed'));
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      this.#queue.push({ request: { ...request, id } as PoolRequest, file, resolve, reject });
      this.#pump();
    });
  }

  /** Everything the loader derives from an entry file (prepare-entry.ts). */
  async prepare(text: string, relPath: string): Promise<PreparedEntry> {
    const reply = await this.#send({ text, relPath }, relPath);
    if (!('entry' in reply)) throw new Error('the entry pool answered a prepare request with no entry');
    return reply.entry;
  }

  /** A body rendered by the site's Markdown processor. */
  async render(body: string): Promise<{ html: string }> {
    const reply = await this.#send({ body }, 'a body');
    if (!('html' in reply)) throw new Error('the entry pool answered a render request with no HTML');
    return { html: reply.html };
  }

  async close(): Promise<void> {
    this.#closed = true;
    for (const job of this.#queue.splice(0)) job.reject(new Error('the render pool was closed'));
    await Promise.all(
      this.#slots.map(async (slot) => {
        clearTimeout(slot.timer);
        await slot.worker.terminate();
      }),
    );
  }
}
