import { resolve } from 'node:path';
import { isRealDate, type EvidenceForm } from '../../evidence/schema.js';
import { firstVisitDay } from '../../evidence/visit-dates.js';
import { londonDate } from '../../ground/calendar.js';
import { completedDeadlineIds, deadlineStatus, type DeadlineStatus } from '../../rules/deadline-status.js';
import { planDeadlines } from '../../rules/deadlines.js';
import { englandBankHolidays } from '../../rules/holidays.js';
import { toolVersion } from '../../ground/version.js';
import { deadlinesCalendar } from '../../writers/ics.js';
import { writeFileAtomic } from '../../writers/write-atomic.js';
import type { Command } from '../command.js';
import { table } from '../table.js';
import { exitCodes, UserError, type Io } from '../../ground/io.js';
import { writeFailure } from '../../workflow/out-dir.js';
import { printDiagnostics, summaryLine } from '../../ground/diagnostics-text.js';
import { loadAndValidate } from '../../workflow/load.js';

/** The form, or the exit code after its diagnostics are printed (stderr, like a compiler). */
async function loadForm(file: string, io: Io): Promise<EvidenceForm | number> {
  const load = await loadAndValidate({ file, cwd: io.cwd });
  printDiagnostics(io, load.diagnostics, { file, text: load.loaded.text });
  if (load.ok) return load.form;
  io.stderr(`${summaryLine(load.diagnostics, [file])}: no deadlines were computed\n`);
  return load.exitCode;
}

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
    const today = args.today === undefined ? londonDate(io.now()) : String(args.today);
    if (!isRealDate(today)) {
      throw new UserError(`--today ${today}: expected a date written YYYY-MM-DD, e.g. 2014-03-12`, exitCodes.usage);
    }
    const file = String(args.form);
    const form = await loadForm(file, io);
    if (typeof form === 'number') return form;
    const holidays = englandBankHolidays();
    const plan = planDeadlines(form, holidays);
    const done = completedDeadlineIds(form, today);
    const deadlines = plan.deadlines.map((d) => ({ ...d, status: deadlineStatus(d, today, holidays, done) }));
    const visitDate = firstVisitDay(form);

    if (typeof args.ics === 'string') {
      if (args.ics.trim() === '')
        throw new UserError('--ics needs a file name, e.g. --ics deadlines.ics', exitCodes.usage);
      const target = resolve(io.cwd, args.ics);
      const text = deadlinesCalendar({
        deadlines: plan.deadlines,
        school: { urn: form.school.urn, name: form.school.name },
        visitDate,
        stamp: io.now(),
        product: `monitoring-letter ${toolVersion}`,
      });
      try {
        writeFileAtomic(target, text);
      } catch (error) {
        throw writeFailure(error, args.ics);
      }
      io.stderr(`Wrote ${plan.deadlines.length} events to ${args.ics}\n`);
    }

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
