import type { Command } from '../command.js';
import { exitCodes } from '../../ground/io.js';
import { formSchemaText } from '../../workflow/schema.js';

/** `schema`: prints the evidence form's JSON Schema (generated from the zod schema). */
export const schemaCommand: Command = {
  command: 'schema',
  describe: 'Print the JSON Schema of the evidence form, for editors',
  builder: (y) => y.example('$0 schema > evidence-form.schema.json', 'for an editor that checks forms'),
  run: async (_args, io) => {
    io.stdout(formSchemaText());
    return exitCodes.ok;
  },
};
