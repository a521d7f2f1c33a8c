/**
 * An exclusive lock on a content root, so that two ingests never write it at once. It is
 * proper-lockfile's: a lock folder whose age it refreshes while the lock is held, so that the
 * lock of a killed process goes stale (after STALE_MS) and is taken over, whatever its pid.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';

export const LOCK_NAME = '.ingest.lock';
/**
 * A lock not refreshed for this long belongs to a process that is gone (PAPERBOY_LOCK_STALE_MS,
 * at least 2 s: proper-lockfile's floor; the crash tests shorten it).
 */
const staleMs = (): number => Math.max(2000, Number(process.env['PAPERBOY_LOCK_STALE_MS'] ?? 30_000));
const POLL_MS = 500;

export class LockedError extends Error {
  readonly lockPath: string;
  constructor(lockPath: string) {
    super(
      `${lockPath}: another ingest is writing this content folder; nothing was changed. Run again when it has finished (a lock left by a killed ingest expires ${staleMs() / 1000} s after it died).`,
    );
    this.name = 'LockedError';
    this.lockPath = lockPath;
  }
}

/**
 * Takes the lock of content root `root` (made if missing), waiting up to `waitMs` for another
 * holder, and calling `onWait` once if it has to wait. Resolves with the release function;
 * rejects with LockedError if the lock is still held after `waitMs`.
 */
export async function lockContent(root: string, waitMs: number, onWait: () => void = () => {}): Promise<() => Promise<void>> {
  mkdirSync(root, { recursive: true });
  const lockfilePath = join(root, LOCK_NAME);
  const stale = staleMs();
  const options = { lockfilePath, realpath: false, stale, update: stale / 3 };
  try {
    return await lockfile.lock(root, { ...options, retries: 0 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
  }
  if (waitMs <= 0) throw new LockedError(lockfilePath);
  onWait();
  const retries = Math.ceil(waitMs / POLL_MS);
  try {
    return await lockfile.lock(root, { ...options, retries: { retries, factor: 1, minTimeout: POLL_MS, maxTimeout: POLL_MS } });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') throw new LockedError(lockfilePath);
    throw error;
  }
}
