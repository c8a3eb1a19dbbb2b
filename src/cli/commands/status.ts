import { isRealDate } from '../../ground/calendar.js';
import { exitCodes, UserError } from '../../ground/io.js';
import { prepareContext } from '../../workflow/context.js';
import { letterStatuses, recordPublication } from '../../workflow/status-report.js';
import type { Command } from '../command.js';
import { printOutcome } from '../outcome.js';
import { table } from '../table.js';

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
    const context = prepareContext(io);
    const today = dateOption('today', args.today) ?? context.today();
    const published = dateOption('published', args.published);
    if (typeof args.forms !== 'string')
      throw new UserError('name a form or a folder of forms: status <forms>', exitCodes.usage);
    const out = String(args.out);

    if (published !== undefined) {
      const { letter } = printOutcome(await recordPublication(context, { form: args.forms, out, on: published }), io);
      io.stdout(
        `Recorded: the letter for URN ${letter.urn}, visit ${letter.visitDate}, was published on ${published}\n`,
      );
      return exitCodes.ok;
    }

    const { rows } = printOutcome(await letterStatuses(context, { forms: args.forms, out, today }), io);
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
