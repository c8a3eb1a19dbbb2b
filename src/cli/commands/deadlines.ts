import type { Command } from '../command.js';
import { exitCodes } from '../io.js';

// Placeholder until its issue lands: says so plainly rather than pretending.
export const deadlinesCommand: Command = {
  command: 'deadlines',
  describe: 'deadlines (not yet available)',
  builder: (y) => y,
  run: async (_args, io) => {
    io.stderr('monitoring-letter deadlines: not yet available in this version\n');
    return exitCodes.usage;
  },
};
