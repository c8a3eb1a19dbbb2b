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

/** Exit codes (DESIGN.md): 0 ok, 1 invalid input, 2 wrong usage, 3 something outside failed, 4 internal error. */
export const exitCodes = { ok: 0, invalid: 1, usage: 2, outside: 3, internal: 4 } as const;

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
