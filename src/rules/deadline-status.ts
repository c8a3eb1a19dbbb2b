/**
 * Where each deadline stands on a given day: done, overdue, due soon, open or
 * upcoming. "Today" is an argument; the CLI reads the clock.
 */
import { firstVisitDay } from '../evidence/visit-dates.js';
import type { EvidenceForm } from '../evidence/schema.js';
import { deadlineKind } from './deadlines.js';
import { reviewKinds } from './review-dates.js';
import type { Deadline } from './types.js';
import { workingDaysBetween, type Holidays } from './working-days.js';

/**
 * done: the form records it, or it concerned the visit, which has begun;
 * overdue: its day has passed; due-soon: within `dueSoonWorkingDays` working days (today included);
 * open: a window whose first day has come (e.g. the notification call), or a standing duty
 * (keeping the evidence until the next section 5 inspection), which its date does not end;
 * upcoming: later.
 */
export type DeadlineStatus = 'done' | 'overdue' | 'due-soon' | 'open' | 'upcoming';

/** Due soon means within this many working days of today. */
export const dueSoonWorkingDays = 5;

/** Ids of the deadlines the form shows to be met on `today`. */
export function completedDeadlineIds(form: EvidenceForm, today: string): Set<string> {
  const done = new Set<string>();
  const firstDay = firstVisitDay(form) || undefined;
  if (form.visit.notificationCall !== undefined || (firstDay !== undefined && firstDay <= today)) {
    done.add('notification-call');
  }
  if (firstDay !== undefined && firstDay <= today) {
    done.add('visit-window-opens');
    done.add('visit-window-closes');
  }
  for (const { id, key } of reviewKinds) {
    const review = form.reviews?.[key];
    if (typeof review?.commissioned === 'string' && review.commissioned <= today) done.add(`${id}-commissioned`);
    if (review?.completed !== undefined && review.completed <= today) {
      done.add(`${id}-commissioned`);
      done.add(`${id}-completed`);
    }
  }
  return done;
}

/** The status of one deadline on `today`, given the ids known to be done. */
export function deadlineStatus(
  deadline: Deadline,
  today: string,
  holidays: Holidays,
  done: ReadonlySet<string>,
): DeadlineStatus {
  if (done.has(deadline.id)) return 'done';
  switch (deadlineKind(deadline.id)) {
    case 'until':
      // para 19: evidence is kept until the school is reinspected, which the date only estimates.
      return 'open';
    case 'opens':
      return deadline.date <= today ? 'open' : upcomingOrSoon(deadline, today, holidays);
    case 'due':
      return deadline.date < today ? 'overdue' : upcomingOrSoon(deadline, today, holidays);
  }
}

function upcomingOrSoon(deadline: Deadline, today: string, holidays: Holidays): DeadlineStatus {
  return workingDaysBetween(today, deadline.date, holidays) <= dueSoonWorkingDays ? 'due-soon' : 'upcoming';
}
