/**
 * Every letter's status for `status`: the forms read, grouped into letters
 * (several forms for one visit, the HMI's and the ISP's, are one letter:
 * same URN and last visit day, the names its files and history go by), each
 * with its stage from its history and its next deadline against today.
 */
import { lastVisitDay } from '../evidence/visit-dates.js';
import { computeDeadlines } from '../rules/deadlines.js';
import type { Holidays } from '../rules/working-days.js';
import { historyPath, readHistory } from '../ground/history.js';
import { loadAndValidate } from './load.js';
import { compareStatuses, letterStatus, type LetterStatus } from './status.js';

/** One letter's row. `form` names every form for the letter, comma-separated. */
export interface LetterRow extends LetterStatus {
  form: string;
  forms: string[];
  urn?: string;
  school?: string;
  visitDate?: string;
  problem?: string;
}

export interface StatusSettings {
  outDir: string;
  /** ISO date, London. */
  today: string;
  holidays: Holidays;
}

/** The status of each letter the forms are for, overdue first; an invalid form is its own row saying so. */
export async function statusReport(
  files: readonly { path: string; shown: string }[],
  settings: StatusSettings,
): Promise<LetterRow[]> {
  const rows: LetterRow[] = [];
  const byLetter = new Map<string, LetterRow>();
  for (const file of files) {
    const load = await loadAndValidate({ file: file.path, cwd: '/', displayName: file.shown });
    if (!load.ok) {
      rows.push({
        form: file.shown,
        forms: [file.shown],
        stage: 'awaiting-draft',
        overdue: false,
        problem: 'the form is not valid: run `monitoring-letter validate`',
      });
      continue;
    }
    const form = load.form;
    const urn = String(form.school.urn);
    const visitDate = lastVisitDay(form); // letters and histories are named after the last visit day
    const key = `${urn} ${visitDate}`;
    const same = byLetter.get(key);
    if (same) {
      same.forms.push(file.shown);
      same.form = same.forms.join(', ');
      continue;
    }
    const { events, damagedLines } = readHistory(historyPath(settings.outDir, urn, visitDate));
    const published = form.visit.act !== 'section-117';
    const deadlines = computeDeadlines(form, settings.holidays);
    const row: LetterRow = {
      form: file.shown,
      forms: [file.shown],
      urn,
      ...(form.school.name !== undefined ? { school: form.school.name } : {}),
      visitDate,
      ...letterStatus(events, deadlines, published, settings.today, settings.holidays),
      ...(damagedLines > 0 ? { problem: `${damagedLines} damaged line(s) in its history file` } : {}),
    };
    byLetter.set(key, row);
    rows.push(row);
  }
  return rows.sort(compareStatuses);
}
