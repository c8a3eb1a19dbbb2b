import type { Io } from '../../src/ground/io.js';

/** An Io that collects what a command prints; the clock is fixed. */
export function fakeIo(
  cwd: string,
  options: { now?: string; isTTY?: boolean; env?: Record<string, string> } = {},
): Io & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout: (t: string) => {
      io.out += t;
    },
    stderr: (t: string) => {
      io.err += t;
    },
    cwd,
    env: options.env ?? {},
    now: () => new Date(options.now ?? '2014-03-14T10:00:00Z'),
    isTTY: options.isTTY ?? false,
  };
  return io;
}

/** The repository root, for fixtures. */
export const repoRoot = new URL('../../', import.meta.url).pathname;
