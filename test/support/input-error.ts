/** Assertions on InputError, shared by the tests of the sources and the ingest. */
import assert from 'node:assert/strict';
import { InputError } from '../../src/lib/contract/errors.ts';

/** The InputError that fn throws; fails the test if it throws nothing or something else. */
export function inputErrorOf(fn: () => unknown): InputError {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof InputError, `expected an InputError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected an InputError');
}

/** Asserts an InputError naming file and line, with a message matching re. */
export function assertInputError(fn: () => unknown, file: string, line: number | undefined, re: RegExp): InputError {
  const error = inputErrorOf(fn);
  assert.equal(error.file, file, error.message);
  assert.equal(error.line, line, error.message);
  assert.match(error.message, re);
  assert.ok(error.message.startsWith(line === undefined ? `${file}: ` : `${file}:${line}: `), error.message);
  return error;
}
