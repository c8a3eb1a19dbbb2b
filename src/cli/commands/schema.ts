import type { Command } from '../command.js';
import { exitCodes } from '../io.js';

// Placeholder until its issue lands: says so plainly rather than pretending.
export const schemaCommand: Command = {
  command: 'schema',
  describe: 'schema (not yet available)',
  builder: (y) => y,
  run: async (_args, io) => {
    io.stderr('monitoring-letter schema: not yet available in this version\n');
    return exitCodes.usage;
  },
};
