/** An error in an input file, located so that an editor can go straight to it. */
export class InputError extends Error {
  readonly file: string;
  readonly line: number | undefined;

  constructor(file: string, line: number | undefined, message: string) {
    super(`${file}${line === undefined ? '' : `:${line}`}: ${message}`);
    this.name = 'InputError';
    this.file = file;
    this.line = line;
  }
}
