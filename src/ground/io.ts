import { exitCodes } from './exit-codes.js';

export { exitCodes, type ExitCode } from './exit-codes.js';

/** What a command may touch of the outside world; tests pass their own. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Directory relative paths are resolved against. */
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  /** The real clock at the edge only; rules take "today" as an argument. */
  now(): Date;
  /** True when stdout is a terminal (progress bars, colour). */
  isTTY: boolean;
}

/** An error the user can act on; printed without a stack trace. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = exitCodes.invalid,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

/** The real process's Io. */
export function processIo(): Io {
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    cwd: process.cwd(),
    env: process.env,
    now: () => new Date(),
    isTTY: Boolean(process.stdout.isTTY),
  };
}
