import { resolve } from 'node:path';
import type { Command } from '../command.js';
import { exitCodes, type Io } from '../io.js';
import { hasErrors, type Diagnostic } from '../../diagnostics.js';
import { loadFormFile } from '../../evidence/load.js';
import { validateLoaded } from '../../evidence/validate.js';
import { englandBankHolidays } from '../../rules/holidays.js';
import { formatDiagnostics, jsonReport, summaryLine } from '../print.js';

/** Rules that mean the named file could not be read at all: the command was used wrongly (exit 2). */
const unreadable = new Set(['file/not-found', 'file/is-directory', 'file/unreadable']);

/** `validate <form..> [--json]`: loads each form, runs the domain checks, prints diagnostics like a compiler. */
export const validateCommand: Command = {
  command: 'validate <form..>',
  describe: 'check evidence forms (YAML or JSON) and print their diagnostics',
  builder: (y) =>
    y
      .positional('form', { type: 'string', array: true, describe: 'the form(s) to check' })
      .option('json', { type: 'boolean', default: false, describe: 'print { ok, diagnostics } as JSON' }),
  run: async (args, io) => run(args.form as string[], args.json === true, io),
};

async function run(files: readonly string[], json: boolean, io: Io): Promise<number> {
  const holidays = englandBankHolidays();
  const sources = new Map<string, string>();
  const all: Diagnostic[] = [];
  for (const file of files) {
    const loaded = loadFormFile(resolve(io.cwd, file), file);
    if (loaded.text !== undefined) sources.set(file, loaded.text);
    all.push(...validateLoaded(loaded, file, { holidays }));
  }
  if (json) {
    io.stdout(`${JSON.stringify(jsonReport(all), null, 2)}\n`);
  } else {
    const colour = io.isTTY && io.env.NO_COLOR === undefined;
    io.stdout(formatDiagnostics(all, sources, { showSource: io.isTTY, colour }));
    io.stdout(`${summaryLine(all, files)}\n`);
  }
  if (all.some((d) => unreadable.has(d.rule))) return exitCodes.usage;
  return hasErrors(all) ? exitCodes.invalid : exitCodes.ok;
}
