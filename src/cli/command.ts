import type { Argv } from 'yargs';
import type { Io } from '../ground/io.js';

/** One CLI command: parses its arguments, calls the library, prints. No business logic. */
export interface Command {
  /** yargs command string, e.g. 'validate <form>'. */
  command: string;
  describe: string;
  builder: (yargs: Argv) => Argv;
  /** Returns the exit code. */
  run: (args: Record<string, unknown>, io: Io) => Promise<number>;
}
