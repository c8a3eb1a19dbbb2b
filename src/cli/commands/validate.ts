import type { Command } from '../command.js';
import { type Io } from '../../ground/io.js';
import { formatDiagnostics, jsonReport, summaryLine, useColour } from '../../ground/diagnostics-text.js';
import { loadMessagesOption, prepareContext } from '../../workflow/context.js';
import { validateForms } from '../../workflow/validate.js';

export const validateCommand: Command = {
  command: 'validate <form..>',
  describe:
    'Check evidence forms (YAML or JSON) against the schema and the guidance; print diagnostics like a compiler',
  builder: (y) =>
    y
      .positional('form', { type: 'string', array: true, describe: 'The form(s) to check' })
      .option('json', { type: 'boolean', default: false, describe: 'Print { ok, diagnostics } as JSON' })
      .option('register', {
        type: 'string',
        describe: 'A GIAS register extract (CSV): check the school’s facts merged with the register’s',
      })
      .option('templates', {
        type: 'string',
        describe: 'A templates folder whose messages.yaml rewords the findings (see templates/messages/en.yaml)',
      })
      .example('$0 validate visit.yaml', 'diagnostics with line, column and guidance paragraph')
      .example('$0 validate forms/*.yaml --register edubasealldata.csv --json', 'several forms, as JSON'),
  run: async (args, io) =>
    run(
      args.form as string[],
      args.json === true,
      typeof args.register === 'string' ? args.register : undefined,
      typeof args.templates === 'string' ? args.templates : undefined,
      io,
    ),
};

async function run(
  files: readonly string[],
  json: boolean,
  register: string | undefined,
  templates: string | undefined,
  io: Io,
): Promise<number> {
  const messages = loadMessagesOption(templates, io);
  const { diagnostics, sources, exitCode } = await validateForms(prepareContext(io), { files, register, messages });
  if (json) {
    io.stdout(`${JSON.stringify(jsonReport(diagnostics), null, 2)}\n`);
  } else {
    io.stdout(formatDiagnostics(diagnostics, sources, { showSource: io.isTTY, colour: useColour(io) }));
    io.stdout(`${summaryLine(diagnostics, files)}\n`);
  }
  return exitCode;
}
