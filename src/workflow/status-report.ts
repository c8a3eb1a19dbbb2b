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
import { checkForm } from '../rules/check-form.js';
import { compareStatuses, letterStatus, queueStage, type LetterStatus, type QueueStage } from './status.js';

/** One letter's row. `form` names every form for the letter, comma-separated. */
export interface LetterRow extends LetterStatus {
  form: string;
  forms: string[];
  urn?: string;
  school?: string;
  visitDate?: string;
  problem?: string;
  /** Errors the checks find in the letter's forms (a form that cannot be read counts as one). */
  errors: number;
  /** The stage in the workspace's words (draft, incomplete, ready, final, sent, published). */
  queueStage: QueueStage;
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
        errors: 1,
        queueStage: 'incomplete',
      });
      continue;
    }
    const form = load.form;
    const urn = String(form.school.urn);
    const visitDate = lastVisitDay(form); // letters and histories are named after the last visit day
    const key = `${urn} ${visitDate}`;
    const errors = checkForm(form, { holidays: settings.holidays }).filter((d) => d.severity === 'error').length;
    const same = byLetter.get(key);
    if (same) {
      same.forms.push(file.shown);
      same.form = same.forms.join(', ');
      same.errors += errors;
      same.queueStage = queueStage(same.stage, same.errors);
      continue;
    }
    const { events, damagedLines } = readHistory(historyPath(settings.outDir, urn, visitDate));
    const published = form.visit.act !== 'section-117';
    const deadlines = computeDeadlines(form, settings.holidays);
    const status = letterStatus(events, deadlines, published, settings.today, settings.holidays);
    const row: LetterRow = {
      form: file.shown,
      forms: [file.shown],
      urn,
      ...(form.school.name !== undefined ? { school: form.school.name } : {}),
      visitDate,
      ...status,
      errors,
      queueStage: queueStage(status.stage, errors),
      ...(damagedLines > 0 ? { problem: `${damagedLines} damaged line(s) in its history file` } : {}),
    };
    byLetter.set(key, row);
    rows.push(row);
  }
  return rows.sort(compareStatuses);
}
