import type { Command } from '../command.js';
import { exitCodes, type Io } from '../../ground/io.js';
import { hasErrors, type Diagnostic } from '../../ground/diagnostics.js';
import { validateLoaded } from '../../workflow/validate.js';
import { englandBankHolidays } from '../../rules/holidays.js';
import { formFailureExitCode, loadAndValidate } from '../../workflow/load.js';
import { formatDiagnostics, jsonReport, summaryLine, useColour } from '../../ground/diagnostics-text.js';
import { loadMessagesOption } from '../../workflow/context.js';

/** `validate <form..> [--json] [--register FILE]`: loads each form, runs the domain checks, prints diagnostics like a compiler. */
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
  const holidays = englandBankHolidays();
  const sources = new Map<string, string>();
  const all: Diagnostic[] = [];
  let code: number = exitCodes.ok;
  for (const file of files) {
    const load = await loadAndValidate({ file, cwd: io.cwd, register });
    if (load.loaded.text !== undefined) sources.set(file, load.loaded.text);
    if (load.ok) {
      // The domain checks run on the form as the letter would use it: with the register's facts merged in.
      const checked = validateLoaded({ ...load.loaded, form: load.form }, file, {
        holidays,
        ...(messages ? { messages } : {}),
      });
      const registerFindings = load.diagnostics.filter((d) => !load.loaded.diagnostics.includes(d));
      all.push(...checked, ...registerFindings);
    } else {
      all.push(...load.diagnostics);
      if (load.exitCode === exitCodes.usage) code = exitCodes.usage;
    }
  }
  if (json) {
    io.stdout(`${JSON.stringify(jsonReport(all), null, 2)}\n`);
  } else {
    io.stdout(formatDiagnostics(all, sources, { showSource: io.isTTY, colour: useColour(io) }));
    io.stdout(`${summaryLine(all, files)}\n`);
  }
  if (code === exitCodes.usage || formFailureExitCode(all) === exitCodes.usage) return exitCodes.usage;
  return hasErrors(all) ? exitCodes.invalid : exitCodes.ok;
}
