import type { Command } from '../command.js';
import { exitCodes } from '../io.js';

// Placeholder until its issue lands: says so plainly rather than pretending.
export const exampleCommand: Command = {
  command: 'example',
  describe: 'example (not yet available)',
  builder: (y) => y,
  run: async (_args, io) => {
    io.stderr('monitoring-letter example: not yet available in this version\n');
    return exitCodes.usage;
  },
};
