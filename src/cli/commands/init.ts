import type { Command } from '../command.js';
import { exitCodes } from '../../ground/io.js';
import { prepareContext } from '../../workflow/context.js';
import { writeInitForm } from '../../workflow/init-form.js';

/** `init [file] [--force]`: writes the commented example form (visit.yaml by default), never over a file unless --force. */
export const initCommand: Command = {
  command: 'init [file]',
  describe: 'Write a commented example form to fill in (default visit.yaml)',
  builder: (y) =>
    y
      .positional('file', { type: 'string', default: 'visit.yaml', describe: 'Where to write the form' })
      .option('force', { type: 'boolean', default: false, describe: 'Overwrite the file if it exists' })
      .example('$0 init', 'visit.yaml, checked by editors against the JSON Schema')
      .example('$0 init 121190-visit.yaml', 'another name'),
  run: async (args, io) => {
    const file = String(args.file ?? 'visit.yaml');
    writeInitForm(prepareContext(io), { file, force: args.force === true });
    io.stdout(`wrote ${file}: fill it in, then run \`monitoring-letter validate ${file}\`\n`);
    return exitCodes.ok;
  },
};
