import { resolve } from 'node:path';
import { hasErrors } from '../../diagnostics.js';
import { loadFormFile } from '../../evidence/load.js';
import { isRealDate, type EvidenceForm } from '../../evidence/schema.js';
import { londonDate } from '../../rules/calendar.js';
import { completedDeadlineIds, deadlineStatus, type DeadlineStatus } from '../../rules/deadline-status.js';
import { planDeadlines } from '../../rules/deadlines.js';
import { englandBankHolidays } from '../../rules/holidays.js';
import { toolVersion } from '../../version.js';
import { deadlinesCalendar } from '../../writers/ics.js';
import { writeFileAtomic } from '../../writers/write-atomic.js';
import type { Command } from '../command.js';
import { table } from '../table.js';
import { exitCodes, UserError, type Io } from '../io.js';
import { writeFailure } from '../out-dir.js';
import { summaryLine } from '../print.js';
import { printDiagnostics } from './draft.js';

/** Rules that mean the named file could not be read at all: the command was used wrongly (exit 2), as in validate. */
const unreadable = new Set(['file/not-found', 'file/is-directory', 'file/unreadable']);

/** The form, or the exit code after its diagnostics are printed (stderr, like a compiler): 2 unreadable, 1 invalid. */
function loadForm(file: string, io: Io): EvidenceForm | number {
  const loaded = loadFormFile(resolve(io.cwd, file), file);
  printDiagnostics(io, loaded.diagnostics, loaded, file);
  if (loaded.form && !hasErrors(loaded.diagnostics)) return loaded.form;
  io.stderr(`${summaryLine(loaded.diagnostics, [file])}: no deadlines were computed\n`);
  return loaded.diagnostics.some((d) => unreadable.has(d.rule)) ? exitCodes.usage : exitCodes.invalid;
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
      }),
  run: async (args, io) => {
    const today = args.today === undefined ? londonDate(io.now()) : String(args.today);
    if (!isRealDate(today)) {
      throw new UserError(`--today ${today}: expected a date written YYYY-MM-DD, e.g. 2014-03-12`, exitCodes.usage);
    }
    const file = String(args.form);
    const form = loadForm(file, io);
    if (typeof form === 'number') return form;
    const holidays = englandBankHolidays();
    const plan = planDeadlines(form, holidays);
    const done = completedDeadlineIds(form, today);
    const deadlines = plan.deadlines.map((d) => ({ ...d, status: deadlineStatus(d, today, holidays, done) }));
    const visitDate = [...form.visit.dates].sort()[0] ?? '';

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
