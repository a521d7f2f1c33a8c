/**
 * Fetching a source over HTTP for the ingest and the daily run: one timeout for the whole
 * exchange (headers and body), and errors that name the URL, so a hung or cut-off server fails
 * the run instead of stalling it or feeding it half a list.
 */
import { InputError } from '../contract/errors.ts';

/** Milliseconds a fetch may take, headers and body together; a shorter value is for tests. */
export const FETCH_TIMEOUT_ENV = 'PAPERBOY_FETCH_TIMEOUT_MS';
export const DEFAULT_FETCH_TIMEOUT_MS = 30_000;

/** The timeout from `value` (an option, or PAPERBOY_FETCH_TIMEOUT_MS: `name` says which, for the message); unset or empty: 30 s. */
export function fetchTimeoutMs(value: string | undefined, name: string = FETCH_TIMEOUT_ENV): number {
  if (value === undefined || value.trim() === '') return DEFAULT_FETCH_TIMEOUT_MS;
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms <= 0)
    throw new InputError(name, undefined, `must be a positive whole number of milliseconds, not "${value}"`);
  return ms;
}

function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))} s`;
}

function describe(error: unknown): string {
  const e = error as Error & { cause?: { message?: string; code?: string } };
  const cause = e.cause?.code ?? e.cause?.message;
  return cause ? `${e.message}: ${cause}` : e.message;
}

/** A failed fetch: `status` is the HTTP status when the server answered, undefined when it did not (or cut off). */
export class FetchError extends InputError {
  readonly status: number | undefined;
  constructor(url: string, message: string, status: number | undefined) {
    super(url, undefined, message);
    this.status = status;
  }
}

export async function fetchBytes(url: string, options: { timeoutMs: number; accept: string }): Promise<Uint8Array> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  const timedOut = (error: unknown): boolean => (error as Error).name === 'TimeoutError' || signal.aborted;
  let response: Response;
  try {
    response = await fetch(url, { headers: { Accept: options.accept }, signal });
  } catch (error) {
    throw new FetchError(
      url,
      timedOut(error) ? `no answer within ${seconds(options.timeoutMs)} (timed out)` : `cannot fetch it (${describe(error)})`,
      undefined,
    );
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    throw new FetchError(url, `the server answered ${response.status} ${response.statusText}`.trimEnd(), response.status);
  }
  try {
    return new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    throw new FetchError(
      url,
      timedOut(error)
        ? `the response did not arrive in full within ${seconds(options.timeoutMs)} (timed out)`
        : `the response was cut off (${describe(error)})`,
      undefined,
    );
  }
}
