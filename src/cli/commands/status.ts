import { existsSync, statSync } from 'node:fs';
import { basename, relative, resolve } from 'node:path';
import { listForms } from '../../batch/run-batch.js';
import { hasErrors } from '../../diagnostics.js';
import { loadFormFile } from '../../evidence/load.js';
import { isRealDate } from '../../evidence/schema.js';
import { londonDate } from '../../rules/calendar.js';
import { computeDeadlines } from '../../rules/deadlines.js';
import { englandBankHolidays } from '../../rules/holidays.js';
import { historyPath, readHistory } from '../../workflow/history.js';
import { compareStatuses, letterStatus, type LetterStatus } from '../../workflow/status.js';
import type { Command } from '../command.js';
import { table } from '../table.js';
import { lastVisitDay } from '../../rules/checks/form-facts.js';
import { exitCodes, UserError } from '../io.js';

interface Row extends LetterStatus {
  form: string;
  urn?: string;
  school?: string;
  visitDate?: string;
  problem?: string;
}

const stageWords: Record<string, string> = {
  'awaiting-draft': 'awaiting HMI draft',
  drafted: 'drafted',
  'draft-received': 'draft received',
  finalised: 'finalised',
  sent: 'sent',
  published: 'published',
  withheld: 'withheld (s117)',
};

export const statusCommand: Command = {
  command: 'status <forms>',
  describe: 'Where each letter stands (drafted, finalised, sent, published) and its next deadline, overdue first',
  builder: (y) =>
    y
      .positional('forms', { type: 'string', describe: 'A form, or a folder of forms' })
      .option('out', { type: 'string', default: 'output', describe: 'Where the letters and their histories are' })
      .option('today', { type: 'string', describe: 'Judge deadlines against this date (YYYY-MM-DD) instead of today' })
      .option('json', { type: 'boolean', default: false, describe: 'Print JSON: { today, letters: [...] }' }),
  run: async (args, io) => {
    const today = args.today === undefined ? londonDate(io.now()) : String(args.today);
    if (!isRealDate(today)) {
      throw new UserError(`--today ${today}: expected a date written YYYY-MM-DD, e.g. 2014-03-12`, exitCodes.usage);
    }
    if (typeof args.forms !== 'string')
      throw new UserError('name a form or a folder of forms: status <forms>', exitCodes.usage);
    const target = resolve(io.cwd, args.forms);
    if (!existsSync(target)) throw new UserError(`${String(args.forms)}: no such form or folder`, exitCodes.usage);
    const files = statSync(target).isDirectory() ? listForms(target) : [target];
    const outDir = resolve(io.cwd, String(args.out));
    const holidays = englandBankHolidays();

    const rows: Row[] = files.map((file) => {
      const form = relative(io.cwd, file) || basename(file);
      const loaded = loadFormFile(file, form);
      if (!loaded.form || hasErrors(loaded.diagnostics)) {
        return {
          form,
          stage: 'awaiting-draft',
          overdue: false,
          problem: 'the form is not valid: run `monitoring-letter validate`',
        };
      }
      const f = loaded.form;
      const visitDate = lastVisitDay(f); // letters and histories are named after the last visit day
      const { events, damagedLines } = readHistory(historyPath(outDir, f.school.urn, visitDate));
      const published = f.visit.act !== 'section-117';
      const status = letterStatus(events, computeDeadlines(f, holidays), published, today, holidays);
      return {
        form,
        urn: f.school.urn,
        ...(f.school.name !== undefined ? { school: f.school.name } : {}),
        visitDate,
        ...status,
        ...(damagedLines > 0 ? { problem: `${damagedLines} damaged line(s) in its history file` } : {}),
      };
    });
    rows.sort(compareStatuses);

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
        ['', 'stage', 'next', 'due', 'working days', 'school', 'form'],
        ...rows.map((r) => [
          r.overdue ? 'OVERDUE' : '',
          stageWords[r.stage] ?? r.stage,
          r.next?.id ?? '',
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
