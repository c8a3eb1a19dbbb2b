import { existsSync, statSync } from 'node:fs';
import { basename, relative, resolve } from 'node:path';
import { listForms } from '../../workflow/batch/run-batch.js';
import { isRealDate } from '../../evidence/schema.js';
import { londonDate } from '../../ground/calendar.js';
import { englandBankHolidays } from '../../rules/holidays.js';
import { recordPublication } from '../../workflow/publish.js';
import { statusReport } from '../../workflow/status-report.js';
import type { Command } from '../command.js';
import { table } from '../table.js';
import { exitCodes, UserError } from '../../ground/io.js';

const stageWords: Record<string, string> = {
  'awaiting-draft': 'awaiting HMI draft',
  drafted: 'drafted',
  'draft-received': 'draft received',
  finalised: 'finalised',
  sent: 'sent',
  published: 'published',
  withheld: 'withheld (s117)',
};

/** A date option written YYYY-MM-DD, or a usage error naming the option. */
function dateOption(name: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const text = String(value);
  if (!isRealDate(text)) {
    throw new UserError(`--${name} ${text}: expected a date written YYYY-MM-DD, e.g. 2014-03-12`, exitCodes.usage);
  }
  return text;
}

export const statusCommand: Command = {
  command: 'status <forms>',
  describe: 'Where each letter stands (drafted, finalised, sent, published) and its next deadline, overdue first',
  builder: (y) =>
    y
      .positional('forms', { type: 'string', describe: 'A form, or a folder of forms' })
      .option('out', { type: 'string', default: 'output', describe: 'Where the letters and their histories are' })
      .option('today', { type: 'string', describe: 'Judge deadlines against this date (YYYY-MM-DD) instead of today' })
      .option('published', {
        type: 'string',
        describe: 'Record that the letter of this one form was published on DATE (YYYY-MM-DD), para 18',
      })
      .option('json', { type: 'boolean', default: false, describe: 'Print JSON: { today, letters: [...] }' })
      .example('$0 status forms/', 'every letter, overdue first')
      .example('$0 status visit.yaml --published 2014-04-02', 'Ofsted published the letter on 2 April 2014'),
  run: async (args, io) => {
    const today = dateOption('today', args.today) ?? londonDate(io.now());
    const published = dateOption('published', args.published);
    if (typeof args.forms !== 'string')
      throw new UserError('name a form or a folder of forms: status <forms>', exitCodes.usage);
    const target = resolve(io.cwd, args.forms);
    if (!existsSync(target)) throw new UserError(`${String(args.forms)}: no such form or folder`, exitCodes.usage);
    const folder = statSync(target).isDirectory();
    const outDir = resolve(io.cwd, String(args.out));

    if (published !== undefined) {
      if (folder) {
        throw new UserError(
          `--published records one letter's publication: name its form, not the folder ${String(args.forms)}`,
          exitCodes.usage,
        );
      }
      const outcome = await recordPublication({
        form: String(args.forms),
        cwd: io.cwd,
        outDir,
        on: published,
        at: io.now().toISOString(),
      });
      if (!outcome.ok) throw new UserError(outcome.message, outcome.exitCode);
      const { letter } = outcome;
      io.stdout(
        `Recorded: the letter for URN ${letter.urn}, visit ${letter.visitDate}, was published on ${published}\n`,
      );
      return exitCodes.ok;
    }

    const files = folder ? listForms(target) : [target];
    const rows = await statusReport(
      files.map((file) => ({ path: file, shown: relative(io.cwd, file) || basename(file) })),
      { outDir, today, holidays: englandBankHolidays() },
    );

    if (args.json === true) {
      io.stdout(JSON.stringify({ today, letters: rows }, null, 2) + '\n');
      return exitCodes.ok;
    }
    if (rows.length === 0) {
      io.stdout(`No forms in ${String(args.forms)}.\n`);
      return exitCodes.ok;
    }
    const lines = [
      `As at ${today}; working days in England.`,
      '',
      table([
        ['', 'stage', 'versions', 'next', 'due', 'working days', 'school', 'form'],
        ...rows.map((r) => [
          r.overdue ? 'OVERDUE' : '',
          stageWords[r.stage] ?? r.stage,
          r.versionsText ?? '',
          r.nextWhat ?? '',
          r.next?.date ?? '',
          r.workingDaysLeft === undefined ? '' : String(r.workingDaysLeft),
          r.school ? `${r.school} (${r.urn ?? ''})` : (r.urn ?? ''),
          r.problem ? `${r.form}: ${r.problem}` : r.form,
        ]),
      ]),
    ];
    const overdue = rows.filter((r) => r.overdue).length;
    lines.push('', `${rows.length} letter${rows.length === 1 ? '' : 's'}, ${overdue} overdue.`);
    io.stdout(lines.join('\n') + '\n');
    return exitCodes.ok;
  },
};
