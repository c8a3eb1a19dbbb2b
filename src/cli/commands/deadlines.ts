import { isRealDate } from '../../ground/calendar.js';
import { printDiagnostics, summaryLine } from '../../ground/diagnostics-text.js';
import { exitCodes, UserError } from '../../ground/io.js';
import { prepareContext } from '../../workflow/context.js';
import { letterDeadlines, type DeadlineStatus } from '../../workflow/deadlines.js';
import type { Command } from '../command.js';
import { table } from '../table.js';

const marks: Record<DeadlineStatus, string> = {
  overdue: 'OVERDUE',
  'due-soon': 'due soon',
  open: 'open',
  upcoming: '',
  done: 'done',
};

/** "para 17", or the source's name where it has no paragraph numbers. */
function cite(paragraph: string): string {
  return /^\d/.test(paragraph) ? `para ${paragraph}` : paragraph;
}

export const deadlinesCommand: Command = {
  command: 'deadlines <form>',
  describe: 'Every date due after the visit, from what, under which paragraph',
  builder: (y) =>
    y
      .positional('form', { type: 'string', describe: 'The visit-evidence form (YAML or JSON)' })
      .option('json', {
        type: 'boolean',
        default: false,
        describe: 'Print JSON: { deadlines: [...], notApplicable: [...] }',
      })
      .option('ics', { type: 'string', describe: 'Also write an iCalendar file, one all-day event per deadline' })
      .option('today', {
        type: 'string',
        describe: 'Mark overdue and due-soon items against this date (YYYY-MM-DD) instead of today',
      })
      .example('$0 deadlines visit.yaml', 'every date due, marked against today')
      .example('$0 deadlines visit.yaml --ics visit.ics', 'also a calendar file'),
  run: async (args, io) => {
    const context = prepareContext(io);
    const today = args.today === undefined ? context.today() : String(args.today);
    if (!isRealDate(today)) {
      throw new UserError(`--today ${today}: expected a date written YYYY-MM-DD, e.g. 2014-03-12`, exitCodes.usage);
    }
    const file = String(args.form);
    const ics = typeof args.ics === 'string' ? args.ics : undefined;
    if (ics !== undefined && ics.trim() === '') {
      throw new UserError('--ics needs a file name, e.g. --ics deadlines.ics', exitCodes.usage);
    }
    const outcome = await letterDeadlines(context, { form: file, today, ics });
    if (!outcome.ok) {
      printDiagnostics(io, outcome.diagnostics, { file, text: outcome.text });
      io.stderr(`${summaryLine(outcome.diagnostics, [file])}: no deadlines were computed\n`);
      return outcome.exitCode;
    }
    printDiagnostics(io, outcome.load.diagnostics, { file, text: outcome.load.text });
    const { form, plan, deadlines } = outcome;
    if (outcome.ics) io.stderr(`Wrote ${outcome.ics.events} events to ${outcome.ics.file}\n`);

    if (args.json === true) {
      const notApplicable = plan.omitted;
      io.stdout(JSON.stringify({ today, arrangements: plan.arrangements, deadlines, notApplicable }, null, 2) + '\n');
      return exitCodes.ok;
    }

    const school = form.school.name ?? `URN ${form.school.urn}`;
    const lines = [
      `${school} (URN ${form.school.urn}): monitoring visit of ${form.visit.dates.join(', ')}, ${plan.arrangements} arrangements; as at ${today}`,
      '',
      table([
        ['', 'date', 'id', 'para', 'basis', 'what'],
        ...deadlines.map((d) => [marks[d.status], d.date, d.id, d.paragraph, d.basis, d.description]),
      ]),
      '',
      'Working days: Monday to Friday except England\u2019s bank holidays; the visit\u2019s last day is day 0.',
    ];
    if (plan.omitted.length > 0) {
      lines.push('', 'Not applicable:');
      for (const o of plan.omitted) lines.push(`  ${o.id}: ${o.reason} (${cite(o.paragraph)})`);
    }
    io.stdout(lines.join('\n') + '\n');
    return exitCodes.ok;
  },
};
