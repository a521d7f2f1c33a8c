/**
 * How the commands that write a content root end: exit 0 on success; on bad input, a lock
 * held by another run, or a write error, the message and what was (not) written, exit 1.
 * Anything else is a bug: its stack trace is shown.
 */
import { InputError } from '../lib/contract/errors.ts';
import { LockedError } from '../lib/ingest/lock.ts';
import { nothingWritten } from '../lib/ingest/session.ts';

export function runCommand(main: (argv: string[]) => Promise<number>): void {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      if (error instanceof LockedError) {
        console.error(`error: ${error.message}`);
        process.exit(1);
      }
      if (error instanceof InputError) {
        console.error(`error: ${error.message}`);
        console.error(nothingWritten(error));
        process.exit(1);
      }
      if ((error as NodeJS.ErrnoException).code !== undefined) {
        // A write error (a full disk, a read-only folder): writeAllOrNothing has removed what it staged.
        console.error(`error: ${(error as Error).message}`);
        console.error(`${nothingWritten(error)}: the content folder is as it was`);
        process.exit(1);
      }
      throw error;
    },
  );
}
