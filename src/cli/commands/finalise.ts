import { existsSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { Command } from '../command.js';
import { exitCodes, UserError, type Io } from '../../ground/io.js';
import { outputFormats } from '../../ground/formats.js';
import { dayNumber, fromDayNumber, londonDate } from '../../ground/calendar.js';
import { formatLongDate } from '../../ground/dates-in-words.js';
import { englandBankHolidays } from '../../rules/holidays.js';
import { formatChanges, type Lateness } from '../../workflow/finalise-plan.js';
import { finaliseLetter } from '../../workflow/finalise-letter.js';
import { printDiagnostics } from '../../ground/diagnostics-text.js';
import { parseFormats } from '../format-option.js';
import { loadTemplates } from '../../workflow/context.js';

/** --date: a real calendar date written YYYY-MM-DD. */
function parseDate(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const text = String(value);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || fromDayNumber(dayNumber(text)) !== text) {
    throw new UserError(`--date ${text}: expected a date written YYYY-MM-DD, e.g. 2014-03-20`, exitCodes.usage);
  }
  return text;
}

/** --by, else the account's user name (USER, USERNAME or LOGNAME): the name Word shows on each tracked change. */
function finaliser(value: unknown, io: Io): string {
  const fromAccount = io.env.USER ?? io.env.USERNAME ?? io.env.LOGNAME ?? '';
  const name = (typeof value === 'string' ? value : fromAccount).trim();
  if (name === '') {
    throw new UserError(
      typeof value === 'string'
        ? '--by is empty: give the name of who is finalising the letter, e.g. --by "A. Officer"'
        : 'who is finalising the letter? Give your name with --by NAME (no USER is set to take it from)',
      exitCodes.usage,
    );
  }
  return name;
}

function latenessWarning(lateness: Lateness, finalisedOn: string): string {
  const late =
    lateness.workingDaysLate === 1
      ? '1 working day late'
      : lateness.workingDaysLate > 0
        ? `${lateness.workingDaysLate} working days late`
        : 'after the deadline (no working day has passed since)';
  return (
    `warning: para 17: the final letter was due by ${formatLongDate(lateness.due)} (within 10 working days of the end of the visit, England); ` +
    `finalised on ${formatLongDate(finalisedOn)}, ${late}\n`
  );
}

/** `finalise <form> --draft FILE`: the ISP's final letter, version-stamped, with a redline against the HMI's draft. */
export const finaliseCommand: Command = {
  command: 'finalise <form>',
  describe:
    'Make the final letter from the ISP’s edited form, dated today, with a redline DOCX against the HMI’s draft',
  builder: (y) =>
    y
      .positional('form', { type: 'string', describe: 'The ISP’s edited final form (YAML or JSON)' })
      .option('draft', {
        type: 'string',
        describe: 'Required: the HMI’s submitted draft, a form (.yaml, .json) or a letter (.docx, .md, .txt)',
      })
      .option('by', {
        type: 'string',
        describe: 'Who finalises the letter (default: the account’s USER; required when USER is not set)',
      })
      .option('date', {
        type: 'string',
        describe: 'The day of finalising, YYYY-MM-DD, which the final letter is dated (default: today, London)',
      })
      .option('out', { type: 'string', default: 'output', describe: 'Folder to write the letter into' })
      .option('templates', { type: 'string', describe: 'A folder of templates overriding the bundled wording' })
      .option('format', {
        type: 'string',
        describe: `Formats to write, comma-separated: ${outputFormats.join(',')} (default: all)`,
      })
      .option('force', {
        type: 'boolean',
        default: false,
        describe: 'Finalise again: replaces the final letter with the next version',
      })
      .example('$0 finalise visit.yaml --draft hmi-draft.docx --by "A. Officer"', 'final letter, redline and changes')
      .example('$0 finalise visit.yaml --draft hmi-draft.yaml --date 2014-03-20', 'dated a given day'),
  run: async (args, io) => {
    if (typeof args.draft !== 'string' || args.draft.trim() === '') {
      throw new UserError(
        'finalise needs the HMI’s draft to compare with: --draft FILE (a form, or a .docx, .md or .txt letter)',
        exitCodes.usage,
      );
    }
    const out = String(args.out ?? 'output');
    const by = finaliser(args.by, io);
    const on = parseDate(args.date) ?? londonDate(io.now());
    const formats = parseFormats(args.format);
    const templates = loadTemplates(typeof args.templates === 'string' ? args.templates : undefined, io);
    const outDir = resolve(io.cwd, out);
    if (existsSync(outDir) && !statSync(outDir).isDirectory()) {
      throw new UserError(
        `--out ${out}: a file is in the way; expected a folder to write the letters into`,
        exitCodes.usage,
      );
    }
    const outcome = await finaliseLetter({
      form: String(args.form),
      draft: args.draft,
      cwd: io.cwd,
      outDir,
      by,
      on,
      at: io.now().toISOString(),
      force: args.force === true,
      formats,
      templates,
      holidays: englandBankHolidays(),
    });
    const shownPaths = (text: string): string => text.split(`${outDir}/`).join(`${relative(io.cwd, outDir) || '.'}/`);
    printDiagnostics(io, outcome.diagnostics, outcome.sources);
    if (!outcome.ok) {
      if (outcome.exitCode === exitCodes.usage || outcome.exitCode === exitCodes.outside) {
        throw new UserError(shownPaths(outcome.message), outcome.exitCode);
      }
      io.stderr(`${shownPaths(outcome.message)}\n`);
      return outcome.exitCode;
    }
    for (const path of outcome.written) io.stdout(`Wrote ${relative(io.cwd, path) || path}\n`);
    const { stamp, plan } = outcome;
    io.stdout(`Finalised version ${stamp.version} by ${stamp.by} on ${formatLongDate(stamp.on)}\n\n`);
    io.stdout(`Changes to the HMI’s draft:\n${formatChanges(plan.changes)}`);
    if (plan.lateness) io.stderr(latenessWarning(plan.lateness, stamp.on));
    for (const warning of outcome.warnings) io.stderr(`warning: ${shownPaths(warning)}\n`);
    return exitCodes.ok;
  },
};
