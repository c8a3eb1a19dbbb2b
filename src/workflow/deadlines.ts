/**
 * `deadlines` as one workflow step: load and check the form, plan every date
 * due (working days in England), mark each against today, and write the
 * iCalendar file when one is asked for. Returns data; the command prints it.
 */
import { resolve } from 'node:path';
import type { EvidenceForm } from '../evidence/schema.js';
import type { Diagnostic } from '../ground/diagnostics.js';
import { firstVisitDay } from '../evidence/visit-dates.js';
import { toolVersion } from '../ground/version.js';
import { completedDeadlineIds, deadlineStatus, type DeadlineStatus } from '../rules/deadline-status.js';
import { planDeadlines, type DeadlinePlan } from '../rules/deadlines.js';
import type { Deadline } from '../rules/types.js';
import { deadlinesCalendar } from '../writers/ics.js';
import { writeFileAtomic } from '../writers/write-atomic.js';
import type { WorkflowContext } from './context.js';
import { loadAndValidate, type UnusableForm } from './load.js';
import { writeFailure } from './out-dir.js';

export type { DeadlineStatus, DeadlinePlan };

export interface DeadlinesRequest {
  form: string;
  /** The date the statuses are judged against (YYYY-MM-DD). */
  today: string;
  /** Also write an iCalendar file here (relative to the io's cwd); `shown` as the user named it. */
  ics?: string | undefined;
}

export interface LetterDeadlines {
  ok: true;
  form: EvidenceForm;
  /** The form's load, for its diagnostics and source text. */
  load: { diagnostics: Diagnostic[]; text: string | undefined };
  plan: DeadlinePlan;
  deadlines: (Deadline & { status: DeadlineStatus })[];
  /** The calendar file written, with its number of events. */
  ics?: { file: string; events: number };
}

export type DeadlinesOutcome = LetterDeadlines | (UnusableForm & { text: string | undefined });

/** Every date due for the form's letter, marked against `today`; the calendar file written when asked for. */
export async function letterDeadlines(context: WorkflowContext, request: DeadlinesRequest): Promise<DeadlinesOutcome> {
  const { io } = context;
  const load = await loadAndValidate({ file: request.form, cwd: io.cwd });
  if (!load.ok) return { ...load, text: load.loaded.text };
  const { form } = load;
  const holidays = context.holidays();
  const plan = planDeadlines(form, holidays);
  const done = completedDeadlineIds(form, request.today);
  const deadlines = plan.deadlines.map((d) => ({ ...d, status: deadlineStatus(d, request.today, holidays, done) }));
  const outcome: LetterDeadlines = {
    ok: true,
    form,
    load: { diagnostics: load.diagnostics, text: load.loaded.text },
    plan,
    deadlines,
  };
  if (request.ics !== undefined) {
    const text = deadlinesCalendar({
      deadlines: plan.deadlines,
      school: { urn: form.school.urn, name: form.school.name },
      visitDate: firstVisitDay(form),
      stamp: io.now(),
      product: `monitoring-letter ${toolVersion}`,
    });
    try {
      writeFileAtomic(resolve(io.cwd, request.ics), text);
    } catch (error) {
      throw writeFailure(error, request.ics);
    }
    outcome.ics = { file: request.ics, events: plan.deadlines.length };
  }
  return outcome;
}
